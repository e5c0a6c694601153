// "Kopiér link" next to each § and Stk.: copies the full address of the anchor.
// Without JavaScript (or clipboard access) the buttons stay hidden and the § links still work.
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    button.hidden = false;
    var label = button.innerHTML;
    button.addEventListener("click", function () {
      var url = location.origin + location.pathname + button.getAttribute("data-copy-link");
      navigator.clipboard.writeText(url).then(function () {
        button.textContent = "Link kopieret";
        setTimeout(function () { button.innerHTML = label; }, 2000);
      });
    });
  });
})();
