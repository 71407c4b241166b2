-- pgRouting side of bench/network_pgrouting.sh: primary school coverage by road with the
-- semantics of docs/contract.md "Network distance" at walking speed on every road (the
-- defaults: walk_kmh 4, max_access_m 2000, max_minutes.primary urban 15 / rural 30). Prints
-- "@@time <step> <seconds>" and "@@uncovered <fid>" for every site left uncovered.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgrouting;
SELECT set_config('bench.t0', clock_timestamp()::text, false);
-- Noded in 2-D as Anzhi does (ST_Node is GEOS's noder too), then a topology on exact ends.
CREATE TABLE edges AS
  SELECT row_number() OVER () AS id, geom
  FROM (SELECT (ST_Dump(ST_Node(ST_Collect(g)))).geom AS geom
        FROM (SELECT ST_Force2D((ST_Dump(geom)).geom) AS g FROM roads) parts) d
  WHERE ST_Length(geom) > 0;
ALTER TABLE edges ADD COLUMN source bigint, ADD COLUMN target bigint, ADD COLUMN cost float8;
UPDATE edges SET cost = ST_Length(geom) / (4000.0 / 60);
CREATE INDEX ON edges USING gist (geom);
SELECT pgr_createTopology('edges', 0.000001, 'geom', 'id', clean := true) \gset
SELECT '@@time graph ' || extract(epoch FROM clock_timestamp() - current_setting('bench.t0')::timestamptz);
SELECT set_config('bench.t0', clock_timestamp()::text, false);
-- Sites (by their point-on-surface) and primary / nine-year schools without a catchment,
-- snapped to the nearest edge within 2000 m: pid = site fid, or 10 000 000 + school fid.
CREATE TABLE pts AS
  SELECT p.pid, p.kind, p.setting, e.id AS edge_id,
         ST_LineLocatePoint(e.geom, p.geom) AS fraction,
         ST_Distance(e.geom, p.geom) / (4000.0 / 60) AS walk
  FROM (SELECT fid AS pid, 'site' AS kind, setting, ST_PointOnSurface(geom) AS geom
        FROM resettlement_sites WHERE geom IS NOT NULL
        UNION ALL
        SELECT 10000000 + s.fid, 'school', NULL, ST_GeometryN(s.geom, 1) FROM schools s
        WHERE s.level IN ('primary', 'nine_year') AND s.geom IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM school_catchments c WHERE c.school_code = s.code)) p
  CROSS JOIN LATERAL (SELECT id, geom FROM edges ORDER BY edges.geom <-> p.geom LIMIT 1) e
  WHERE ST_Distance(e.geom, p.geom) <= 2000;
-- pgr_withPointsDD reports the points on the edges of its shortest-path tree only, so it gives
-- the nodes reached from each school (the school's access walk included), and the sites are
-- reached from the ends of their edges here, or along a school's own edge, as Anzhi does.
CREATE TABLE reached (school bigint, node bigint, minutes float8);
DO $$
DECLARE
  s record;
BEGIN
  FOR s IN SELECT p.pid, p.walk, p.fraction, e.source, e.target
           FROM pts p JOIN edges e ON e.id = p.edge_id
           WHERE p.kind = 'school' AND p.walk <= 30 LOOP
    -- pgr_withPointsDD returns nothing from a point at an edge's end (fraction 0 or 1): such
    -- a school starts from that node.
    IF s.fraction IN (0, 1) THEN
      INSERT INTO reached
        SELECT s.pid, d.node, d.agg_cost + s.walk
        FROM pgr_drivingDistance('SELECT id, source, target, cost, cost AS reverse_cost FROM edges',
                                 CASE WHEN s.fraction = 0 THEN s.source ELSE s.target END,
                                 30 - s.walk, directed := false) d;
    ELSE
      INSERT INTO reached
        SELECT s.pid, d.node, d.agg_cost + s.walk
        FROM pgr_withPointsDD('SELECT id, source, target, cost, cost AS reverse_cost FROM edges',
                              format('SELECT pid, edge_id, fraction FROM pts WHERE pid = %s', s.pid),
                              -s.pid, 30 - s.walk, directed := false, details := false) d
        WHERE d.node > 0;
    END IF;
  END LOOP;
END
$$;
CREATE INDEX ON reached (node);
CREATE TABLE site_time AS
  SELECT p.pid AS site, min(x.t) + p.walk AS minutes
  FROM pts p JOIN edges e ON e.id = p.edge_id
  CROSS JOIN LATERAL (
    SELECT r.minutes + p.fraction * e.cost AS t FROM reached r WHERE r.node = e.source
    UNION ALL
    SELECT r.minutes + (1 - p.fraction) * e.cost FROM reached r WHERE r.node = e.target
    UNION ALL
    SELECT q.walk + abs(q.fraction - p.fraction) * e.cost FROM pts q
    WHERE q.kind = 'school' AND q.edge_id = p.edge_id) x
  WHERE p.kind = 'site'
  GROUP BY p.pid, p.walk;
SELECT '@@count reached ' || count(*) FROM reached;
SELECT '@@time routing ' || extract(epoch FROM clock_timestamp() - current_setting('bench.t0')::timestamptz);
-- Covered: by a primary or nine-year school's catchment containing the point-on-surface, or
-- by road within the limit of the site's setting.
SELECT '@@uncovered ' || r.fid
FROM resettlement_sites r
WHERE r.geom IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM school_catchments c JOIN schools s ON s.code = c.school_code
                  WHERE s.level IN ('primary', 'nine_year')
                    AND ST_Contains(c.geom, ST_PointOnSurface(r.geom)))
  AND NOT EXISTS (SELECT 1 FROM site_time t
                  WHERE t.site = r.fid
                    AND t.minutes <= CASE r.setting WHEN 'urban' THEN 15 WHEN 'rural' THEN 30 END)
ORDER BY r.fid;
SELECT '@@site ' || site || ' ' || minutes FROM site_time ORDER BY site;
