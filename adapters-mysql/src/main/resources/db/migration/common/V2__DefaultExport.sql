-- The default export configuration, ExportConfig.defaultInternal(): reports feed the service's own stations, so a
-- fresh installation learns without further set-up (Ichnaea's deployments added this row by hand). Left alone when
-- a configuration of that name exists; an operator who deletes it later keeps it deleted (Flyway runs this once).

INSERT INTO export_config (name, batch, schema_name, url, skip_keys, skip_sources)
SELECT 'internal', 1000, 'internal', NULL, '', '' FROM DUAL
WHERE NOT EXISTS (SELECT 1 FROM export_config WHERE name = 'internal');
