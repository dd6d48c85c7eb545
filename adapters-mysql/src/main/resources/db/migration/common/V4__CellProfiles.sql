-- Cell signal profiles (docs/algorithms.md §14.3): where each cell is heard, per band of received power and per
-- timing advance, as CellProfile's bytes (at most 1,105: 48 bands of 23 bytes and a version). Null for cells learnt
-- before, which gain one with their next GNSS observations.

ALTER TABLE cell_gsm ADD COLUMN profile VARBINARY(1200);
ALTER TABLE cell_wcdma ADD COLUMN profile VARBINARY(1200);
ALTER TABLE cell_lte ADD COLUMN profile VARBINARY(1200);
ALTER TABLE cell_nr ADD COLUMN profile VARBINARY(1200);
