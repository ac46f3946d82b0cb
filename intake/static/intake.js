// Progressive enhancement only: the form works the same without this file.
// Live character counters, and a guard against sending the same form twice by double-tapping.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-max]"), function (field) {
    var max = parseInt(field.getAttribute("data-max"), 10);
    if (!max) return;
    var counter = document.createElement("p");
    counter.className = "counter";
    counter.setAttribute("aria-live", "polite");
    function update() {
      var left = max - field.value.length;
      counter.textContent = left >= 0 ? left + " characters left" : -left + " characters too many";
      counter.classList.toggle("counter--over", left < 0);
    }
    field.addEventListener("input", update);
    field.insertAdjacentElement("afterend", counter);
    update();
  });
  var summary = document.getElementById("errors");
  if (summary) summary.focus();  // screen readers announce the list of problems first
  Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
    var sent = false;
    form.addEventListener("submit", function (event) {
      if (sent) { event.preventDefault(); return; }
      sent = true;
      // Allow a new attempt if the page is still here after a while (a dropped connection).
      setTimeout(function () { sent = false; }, 10000);
    });
  });
})();
