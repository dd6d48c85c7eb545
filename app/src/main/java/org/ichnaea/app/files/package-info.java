/**
 * What reads and writes files through the core ports, for the CLI and the pipeline: the station dump and restore
 * ({@link org.ichnaea.app.files.StationJsonLines}, docs/storage.md "Station dump and restore"), the public cell CSV
 * ({@link org.ichnaea.app.files.CellCsv}, docs/storage.md "Public cell CSV (MLS / OpenCelliD)") and the {@code file}
 * export schema ({@link org.ichnaea.app.files.FileExporter}, docs/architecture.md). None of them depends on a
 * storage adapter: they work on whatever stores the composition root hands them.
 */
package org.ichnaea.app.files;
