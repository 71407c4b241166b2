#include "gis/Geos.h"

#include "gis/GisError.h"
#include "gis/SimpleRing.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace anzhi::gis {

namespace {

struct ThreadGeos
{
  GEOSContextHandle_t handle = nullptr;
  std::string lastError;

  ThreadGeos()
  {
    handle = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(
        handle,
        [](const char *message, void *userdata) {
          static_cast<ThreadGeos *>(userdata)->lastError = message ? message : "";
        },
        this);
    GEOSContext_setNoticeMessageHandler_r(
        handle, [](const char *, void *) {}, nullptr);
  }
  ~ThreadGeos() { GEOS_finish_r(handle); }
  ThreadGeos(const ThreadGeos &) = delete;
  ThreadGeos &operator=(const ThreadGeos &) = delete;
};

ThreadGeos &threadGeos()
{
  thread_local ThreadGeos geos;
  return geos;
}

[[noreturn]] void fail(const char *operation)
{
  std::string message = std::string("GEOS ") + operation + " failed";
  if (!threadGeos().lastError.empty())
    message += ": " + threadGeos().lastError;
  throw GisError(message);
}

Geometry check(GEOSGeometry *g, const char *operation)
{
  if (!g)
    fail(operation);
  return Geometry(g);
}

using Coords = std::vector<std::pair<double, double>>;

GEOSGeometry *makeRing(const Coords &coords)
{
  auto ctx = geosContext();
  Coords ring = coords;
  if (!ring.empty() && ring.front() != ring.back())
    ring.push_back(ring.front());
  GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(ring.size()), 2);
  for (unsigned i = 0; i < ring.size(); ++i)
    GEOSCoordSeq_setXY_r(ctx, seq, i, ring[i].first, ring[i].second);
  GEOSGeometry *g = GEOSGeom_createLinearRing_r(ctx, seq);
  if (!g)
    fail("ring creation");
  return g;
}

Coords sequenceCoords(const GEOSCoordSequence *seq)
{
  auto ctx = geosContext();
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(ctx, seq, &n);
  Coords coords(n);
  for (unsigned i = 0; i < n; ++i)
    GEOSCoordSeq_getXY_r(ctx, seq, i, &coords[i].first, &coords[i].second);
  return coords;
}

} // namespace

GEOSContextHandle_t geosContext()
{
  return threadGeos().handle;
}

void GeometryDeleter::operator()(GEOSGeometry *g) const
{
  GEOSGeom_destroy_r(geosContext(), g);
}

void PreparedDeleter::operator()(const GEOSPreparedGeometry *g) const
{
  GEOSPreparedGeom_destroy_r(geosContext(), g);
}

void Envelope::expandToInclude(const Envelope &o)
{
  minX = std::min(minX, o.minX);
  minY = std::min(minY, o.minY);
  maxX = std::max(maxX, o.maxX);
  maxY = std::max(maxY, o.maxY);
}

Geometry fromWkb(std::span<const unsigned char> wkb)
{
  return check(GEOSGeomFromWKB_buf_r(geosContext(), wkb.data(), wkb.size()), "WKB reading");
}

Geometry fromWkt(std::string_view wkt)
{
  auto ctx = geosContext();
  GEOSWKTReader *reader = GEOSWKTReader_create_r(ctx);
  std::string text(wkt);
  GEOSGeometry *g = GEOSWKTReader_read_r(ctx, reader, text.c_str());
  GEOSWKTReader_destroy_r(ctx, reader);
  return check(g, "WKT reading");
}

