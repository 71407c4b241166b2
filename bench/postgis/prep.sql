-- PostGIS side of the rule benchmark, step 1 of 2: what Anzhi's loader does after GDAL has read
-- the layers (this repository's docs/contract.md, "Precise semantics" 1): invalid geometries are repaired with GEOS
-- make-valid in the stored CRS (linework method, polygon layers keep their polygonal parts), then
-- every layer is brought into the working CRS; then indexes and statistics. Run after
--   ogr2ogr -f PostgreSQL PG:... PROJECT.gpkg <layers> -lco GEOMETRY_NAME=geom -lco FID=fid
--           -preserve_fid -nlt GEOMETRY
-- (which already builds a GiST index on each geom). bench/run.sh counts this step as part of
-- PostGIS's load time.
--   psql -v wsrid=4546 -f prep.sql
\set ON_ERROR_STOP on
SELECT set_config('anzhi.wsrid', :'wsrid', false);

-- Optional layers the rules read: an absent one is an empty table.
CREATE TABLE IF NOT EXISTS buildings (fid bigint PRIMARY KEY, code text, use text, geom geometry);
CREATE TABLE IF NOT EXISTS school_catchments (fid bigint PRIMARY KEY, code text,
                                              school_code text, geom geometry);
CREATE INDEX IF NOT EXISTS buildings_geom_geom_idx ON buildings USING gist (geom);
CREATE INDEX IF NOT EXISTS school_catchments_geom_geom_idx ON school_catchments USING gist (geom);

DO $$
DECLARE
  t text;
  s int;
  w int := current_setting('anzhi.wsrid')::int;
BEGIN
  FOREACH t IN ARRAY ARRAY['resettlement_sites', 'planned_plots', 'buildings',
                           'school_catchments', 'ranger_plots'] LOOP
    IF to_regclass(t) IS NULL THEN
      CONTINUE;
    END IF;
    EXECUTE format('UPDATE %I SET geom = ST_CollectionExtract(ST_MakeValid(geom, %L), 3) '
                   'WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)', t, 'method=linework');
  END LOOP;
  FOREACH t IN ARRAY ARRAY['resettlement_sites', 'planned_plots', 'buildings', 'schools',
                           'school_catchments', 'rangers', 'ranger_plots'] LOOP
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_name = t AND column_name = 'geom') THEN
      CONTINUE; -- absent, or a layer without geometry (rangers may have none)
    END IF;
    EXECUTE format('SELECT ST_SRID(geom) FROM %I WHERE geom IS NOT NULL LIMIT 1', t) INTO s;
    IF s IS NOT NULL AND s <> w THEN
      EXECUTE format('ALTER TABLE %I ALTER COLUMN geom TYPE geometry(Geometry, %s) '
                     'USING ST_Transform(geom, %s)', t, w, w);
    END IF;
  END LOOP;
END
$$;

-- Plots are matched to rangers and catchments to schools by code, compared as text.
CREATE INDEX IF NOT EXISTS ranger_plots_code_idx ON ranger_plots ((ranger_code::text));
CREATE INDEX IF NOT EXISTS rangers_code_idx ON rangers ((code::text));
CREATE INDEX IF NOT EXISTS schools_code_idx ON schools ((code::text));
CREATE INDEX IF NOT EXISTS school_catchments_code_idx ON school_catchments ((school_code::text));
ANALYZE;
