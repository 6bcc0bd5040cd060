/* Draws the "Scores over time" chart of the My scores page from the JSON the page embeds.
   The table on the page holds the same numbers; without JavaScript or Chart.js nothing is lost. */
(function () {
  "use strict";

  var canvas = document.getElementById("scores-chart");
  var source = document.getElementById("scores-chart-data");
  if (!canvas || !source || typeof window.Chart === "undefined") {
    return;
  }

  var points;
  try {
    points = JSON.parse(source.textContent);
  } catch (error) {
    return;
  }
  if (!Array.isArray(points) || points.length === 0) {
    return;
  }

  // UTC, like the table on the same page, so both show the same day and time.
  var dayFormat = new Intl.DateTimeFormat(undefined, {
    day: "numeric", month: "short", timeZone: "UTC"
  });
  var timeFormat = new Intl.DateTimeFormat(undefined, {
    day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short"
  });
  function formatted(format, text) {
    var moment = new Date(text);
    return isNaN(moment.getTime()) ? "" : format.format(moment);
  }
  var labels = points.map(function (point) { return formatted(dayFormat, point.submittedAt); });
  var reduceMotion = window.matchMedia &&
    window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  new window.Chart(canvas, {
    type: "line",
    data: {
      labels: labels,
      datasets: [{
        label: "Score (%)",
        data: points.map(function (point) { return point.percent; }),
        borderColor: "#0d6efd",
        backgroundColor: "rgba(13, 110, 253, 0.15)",
        pointRadius: 5,
        pointHoverRadius: 7,
        tension: 0.2,
        fill: true
      }]
    },
    options: {
      animation: reduceMotion ? false : undefined,
      maintainAspectRatio: false,
      scales: {
        // Offset keeps a lone first attempt in the middle rather than on the axis.
        x: { offset: true },
        y: {
          min: 0,
          max: 100,
          ticks: { callback: function (value) { return value + "%"; } }
        }
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            // Chart.js draws text on the canvas, so article titles are never parsed as HTML.
            title: function (items) { return points[items[0].dataIndex].article; },
            label: function (item) {
              var when = formatted(timeFormat, points[item.dataIndex].submittedAt);
              return when + ": " + item.parsed.y + "%";
            }
          }
        }
      }
    }
  });
})();