namespace {

//! The largest |x| or |y| of g's coordinates (NaN ignored; 0 for an empty geometry).
double maxAbsCoordinate(const GEOSGeometry *g)
{
  auto ctx = geosContext();
  double result = 0;
  switch (GEOSGeomTypeId_r(ctx, g)) {
  case GEOS_POINT:
  case GEOS_LINESTRING:
  case GEOS_LINEARRING: {
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, g);
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n))
      return 0;
    for (unsigned i = 0; i < n; ++i) {
      double x = 0, y = 0;
      GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
      if (std::fabs(x) > result) // false for NaN: ignored
        result = std::fabs(x);
      if (std::fabs(y) > result)
        result = std::fabs(y);
    }
    return result;
  }
  case GEOS_POLYGON: {
    if (GEOSisEmpty_r(ctx, g) == 1)
      return 0;
    result = maxAbsCoordinate(GEOSGetExteriorRing_r(ctx, g));
    const int holes = GEOSGetNumInteriorRings_r(ctx, g);
    for (int i = 0; i < holes; ++i)
      result = std::max(result, maxAbsCoordinate(GEOSGetInteriorRingN_r(ctx, g, i)));
    return result;
  }
  default: {
    const int parts = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < parts; ++i)
      result = std::max(result, maxAbsCoordinate(GEOSGetGeometryN_r(ctx, g, i)));
    return result;
  }
  }
}

} // namespace

std::string toWkt(const GEOSGeometry *g, int decimals)
{
  auto ctx = geosContext();
  GEOSWKTWriter *writer = GEOSWKTWriter_create_r(ctx);
  GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, decimals);
  // GEOS 3.11's trimmed-number writer overflows a stack buffer for |coordinates| beyond about
  // 1e130 (found by tests/fuzz fuzz_gpkg_geometry): such absurd values are written untrimmed.
  GEOSWKTWriter_setTrim_r(ctx, writer, maxAbsCoordinate(g) < 1e100 ? 1 : 0);
  char *text = GEOSWKTWriter_write_r(ctx, writer, g);
  GEOSWKTWriter_destroy_r(ctx, writer);
  if (!text)
    fail("WKT writing");
  std::string result(text);
  GEOSFree_r(ctx, text);
  return result;
}

std::vector<unsigned char> toWkb(const GEOSGeometry *g)
{
  auto ctx = geosContext();
  GEOSWKBWriter *writer = GEOSWKBWriter_create_r(ctx);
  GEOSWKBWriter_setByteOrder_r(ctx, writer, GEOS_WKB_NDR);
  std::size_t size = 0;
  unsigned char *bytes = GEOSWKBWriter_write_r(ctx, writer, g, &size);
  GEOSWKBWriter_destroy_r(ctx, writer);
  if (!bytes)
    fail("WKB writing");
  std::vector<unsigned char> result(bytes, bytes + size);
  GEOSFree_r(ctx, bytes);
  return result;
}

Geometry clone(const GEOSGeometry *g)
{
  return check(GEOSGeom_clone_r(geosContext(), g), "clone");
}

Geometry makePoint(double x, double y)
{
  return check(GEOSGeom_createPointFromXY_r(geosContext(), x, y), "point creation");
}

Geometry makeLine(const Coords &coords)
{
  auto ctx = geosContext();
  GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(coords.size()), 2);
  for (unsigned i = 0; i < coords.size(); ++i)
    GEOSCoordSeq_setXY_r(ctx, seq, i, coords[i].first, coords[i].second);
  return check(GEOSGeom_createLineString_r(ctx, seq), "line creation");
}

Geometry makePolygon(const Coords &outer, const std::vector<Coords> &holes)
{
  GEOSGeometry *shell = makeRing(outer);
  std::vector<GEOSGeometry *> holeRings;
  for (const auto &h : holes)
    holeRings.push_back(makeRing(h));
  return check(GEOSGeom_createPolygon_r(geosContext(), shell, holeRings.data(),
                                        static_cast<unsigned>(holeRings.size())),
               "polygon creation");
}

Geometry makeCollection(int geosTypeId, std::vector<Geometry> parts)
{
  std::vector<GEOSGeometry *> raw;
  raw.reserve(parts.size());
  for (auto &p : parts)
    raw.push_back(p.release());
  return check(GEOSGeom_createCollection_r(geosContext(), geosTypeId, raw.data(),
                                           static_cast<unsigned>(raw.size())),
               "collection creation");
}

