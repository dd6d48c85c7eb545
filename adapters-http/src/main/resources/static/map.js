/* The coverage map: Leaflet, the coverage tiles of this service and, when configured, a base map. */
(function () {
  'use strict';

  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  /** The host of a tile URL template, for the attribution. */
  function hostOf(template) {
    var match = /^[a-z]+:\/\/([^/?#]+)/i.exec(template);
    return match ? match[1].replace(/\{[^}]*\}\.?/g, '') : template;
  }

  var map = L.map(element, {
    center: [25, 10],
    zoom: 2,
    minZoom: 1,
    maxZoom: 13,
    worldCopyJump: true
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');

  var base = element.getAttribute('data-basemap');
  if (base) {
    var host = hostOf(base);
    var credit = /openstreetmap/i.test(host)
      ? 'Base map &copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
      : 'Base map: ' + escapeHtml(host);
    L.tileLayer(base, {maxZoom: 13, attribution: credit}).addTo(map);
  }

  var tiles = element.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, {
      minZoom: 0,
      maxNativeZoom: 11,
      maxZoom: 13,
      attribution: 'Coverage: <a href="/">the contributors to this service</a>'
    }).addTo(map);
  }
})();
