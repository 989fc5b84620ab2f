// Keyboard review on the desk. Served as a file (no inline script) so a strict CSP holds; the keys only press
// the same buttons and links a mouse would, so the server stays the single place decisions are made.
(function () {
  "use strict";
  var root = document.querySelector("[data-desk-review]");
  if (!root) return;

  var currentId = null;
  var advanceAfterSwap = false;
  var DECISION_KEYS = { a: true, x: true, m: true };

  function cards() {
    return Array.prototype.slice.call(root.querySelectorAll(".candidate-list > .candidate"));
  }

  function current() {
    return currentId && document.getElementById(currentId);
  }

  function select(card) {
    if (!card) return;
    var previous = current();
    if (previous) previous.classList.remove("is-current");
    root.querySelectorAll("mark.is-current").forEach(function (mark) { mark.classList.remove("is-current"); });
    currentId = card.id;
    card.classList.add("is-current");
    var marks = root.querySelectorAll('mark[data-candidates~="' + card.dataset.candidate + '"]');
    marks.forEach(function (mark) { mark.classList.add("is-current"); });
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
    if (marks.length) marks[0].scrollIntoView({ block: "nearest" });
    var field = card.querySelector("input:not([type=hidden]), select, textarea");
    if (card.classList.contains("candidate-editing") && field) field.focus();
  }

  function move(step) {
    var all = cards();
    var index = all.indexOf(current());
    select(all[Math.min(Math.max(index + step, 0), all.length - 1)]);
  }

  function nextWaiting(after) {
    var all = cards();
    var start = all.indexOf(after);
    for (var i = 1; i <= all.length; i++) {
      var card = all[(start + i) % all.length];
      if (card.dataset.status === "new") return card;
    }
    return after;
  }

  function press(selector, scope) {
    var target = (scope || root).querySelector(selector);
    if (target) target.click();
    return Boolean(target);
  }

  function notify(message) {
    document.body.dispatchEvent(new CustomEvent("notice", { detail: { value: message, level: "info" } }));
  }

  function typing(element) {
    return element.closest("input, textarea, select, [contenteditable=true]") !== null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === "Escape" && current()) press("[data-cancel]", current());
      return;
    }
    var card = current();
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (event.key === "u") press('[data-key="u"]');
    else if (event.key === "?") root.querySelector("#desk-keys").showModal();
    else if (card && (DECISION_KEYS[event.key] || event.key === "e")) {
      var found = press('[data-key="' + event.key + '"]', card);
      if (!found && event.key === "m") notify("Nothing similar to merge into.");
      else if (!found) notify("This candidate is already decided; press u to undo your last decision.");
    } else return;
    event.preventDefault();
  });

  root.addEventListener("click", function (event) {
    var clicked = event.target.closest(".candidate-list > .candidate");
    if (clicked && clicked.id !== currentId) select(clicked);
    if (event.target.closest("[data-decides], [data-key=m]")) advanceAfterSwap = true;
    if (event.target.closest("[data-show-keys]")) root.querySelector("#desk-keys").showModal();
  });

  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (event.target.id === "review-progress") return;  // an out-of-band counter, not the card
    var retarget = event.detail.xhr && event.detail.xhr.getResponseHeader("HX-Retarget");
    var swapped = retarget ? document.querySelector(retarget) : current();
    if (!swapped || !swapped.classList.contains("candidate")) return;
    var decided = swapped.dataset.status !== "new";
    select(advanceAfterSwap && decided ? nextWaiting(swapped) : swapped);
    advanceAfterSwap = false;
  });

  var firstWaiting = root.querySelector('.candidate[data-status="new"]') || cards()[0];
  select(firstWaiting);
})();
