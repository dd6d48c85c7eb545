#!/usr/bin/env node
// Generates adapters-geoip/src/main/resources/org/ichnaea/geoip/regions.geojson.gz:
// Natural Earth admin-0 country polygons (public domain) at 1:50m, from the npm package
// world-atlas@2.0.2 (ISC; countries-50m.json, TopoJSON), converted with topojson-client@3.1.0
// (ISC), ids mapped from ISO 3166 numeric to alpha-2 with i18n-iso-countries@7.14.0 (MIT),
// GENC codes for Ichnaea's remaps (PS -> XW). Features without an ISO code (Kosovo, Northern
// Cyprus, Somaliland, ...) get XK for Kosovo and are otherwise dropped.
//
// Usage (from a directory where the three packages are unpacked):
//   node tools/generate-regions.js world-atlas/countries-50m.json topojson-client/dist/topojson-client.js \
//        i18n-iso-countries/codes.json | gzip -9 > adapters-geoip/src/main/resources/org/ichnaea/geoip/regions.geojson.gz
const fs = require("fs");
const [topoPath, clientPath, codesPath] = process.argv.slice(2);
const topojson = require(require("path").resolve(clientPath));
const topo = JSON.parse(fs.readFileSync(topoPath, "utf8"));
const codes = JSON.parse(fs.readFileSync(codesPath, "utf8"));
const numericToAlpha2 = {};
for (const [a2, , num] of codes) numericToAlpha2[num] = a2;
const genc = { PS: "XW" };
const collection = topojson.feature(topo, topo.objects.countries);
const out = { type: "FeatureCollection", features: [] };
for (const f of collection.features) {
  let code = f.id ? numericToAlpha2[f.id] : undefined;
  if (!code && f.properties && f.properties.name === "Kosovo") code = "XK";
  if (!code || !f.geometry) continue;
  code = genc[code] || code;
  // 4 decimals (~11 m) is plenty for region lookups and keeps the resource small.
  const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4];
  out.features.push({ type: "Feature", properties: { code }, geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } });
}
process.stdout.write(JSON.stringify(out));
