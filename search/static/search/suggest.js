/* Search suggestions under the header's search box: product titles and localities from
   /api/search/suggest/, offered through the box's <datalist>. Progressive enhancement: without
   this script the form submits to the search page as usual. No library. */
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var url = input.getAttribute("data-suggest-url");
  var timer = null;
  var lastAsked = "";

  function show(data) {
    var seen = {};
    list.textContent = "";
    data.products.concat(data.localities).forEach(function (item) {
      var text = item.title || item.name;
      if (!text || seen[text]) { return; }
      seen[text] = true;
      var option = document.createElement("option");
      option.value = text;
      if (item.kind) { option.label = item.province && item.kind === "commune" ? text + ", " + item.province : text; }
      list.appendChild(option);
    });
  }

  function ask() {
    var text = input.value.trim();
    if (text.length < 2 || text === lastAsked) { return; }
    lastAsked = text;
    fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && input.value.trim() === text) { show(data); } })
      .catch(function () { /* suggestions are a nicety: stay silent */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
})();
