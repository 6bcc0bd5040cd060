/* Saves the answer on a question page as it is chosen or typed, and says so in the page's
   status region. It posts the same fields as the page's form, as JSON, with the form's CSRF
   token. Without JavaScript, Next / Previous save the answer as before. */
(function () {
  "use strict";

  var status = document.getElementById("autosave-status");
  var form = status && document.getElementById(status.getAttribute("data-form"));
  if (!form || !window.fetch) {
    return;
  }
  var url = status.getAttribute("data-url");
  var TYPING_PAUSE_MS = 600;
  var OFFLINE = "Not saved \u2014 check your connection.";

  var timer = null; // the debounce of typing
  var inFlight = false; // one request at a time, so an older answer never lands last
  var queued = false; // another change came while a request was in flight
  var lastSent = null;

  function field(name) {
    var input = form.elements.namedItem(name);
    return input ? input.value : "";
  }

  function currentValue() {
    var chosen = form.querySelector('input[name="choice"]:checked');
    if (chosen) {
      return parseInt(chosen.value, 10);
    }
    var reply = form.elements.namedItem("reply");
    if (reply) {
      return reply.value.trim() === "" ? null : reply.value;
    }
    return null;
  }

  function say(text) {
    status.textContent = text;
  }

  function timeNow() {
    return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function body(value) {
    return JSON.stringify({
      question_id: parseInt(field("question_id"), 10),
      order_key: field("order_key"),
      value: value
    });
  }

  function request(value, keepalive) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: Boolean(keepalive),
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRFToken": field("csrf_token")
      },
      body: body(value)
    });
  }

  function finished() {
    inFlight = false;
    if (queued) {
      queued = false;
      save();
    }
  }

  function save() {
    clearTimeout(timer);
    timer = null;
    if (inFlight) {
      queued = true;
      return;
    }
    var value = currentValue();
    inFlight = true;
    say("Saving\u2026");
    request(value, false)
      .then(function (response) {
        return response.json().then(
          function (data) { return { ok: response.ok, data: data }; },
          function () { return { ok: false, data: {} }; }
        );
      })
      .then(function (result) {
        if (result.ok && result.data.saved) {
          lastSent = value;
          say("Saved at " + timeNow() + ".");
        } else if (result.data.error) {
          say("Not saved: " + result.data.error);
        } else {
          say(OFFLINE);
        }
      })
      .catch(function () { say(OFFLINE); })
      .then(finished);
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "choice" || event.target.name === "reply") {
      save();
    }
  });

  form.addEventListener("input", function (event) {
    if (event.target.name === "reply") {
      clearTimeout(timer);
      timer = setTimeout(save, TYPING_PAUSE_MS);
    }
  });

  // Next / Previous post the answer themselves: nothing more to send from this page.
  // (A save already in flight carries the same answer, unless it was changed within the
  // few milliseconds it takes.)
  form.addEventListener("submit", function () {
    clearTimeout(timer);
    timer = null;
    queued = false;
  });

  // Closing the tab during the typing pause: send what was typed anyway.
  window.addEventListener("pagehide", function () {
    if (timer !== null && currentValue() !== lastSent) {
      clearTimeout(timer);
      request(currentValue(), true).catch(function () {});
    }
  });
})();