namespace {

//! The x, y of a point's, line's or ring's vertices, in a buffer reused per thread; null when
//! GEOS cannot give them.
const std::vector<double> *vertexXY(GEOSContextHandle_t ctx, const GEOSGeometry *g)
{
  const GEOSCoordSequence *seq = g ? GEOSGeom_getCoordSeq_r(ctx, g) : nullptr;
  unsigned int size = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &size))
    return nullptr;
  thread_local std::vector<double> xy;
  xy.resize(2 * std::size_t(size));
  if (size > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx, seq, xy.data(), 0, 0))
    return nullptr;
  return &xy;
}

//! A polygon of one ring (or a multipolygon of one such part) whose ring is proved simple:
//! valid without GEOS's topology analysis, which otherwise costs more than reading and
//! building every geometry of a project. Anything else, or a ring not proved simple, goes
//! to GEOS.
bool isCertainlyValidPolygon(GEOSContextHandle_t ctx, const GEOSGeometry *g)
{
  int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_MULTIPOLYGON && GEOSGetNumGeometries_r(ctx, g) == 1) {
    g = GEOSGetGeometryN_r(ctx, g, 0);
    type = GEOSGeomTypeId_r(ctx, g);
  }
  if (type != GEOS_POLYGON || GEOSGetNumInteriorRings_r(ctx, g) != 0)
    return false;
  const std::vector<double> *xy = vertexXY(ctx, GEOSGetExteriorRing_r(ctx, g));
  return xy && isCertainlySimpleRing(*xy);
}

} // namespace

ValidityReport validity(const GEOSGeometry *g)
{
  auto ctx = geosContext();
  if (isCertainlyValidPolygon(ctx, g))
    return {};
  char *reason = nullptr;
  GEOSGeometry *location = nullptr;
  char valid = GEOSisValidDetail_r(ctx, g, 0, &reason, &location);
  if (valid == 2)
    fail("validity test");
  ValidityReport report;
  report.valid = valid == 1;
  if (reason) {
    report.reason = reason;
    GEOSFree_r(ctx, reason);
  }
  if (location) {
    Geometry owned(location);
    if (!isEmpty(owned.get())) {
      auto [x, y] = pointXY(owned.get());
      report.x = x;
      report.y = y;
    }
  }
  return report;
}

Geometry makeValid(const GEOSGeometry *g, bool keepPolygonal)
{
  Geometry repaired = check(GEOSMakeValid_r(geosContext(), g), "make-valid");
  return keepPolygonal ? polygonalParts(repaired.get()) : std::move(repaired);
}

Geometry polygonalParts(const GEOSGeometry *g)
{
  auto ctx = geosContext();
  int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
    return clone(g);
  std::vector<Geometry> polygons;
  if (type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < n; ++i) {
      const GEOSGeometry *part = GEOSGetGeometryN_r(ctx, g, i);
      int partType = GEOSGeomTypeId_r(ctx, part);
      if (partType == GEOS_POLYGON) {
        polygons.push_back(clone(part));
      } else if (partType == GEOS_MULTIPOLYGON) {
        int m = GEOSGetNumGeometries_r(ctx, part);
        for (int j = 0; j < m; ++j)
          polygons.push_back(clone(GEOSGetGeometryN_r(ctx, part, j)));
      }
    }
  }
  return makeCollection(GEOS_MULTIPOLYGON, std::move(polygons));
}

bool isEmpty(const GEOSGeometry *g)
{
  return GEOSisEmpty_r(geosContext(), g) == 1;
}

std::string typeName(const GEOSGeometry *g)
{
  char *name = GEOSGeomType_r(geosContext(), g);
  std::string result = name ? name : "unknown";
  GEOSFree_r(geosContext(), name);
  return result;
}

int partCount(const GEOSGeometry *g)
{
  return GEOSGetNumGeometries_r(geosContext(), g);
}

Geometry part(const GEOSGeometry *g, int i)
{
  return clone(GEOSGetGeometryN_r(geosContext(), g, i));
}

