// Timeline filters (by event type and modality) and network filters (by event type). No network, no eval, no inline handlers.
(function () {
  "use strict";
  function apply() {
    var type = document.getElementById("filter-type");
    var wanted = type ? type.value : "";
    var boxes = document.querySelectorAll("input[data-modality]");
    var shown = {};
    boxes.forEach(function (b) { shown[b.getAttribute("data-modality")] = b.checked; });
    var visible = 0;
    document.querySelectorAll(".timeline-item").forEach(function (item) {
      var ok = (!wanted || item.getAttribute("data-type") === wanted) &&
               shown[item.getAttribute("data-modality")] !== false;
      item.classList.toggle("hidden", !ok);
      if (ok) { visible += 1; }
    });
    var count = document.getElementById("timeline-count");
    if (count) { count.textContent = String(visible); }
  }
  function edges() {
    var select = document.getElementById("filter-edge-type");
    var wanted = select ? select.value : "";
    var shown = 0;
    document.querySelectorAll("line.edge").forEach(function (line) {
      var ok = !wanted || (" " + line.getAttribute("data-types") + " ").indexOf(" " + wanted + " ") >= 0;
      line.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    document.querySelectorAll("tr.edge-row").forEach(function (row) {
      var ok = !wanted || (" " + row.getAttribute("data-types") + " ").indexOf(" " + wanted + " ") >= 0;
      row.classList.toggle("hidden", !ok);
    });
    var count = document.getElementById("edge-count");
    if (count) { count.textContent = String(shown); }
  }
  function reveal() {
    // a link to an event ("#event-...") opens its timeline entry, even when filtered out
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.tagName === "DETAILS") {
      target.classList.remove("hidden");
      target.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  document.addEventListener("DOMContentLoaded", function () {
    var edgeType = document.getElementById("filter-edge-type");
    if (edgeType) { edgeType.addEventListener("change", edges); }
    var type = document.getElementById("filter-type");
    if (type) { type.addEventListener("change", apply); }
    document.querySelectorAll("input[data-modality]").forEach(function (b) {
      b.addEventListener("change", apply);
    });
    apply();
    reveal();
  });
})();
