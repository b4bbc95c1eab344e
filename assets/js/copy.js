// Adds a "Copy" button beside each web address on the clinicians' links page.
// Without JavaScript the address is plain selectable text, so nothing is lost.
(function () {
  "use strict";
  var status = document.getElementById("copy-status");
  var labels = document.querySelector("[data-copy-label]");
  if (!navigator.clipboard || !labels) return;
  var label = labels.getAttribute("data-copy-label");
  var done = labels.getAttribute("data-copied-label");
  document.querySelectorAll("[data-copy]").forEach(function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "links__copy";
    button.textContent = label;
    button.setAttribute("aria-label", label + ": " + code.textContent);
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        if (status) status.textContent = done + ": " + code.textContent;
      });
    });
    code.insertAdjacentElement("afterend", button);
  });
})();