Geometry convexHull(const Coords &points)
{
  std::vector<Geometry> parts;
  parts.reserve(points.size());
  for (const auto &[x, y] : points)
    parts.push_back(makePoint(x, y));
  Geometry multi = makeCollection(GEOS_MULTIPOINT, std::move(parts));
  return check(GEOSConvexHull_r(geosContext(), multi.get()), "convex hull");
}

Geometry closedLinesAsPolygons(const GEOSGeometry *g)
{
  auto ctx = geosContext();
  const int type = GEOSGeomTypeId_r(ctx, g);
  if (type != GEOS_LINESTRING && type != GEOS_MULTILINESTRING)
    return nullptr;
  std::vector<Geometry> polygons;
  const int n = GEOSGetNumGeometries_r(ctx, g);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry *line = GEOSGetGeometryN_r(ctx, g, i);
    if (GEOSisEmpty_r(ctx, line) || GEOSGeomGetNumPoints_r(ctx, line) < 4 ||
        GEOSisClosed_r(ctx, line) != 1)
      return nullptr;
    GEOSCoordSequence *coords = GEOSCoordSeq_clone_r(ctx, GEOSGeom_getCoordSeq_r(ctx, line));
    GEOSGeometry *ring = coords ? GEOSGeom_createLinearRing_r(ctx, coords) : nullptr;
    if (!ring)
      fail("ring creation");
    polygons.push_back(check(GEOSGeom_createPolygon_r(ctx, ring, nullptr, 0), "polygon creation"));
  }
  return makeCollection(GEOS_MULTIPOLYGON, std::move(polygons));
}

bool hasNonFiniteCoordinate(const GEOSGeometry *g)
{
  return transformXY(g, [](double &x, double &y) {
           return std::isfinite(x) && std::isfinite(y);
         }) == nullptr;
}

int typeId(const GEOSGeometry *g)
{
  return GEOSGeomTypeId_r(geosContext(), g);
}

bool isPolygonal(const GEOSGeometry *g)
{
  int t = typeId(g);
  return t == GEOS_POLYGON || t == GEOS_MULTIPOLYGON;
}

namespace {

//! Widens e by the vertices of a point, line or ring, read without GEOS's envelope cache.
bool expandByCoordinates(GEOSContextHandle_t ctx, const GEOSGeometry *g, Envelope &e, bool &first)
{
  const std::vector<double> *xy = vertexXY(ctx, g);
  if (!xy)
    return false;
  for (std::size_t i = 0; i < xy->size(); i += 2) {
    const double x = (*xy)[i], y = (*xy)[i + 1];
    if (first) {
      e = {x, y, x, y};
      first = false;
    } else {
      e.minX = std::min(e.minX, x);
      e.minY = std::min(e.minY, y);
      e.maxX = std::max(e.maxX, x);
      e.maxY = std::max(e.maxY, y);
    }
  }
  return true;
}

//! The envelope of a point, line, polygon or a multi-geometry of them from its vertices; false
//! for anything else (collections, curves), which GEOS measures.
bool envelopeFromCoordinates(GEOSContextHandle_t ctx, const GEOSGeometry *g, Envelope &e,
                             bool &first)
{
  switch (GEOSGeomTypeId_r(ctx, g)) {
  case GEOS_POINT:
  case GEOS_LINESTRING:
  case GEOS_LINEARRING:
    return expandByCoordinates(ctx, g, e, first);
  case GEOS_POLYGON: {
    // The shell bounds a valid polygon, but a repaired or invalid one may have holes outside.
    const GEOSGeometry *shell = GEOSGetExteriorRing_r(ctx, g);
    if (!shell || !expandByCoordinates(ctx, shell, e, first))
      return false;
    const int holes = GEOSGetNumInteriorRings_r(ctx, g);
    for (int i = 0; i < holes; ++i) {
      const GEOSGeometry *hole = GEOSGetInteriorRingN_r(ctx, g, i);
      if (!hole || !expandByCoordinates(ctx, hole, e, first))
        return false;
    }
    return true;
  }
  case GEOS_MULTIPOINT:
  case GEOS_MULTILINESTRING:
  case GEOS_MULTIPOLYGON: {
    const int n = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < n; ++i)
      if (!envelopeFromCoordinates(ctx, GEOSGetGeometryN_r(ctx, g, i), e, first))
        return false;
    return true;
  }
  default:
    return false;
  }
}

} // namespace

