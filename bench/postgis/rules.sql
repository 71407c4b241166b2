-- PostGIS side of the rule benchmark, step 2 of 2: four of Anzhi's rules in SQL, with the exact
-- semantics of this repository's docs/contract.md ("Rules" and "Precise semantics") and the engine's
-- documented decisions (docs/rules.md), so that the violations can be compared one for one with
-- `anzhi-cli check`. Run after prep.sql, in one session:
--   psql -v wsrid=4546 -v outdir=/tmp/x [-v min_overlap_m2=1 -v min_mu=500] -f rules.sql
-- Each rule is one statement that materialises its violations into a table v_<rule>; it is
-- timed with clock_timestamp() and reported as a line "@@time <rule> <seconds> ok|failed"
-- (failed: e.g. cancelled by statement_timeout). Then "@@count <rule> <n>" and the violations
-- as CSV in :outdir/postgis-<rule>.csv (rule-specific columns, sorted).
--
-- Measures: overlaps are intersected in the working CRS (prep.sql put every layer there), then
-- measured as the geodesic area on the ellipsoid of the working CRS's geographic base
-- (CGCS2000, EPSG:4490): ST_Area(ST_Transform(g, 4490)::geography, true), i.e. GeographicLib's
-- geod_polygonarea, as docs/contract.md ("Units, coordinates, measures") asks. Distances are planar in the working CRS.
\set ON_ERROR_STOP off
\if :{?min_overlap_m2}
\else
  \set min_overlap_m2 1
\endif
\if :{?min_mu}
\else
  \set min_mu 500
\endif
\if :{?geographic_srid}
\else
  \set geographic_srid 4490
\endif
\pset pager off
\pset footer off
\pset tuples_only on
\pset format unaligned

-- docs/contract.md's default land-use mapping (docs/rules.md decision 3: trimmed, case-sensitive,
-- whole-value patterns, first match wins; NULL and anything else is 'other').
CREATE OR REPLACE FUNCTION anzhi_land_use_class(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN t ~ '^(education|A33|0804[0-9]{0,2})$' THEN 'education'
    WHEN t ~ '^(medical|A51|0806[0-9]{0,2})$' THEN 'medical'
    WHEN t ~ '^(elderly_care|A6|0807[0-9]{0,2})$' THEN 'elderly_care'
    WHEN t ~ '^(industrial|M[1-3]?|1001[0-9]{0,2})$' THEN 'industrial'
    WHEN t IN ('residential', 'commercial', 'road', 'green') THEN t
    ELSE 'other'
  END
  FROM (SELECT btrim(v, E' \t\r\n') AS t) s
$$;

CREATE OR REPLACE FUNCTION anzhi_is_protected(cls text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT cls IN ('education', 'medical', 'elderly_care', 'industrial')
$$;

-- Ellipsoidal area (m²) of the polygonal parts of g, a geometry in the working CRS.
CREATE OR REPLACE FUNCTION anzhi_area_m2(g geometry, geographic_srid int) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(ST_Area(ST_Transform(ST_CollectionExtract(g, 3), geographic_srid)::geography,
                          true), 0)
$$;

DROP TABLE IF EXISTS v_protected_land, v_ranger_overlap, v_ranger_area, v_school_coverage;

------------------------------------------------------------------------------------------------
-- protected-land (一（一）): for each planned plot P of a protected class, every planned plot or
-- building Q of a different class whose intersection with P has area > min_overlap_m2. One row
-- per unordered pair: when both are protected, P is the lower fid.
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE v_protected_land AS
WITH p AS (
  SELECT fid, cls, geom
  FROM (SELECT fid, anzhi_land_use_class(land_use::text) AS cls, geom
        FROM planned_plots
        WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)) x
  WHERE anzhi_is_protected(cls)
),
pairs AS (
  SELECT p.fid, 'planned_plots'::text AS other_layer, q.fid AS other_fid,
         ST_Intersection(p.geom, q.geom) AS g
  FROM p
  JOIN planned_plots q ON q.geom && p.geom AND q.fid <> p.fid AND ST_Intersects(p.geom, q.geom)
  CROSS JOIN LATERAL (SELECT anzhi_land_use_class(q.land_use::text) AS cls) qc
  WHERE qc.cls <> p.cls
    AND NOT (anzhi_is_protected(qc.cls) AND q.fid < p.fid)
  UNION ALL
  SELECT p.fid, 'buildings'::text, b.fid, ST_Intersection(p.geom, b.geom)
  FROM p
  JOIN buildings b ON b.geom && p.geom AND ST_Intersects(p.geom, b.geom)
  WHERE anzhi_land_use_class(b.use::text) <> p.cls
)
SELECT fid, other_layer, other_fid, area_m2
FROM (SELECT fid, other_layer, other_fid, anzhi_area_m2(g, :geographic_srid) AS area_m2
      FROM pairs) s
WHERE area_m2 > :min_overlap_m2;
SELECT '@@time protected-land ' ||
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) || ' ' ||
       CASE WHEN to_regclass('v_protected_land') IS NULL THEN 'failed' ELSE 'ok' END;

