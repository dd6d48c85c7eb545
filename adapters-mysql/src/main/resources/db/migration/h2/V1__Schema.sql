-- The schema on H2 in MySQL mode, the embedded default (docs/storage.md, "Schema"): mysql/V1__Schema.sql for H2,
-- which has no unsigned types (INT UNSIGNED is BIGINT here, TINYINT UNSIGNED is SMALLINT, BIGINT UNSIGNED is
-- BIGINT, LONGBLOB is BLOB) and no table options. Never edit an applied migration (Flyway checks its checksum):
-- add one.

CREATE TABLE wifi_shard_0 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_0_region_idx ON wifi_shard_0 (region);
CREATE INDEX wifi_shard_0_created_idx ON wifi_shard_0 (created);
CREATE INDEX wifi_shard_0_modified_idx ON wifi_shard_0 (modified);
CREATE INDEX wifi_shard_0_latlon_idx ON wifi_shard_0 (lat, lon);

CREATE TABLE wifi_shard_1 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_1_region_idx ON wifi_shard_1 (region);
CREATE INDEX wifi_shard_1_created_idx ON wifi_shard_1 (created);
CREATE INDEX wifi_shard_1_modified_idx ON wifi_shard_1 (modified);
CREATE INDEX wifi_shard_1_latlon_idx ON wifi_shard_1 (lat, lon);

CREATE TABLE wifi_shard_2 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_2_region_idx ON wifi_shard_2 (region);
CREATE INDEX wifi_shard_2_created_idx ON wifi_shard_2 (created);
CREATE INDEX wifi_shard_2_modified_idx ON wifi_shard_2 (modified);
CREATE INDEX wifi_shard_2_latlon_idx ON wifi_shard_2 (lat, lon);

CREATE TABLE wifi_shard_3 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_3_region_idx ON wifi_shard_3 (region);
CREATE INDEX wifi_shard_3_created_idx ON wifi_shard_3 (created);
CREATE INDEX wifi_shard_3_modified_idx ON wifi_shard_3 (modified);
CREATE INDEX wifi_shard_3_latlon_idx ON wifi_shard_3 (lat, lon);

CREATE TABLE wifi_shard_4 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_4_region_idx ON wifi_shard_4 (region);
CREATE INDEX wifi_shard_4_created_idx ON wifi_shard_4 (created);
CREATE INDEX wifi_shard_4_modified_idx ON wifi_shard_4 (modified);
CREATE INDEX wifi_shard_4_latlon_idx ON wifi_shard_4 (lat, lon);

CREATE TABLE wifi_shard_5 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_5_region_idx ON wifi_shard_5 (region);
CREATE INDEX wifi_shard_5_created_idx ON wifi_shard_5 (created);
CREATE INDEX wifi_shard_5_modified_idx ON wifi_shard_5 (modified);
CREATE INDEX wifi_shard_5_latlon_idx ON wifi_shard_5 (lat, lon);

CREATE TABLE wifi_shard_6 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_6_region_idx ON wifi_shard_6 (region);
CREATE INDEX wifi_shard_6_created_idx ON wifi_shard_6 (created);
CREATE INDEX wifi_shard_6_modified_idx ON wifi_shard_6 (modified);
CREATE INDEX wifi_shard_6_latlon_idx ON wifi_shard_6 (lat, lon);

CREATE TABLE wifi_shard_7 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_7_region_idx ON wifi_shard_7 (region);
CREATE INDEX wifi_shard_7_created_idx ON wifi_shard_7 (created);
CREATE INDEX wifi_shard_7_modified_idx ON wifi_shard_7 (modified);
CREATE INDEX wifi_shard_7_latlon_idx ON wifi_shard_7 (lat, lon);

CREATE TABLE wifi_shard_8 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_8_region_idx ON wifi_shard_8 (region);
CREATE INDEX wifi_shard_8_created_idx ON wifi_shard_8 (created);
CREATE INDEX wifi_shard_8_modified_idx ON wifi_shard_8 (modified);
CREATE INDEX wifi_shard_8_latlon_idx ON wifi_shard_8 (lat, lon);

