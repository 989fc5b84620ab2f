// Server fragments announce what happened (a race lost, an undo) through an HX-Trigger "notice" event.
document.body.addEventListener("notice", function (event) {
  var box = document.getElementById("notices");
  var p = document.createElement("p");
  p.className = "notice notice-" + (event.detail.level || "info");
  p.textContent = event.detail.value || event.detail.message || "";
  box.appendChild(p);
  setTimeout(function () { p.remove(); }, 8000);
});
