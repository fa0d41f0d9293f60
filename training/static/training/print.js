// The completion page's Print button (an inline onclick would break the Content-Security-Policy).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
