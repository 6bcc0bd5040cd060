/* The teacher's question form: show only the fields of the chosen kind of question.
   Without JavaScript every section stays visible and the form still works. */
(function () {
  "use strict";

  var radios = document.querySelectorAll('input[name="format"]');
  function update() {
    var chosen = document.querySelector('input[name="format"]:checked');
    document.querySelectorAll("[data-format]").forEach(function (section) {
      section.hidden = chosen !== null && section.dataset.format !== chosen.value;
    });
  }
  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
})();
