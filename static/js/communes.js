// Address forms: choosing a province fills its communes in place, so no reload is needed.
// A province <select data-communes-for="<commune select id>"> drives the commune list; without this
// script the form's "Show communes" button ([data-communes-reload]) reloads the page instead.
(function () {
  var cache = {};
  function fill(select, communes, keep) {
    var first = select.options[0];
    select.innerHTML = "";
    if (first && first.value === "") select.appendChild(first);
    communes.forEach(function (commune) {
      var option = document.createElement("option");
      option.value = commune.code;
      option.textContent = commune.name;
      if (commune.code === keep) option.selected = true;
      select.appendChild(option);
    });
    select.disabled = false;
  }
  document.querySelectorAll("select[data-communes-for]").forEach(function (province) {
    var commune = document.getElementById(province.getAttribute("data-communes-for"));
    var form = province.form;
    if (!commune || !form) return;
    var url = form.getAttribute("data-communes-url");
    if (!url) return;
    function reload(shown) {
      // [hidden] alone loses to the buttons' own display rule.
      form.querySelectorAll("[data-communes-reload]").forEach(function (button) {
        button.hidden = !shown;
        button.style.display = shown ? "" : "none";
      });
    }
    reload(false);
    province.addEventListener("change", function () {
      var code = province.value;
      var keep = commune.value;
      if (!code) { fill(commune, [], ""); return; }
      if (cache[code]) { fill(commune, cache[code], keep); return; }
      commune.disabled = true;
      commune.setAttribute("aria-busy", "true");
      fetch(url + "?province=" + encodeURIComponent(code), { headers: { Accept: "application/json" } })
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(function (data) { cache[code] = data.communes; fill(commune, data.communes, keep); })
        .catch(function () {
          // The network failed: fall back to the reload the form offers without JavaScript.
          commune.disabled = false;
          reload(true);
        })
        .then(function () { commune.removeAttribute("aria-busy"); });
    });
  });
})();
