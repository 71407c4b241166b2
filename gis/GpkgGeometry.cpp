#include "gis/GpkgGeometry.h"

#include "gis/GisError.h"

#include <bit>
#include <cmath>
#include <string>
#include <vector>

namespace anzhi::gis {

namespace {

//! Collections nested deeper than this are refused, so that a crafted BLOB cannot exhaust the
//! stack. Real data nests at most two levels (a collection of multipolygons).
constexpr int kMaxDepth = 32;

//! The smallest possible WKB geometry: byte order, type and a count (or an empty point's
//! two NaN, which is more). Used to refuse part counts that the remaining bytes cannot hold.
constexpr std::size_t kMinGeometryBytes = 9;

//! Reads numbers from a byte span, checking every read against its end. `base` is added to
//! offsets in messages, so that they count from the start of the whole BLOB.
class ByteReader
{
public:
  ByteReader(std::span<const unsigned char> bytes, std::size_t base, const char *what)
      : m_bytes(bytes)
      , m_base(base)
      , m_what(what)
  {
  }

  [[noreturn]] void fail(const std::string &problem) const { failAt(m_offset, problem); }
  //! Fails naming an earlier offset (where the count or structure at fault starts).
  [[noreturn]] void failAt(std::size_t offset, const std::string &problem) const
  {
    throw GisError(std::string(m_what) + " at byte " + std::to_string(m_base + offset) + ": " +
                   problem);
  }

  std::size_t remaining() const { return m_bytes.size() - m_offset; }
  std::size_t offset() const { return m_offset; }
  bool littleEndian = true;

  void need(std::size_t n, const char *what) const
  {
    if (n > remaining())
      fail(std::string("truncated: ") + what + " needs " + std::to_string(n) + " bytes, " +
           std::to_string(remaining()) + " left");
  }

  std::uint8_t byte()
  {
    need(1, "a byte");
    return m_bytes[m_offset++];
  }

  std::uint32_t u32(const char *what)
  {
    need(4, what);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      std::uint32_t b = m_bytes[m_offset + i];
      v |= littleEndian ? b << (8 * i) : b << (8 * (3 - i));
    }
    m_offset += 4;
    return v;
  }

  //! Reads a double without bounds check; callers check a whole run with need() first.
  double f64Unchecked()
  {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) {
      std::uint64_t b = m_bytes[m_offset + i];
      v |= littleEndian ? b << (8 * i) : b << (8 * (7 - i));
    }
    m_offset += 8;
    return std::bit_cast<double>(v);
  }

  double f64(const char *what)
  {
    need(8, what);
    return f64Unchecked();
  }

  void skip(std::size_t n, const char *what)
  {
    need(n, what);
    m_offset += n;
  }

private:
  std::span<const unsigned char> m_bytes;
  std::size_t m_base;
  const char *m_what;
  std::size_t m_offset = 0;
};

enum WkbType : std::uint32_t
{
  kPoint = 1,
  kLineString = 2,
  kPolygon = 3,
  kMultiPoint = 4,
  kMultiLineString = 5,
  kMultiPolygon = 6,
  kCollection = 7
};

[[noreturn]] void geosFailed(ByteReader &r, const char *what)
{
  r.fail(std::string("GEOS could not build the ") + what);
}

Geometry own(ByteReader &r, GEOSGeometry *g, const char *what)
{
  if (!g)
    geosFailed(r, what);
  return Geometry(g);
}

class WkbParser
{
public:
  explicit WkbParser(ByteReader &reader)
      : r(reader)
      , ctx(geosContext())
  {
  }