Envelope envelope(const GEOSGeometry *g)
{
  // From the vertices rather than GEOSGeom_getExtent_r, which makes GEOS allocate and keep an
  // envelope on the geometry and on each of its rings: 64 bytes and two allocations per polygon
  // of a project, for millions of polygons that no rule ever intersects.
  auto ctx = geosContext();
  Envelope e;
  bool first = true;
  if (envelopeFromCoordinates(ctx, g, e, first) && !first)
    return e;
  if (GEOSGeom_getExtent_r(ctx, g, &e.minX, &e.minY, &e.maxX, &e.maxY) == 0)
    fail("extent");
  return e;
}

double planarArea(const GEOSGeometry *g)
{
  double area = 0;
  if (!GEOSArea_r(geosContext(), g, &area))
    fail("area");
  return area;
}

double distance(const GEOSGeometry *a, const GEOSGeometry *b)
{
  double d = 0;
  if (!GEOSDistance_r(geosContext(), a, b, &d))
    fail("distance");
  return d;
}

Geometry intersection(const GEOSGeometry *a, const GEOSGeometry *b)
{
  return check(GEOSIntersection_r(geosContext(), a, b), "intersection");
}

Geometry difference(const GEOSGeometry *a, const GEOSGeometry *b)
{
  return check(GEOSDifference_r(geosContext(), a, b), "difference");
}

Geometry clipToRectangle(const GEOSGeometry *g, const Envelope &r)
{
  // The rectangle clip is linear in the vertices but GEOS does not promise a valid result (a
  // ring touching the rectangle's edge may come out self-touching); the overlay is exact.
  // It may also fail outright on such a ring (GEOS 3.11 builds a three-point ring and throws).
  if (Geometry clip{GEOSClipByRect_r(geosContext(), g, r.minX, r.minY, r.maxX, r.maxY)}) {
    Geometry clipped = polygonalParts(clip.get());
    if (GEOSisValid_r(geosContext(), clipped.get()) == 1)
      return clipped;
  }
  Geometry box =
      makePolygon({{r.minX, r.minY}, {r.maxX, r.minY}, {r.maxX, r.maxY}, {r.minX, r.maxY}});
  return polygonalParts(intersection(g, box.get()).get());
}

Geometry unaryUnion(const GEOSGeometry *g)
{
  return check(GEOSUnaryUnion_r(geosContext(), g), "union");
}

Geometry boundary(const GEOSGeometry *g)
{
  return check(GEOSBoundary_r(geosContext(), g), "boundary");
}

std::vector<Geometry> polygonize(const GEOSGeometry *lines)
{
  const GEOSGeometry *inputs[] = {lines};
  Geometry faces = check(GEOSPolygonize_r(geosContext(), inputs, 1), "polygonize");
  std::vector<Geometry> out;
  int n = GEOSGetNumGeometries_r(geosContext(), faces.get());
  for (int i = 0; i < n; ++i)
    out.push_back(clone(GEOSGetGeometryN_r(geosContext(), faces.get(), i)));
  return out;
}

Geometry unionAll(const std::vector<const GEOSGeometry *> &parts)
{
  std::vector<Geometry> clones;
  clones.reserve(parts.size());
  for (const GEOSGeometry *p : parts)
    clones.push_back(clone(p));
  Geometry collection = makeCollection(GEOS_GEOMETRYCOLLECTION, std::move(clones));
  return unaryUnion(collection.get());
}

Geometry pointOnSurface(const GEOSGeometry *g)
{
  return check(GEOSPointOnSurface_r(geosContext(), g), "point-on-surface");
}

Geometry centroid(const GEOSGeometry *g)
{
  return check(GEOSGetCentroid_r(geosContext(), g), "centroid");
}

