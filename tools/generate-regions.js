#!/usr/bin/env node
// Generates adapters-geoip/src/main/resources/org/ichnaea/geoip/regions.geojson.gz: one feature per
// ISO 3166-1 territory (GENC code), from Natural Earth admin-0 country polygons (public domain) in
// the npm package world-atlas@2.0.2 (ISC; TopoJSON), converted with topojson-client@3.1.0 (ISC), ids
// mapped from ISO 3166 numeric to alpha-2 with i18n-iso-countries@7.14.0 (MIT). Provenance, counts
// and licences: docs/decisions/007-region-shapes.md.
//
// 1. Base: countries-50m.json (1:50m; keeps the resource small). Features without an ISO number get
//    XK for Kosovo; the others (N. Cyprus, Somaliland, Siachen Glacier) are dropped. PS is written as
//    GENC's XW. Features with the same code become one (Australia and Ashmore and Cartier Is.,
//    both ISO 036, are AU).
// 2. Split: Natural Earth keeps some ISO territories as polygon parts of another feature. Each part
//    whose bounding-box centre lies in one of the boxes of SPLITS below becomes (part of) that
//    territory's feature: FR -> GF, MQ, GP, RE, YT; NO -> XR (Svalbard, Bjørnøya and Jan Mayen: ISO's
//    SJ, written as GENC's XR as Ichnaea does); NL -> BQ; NZ -> TK; the feature "Indian Ocean Ter."
//    (no ISO number) -> CX, CC (its parts outside both boxes would be dropped; there are none).
// 3. Fill: every ISO 3166-1 code of i18n-iso-countries still without a feature after 1 and 2 is
//    taken from countries-10m.json (1:10m, same source and licence), after the same splits, if it
//    has polygons there. With world-atlas 2.0.2 these are exactly four: BV (Bouvet Island, a part
//    of Norway in 10m, split off by its box), GI (Gibraltar), UM (U.S. Minor Outlying Islands) and
//    TV (Tuvalu). The script prints them on stderr ("250 features; from 10m: BV GI UM TV; still
//    without a shape: none"); nothing else comes from 10m. (SJ is written XR, from step 2.)
// Coordinates are rounded to 4 decimals (about 11 m). A territory with one polygon is a Polygon,
// otherwise a MultiPolygon. Features keep the order of the 50m file (a split-off territory follows
// the parent where its first part is met), then the 10m additions in the order of the 10m file.
//
// Usage (reproduces the committed resource byte for byte; gzip writes no name or time from stdin):
//   mkdir /tmp/regions && cd /tmp/regions
//   npm pack world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0
//   for p in world-atlas topojson-client i18n-iso-countries; do mkdir $p && tar xzf $p-*.tgz -C $p --strip-components=1; done
//   cd -   # the repository root
//   node tools/generate-regions.js /tmp/regions/world-atlas/countries-50m.json \
//        /tmp/regions/topojson-client/dist/topojson-client.js /tmp/regions/i18n-iso-countries/codes.json \
//        /tmp/regions/world-atlas/countries-10m.json \
//        | gzip -9 > adapters-geoip/src/main/resources/org/ichnaea/geoip/regions.geojson.gz
const fs = require("fs");
const path = require("path");
const [topoPath, clientPath, codesPath, topo10Path] = process.argv.slice(2);
const topojson = require(path.resolve(clientPath));
const codes = JSON.parse(fs.readFileSync(codesPath, "utf8"));
const numericToAlpha2 = {};
for (const [a2, , num] of codes) numericToAlpha2[num] = a2;
const genc = { PS: "XW", SJ: "XR" };