CREATE TABLE wifi_shard_9 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_9_region_idx ON wifi_shard_9 (region);
CREATE INDEX wifi_shard_9_created_idx ON wifi_shard_9 (created);
CREATE INDEX wifi_shard_9_modified_idx ON wifi_shard_9 (modified);
CREATE INDEX wifi_shard_9_latlon_idx ON wifi_shard_9 (lat, lon);

CREATE TABLE wifi_shard_a (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_a_region_idx ON wifi_shard_a (region);
CREATE INDEX wifi_shard_a_created_idx ON wifi_shard_a (created);
CREATE INDEX wifi_shard_a_modified_idx ON wifi_shard_a (modified);
CREATE INDEX wifi_shard_a_latlon_idx ON wifi_shard_a (lat, lon);

CREATE TABLE wifi_shard_b (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_b_region_idx ON wifi_shard_b (region);
CREATE INDEX wifi_shard_b_created_idx ON wifi_shard_b (created);
CREATE INDEX wifi_shard_b_modified_idx ON wifi_shard_b (modified);
CREATE INDEX wifi_shard_b_latlon_idx ON wifi_shard_b (lat, lon);

CREATE TABLE wifi_shard_c (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_c_region_idx ON wifi_shard_c (region);
CREATE INDEX wifi_shard_c_created_idx ON wifi_shard_c (created);
CREATE INDEX wifi_shard_c_modified_idx ON wifi_shard_c (modified);
CREATE INDEX wifi_shard_c_latlon_idx ON wifi_shard_c (lat, lon);

CREATE TABLE wifi_shard_d (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_d_region_idx ON wifi_shard_d (region);
CREATE INDEX wifi_shard_d_created_idx ON wifi_shard_d (created);
CREATE INDEX wifi_shard_d_modified_idx ON wifi_shard_d (modified);
CREATE INDEX wifi_shard_d_latlon_idx ON wifi_shard_d (lat, lon);

CREATE TABLE wifi_shard_e (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_e_region_idx ON wifi_shard_e (region);
CREATE INDEX wifi_shard_e_created_idx ON wifi_shard_e (created);
CREATE INDEX wifi_shard_e_modified_idx ON wifi_shard_e (modified);
CREATE INDEX wifi_shard_e_latlon_idx ON wifi_shard_e (lat, lon);

CREATE TABLE wifi_shard_f (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX wifi_shard_f_region_idx ON wifi_shard_f (region);
CREATE INDEX wifi_shard_f_created_idx ON wifi_shard_f (created);
CREATE INDEX wifi_shard_f_modified_idx ON wifi_shard_f (modified);
CREATE INDEX wifi_shard_f_latlon_idx ON wifi_shard_f (lat, lon);

CREATE TABLE blue_shard_0 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_0_region_idx ON blue_shard_0 (region);
CREATE INDEX blue_shard_0_created_idx ON blue_shard_0 (created);
CREATE INDEX blue_shard_0_modified_idx ON blue_shard_0 (modified);
CREATE INDEX blue_shard_0_latlon_idx ON blue_shard_0 (lat, lon);

CREATE TABLE blue_shard_1 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_1_region_idx ON blue_shard_1 (region);
CREATE INDEX blue_shard_1_created_idx ON blue_shard_1 (created);
CREATE INDEX blue_shard_1_modified_idx ON blue_shard_1 (modified);
CREATE INDEX blue_shard_1_latlon_idx ON blue_shard_1 (lat, lon);

CREATE TABLE blue_shard_2 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_2_region_idx ON blue_shard_2 (region);
CREATE INDEX blue_shard_2_created_idx ON blue_shard_2 (created);
CREATE INDEX blue_shard_2_modified_idx ON blue_shard_2 (modified);
CREATE INDEX blue_shard_2_latlon_idx ON blue_shard_2 (lat, lon);

CREATE TABLE blue_shard_3 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_3_region_idx ON blue_shard_3 (region);
CREATE INDEX blue_shard_3_created_idx ON blue_shard_3 (created);
CREATE INDEX blue_shard_3_modified_idx ON blue_shard_3 (modified);
CREATE INDEX blue_shard_3_latlon_idx ON blue_shard_3 (lat, lon);

CREATE TABLE blue_shard_4 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_4_region_idx ON blue_shard_4 (region);
CREATE INDEX blue_shard_4_created_idx ON blue_shard_4 (created);
CREATE INDEX blue_shard_4_modified_idx ON blue_shard_4 (modified);
CREATE INDEX blue_shard_4_latlon_idx ON blue_shard_4 (lat, lon);

CREATE TABLE blue_shard_5 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_5_region_idx ON blue_shard_5 (region);
CREATE INDEX blue_shard_5_created_idx ON blue_shard_5 (created);
CREATE INDEX blue_shard_5_modified_idx ON blue_shard_5 (modified);
CREATE INDEX blue_shard_5_latlon_idx ON blue_shard_5 (lat, lon);

CREATE TABLE blue_shard_6 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_6_region_idx ON blue_shard_6 (region);
CREATE INDEX blue_shard_6_created_idx ON blue_shard_6 (created);
CREATE INDEX blue_shard_6_modified_idx ON blue_shard_6 (modified);
CREATE INDEX blue_shard_6_latlon_idx ON blue_shard_6 (lat, lon);

CREATE TABLE blue_shard_7 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_7_region_idx ON blue_shard_7 (region);
CREATE INDEX blue_shard_7_created_idx ON blue_shard_7 (created);
CREATE INDEX blue_shard_7_modified_idx ON blue_shard_7 (modified);
CREATE INDEX blue_shard_7_latlon_idx ON blue_shard_7 (lat, lon);

CREATE TABLE blue_shard_8 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_8_region_idx ON blue_shard_8 (region);
CREATE INDEX blue_shard_8_created_idx ON blue_shard_8 (created);
CREATE INDEX blue_shard_8_modified_idx ON blue_shard_8 (modified);
CREATE INDEX blue_shard_8_latlon_idx ON blue_shard_8 (lat, lon);

CREATE TABLE blue_shard_9 (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_9_region_idx ON blue_shard_9 (region);
CREATE INDEX blue_shard_9_created_idx ON blue_shard_9 (created);
CREATE INDEX blue_shard_9_modified_idx ON blue_shard_9 (modified);
CREATE INDEX blue_shard_9_latlon_idx ON blue_shard_9 (lat, lon);

CREATE TABLE blue_shard_a (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_a_region_idx ON blue_shard_a (region);
CREATE INDEX blue_shard_a_created_idx ON blue_shard_a (created);
CREATE INDEX blue_shard_a_modified_idx ON blue_shard_a (modified);
CREATE INDEX blue_shard_a_latlon_idx ON blue_shard_a (lat, lon);

CREATE TABLE blue_shard_b (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_b_region_idx ON blue_shard_b (region);
CREATE INDEX blue_shard_b_created_idx ON blue_shard_b (created);
CREATE INDEX blue_shard_b_modified_idx ON blue_shard_b (modified);
CREATE INDEX blue_shard_b_latlon_idx ON blue_shard_b (lat, lon);

CREATE TABLE blue_shard_c (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_c_region_idx ON blue_shard_c (region);
CREATE INDEX blue_shard_c_created_idx ON blue_shard_c (created);
CREATE INDEX blue_shard_c_modified_idx ON blue_shard_c (modified);
CREATE INDEX blue_shard_c_latlon_idx ON blue_shard_c (lat, lon);

CREATE TABLE blue_shard_d (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_d_region_idx ON blue_shard_d (region);
CREATE INDEX blue_shard_d_created_idx ON blue_shard_d (created);
CREATE INDEX blue_shard_d_modified_idx ON blue_shard_d (modified);
CREATE INDEX blue_shard_d_latlon_idx ON blue_shard_d (lat, lon);

CREATE TABLE blue_shard_e (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_e_region_idx ON blue_shard_e (region);
CREATE INDEX blue_shard_e_created_idx ON blue_shard_e (created);
CREATE INDEX blue_shard_e_modified_idx ON blue_shard_e (modified);
CREATE INDEX blue_shard_e_latlon_idx ON blue_shard_e (lat, lon);

CREATE TABLE blue_shard_f (
    mac BINARY(6) NOT NULL PRIMARY KEY,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX blue_shard_f_region_idx ON blue_shard_f (region);
CREATE INDEX blue_shard_f_created_idx ON blue_shard_f (created);
CREATE INDEX blue_shard_f_modified_idx ON blue_shard_f (modified);
CREATE INDEX blue_shard_f_latlon_idx ON blue_shard_f (lat, lon);

CREATE TABLE cell_gsm (
    cellid BINARY(13) NOT NULL PRIMARY KEY,
    radio TINYINT NOT NULL, mcc SMALLINT NOT NULL, mnc SMALLINT NOT NULL, lac BIGINT NOT NULL,
    cid BIGINT NOT NULL, psc SMALLINT,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX cell_gsm_area_idx ON cell_gsm (mcc, mnc, lac);
CREATE INDEX cell_gsm_region_idx ON cell_gsm (region);
CREATE INDEX cell_gsm_created_idx ON cell_gsm (created);
CREATE INDEX cell_gsm_modified_idx ON cell_gsm (modified);
CREATE INDEX cell_gsm_latlon_idx ON cell_gsm (lat, lon);

CREATE TABLE cell_wcdma (
    cellid BINARY(13) NOT NULL PRIMARY KEY,
    radio TINYINT NOT NULL, mcc SMALLINT NOT NULL, mnc SMALLINT NOT NULL, lac BIGINT NOT NULL,
    cid BIGINT NOT NULL, psc SMALLINT,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX cell_wcdma_area_idx ON cell_wcdma (mcc, mnc, lac);
CREATE INDEX cell_wcdma_region_idx ON cell_wcdma (region);
CREATE INDEX cell_wcdma_created_idx ON cell_wcdma (created);
CREATE INDEX cell_wcdma_modified_idx ON cell_wcdma (modified);
CREATE INDEX cell_wcdma_latlon_idx ON cell_wcdma (lat, lon);

CREATE TABLE cell_lte (
    cellid BINARY(13) NOT NULL PRIMARY KEY,
    radio TINYINT NOT NULL, mcc SMALLINT NOT NULL, mnc SMALLINT NOT NULL, lac BIGINT NOT NULL,
    cid BIGINT NOT NULL, psc SMALLINT,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX cell_lte_area_idx ON cell_lte (mcc, mnc, lac);
CREATE INDEX cell_lte_region_idx ON cell_lte (region);
CREATE INDEX cell_lte_created_idx ON cell_lte (created);
CREATE INDEX cell_lte_modified_idx ON cell_lte (modified);
CREATE INDEX cell_lte_latlon_idx ON cell_lte (lat, lon);

CREATE TABLE cell_nr (
    cellid BINARY(13) NOT NULL PRIMARY KEY,
    radio TINYINT NOT NULL, mcc SMALLINT NOT NULL, mnc SMALLINT NOT NULL, lac BIGINT NOT NULL,
    cid BIGINT NOT NULL, psc SMALLINT,
    lat DOUBLE, lon DOUBLE, max_lat DOUBLE, min_lat DOUBLE, max_lon DOUBLE, min_lon DOUBLE,
    radius BIGINT, region VARCHAR(2), samples BIGINT, source TINYINT, weight DOUBLE,
    created DATETIME, modified DATETIME, last_seen DATE, block_first DATE, block_last DATE,
    block_count SMALLINT
);
CREATE INDEX cell_nr_area_idx ON cell_nr (mcc, mnc, lac);
CREATE INDEX cell_nr_region_idx ON cell_nr (region);
CREATE INDEX cell_nr_created_idx ON cell_nr (created);
CREATE INDEX cell_nr_modified_idx ON cell_nr (modified);
CREATE INDEX cell_nr_latlon_idx ON cell_nr (lat, lon);

CREATE TABLE cell_area (
    areaid BINARY(8) NOT NULL PRIMARY KEY,
    radio TINYINT NOT NULL, mcc SMALLINT NOT NULL, mnc SMALLINT NOT NULL, lac BIGINT NOT NULL,
    lat DOUBLE, lon DOUBLE, radius INT, region VARCHAR(2), avg_cell_radius BIGINT, num_cells BIGINT,
    created DATETIME, modified DATETIME, last_seen DATE
);
CREATE INDEX cell_area_region_radio_idx ON cell_area (region, radio);
CREATE INDEX cell_area_created_idx ON cell_area (created);
CREATE INDEX cell_area_modified_idx ON cell_area (modified);
CREATE INDEX cell_area_latlon_idx ON cell_area (lat, lon);

CREATE TABLE api_key (
    valid_key VARCHAR(40) NOT NULL PRIMARY KEY,
    maxreq INT, allow_fallback BOOLEAN, allow_locate BOOLEAN, allow_region BOOLEAN,
    fallback_name VARCHAR(40), fallback_schema VARCHAR(64), fallback_url VARCHAR(256),
    fallback_ratelimit INT, fallback_ratelimit_interval INT, fallback_cache_expire INT,
    store_sample_locate TINYINT, store_sample_submit TINYINT
);

CREATE TABLE export_config (
    name VARCHAR(40) NOT NULL PRIMARY KEY,
    batch INT, schema_name VARCHAR(32), url VARCHAR(512), skip_keys VARCHAR(1024),
    skip_sources VARCHAR(64)
);

CREATE TABLE stat (
    stat_key TINYINT NOT NULL, stat_date DATE NOT NULL, stat_value BIGINT,
    PRIMARY KEY (stat_key, stat_date)
);

CREATE TABLE region_stat (
    region VARCHAR(2) NOT NULL PRIMARY KEY,
    gsm BIGINT, wcdma BIGINT, lte BIGINT, nr BIGINT, blue BIGINT, wifi BIGINT
);

CREATE TABLE datamap_ne (
    grid BINARY(8) NOT NULL PRIMARY KEY,
    created DATE, modified DATE
);
CREATE INDEX datamap_ne_created_idx ON datamap_ne (created);
CREATE INDEX datamap_ne_modified_idx ON datamap_ne (modified);

CREATE TABLE datamap_nw (
    grid BINARY(8) NOT NULL PRIMARY KEY,
    created DATE, modified DATE
);
CREATE INDEX datamap_nw_created_idx ON datamap_nw (created);
CREATE INDEX datamap_nw_modified_idx ON datamap_nw (modified);

CREATE TABLE datamap_se (
    grid BINARY(8) NOT NULL PRIMARY KEY,
    created DATE, modified DATE
);
CREATE INDEX datamap_se_created_idx ON datamap_se (created);
CREATE INDEX datamap_se_modified_idx ON datamap_se (modified);

CREATE TABLE datamap_sw (
    grid BINARY(8) NOT NULL PRIMARY KEY,
    created DATE, modified DATE
);
CREATE INDEX datamap_sw_created_idx ON datamap_sw (created);
CREATE INDEX datamap_sw_modified_idx ON datamap_sw (modified);

CREATE TABLE queue_item (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    queue_name VARCHAR(64) NOT NULL, payload BLOB NOT NULL, created DATETIME
);
CREATE INDEX queue_item_queue_idx ON queue_item (queue_name, id);
