// The review page: "Place the order" can be pressed once (a second press would post the basket again).
document.querySelectorAll("form.place-order").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelector("[data-once]").disabled = true;
  });
});