  //! Reads one geometry; `parentType` is the collection type it is a part of (0 for none).
  Geometry geometry(int depth, std::uint32_t parentType)
  {
    if (depth > kMaxDepth)
      r.fail("geometry collections nested deeper than " + std::to_string(kMaxDepth) + " levels");
    const bool outerOrder = r.littleEndian;
    const std::uint8_t order = r.byte();
    if (order > 1)
      r.fail("byte order must be 0 or 1, not " + std::to_string(order));
    r.littleEndian = order == 1;
    const std::uint32_t code = r.u32("the geometry type");
    const std::uint32_t flags = code & 0xE0000000u; // EWKB / GDAL 2.5D: Z, M, SRID
    const std::uint32_t base = code & 0x0FFFFFFFu;
    if ((code & 0x10000000u) != 0 || base >= 4000)
      r.fail("unknown geometry type code " + std::to_string(code));
    const std::uint32_t iso = base / 1000, type = base % 1000;
    if (flags != 0 && iso != 0)
      r.fail("geometry type code " + std::to_string(code) + " mixes ISO and EWKB dimensions");
    const bool hasZ = (code & 0x80000000u) != 0 || iso == 1 || iso == 3;
    const bool hasM = (code & 0x40000000u) != 0 || iso == 2 || iso == 3;
    if (code & 0x20000000u)
      r.skip(4, "the EWKB SRID");
    dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    if (type == 0 || type > kCollection) {
      if (type >= 8 && type <= 17)
        r.fail("geometry type " + std::to_string(base) +
               " (a curve, surface, polyhedral surface, TIN or triangle) is not supported");
      r.fail("unknown geometry type code " + std::to_string(code));
    }
    if (parentType != 0 && parentType != kCollection && type != parentType - 3)
      r.fail("a part of type " + std::to_string(type) + " in a multi-geometry of type " +
             std::to_string(parentType));
    Geometry g;
    switch (type) {
    case kPoint:
      g = point();
      break;
    case kLineString:
      g = lineString();
      break;
    case kPolygon:
      g = polygon();
      break;
    default:
      g = collection(type, depth);
      break;
    }
    r.littleEndian = outerOrder;
    return g;
  }

private:
  //! Reads n coordinates as x, y pairs, dropping Z and M.
  std::vector<double> coordinates(std::uint32_t n)
  {
    const std::size_t stride = 8u * static_cast<std::size_t>(dims);
    if (n > r.remaining() / stride)
      r.fail("truncated: " + std::to_string(n) + " points need " +
             std::to_string(std::size_t(n) * stride) + " bytes, " + std::to_string(r.remaining()) +
             " left");
    std::vector<double> xy(2 * std::size_t(n));
    for (std::size_t i = 0; i < n; ++i) {
      xy[2 * i] = r.f64Unchecked();
      xy[2 * i + 1] = r.f64Unchecked();
      for (int extra = 2; extra < dims; ++extra)
        r.f64Unchecked();
    }
    return xy;
  }

  GEOSCoordSequence *sequence(const std::vector<double> &xy)
  {
    GEOSCoordSequence *seq =
        GEOSCoordSeq_copyFromBuffer_r(ctx, xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
    if (!seq)
      geosFailed(r, "coordinate sequence");
    return seq;
  }

  Geometry point()
  {
    std::vector<double> xy = coordinates(1);
    if (std::isnan(xy[0]) && std::isnan(xy[1]))
      return own(r, GEOSGeom_createEmptyPoint_r(ctx), "empty point");
    return own(r, GEOSGeom_createPointFromXY_r(ctx, xy[0], xy[1]), "point");
  }

  Geometry lineString()
  {
    const std::size_t at = r.offset();
    const std::uint32_t n = r.u32("the point count");
    if (n == 0)
      return own(r, GEOSGeom_createEmptyLineString_r(ctx), "empty line string");
    if (n == 1)
      failAt(at, "a line string needs no point or at least 2, not 1");
    return own(r, GEOSGeom_createLineString_r(ctx, sequence(coordinates(n))), "line string");
  }

  //! A ring, or null for a ring of no points.
  Geometry ring(std::size_t index)
  {
    const std::size_t at = r.offset();
    const std::uint32_t n = r.u32("the ring's point count");
    if (n == 0)
      return nullptr;
    if (n < 4)
      failAt(at, "ring " + std::to_string(index) + " has " + std::to_string(n) +
                     " points; a ring needs at least 4");
    std::vector<double> xy = coordinates(n);
    const std::size_t last = 2 * (std::size_t(n) - 1);
    if (!(xy[0] == xy[last] && xy[1] == xy[last + 1]))
      failAt(at, "ring " + std::to_string(index) + " is not closed (its first and last points " +
                     "differ" + (std::isnan(xy[0]) || std::isnan(xy[1]) ? " or are NaN)" : ")"));
    return own(r, GEOSGeom_createLinearRing_r(ctx, sequence(xy)), "ring");
  }

  Geometry polygon()
  {
    const std::size_t at = r.offset();
    const std::uint32_t n = r.u32("the ring count");
    if (n > r.remaining() / 4)
      failAt(at, std::to_string(n) + " rings cannot fit in the " + std::to_string(r.remaining()) +
                     " bytes left");
    if (n == 0)
      return own(r, GEOSGeom_createEmptyPolygon_r(ctx), "empty polygon");
    std::vector<Geometry> rings;
    rings.reserve(n);
    bool anyHole = false;
    for (std::uint32_t i = 0; i < n; ++i) {
      rings.push_back(ring(i));
      anyHole = anyHole || (i > 0 && rings.back());
    }
    if (!rings[0]) {
      if (anyHole)
        failAt(at, "the polygon's outer ring is empty but it has holes");
      return own(r, GEOSGeom_createEmptyPolygon_r(ctx), "empty polygon");
    }
    std::vector<GEOSGeometry *> holes;
    for (std::size_t i = 1; i < rings.size(); ++i)
      if (rings[i])
        holes.push_back(rings[i].release());
    GEOSGeometry *shell = rings[0].release();
    // GEOS takes ownership of shell and holes whether it succeeds or not.
    return own(
        r, GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned>(holes.size())),
        "polygon");
  }

