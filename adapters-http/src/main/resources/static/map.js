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

  /** The view in the address: #zoom/lat/lon, as other slippy maps write it. */
  function viewFromHash() {
    var match = /^#(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(window.location.hash);
    if (!match) {
      return null;
    }
    var zoom = Math.min(Math.max(parseInt(match[1], 10), 1), 13);
    var lat = Math.min(Math.max(parseFloat(match[2]), -85), 85);
    var lon = Math.min(Math.max(parseFloat(match[3]), -180), 180);
    return {center: [lat, lon], zoom: zoom};
  }

  var view = viewFromHash() || {center: [25, 10], zoom: 2};
  var map = L.map(element, {
    center: view.center,
    zoom: view.zoom,
    minZoom: 1,
    maxZoom: 13,
    worldCopyJump: true
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  window.ichnaeaMap = map;

  map.on('moveend', function () {
    var c = map.getCenter();
    var hash = '#' + map.getZoom() + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4);
    if (window.location.hash !== hash && window.history && window.history.replaceState) {
      window.history.replaceState(null, '', hash);
    }
  });
  window.addEventListener('hashchange', function () {
    var next = viewFromHash();
    if (next) {
      map.setView(next.center, next.zoom);
    }
  });

  var base = element.getAttribute('data-basemap');
  if (!base) {
    // No base map configured: Natural Earth's land outline, served by this service, so the map reads offline.
    // Its own pane sits under the tile pane (z-index 200), so the coverage tiles stay on top.
    map.createPane('land');
    map.getPane('land').style.zIndex = 150;
    fetch('/static/land-110m.geojson').then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (land) {
      if (land) {
        L.geoJSON(land, {
          pane: 'land',
          interactive: false,
          style: {color: '#b8c2cc', weight: 1, fillColor: '#ffffff', fillOpacity: 1}
        }).addTo(map);
      }
    }).catch(function () {
      // The coverage still shows on the plain background.
    });
    map.attributionControl.addAttribution('Land: <a href="https://www.naturalearthdata.com/">Natural Earth</a>');
  }
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