// Parent feature (ISO alpha-2, or the feature's name when it has no ISO number) -> boxes
// [lon min, lat min, lon max, lat max] of the parts that belong to another territory.
const SPLITS = {
  FR: [
    { code: "GF", box: [-55.0, 2.0, -51.0, 6.0] }, // French Guiana, around (-53.3, 3.7)
    { code: "MQ", box: [-61.4, 14.3, -60.7, 15.0] }, // Martinique, around (-61.0, 14.6)
    { code: "GP", box: [-61.9, 15.8, -60.9, 16.6] }, // Guadeloupe: Basse-Terre, Grande-Terre, Marie-Galante
    { code: "RE", box: [55.1, -21.5, 56.0, -20.7] }, // Réunion, around (55.5, -21.1)
    { code: "YT", box: [44.9, -13.1, 45.4, -12.5] }, // Mayotte, around (45.15, -12.8)
  ],
  NO: [
    { code: "BV", box: [3.0, -54.8, 3.8, -54.1] }, // Bouvet Island, around (3.4, -54.4); a part of Norway in 10m only
    { code: "XR", box: [0.0, 74.0, 40.0, 81.5] }, // Svalbard (and Bjørnøya): every part north of 74°N
    { code: "XR", box: [-9.5, 70.5, -7.5, 71.5] }, // Jan Mayen, around (-8.6, 71.0)
  ],
  NL: [
    { code: "BQ", box: [-68.5, 11.9, -68.0, 12.4] }, // Bonaire, around (-68.3, 12.2)
    { code: "BQ", box: [-63.4, 17.3, -62.8, 17.8] }, // Saba and Sint Eustatius, around (-63.0, 17.5)
  ],
  NZ: [
    { code: "TK", box: [-173.0, -9.7, -171.0, -8.3] }, // Tokelau, around (-172, -9)
  ],
  "Indian Ocean Ter.": [
    { code: "CX", box: [105.4, -10.8, 106.0, -10.3] }, // Christmas Island, around (105.7, -10.5)
    { code: "CC", box: [96.6, -12.4, 97.1, -11.8] }, // Cocos (Keeling) Islands, around (96.8, -12.2)
  ],
};

// 4 decimals (~11 m) is plenty for region lookups and keeps the resource small.
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4];

function features(file) {
  const topo = JSON.parse(fs.readFileSync(file, "utf8"));
  return topojson.feature(topo, topo.objects.countries).features.filter((f) => f.geometry);
}

function isoCode(f) {
  const code = f.id ? numericToAlpha2[f.id] : undefined;
  if (code) return genc[code] || code;
  return f.properties && f.properties.name === "Kosovo" ? "XK" : undefined;
}

function polygons(geometry) {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

function splitCode(rules, polygon) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of polygon[0]) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const rule = rules.find(({ box }) => cx >= box[0] && cy >= box[1] && cx <= box[2] && cy <= box[3]);
  return rule && rule.code;
}

// The (code, polygon) pairs of a world-atlas file after the splits, in the file's order.
function territoryParts(file) {
  const parts = [];
  for (const f of features(file)) {
    const code = isoCode(f);
    const rules = SPLITS[code] || SPLITS[f.properties && f.properties.name];
    for (const polygon of polygons(f.geometry)) {
      const target = (rules && splitCode(rules, polygon)) || code;
      if (target) parts.push([target, polygon]);
    }
  }
  return parts;
}

const territories = new Map(); // code -> polygons, in output order
const add = (code, polygon) => {
  if (!territories.has(code)) territories.set(code, []);
  territories.get(code).push(polygon);
};
territoryParts(topoPath).forEach(([code, polygon]) => add(code, polygon));
const missing = new Set(codes.map(([a2]) => genc[a2] || a2).filter((code) => !territories.has(code)));
const filled = new Set();
for (const [code, polygon] of territoryParts(topo10Path)) {
  if (!missing.has(code)) continue;
  add(code, polygon);
  filled.add(code);
}
process.stderr.write(`${territories.size} features; from 10m: ${[...filled].join(" ")}; `
  + `still without a shape: ${[...missing].filter((c) => !territories.has(c)).join(" ") || "none"}\n`);

const out = { type: "FeatureCollection", features: [] };
for (const [code, list] of territories) {
  const geometry = list.length === 1
    ? { type: "Polygon", coordinates: round(list[0]) }
    : { type: "MultiPolygon", coordinates: round(list) };
  out.features.push({ type: "Feature", properties: { code }, geometry });
}
process.stdout.write(JSON.stringify(out));