  Geometry collection(std::uint32_t type, int depth)
  {
    const std::size_t at = r.offset();
    const std::uint32_t n = r.u32("the part count");
    if (n > r.remaining() / kMinGeometryBytes)
      failAt(at, std::to_string(n) + " parts cannot fit in the " + std::to_string(r.remaining()) +
                     " bytes left");
    const int geosType = type == kMultiPoint        ? GEOS_MULTIPOINT
                         : type == kMultiLineString ? GEOS_MULTILINESTRING
                         : type == kMultiPolygon    ? GEOS_MULTIPOLYGON
                                                    : GEOS_GEOMETRYCOLLECTION;
    if (n == 0)
      return own(r, GEOSGeom_createEmptyCollection_r(ctx, geosType), "empty collection");
    std::vector<Geometry> parts;
    parts.reserve(n);
    const int outerDims = dims;
    for (std::uint32_t i = 0; i < n; ++i)
      parts.push_back(geometry(depth + 1, type));
    dims = outerDims;
    std::vector<GEOSGeometry *> raw;
    raw.reserve(parts.size());
    for (Geometry &p : parts)
      raw.push_back(p.release());
    // GEOS takes ownership of the parts whether it succeeds or not.
    return own(
        r,
        GEOSGeom_createCollection_r(ctx, geosType, raw.data(), static_cast<unsigned>(raw.size())),
        "collection");
  }

  [[noreturn]] void failAt(std::size_t at, const std::string &problem) { r.failAt(at, problem); }

  ByteReader &r;
  GEOSContextHandle_t ctx;
  int dims = 2;
};

} // namespace

GpkgHeader readGpkgHeader(std::span<const unsigned char> blob)
{
  ByteReader r(blob, 0, "GeoPackage geometry");
  GpkgHeader h;
  if (blob.size() < 8)
    r.fail("a GeoPackage geometry needs at least 8 bytes of header, the BLOB has " +
           std::to_string(blob.size()));
  if (blob[0] != 'G' || blob[1] != 'P')
    r.fail("the BLOB does not start with the magic 'GP'");
  r.skip(2, "the magic");
  h.version = r.byte();
  if (h.version != 0)
    r.fail("version " + std::to_string(h.version) + " is unknown (0 means GeoPackage 1.x)");
  const std::uint8_t flags = r.byte();
  h.littleEndian = (flags & 0x01) != 0;
  h.envelopeIndicator = (flags >> 1) & 0x07;
  h.empty = (flags & 0x10) != 0;
  h.extended = (flags & 0x20) != 0;
  if (h.envelopeIndicator > 4)
    r.fail("envelope contents indicator " + std::to_string(h.envelopeIndicator) +
           " is invalid (0 to 4)");
  r.littleEndian = h.littleEndian;
  h.srsId = static_cast<std::int32_t>(r.u32("srs_id"));
  static constexpr int kDoubles[] = {0, 4, 6, 6, 8};
  const int doubles = kDoubles[h.envelopeIndicator];
  if (doubles > 0) {
    r.need(8u * doubles, "the envelope");
    Envelope e;
    e.minX = r.f64Unchecked();
    e.maxX = r.f64Unchecked();
    e.minY = r.f64Unchecked();
    e.maxY = r.f64Unchecked();
    h.envelope = e;
    if (h.envelopeIndicator == 2 || h.envelopeIndicator == 4) {
      double lo = r.f64Unchecked();
      h.zRange = std::pair{lo, r.f64Unchecked()};
    }
    if (h.envelopeIndicator == 3 || h.envelopeIndicator == 4) {
      double lo = r.f64Unchecked();
      h.mRange = std::pair{lo, r.f64Unchecked()};
    }
  }
  h.size = r.offset();
  return h;
}

Geometry readWkb2D(std::span<const unsigned char> wkb)
{
  ByteReader r(wkb, 0, "WKB");
  WkbParser parser(r);
  Geometry g = parser.geometry(0, 0);
  if (r.remaining() != 0)
    r.fail(std::to_string(r.remaining()) + " bytes after the end of the geometry");
  return g;
}

GpkgGeometry readGpkgGeometry(std::span<const unsigned char> blob)
{
  GpkgGeometry out;
  out.header = readGpkgHeader(blob);
  if (out.header.extended)
    throw GisError("GeoPackage geometry: an extended geometry BLOB (flags bit 5, an extension's "
                   "own format) is not supported");
  ByteReader r(blob.subspan(out.header.size), out.header.size, "GeoPackage geometry WKB");
  WkbParser parser(r);
  out.geometry = parser.geometry(0, 0);
  if (r.remaining() != 0)
    r.fail(std::to_string(r.remaining()) + " bytes after the end of the geometry");
  if (out.header.empty && !isEmpty(out.geometry.get()))
    throw GisError("GeoPackage geometry: the header says empty but the WKB holds coordinates");
  return out;
}

} // namespace anzhi::gis
