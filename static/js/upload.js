// Refuses a pasted article larger than the server takes before it is sent: past the request limit the
// server could only answer with an error page, and the pasted text would be gone from the form.
(function () {
  "use strict";
  var text = document.querySelector("textarea[data-max-bytes]");
  if (!text) return;
  var limit = Number(text.dataset.maxBytes);
  text.form.addEventListener("submit", function (event) {
    var size = new Blob([text.value]).size;
    text.setCustomValidity("");
    if (size > limit) {
      event.preventDefault();
      text.setCustomValidity(
        "The text is larger than " + Math.floor(limit / (1024 * 1024)) + " MB; nothing was sent."
      );
      text.reportValidity();
    }
  });
  text.addEventListener("input", function () { text.setCustomValidity(""); });
})();
