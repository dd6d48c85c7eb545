#!/usr/bin/env node
// Generates adapters-http/src/main/resources/static/land-110m.geojson: the land outline of Natural Earth
// 1:110m (public domain) from the npm package world-atlas@2.0.2 (ISC; land-110m.json, TopoJSON), converted
// with topojson-client@3.1.0 (ISC), coordinates rounded to 0.01 degree. The map page draws it under the
// coverage tiles when no base map is configured, so the map reads without any network.
//
// Usage (from a directory where the two packages are unpacked, e.g. with `npm pack`):
//   node tools/generate-land.js world-atlas/land-110m.json topojson-client/dist/topojson-client.js \
//        > adapters-http/src/main/resources/static/land-110m.geojson
const fs = require("fs");
const [topoPath, clientPath] = process.argv.slice(2);
const topojson = require(require("path").resolve(clientPath));
const topo = JSON.parse(fs.readFileSync(topoPath, "utf8"));
const land = topojson.feature(topo, topo.objects.land);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
// Rings cut at the antimeridian jump from 180 to -180; drawn as they are, the jump becomes a line across the
// whole map. Unwrap each ring so consecutive longitudes never differ by more than 180 degrees. Antarctica's
// ring runs along the pole (latitude -90, off the Mercator map) to close, so it is left as it is.
const unwrap = (ring) => {
  if (ring.some((c) => c[1] <= -89.9)) return ring;
  const out = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    let lon = ring[i][0];
    const prev = out[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (lon - prev < -180) lon += 360;
    out.push([lon, ring[i][1]]);
  }
  // Bring the unwrapped ring back over the main copy of the world (Eurasia starts in Chukotka, at -180).
  const mean = out.reduce((sum, c) => sum + c[0], 0) / out.length;
  const shift = mean < -180 ? 360 : mean > 180 ? -360 : 0;
  return shift === 0 ? out : out.map((c) => [c[0] + shift, c[1]]);
};
const rings = (g) => g.type === "Polygon" ? { type: g.type, coordinates: g.coordinates.map(unwrap) }
  : { type: g.type, coordinates: g.coordinates.map((p) => p.map(unwrap)) };
const features = land.features.map((f) => {
  const g = rings(f.geometry);
  return { type: "Feature", properties: {}, geometry: { type: g.type, coordinates: round(g.coordinates) } };
});
process.stdout.write(JSON.stringify({ type: "FeatureCollection", features }));
