#pragma once

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::gis {

//! The GEOS context of the calling thread. Created on first use and destroyed with the
//! thread; its error handler records the last message so that failures become GisError.
//! Thread: any; never share the handle with another thread.
GEOSContextHandle_t geosContext();

struct GeometryDeleter
{
  void operator()(GEOSGeometry *g) const;
};
struct PreparedDeleter
{
  void operator()(const GEOSPreparedGeometry *g) const;
};

//! An owned GEOS geometry. Geometries may move between threads but each call uses the
//! calling thread's context, which GEOS allows for geometries.
using Geometry = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

struct Envelope
{
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  bool intersects(const Envelope &o) const
  {
    return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
  }
  void expandToInclude(const Envelope &o);
  double centerX() const { return (minX + maxX) / 2; }
  double centerY() const { return (minY + maxY) / 2; }
};

struct ValidityReport
{
  bool valid = true;
  std::string reason;         //!< GEOS's reason, e.g. "Self-intersection"
  std::optional<double> x, y; //!< where GEOS found the problem, in the geometry's CRS
};

Geometry fromWkb(std::span<const unsigned char> wkb);
Geometry fromWkt(std::string_view wkt);
std::string toWkt(const GEOSGeometry *g, int decimals = 3);
std::vector<unsigned char> toWkb(const GEOSGeometry *g);
Geometry clone(const GEOSGeometry *g);

Geometry makePoint(double x, double y);
Geometry makeLine(const std::vector<std::pair<double, double>> &coords);
//! A polygon from an outer ring and holes; rings are closed if they are not.
Geometry makePolygon(const std::vector<std::pair<double, double>> &outer,
                     const std::vector<std::vector<std::pair<double, double>>> &holes = {});
//! Takes ownership of the parts.
Geometry makeCollection(int geosTypeId, std::vector<Geometry> parts);

ValidityReport validity(const GEOSGeometry *g);
//! GEOS make-valid (linework method). With keepPolygonal, only the polygonal parts are kept
//! (a Polygon or MultiPolygon, possibly empty), as a polygon layer needs.
Geometry makeValid(const GEOSGeometry *g, bool keepPolygonal);

bool isEmpty(const GEOSGeometry *g);
int typeId(const GEOSGeometry *g);
bool isPolygonal(const GEOSGeometry *g);
Envelope envelope(const GEOSGeometry *g);
double planarArea(const GEOSGeometry *g);
double distance(const GEOSGeometry *a, const GEOSGeometry *b);
Geometry intersection(const GEOSGeometry *a, const GEOSGeometry *b);
//! The part of a not in b.
Geometry difference(const GEOSGeometry *a, const GEOSGeometry *b);
//! The polygonal part of g inside the rectangle, valid (GEOS's fast rectangle clip, with the
//! overlay as fallback where the clip's output is invalid).
Geometry clipToRectangle(const GEOSGeometry *g, const Envelope &rectangle);
Geometry unaryUnion(const GEOSGeometry *g);
Geometry unionAll(const std::vector<const GEOSGeometry *> &parts);
Geometry boundary(const GEOSGeometry *g);
//! The polygons formed by a fully noded set of lines (e.g. the unary union of a polygon's
//! boundary and a cutting line).
std::vector<Geometry> polygonize(const GEOSGeometry *lines);
Geometry pointOnSurface(const GEOSGeometry *g);
//! The convex hull of points (a polygon, or a line or point when they are collinear or one).
Geometry convexHull(const std::vector<std::pair<double, double>> &points);
Geometry centroid(const GEOSGeometry *g);
bool contains(const GEOSGeometry *a, const GEOSGeometry *b);
bool intersects(const GEOSGeometry *a, const GEOSGeometry *b);
//! Whether the interiors of a and b intersect (DE-9IM T********): for polygons, whether they
//! overlap in area rather than merely touch.
bool interiorsIntersect(const GEOSGeometry *a, const GEOSGeometry *b);
//! Whether polygons a and b meet along a line, not only at points, without overlapping
//! (DE-9IM F***1****): neighbours across a shared edge.
bool shareEdge(const GEOSGeometry *a, const GEOSGeometry *b);
//! The first coordinate of a point.
std::pair<double, double> pointXY(const GEOSGeometry *point);
//! Keeps only polygonal parts: a Polygon or MultiPolygon (empty if there are none).
Geometry polygonalParts(const GEOSGeometry *g);
//! GEOS's name of the geometry type: "Point", "LineString", "MultiPolygon", …
std::string typeName(const GEOSGeometry *g);
//! The number of parts of a collection (1 for a single geometry) and a copy of part i.
int partCount(const GEOSGeometry *g);
Geometry part(const GEOSGeometry *g, int i);
//! A (Multi)LineString whose every line is closed (a CAD closed polyline) as the MultiPolygon of
//! those rings; null when g is not such lines.
Geometry closedLinesAsPolygons(const GEOSGeometry *g);
//! Whether any coordinate is NaN or infinite.
bool hasNonFiniteCoordinate(const GEOSGeometry *g);

//! Applies fn to every coordinate, in place on a copy. fn returns false to abort, then
//! the result is null.
Geometry transformXY(const GEOSGeometry *g, const std::function<bool(double &, double &)> &fn);

//! Calls fn(ring's coordinate sequence, isHole) for every ring of every polygon of g, without
//! copying the coordinates.
void forEachRingSequence(const GEOSGeometry *g,
                         const std::function<void(const GEOSCoordSequence *, bool)> &fn);

//! Calls fn(ring coordinates, isHole) for every ring of every polygon of g.
void forEachRing(
    const GEOSGeometry *g,
    const std::function<void(const std::vector<std::pair<double, double>> &, bool)> &fn);

//! A prepared geometry for repeated predicates against one geometry. It refers to, and must
//! not outlive, the geometry it was prepared from.
class PreparedGeometry
{
public:
  explicit PreparedGeometry(const GEOSGeometry *g);
  bool intersects(const GEOSGeometry *other) const;
  bool contains(const GEOSGeometry *other) const;
  bool containsProperly(const GEOSGeometry *other) const;
  double distance(const GEOSGeometry *other) const;
  //! True when the distance is at most d (exact, no tolerance).
  bool withinDistance(const GEOSGeometry *other, double d) const;

private:
  std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter> m_prepared;
};

//! A packed STR-tree (Sort-Tile-Recursive, Leutenegger et al. 1997) over items 0..n-1,
//! queried by envelope. Bulk-built once from known envelopes, then read-only, so that queries
//! may run on several threads at once. Not GEOS's: its C API (3.11) can neither take the
//! envelopes the loader already has nor reserve space, and wants a geometry per query, which
//! made index building a fifth of a national load.
class StrTree
{
public:
  struct Item
  {
    Envelope box;
    std::size_t id;
  };
  //! Items with their envelopes (ids need not be dense or ordered).
  explicit StrTree(std::vector<Item> items);
  //! geometries[i] gives item i its envelope; null or empty geometries are left out.
  explicit StrTree(const std::vector<const GEOSGeometry *> &geometries);
  //! The items whose envelope intersects env (boundaries touching count), ascending.
  std::vector<std::size_t> query(const Envelope &env) const;
  std::size_t size() const { return m_items.size(); }

private:
  struct Node
  {
    Envelope box;
    std::uint32_t first = 0, count = 0; //!< children: in the level below, or items
  };
  std::vector<Item> m_items;               //!< in tree order
  std::vector<std::vector<Node>> m_levels; //!< [0]: leaves over items; back(): the root(s)
};

} // namespace anzhi::gis
