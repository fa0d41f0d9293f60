/* The agri-tourism map: Leaflet with marker clusters, fed by /api/map/places.geojson for the area in view.
   Without this script (or without Leaflet, or tiles) the page's own list is the map. */
(function () {
  "use strict";
  var element = document.getElementById("ocop-map");
  var configElement = document.getElementById("map-config");
  if (!element || !configElement || !window.L || !L.markerClusterGroup) { return; }
  var config = JSON.parse(configElement.textContent);
  var labels = config.labels;
  var status = document.getElementById("map-status");
  var VIETNAM = [[8.2, 102.1], [23.4, 109.5]];

  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false, worldCopyJump: false, minZoom: 4, maxZoom: 18 });
  L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 18 }).addTo(map);
  var box = config.bbox;  // [west, south, east, north] when the page was linked to an area
  map.fitBounds(box ? [[box[1], box[0]], [box[3], box[2]]] : VIETNAM);

  // chunkedLoading adds thousands of markers without freezing the page.
  var clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50 });
  map.addLayer(clusters);

  var icons = {};
  ["tourism", "producer", "pilot"].forEach(function (kind) {
    icons[kind] = L.divIcon({ className: "map-pin map-pin--" + kind, html: "", iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10] });
  });

  function add(parent, tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    parent.appendChild(node);
    return node;
  }

  function link(parent, href, text, className) {
    var node = add(add(parent, "p"), "a", className, text);
    node.href = href;
    return node;
  }

  // Built with textContent only: names come from sellers and must never become markup.
  function popup(feature) {
    var p = feature.properties;
    var box = document.createElement("div");
    box.className = "map-popup";
    add(box, "strong", "map-popup__name", p.name);
    var meta = [labels.kinds[p.kind]];
    if (p.group && p.kind !== "tourism") { meta.push(labels.groups[p.group]); }
    if (p.stars) { meta.push(new Array(p.stars + 1).join("★")); }
    add(box, "p", "map-popup__meta", meta.join(" · "));
    if (p.area) { add(box, "p", "map-popup__area", p.area); }
    (p.pilots || []).forEach(function (kind) { add(box, "p", "map-popup__pilot", labels.pilots[kind]); });
    link(box, p.url, labels.open, "map-popup__open");
    if (p.nearby_url) { link(box, p.nearby_url, labels.nearby, "map-popup__nearby"); }
    return box;
  }

  function marker(feature) {
    var c = feature.geometry.coordinates;  // GeoJSON: longitude first
    var kind = feature.properties.kind;
    var m = L.marker([c[1], c[0]], { icon: icons[kind] || icons.producer, title: feature.properties.name, alt: feature.properties.name, keyboard: true });
    m.bindPopup(function () { return popup(feature); });
    return m;
  }

  function clamp(value, low, high) { return Math.max(low, Math.min(high, value)); }

  var loaded = null;  // the padded area whose places are on the map
  var request = 0;
  function load() {
    var view = map.getBounds();
    if (loaded && loaded.contains(view)) { return; }
    var area = view.pad(0.5);
    var bbox = [
      clamp(area.getWest(), -180, 180), clamp(area.getSouth(), -90, 90),
      clamp(area.getEast(), -180, 180), clamp(area.getNorth(), -90, 90)
    ].map(function (n) { return n.toFixed(4); }).join(",");
    var url = config.geojson + (config.geojson.indexOf("?") < 0 ? "?" : "&") + "bbox=" + bbox;
    var mine = ++request;
    status.textContent = labels.loading;
    fetch(url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (data) {
        if (mine !== request) { return; }  // a later view was asked for meanwhile
        clusters.clearLayers();
        clusters.addLayers(data.features.map(marker));
        loaded = area;
        status.textContent = labels.count.replace("%(count)s", data.features.length);
        element.setAttribute("data-places", String(data.features.length));
      })
      .catch(function () { if (mine === request) { status.textContent = labels.failed; } });
  }
  map.on("moveend", load);
  load();
})();
