#pragma once

// Old Chinese datums (Xian 1980, Beijing 1954) to CGCS2000. PROJ knows no real transformation
// between them, only a "ballpark" one that keeps latitude and longitude (tens of metres off):
// the planner gives the parameters their surveying office published, and the import applies
// them as a PROJ pipeline (docs/import.md "Old datums").

#include "gis/Crs.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! Seven-parameter Bursa-Wolf shift in the position-vector convention (PROJ's +towgs84 and
//! `helmert +convention=position_vector`): translations in metres, rotations in arc-seconds,
//! scale in ppm.
struct BursaWolf
{
  double dx = 0, dy = 0, dz = 0, rx = 0, ry = 0, rz = 0, ds = 0;
};
//! Parses "dx,dy,dz,rx,ry,rz,ds" (seven numbers, commas; spaces ignored).
BursaWolf parseBursaWolf(std::string_view text);

//! A point known in both systems: its source coordinates (old datum, projected, x = easting)
//! and its target coordinates (CGCS2000, projected).
struct ControlPoint
{
  std::string name;
  double sourceX = 0, sourceY = 0, targetX = 0, targetY = 0;
};
//! Reads a CSV of control points: a header, then `name,source_x,source_y,target_x,target_y`
//! per line (the name may be empty; `,` `;` or tab). Throws ImportError naming file and line.
std::vector<ControlPoint> readControlPoints(const std::string &path);

//! The four-parameter plane similarity x' = tx + a·x − b·y, y' = ty + b·x + a·y fitted to the
//! control points by least squares, with each point's residual (metres).
struct PlaneSimilarity
{
  double a = 1, b = 0, tx = 0, ty = 0;
  std::vector<double> residuals; //!< per control point, in their order
  double scale() const;
  double rotationSeconds() const;
  double rootMeanSquare() const;
};
//! Needs at least three points (two fix the four parameters; the third checks them) that are
//! not all the same point. Throws ImportError saying what is missing.
PlaneSimilarity fitPlaneSimilarity(const std::vector<ControlPoint> &points);

//! A datum shift ready to apply: from `source` into `target` through a PROJ pipeline.
struct DatumShift
{
  gis::Crs source, target;
  std::string pipeline;    //!< PROJ pipeline, traditional GIS axis order in and out
  std::string description; //!< what a planner reads: method and parameters
};
DatumShift bursaWolfShift(const gis::Crs &source, const BursaWolf &parameters);
DatumShift planeShift(const gis::Crs &source, const PlaneSimilarity &fit);

//! Whether going from `source` to `target` changes the datum with nothing better than PROJ's
//! ballpark: the ellipsoids differ by more than a metre (Krassowsky and IAU 1975 against
//! GRS 1980). WGS 84 and CGCS2000 differ by 0.1 mm in their flattening and pass.
bool needsDatumParameters(const gis::Crs &source, const gis::Crs &target);

//! The CGCS2000 CRS with the same projection as an old-datum one: geographic → EPSG:4490;
//! a 3-degree zone with the zone prefix → EPSG:4513–4533, a 6-degree one → EPSG:4491–4501;
//! a central-meridian CRS without prefix → EPSG:4534–4554. Throws ImportError for others.
gis::Crs cgcs2000Counterpart(const gis::Crs &oldCrs);

//! The anzhi_settings key under which a project keeps the shift for a source CRS.
std::string datumShiftKey(const gis::Crs &source);

} // namespace anzhi::core
