/* The charts of /stats: cumulative networks per month, from /stats_{wifi,cell,blue}.json, drawn with uPlot. */
(function () {
  'use strict';

  var plots = [];

  function note(element, text) {
    var p = document.createElement('p');
    p.className = 'chart-note';
    p.textContent = text;
    element.appendChild(p);
  }

  function whole(value) {
    return value == null ? '-' : Math.round(value).toLocaleString('en');
  }

  function short(value) {
    if (value >= 1e9) { return (value / 1e9) + 'G'; }
    if (value >= 1e6) { return (value / 1e6) + 'M'; }
    if (value >= 1e3) { return (value / 1e3) + 'k'; }
    return String(value);
  }

  /** The x scale: the last twelve months at least, so a single month of data does not stretch the axis for years. */
  function lastYear(u) {
    var xs = u.data[0];
    var now = Date.now() / 1000;
    var first = xs.length > 0 ? xs[0] : now;
    var last = xs.length > 0 ? xs[xs.length - 1] : now;
    return [Math.min(first, now - 365 * 86400), Math.max(last, now)];
  }

  function width(element) {
    return Math.max(element.clientWidth || 0, 280);
  }

  function draw(element, body) {
    var series = body && Array.isArray(body.series) && body.series.length > 0 ? body.series[0] : null;
    var points = series && Array.isArray(series.data) ? series.data : [];
    if (points.length === 0) {
      note(element, 'No data yet.');
      return;
    }
    var xs = [];
    var ys = [];
    points.forEach(function (point) {
      xs.push(point[0] / 1000);
      ys.push(point[1]);
    });
    var options = {
      width: width(element),
      height: 260,
      scales: {x: {time: true, range: lastYear}},
      series: [
        {label: 'Month', value: '{YYYY}-{MM}'},
        {
          label: element.getAttribute('data-label') || (series && series.title) || '',
          stroke: '#1b5ea8',
          width: 2,
          fill: 'rgba(27, 94, 168, 0.12)',
          points: {show: true, size: 6},
          value: function (u, v) { return whole(v); }
        }
      ],
      axes: [
        {},
        {size: 60, values: function (u, splits) { return splits.map(short); }}
      ]
    };
    plots.push({element: element, plot: new uPlot(options, [xs, ys], element)});
  }

  function load(element) {
    if (typeof uPlot === 'undefined') {
      note(element, 'The chart library could not be loaded.');
      return;
    }
    fetch(element.getAttribute('data-feed'), {headers: {Accept: 'application/json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (body) { draw(element, body); })
      .catch(function () { note(element, 'The figures cannot be loaded right now.'); });
  }

  var resizing = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      plots.forEach(function (entry) {
        entry.plot.setSize({width: width(entry.element), height: 260});
      });
    }, 150);
  });

  Array.prototype.forEach.call(document.querySelectorAll('.chart[data-feed]'), load);
})();
