// Timeline filters: by event type and by modality. No network, no eval, no inline handlers.
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
  document.addEventListener("DOMContentLoaded", function () {
    var type = document.getElementById("filter-type");
    if (type) { type.addEventListener("change", apply); }
    document.querySelectorAll("input[data-modality]").forEach(function (b) {
      b.addEventListener("change", apply);
    });
    apply();
  });
})();
