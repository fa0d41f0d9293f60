// The card payment page: Stripe's card field, confirmed with the PaymentIntent's client secret.
(function () {
  var form = document.getElementById("card-form");
  if (!form || !window.Stripe) return;
  var stripe = Stripe(form.dataset.publishableKey);
  var card = stripe.elements({locale: document.documentElement.lang || "vi"}).create("card", {hidePostalCode: true});
  card.mount("#card-element");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    stripe.confirmCardPayment(form.dataset.clientSecret, {payment_method: {card: card}}).then(function (result) {
      if (result.error) {
        document.getElementById("card-errors").textContent = result.error.message;
        button.disabled = false;
      } else {
        window.location.assign(form.dataset.returnUrl);
      }
    });
  });
})();