bool contains(const GEOSGeometry *a, const GEOSGeometry *b)
{
  char r = GEOSContains_r(geosContext(), a, b);
  if (r == 2)
    fail("contains");
  return r == 1;
}

bool intersects(const GEOSGeometry *a, const GEOSGeometry *b)
{
  char r = GEOSIntersects_r(geosContext(), a, b);
  if (r == 2)
    fail("intersects");
  return r == 1;
}

bool interiorsIntersect(const GEOSGeometry *a, const GEOSGeometry *b)
{
  char r = GEOSRelatePattern_r(geosContext(), a, b, "T********");
  if (r == 2)
    fail("relate");
  return r == 1;
}

bool shareEdge(const GEOSGeometry *a, const GEOSGeometry *b)
{
  char r = GEOSRelatePattern_r(geosContext(), a, b, "F***1****");
  if (r == 2)
    fail("relate");
  return r == 1;
}

std::pair<double, double> pointXY(const GEOSGeometry *point)
{
  auto ctx = geosContext();
  double x = 0, y = 0;
  if (!GEOSGeomGetX_r(ctx, point, &x) || !GEOSGeomGetY_r(ctx, point, &y))
    fail("point coordinates");
  return {x, y};
}

Geometry transformXY(const GEOSGeometry *g, const std::function<bool(double &, double &)> &fn)
{
  struct State
  {
    const std::function<bool(double &, double &)> *fn;
  } state{&fn};
  GEOSGeometry *result = GEOSGeom_transformXY_r(
      geosContext(), g,
      [](double *x, double *y, void *userdata) -> int {
        return (*static_cast<State *>(userdata)->fn)(*x, *y) ? 1 : 0;
      },
      &state);
  return Geometry(result);
}

void forEachRingSequence(const GEOSGeometry *g,
                         const std::function<void(const GEOSCoordSequence *, bool)> &fn)
{
  auto ctx = geosContext();
  int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(ctx, g))
      return;
    fn(GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, g)), false);
    int holes = GEOSGetNumInteriorRings_r(ctx, g);
    for (int i = 0; i < holes; ++i)
      fn(GEOSGeom_getCoordSeq_r(ctx, GEOSGetInteriorRingN_r(ctx, g, i)), true);
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < n; ++i)
      forEachRingSequence(GEOSGetGeometryN_r(ctx, g, i), fn);
  }
}

void forEachRing(const GEOSGeometry *g, const std::function<void(const Coords &, bool)> &fn)
{
  forEachRingSequence(
      g, [&](const GEOSCoordSequence *seq, bool isHole) { fn(sequenceCoords(seq), isHole); });
}

PreparedGeometry::PreparedGeometry(const GEOSGeometry *g)
    : m_prepared(GEOSPrepare_r(geosContext(), g))
{
  if (!m_prepared)
    fail("prepare");
}

bool PreparedGeometry::intersects(const GEOSGeometry *other) const
{
  char r = GEOSPreparedIntersects_r(geosContext(), m_prepared.get(), other);
  if (r == 2)
    fail("prepared intersects");
  return r == 1;
}

bool PreparedGeometry::contains(const GEOSGeometry *other) const
{
  char r = GEOSPreparedContains_r(geosContext(), m_prepared.get(), other);
  if (r == 2)
    fail("prepared contains");
  return r == 1;
}

bool PreparedGeometry::containsProperly(const GEOSGeometry *other) const
{
  char r = GEOSPreparedContainsProperly_r(geosContext(), m_prepared.get(), other);
  if (r == 2)
    fail("prepared containsProperly");
  return r == 1;
}

double PreparedGeometry::distance(const GEOSGeometry *other) const
{
  double d = 0;
  if (!GEOSPreparedDistance_r(geosContext(), m_prepared.get(), other, &d))
    fail("prepared distance");
  return d;
}

bool PreparedGeometry::withinDistance(const GEOSGeometry *other, double d) const
{
  char r = GEOSPreparedDistanceWithin_r(geosContext(), m_prepared.get(), other, d);
  if (r == 2)
    fail("prepared distance-within");
  return r == 1;
}

} // namespace anzhi::gis
