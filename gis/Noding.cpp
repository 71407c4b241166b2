#include "gis/Noding.h"

#include "gis/GisError.h"

#include <algorithm>
#include <cmath>

namespace anzhi::gis {

namespace {

using Coords = std::vector<std::pair<double, double>>;

Coords lineCoords(GEOSContextHandle_t ctx, const GEOSGeometry *line)
{
  Coords coords;
  const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, line);
  unsigned n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n))
    return coords;
  coords.resize(n);
  for (unsigned i = 0; i < n; ++i)
    GEOSCoordSeq_getXY_r(ctx, seq, i, &coords[i].first, &coords[i].second);
  return coords;
}

//! The 2-D lines of every input with the input each came from.
struct InputLines
{
  std::vector<Coords> lines;
  std::vector<std::size_t> source;
};

InputLines inputLines(GEOSContextHandle_t ctx, const std::vector<const GEOSGeometry *> &inputs)
{
  InputLines out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const GEOSGeometry *g = inputs[i];
    if (!g || GEOSisEmpty_r(ctx, g) == 1)
      continue;
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type != GEOS_LINESTRING && type != GEOS_MULTILINESTRING)
      continue;
    const int parts = GEOSGetNumGeometries_r(ctx, g);
    for (int k = 0; k < parts; ++k) {
      Coords coords = lineCoords(ctx, GEOSGetGeometryN_r(ctx, g, k));
      bool finite = coords.size() >= 2;
      for (const auto &[x, y] : coords)
        finite = finite && std::isfinite(x) && std::isfinite(y);
      if (!finite)
        continue;
      out.lines.push_back(std::move(coords));
      out.source.push_back(i);
    }
  }
  return out;
}

Envelope envelopeOf(const Coords &coords)
{
  Envelope e{coords[0].first, coords[0].second, coords[0].first, coords[0].second};
  for (const auto &[x, y] : coords)
    e.expandToInclude({x, y, x, y});
  return e;
}

double distanceToLine(std::pair<double, double> p, const Coords &line)
{
  double best = INFINITY;
  for (std::size_t i = 0; i + 1 < line.size(); ++i)
    best = std::min(best, projectOnSegment(p, line[i], line[i + 1]).distance);
  return best;
}

} // namespace

SegmentProjection projectOnSegment(std::pair<double, double> p, std::pair<double, double> a,
                                   std::pair<double, double> b)
{
  const double dx = b.first - a.first, dy = b.second - a.second;
  const double length2 = dx * dx + dy * dy;
  double t = 0;
  if (length2 > 0)
    t = std::clamp(((p.first - a.first) * dx + (p.second - a.second) * dy) / length2, 0.0, 1.0);
  const double x = a.first + t * dx, y = a.second + t * dy;
  return {t, std::hypot(p.first - x, p.second - y)};
}

std::vector<NodedPiece> nodedLines(const std::vector<const GEOSGeometry *> &inputs)
{
  auto ctx = geosContext();
  InputLines input = inputLines(ctx, inputs);
  std::vector<NodedPiece> pieces;
  if (input.lines.empty())
    return pieces;
  std::vector<Geometry> parts;
  std::vector<StrTree::Item> boxes;
  for (std::size_t i = 0; i < input.lines.size(); ++i) {
    parts.push_back(makeLine(input.lines[i]));
    boxes.push_back({envelopeOf(input.lines[i]), i});
  }
  Geometry collection = makeCollection(GEOS_MULTILINESTRING, std::move(parts));
  Geometry noded(GEOSNode_r(ctx, collection.get()));
  if (!noded)
    throw GisError("GEOS noding of " + std::to_string(input.lines.size()) + " lines failed");
  const StrTree tree(std::move(boxes));
  // A noded piece lies along its input lines up to the rounding of computed crossing points:
  // the midpoint of its first segment is within this of each of them, and no other line passes
  // through it (it would have been noded there).
  constexpr double kOnLine = 1e-6;
  const int n = GEOSGetNumGeometries_r(ctx, noded.get());
  pieces.reserve(std::size_t(n));
  for (int k = 0; k < n; ++k) {
    NodedPiece piece{lineCoords(ctx, GEOSGetGeometryN_r(ctx, noded.get(), k)), {}};
    // The probe is the middle of the piece's longest segment: never a node, where other lines
    // may end.
    double length = 0, longest = 0;
    std::size_t at = 0;
    for (std::size_t i = 0; i + 1 < piece.coords.size(); ++i) {
      const double segment = std::hypot(piece.coords[i + 1].first - piece.coords[i].first,
                                        piece.coords[i + 1].second - piece.coords[i].second);
      length += segment;
      if (segment > longest) {
        longest = segment;
        at = i;
      }
    }
    if (!(length > 0))
      continue;
    const std::pair<double, double> probe{(piece.coords[at].first + piece.coords[at + 1].first) / 2,
                                          (piece.coords[at].second + piece.coords[at + 1].second) /
                                              2};
    for (std::size_t line : tree.query({probe.first - kOnLine, probe.second - kOnLine,
                                        probe.first + kOnLine, probe.second + kOnLine}))
      if (distanceToLine(probe, input.lines[line]) <= kOnLine)
        piece.sources.push_back(input.source[line]);
    std::sort(piece.sources.begin(), piece.sources.end());
    piece.sources.erase(std::unique(piece.sources.begin(), piece.sources.end()),
                        piece.sources.end());
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

} // namespace anzhi::gis