------------------------------------------------------------------------------------------------
-- ranger-overlap (三（十）): two plots of different rangers (ranger_code compared as text, two
-- nulls alike) whose intersection has area > min_overlap_m2; one row per unordered pair, fid =
-- the lower plot fid.
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE v_ranger_overlap AS
SELECT fid, other_fid, area_m2
FROM (SELECT a.fid, b.fid AS other_fid,
             anzhi_area_m2(ST_Intersection(a.geom, b.geom), :geographic_srid) AS area_m2
      FROM ranger_plots a
      JOIN ranger_plots b ON b.geom && a.geom AND b.fid > a.fid
      WHERE a.ranger_code::text IS DISTINCT FROM b.ranger_code::text
        AND ST_Intersects(a.geom, b.geom)) s
WHERE area_m2 > :min_overlap_m2;
SELECT '@@time ranger-overlap ' ||
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) || ' ' ||
       CASE WHEN to_regclass('v_ranger_overlap') IS NULL THEN 'failed' ELSE 'ok' END;

------------------------------------------------------------------------------------------------
-- ranger-area (三（十）): each ranger with at least one plot (plots matched by ranger_code =
-- code as text); the ellipsoidal area of the union of the plots (in the working CRS) must be at
-- least min_mu (1 mu = 10000/15 m²); plots without geometry add nothing (all of them: area 0).
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE v_ranger_area AS
SELECT fid, area_m2, area_m2 / (10000.0::float8 / 15) AS area_mu
FROM (SELECT r.fid, anzhi_area_m2(ST_Union(p.geom), :geographic_srid) AS area_m2
      FROM rangers r
      JOIN ranger_plots p ON p.ranger_code::text = r.code::text
      GROUP BY r.fid) s
WHERE area_m2 < :min_mu::float8 * (10000.0::float8 / 15);
SELECT '@@time ranger-area ' ||
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) || ' ' ||
       CASE WHEN to_regclass('v_ranger_area') IS NULL THEN 'failed' ELSE 'ok' END;

------------------------------------------------------------------------------------------------
-- school-coverage (一（四）): each site S with geometry and level L in {primary, junior} is
-- covered if a school of level L or nine_year either has a catchment (school_code = code, as
-- text) containing ST_PointOnSurface(S), boundary excluded, or — when no catchment names that
-- school — lies within radius_m[L][S.setting] of S (planar point-to-polygon distance, 0 inside,
-- distance <= radius; setting neither 'urban' nor 'rural': no radius). One row per uncovered
-- (S, L), with the distance to the nearest school of L or nine_year (null when none).
SELECT clock_timestamp() AS t0 \gset
CREATE UNLOGGED TABLE v_school_coverage AS
WITH levels(level, r_urban, r_rural) AS (
  VALUES ('primary'::text, 500::float8, 2500::float8), ('junior', 1000, 5000)
),
sites AS (
  SELECT s.fid, s.setting::text AS setting, s.geom, ST_PointOnSurface(s.geom) AS inside
  FROM resettlement_sites s
  WHERE s.geom IS NOT NULL AND NOT ST_IsEmpty(s.geom)
)
SELECT s.fid, l.level,
       (SELECT ST_Distance(k.geom, s.geom)
        FROM schools k
        WHERE k.level::text IN (l.level, 'nine_year') AND k.geom IS NOT NULL
          AND NOT ST_IsEmpty(k.geom)
        ORDER BY k.geom <-> s.geom, k.fid
        LIMIT 1) AS distance_m
FROM sites s
CROSS JOIN levels l
WHERE NOT EXISTS (
        SELECT 1
        FROM school_catchments c
        JOIN schools k ON k.code::text = c.school_code::text
        WHERE c.geom && s.inside AND ST_Contains(c.geom, s.inside)
          AND k.level::text IN (l.level, 'nine_year'))
  AND NOT EXISTS (
        SELECT 1
        FROM schools k
        WHERE k.level::text IN (l.level, 'nine_year')
          AND ST_DWithin(k.geom, s.geom,
                         CASE s.setting WHEN 'urban' THEN l.r_urban
                                        WHEN 'rural' THEN l.r_rural END)
          AND NOT EXISTS (SELECT 1 FROM school_catchments c
                          WHERE c.school_code::text = k.code::text));
SELECT '@@time school-coverage ' ||
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) || ' ' ||
       CASE WHEN to_regclass('v_school_coverage') IS NULL THEN 'failed' ELSE 'ok' END;

------------------------------------------------------------------------------------------------
-- Counts and the violations, for the comparison with the engine (not timed).
SELECT '@@count protected-land ' || count(*) FROM v_protected_land;
SELECT '@@count ranger-overlap ' || count(*) FROM v_ranger_overlap;
SELECT '@@count ranger-area ' || count(*) FROM v_ranger_area;
SELECT '@@count school-coverage ' || count(*) FROM v_school_coverage;
\pset format csv
\pset tuples_only on
\set out :outdir '/postgis-protected-land.csv'
\o :out
SELECT fid, other_layer, other_fid, round(area_m2::numeric, 3) FROM v_protected_land
ORDER BY 1, 2, 3;
\set out :outdir '/postgis-ranger-overlap.csv'
\o :out
SELECT fid, 'ranger_plots', other_fid, round(area_m2::numeric, 3) FROM v_ranger_overlap
ORDER BY 1, 3;
\set out :outdir '/postgis-ranger-area.csv'
\o :out
SELECT fid, round(area_m2::numeric, 3) FROM v_ranger_area ORDER BY 1;
\set out :outdir '/postgis-school-coverage.csv'
\o :out
SELECT fid, level, round(distance_m::numeric, 3) FROM v_school_coverage ORDER BY 1, 2;
\o
