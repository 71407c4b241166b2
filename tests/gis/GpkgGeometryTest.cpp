// The GeoPackage geometry BLOB reader (gis/GpkgGeometry.h). Blobs are built byte by byte from
// the GeoPackage 1.3 spec (§2.1.3) and ISO 19125 WKB, so each expected value is known by
// construction; then blobs that GDAL writes are read back with sqlite3 and must give the same
// geometry as OGR reads from the same rows.

#include "gis/GpkgGeometry.h"
#include "gis/GisError.h"
#include "gis/Vector.h"

#include "tests/support/TempDir.h"

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <bit>
#include <cmath>
#include <limits>
#include <map>

namespace anzhi::gis {
namespace {

using anzhi::test::TempDir;

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

//! Appends numbers in a chosen byte order.
struct Bytes
{
  std::vector<unsigned char> b;
  bool little = true;

  Bytes &u8(unsigned v)
  {
    b.push_back(static_cast<unsigned char>(v));
    return *this;
  }
  Bytes &u32(std::uint32_t v)
  {
    for (int i = 0; i < 4; ++i)
      b.push_back(static_cast<unsigned char>(v >> (8 * (little ? i : 3 - i))));
    return *this;
  }
  Bytes &f64(double d)
  {
    auto v = std::bit_cast<std::uint64_t>(d);
    for (int i = 0; i < 8; ++i)
      b.push_back(static_cast<unsigned char>(v >> (8 * (little ? i : 7 - i))));
    return *this;
  }
  Bytes &coords(std::initializer_list<double> values)
  {
    for (double v : values)
      f64(v);
    return *this;
  }
  //! A GeoPackage header; byte order from flags bit 0, then the WKB's order is `wkbLittle`.
  Bytes &gpkg(unsigned flags, std::int32_t srsId, std::initializer_list<double> envelope = {},
              bool wkbLittle = true)
  {
    u8('G').u8('P').u8(0).u8(flags);
    little = (flags & 1) != 0;
    u32(static_cast<std::uint32_t>(srsId));
    coords(envelope);
    little = wkbLittle;
    return *this;
  }
  //! A WKB geometry's byte order and type code.
  Bytes &wkb(std::uint32_t type)
  {
    u8(little ? 1 : 0);
    return u32(type);
  }
  std::span<const unsigned char> span() const { return b; }
};

std::string wktOf(const Geometry &g)
{
  return toWkt(g.get(), 6);
}

//! The reason of the GisError fn throws.
template<typename Fn> std::string errorOf(Fn &&fn)
{
  try {
    fn();
  } catch (const GisError &e) {
    return e.what();
  } catch (const std::exception &e) {
    return std::string("unexpected exception type: ") + e.what();
  }
  return "(accepted)";
}

#define EXPECT_REFUSED(bytes, part)                                                                \
  do {                                                                                             \
    std::string message_ = errorOf([&] { readGpkgGeometry((bytes).span()); });                     \
    EXPECT_NE(message_.find(part), std::string::npos)                                              \
        << "'" << message_ << "' lacks '" << part << "'";                                          \
  } while (0)

TEST(GpkgGeometry, LittleEndianPointWithoutEnvelope)
{
  Bytes blob;
  blob.gpkg(0x01, 4546).wkb(1).coords({500000.5, 4300000.25});
  GpkgGeometry g = readGpkgGeometry(blob.span());
  EXPECT_EQ(wktOf(g.geometry), "POINT (500000.5 4300000.25)");
  EXPECT_EQ(g.header.srsId, 4546);
  EXPECT_EQ(g.header.envelopeIndicator, 0);
  EXPECT_FALSE(g.header.envelope);
  EXPECT_EQ(g.header.size, 8u);
  EXPECT_FALSE(g.header.empty);
}

TEST(GpkgGeometry, BigEndianHeaderAndWkbWithXyEnvelope)
{
  // flags 0b0000'0010: big-endian header, envelope indicator 1 (minx, maxx, miny, maxy).
  Bytes blob;
  blob.gpkg(0x02, -1, {0, 10, 20, 30}, false).wkb(3).u32(1).u32(4);
  blob.coords({0, 20, 10, 20, 10, 30, 0, 20});
  GpkgGeometry g = readGpkgGeometry(blob.span());
  EXPECT_EQ(g.header.srsId, -1);
  EXPECT_FALSE(g.header.littleEndian);
  ASSERT_TRUE(g.header.envelope);
  EXPECT_EQ(g.header.envelope->minX, 0);
  EXPECT_EQ(g.header.envelope->maxX, 10);
  EXPECT_EQ(g.header.envelope->minY, 20);
  EXPECT_EQ(g.header.envelope->maxY, 30);
  EXPECT_EQ(g.header.size, 8u + 32u);
  EXPECT_EQ(wktOf(g.geometry), "POLYGON ((0 20, 10 20, 10 30, 0 20))");
}

TEST(GpkgGeometry, HeaderAndWkbMayDifferInByteOrder)
{
  Bytes blob;
  blob.gpkg(0x01, 4490, {}, false).wkb(1).coords({112.5, 37.75});
  EXPECT_EQ(wktOf(readGpkgGeometry(blob.span()).geometry), "POINT (112.5 37.75)");
}

TEST(GpkgGeometry, EnvelopeIndicatorsTwoToFour)
{
  // Indicator in bits 1-3: 2 → xyz (48 bytes), 3 → xym (48), 4 → xyzm (64).
  for (unsigned indicator : {2u, 3u, 4u}) {
    Bytes blob;
    if (indicator == 4)
      blob.gpkg(0x01 | (indicator << 1), 1, {1, 2, 3, 4, 5, 6, 7, 8});
    else
      blob.gpkg(0x01 | (indicator << 1), 1, {1, 2, 3, 4, 5, 6});
    blob.wkb(1).coords({1, 3});
    GpkgGeometry g = readGpkgGeometry(blob.span());
    EXPECT_EQ(g.header.envelopeIndicator, int(indicator));
    EXPECT_EQ(g.header.size, indicator == 4 ? 72u : 56u);
    EXPECT_EQ(g.header.envelope->maxY, 4);
    if (indicator == 2) {
      EXPECT_EQ(g.header.zRange, (std::pair{5.0, 6.0}));
      EXPECT_FALSE(g.header.mRange);
    } else if (indicator == 3) {
      EXPECT_FALSE(g.header.zRange);
      EXPECT_EQ(g.header.mRange, (std::pair{5.0, 6.0}));
    } else {
      EXPECT_EQ(g.header.zRange, (std::pair{5.0, 6.0}));
      EXPECT_EQ(g.header.mRange, (std::pair{7.0, 8.0}));
    }
  }
}

TEST(GpkgGeometry, IsoZMAndEwkbVariantsFlattenTo2D)
{
  // The same line x/y (1 2, 3 4) with Z=9 and/or M=8 in every encoding.
  struct Case
  {
    std::uint32_t type;
    int dims;
  };
  for (Case c : {Case{1002, 3}, Case{2002, 3}, Case{3002, 4}, Case{0x80000002u, 3},
                 Case{0x40000002u, 3}, Case{0xC0000002u, 4}}) {
    Bytes blob;
    blob.gpkg(0x01, 0).wkb(c.type).u32(2);
    for (double x : {1.0, 3.0}) {
      blob.f64(x).f64(x + 1);
      for (int d = 2; d < c.dims; ++d)
        blob.f64(10 - d);
    }
    GpkgGeometry g = readGpkgGeometry(blob.span());
    EXPECT_EQ(wktOf(g.geometry), "LINESTRING (1 2, 3 4)") << c.type;
    EXPECT_EQ(GEOSHasZ_r(geosContext(), g.geometry.get()), 0) << c.type;
  }
  // EWKB with an SRID (flag 0x20000000): the 4 SRID bytes are skipped.
  Bytes ewkb;
  ewkb.gpkg(0x01, 0).wkb(0x20000001u).u32(4326).coords({5, 6});
  EXPECT_EQ(wktOf(readGpkgGeometry(ewkb.span()).geometry), "POINT (5 6)");
}

TEST(GpkgGeometry, EmptyGeometries)
{
  // GeoPackage: an empty point is POINT(NaN NaN); the empty flag is bit 4.
  Bytes point;
  point.gpkg(0x11, 4546).wkb(1).coords({NaN, NaN});
  GpkgGeometry p = readGpkgGeometry(point.span());
  EXPECT_TRUE(p.header.empty);
  EXPECT_TRUE(isEmpty(p.geometry.get()));
  EXPECT_EQ(typeId(p.geometry.get()), GEOS_POINT);

  Bytes polygon;
  polygon.gpkg(0x11, 4546).wkb(3).u32(0);
  GpkgGeometry q = readGpkgGeometry(polygon.span());
  EXPECT_TRUE(isEmpty(q.geometry.get()));
  EXPECT_EQ(typeId(q.geometry.get()), GEOS_POLYGON);

  Bytes multi;
  multi.gpkg(0x11, 4546).wkb(6).u32(0);
  EXPECT_EQ(typeId(readGpkgGeometry(multi.span()).geometry.get()), GEOS_MULTIPOLYGON);
}

TEST(GpkgGeometry, MultiAndNestedCollections)
{
  Bytes blob;
  blob.gpkg(0x01, 4546).wkb(7).u32(2);
  blob.wkb(6).u32(2);
  blob.wkb(3).u32(2).u32(5).coords({0, 0, 4, 0, 4, 4, 0, 4, 0, 0});
  blob.u32(4).coords({1, 1, 1, 2, 2, 2, 1, 1});
  blob.little = false; // a part may have its own byte order
  blob.wkb(3).u32(1).u32(4).coords({10, 10, 11, 10, 11, 11, 10, 10});
  blob.little = true;
  blob.wkb(4).u32(2).wkb(1).coords({7, 8}).wkb(1).coords({NaN, NaN});
  GpkgGeometry g = readGpkgGeometry(blob.span());
  EXPECT_EQ(wktOf(g.geometry),
            "GEOMETRYCOLLECTION (MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1)), "
            "((10 10, 11 10, 11 11, 10 10))), MULTIPOINT (7 8, EMPTY))");
}

TEST(GpkgGeometry, NanCoordinatesInsideARingAreKept)
{
  // Not the empty point: a NaN vertex is data for invalid-geometry to report.
  Bytes blob;
  blob.gpkg(0x01, 4546).wkb(3).u32(1).u32(5).coords({0, 0, 4, 0, NaN, NaN, 0, 4, 0, 0});
  GpkgGeometry g = readGpkgGeometry(blob.span());
  EXPECT_FALSE(validity(g.geometry.get()).valid);
}

TEST(GpkgGeometry, MalformedHeadersAreRefusedWithTheReason)
{
  Bytes shortBlob;
  shortBlob.u8('G').u8('P').u8(0);
  EXPECT_REFUSED(shortBlob, "at least 8 bytes");
  Bytes magic;
  magic.u8('X').u8('P').u8(0).u8(1).u32(0).wkb(1).coords({1, 2});
  EXPECT_REFUSED(magic, "magic 'GP'");
  Bytes version;
  version.u8('G').u8('P').u8(1).u8(1).u32(0).wkb(1).coords({1, 2});
  EXPECT_REFUSED(version, "version 1");
  Bytes indicator;
  indicator.gpkg(0x01 | (5 << 1), 0).wkb(1).coords({1, 2});
  EXPECT_REFUSED(indicator, "envelope contents indicator 5");
  Bytes envelope;
  envelope.gpkg(0x03, 0, {1, 2, 3});
  EXPECT_REFUSED(envelope, "truncated: the envelope");
  Bytes extended;
  extended.gpkg(0x21, 0).u8('A').u8('B').u8('C').u8('D');
  EXPECT_REFUSED(extended, "extended");
  Bytes emptyButNot;
  emptyButNot.gpkg(0x11, 0).wkb(1).coords({1, 2});
  EXPECT_REFUSED(emptyButNot, "header says empty");
}

TEST(GpkgGeometry, MalformedWkbIsRefusedWithTheReason)
{
  auto blob = [] {
    Bytes b;
    b.gpkg(0x01, 4546);
    return b;
  };
  Bytes order = blob();
  order.u8(2).u32(1).coords({1, 2});
  EXPECT_REFUSED(order, "byte order must be 0 or 1, not 2");
  Bytes noWkb = blob();
  EXPECT_REFUSED(noWkb, "truncated");
  Bytes truncatedPoint = blob();
  truncatedPoint.wkb(1).f64(1);
  EXPECT_REFUSED(truncatedPoint, "truncated");
  // Counts that the bytes left cannot hold are refused before anything is allocated.
  Bytes hugeLine = blob();
  hugeLine.wkb(2).u32(0xFFFFFFFFu).coords({0, 0, 1, 1});
  EXPECT_REFUSED(hugeLine, "4294967295 points need");
  Bytes hugePolygon = blob();
  hugePolygon.wkb(3).u32(0x40000000u).u32(4);
  EXPECT_REFUSED(hugePolygon, "rings cannot fit");
  Bytes hugeMulti = blob();
  hugeMulti.wkb(6).u32(0x10000000u).wkb(3).u32(0);
  EXPECT_REFUSED(hugeMulti, "parts cannot fit");
  Bytes deep = blob();
  for (int i = 0; i < 100; ++i)
    deep.wkb(7).u32(1);
  deep.wkb(1).coords({1, 2});
  EXPECT_REFUSED(deep, "nested deeper than 32");
  Bytes unknown = blob();
  unknown.wkb(0).u32(0);
  EXPECT_REFUSED(unknown, "unknown geometry type code 0");
  Bytes iso4000 = blob();
  iso4000.wkb(4001).coords({1, 2});
  EXPECT_REFUSED(iso4000, "unknown geometry type code 4001");
  Bytes curve = blob();
  curve.wkb(8).u32(3).coords({0, 0, 1, 1, 2, 0});
  EXPECT_REFUSED(curve, "geometry type 8 (a curve");
  Bytes mixed = blob();
  mixed.wkb(0x80000000u | 1001u).coords({1, 2, 3});
  EXPECT_REFUSED(mixed, "mixes ISO and EWKB");
  Bytes onePointLine = blob();
  onePointLine.wkb(2).u32(1).coords({1, 2});
  EXPECT_REFUSED(onePointLine, "not 1");
  Bytes triangleRing = blob();
  triangleRing.wkb(3).u32(1).u32(3).coords({0, 0, 1, 0, 0, 0});
  EXPECT_REFUSED(triangleRing, "ring 0 has 3 points");
  Bytes open = blob();
  open.wkb(3).u32(1).u32(4).coords({0, 0, 1, 0, 1, 1, 0, 1});
  EXPECT_REFUSED(open, "ring 0 is not closed");
  Bytes nanStart = blob();
  nanStart.wkb(3).u32(1).u32(4).coords({NaN, 0, 1, 0, 1, 1, NaN, 0});
  EXPECT_REFUSED(nanStart, "or are NaN");
  Bytes holeWithoutShell = blob();
  holeWithoutShell.wkb(3).u32(2).u32(0).u32(4).coords({0, 0, 1, 0, 1, 1, 0, 0});
  EXPECT_REFUSED(holeWithoutShell, "outer ring is empty but it has holes");
  Bytes wrongPart = blob();
  wrongPart.wkb(4).u32(1).wkb(3).u32(0);
  EXPECT_REFUSED(wrongPart, "a part of type 3 in a multi-geometry of type 4");
  Bytes trailing = blob();
  trailing.wkb(1).coords({1, 2}).u8(0);
  EXPECT_REFUSED(trailing, "1 bytes after the end");
}

TEST(GpkgGeometry, ReadWkb2DAloneAndOffsetsInMessages)
{
  Bytes wkb;
  wkb.wkb(1001).coords({1, 2, 3});
  EXPECT_EQ(wktOf(readWkb2D(wkb.span())), "POINT (1 2)");
  // The offset counts from the start of the BLOB: 8 header bytes + 5 of order and type.
  Bytes blob;
  blob.gpkg(0x01, 0).wkb(2).u32(7);
  std::string message = errorOf([&] { readGpkgGeometry(blob.span()); });
  EXPECT_NE(message.find("at byte 17"), std::string::npos) << message;
}

//! Geometries GDAL writes to a GeoPackage (OGR from WKT, 2D, Z, M, ZM, empty, multi,
//! collections), read back as BLOBs with sqlite3 and parsed here, must equal what OGR reads
//! through VectorDataset (FeatureRow::geometry, which goes OGR → WKB → GEOS).
TEST(GpkgGeometry, SameAsOgrForBlobsGdalWrites)
{
  TempDir dir;
  const std::string path = dir.file("gdal written.gpkg");
  const std::vector<std::string> wkts = {
      "POINT (500000.125 4300000.5)",
      "POINT Z (1 2 3)",
      "POINT M (1 2 3)",
      "POINT EMPTY",
      "LINESTRING (0 0, 1 1, 2 0.5)",
      "LINESTRING ZM (0 0 1 2, 1 1 3 4)",
      "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2))",
      "POLYGON Z ((0 0 5, 10 0 5, 10 10 5, 0 0 5))",
      "POLYGON EMPTY",
      "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
      "MULTIPOINT ((1 2), (3 4))",
      "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))",
      "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 2 2))",
      "POLYGON ((0 0, 4 4, 4 0, 0 4, 0 0))", // a bow-tie: invalid, but readable
  };
  {
    VectorDataset ds = VectorDataset::createGeoPackage(path);
    OGRSpatialReference srs;
    srs.importFromEPSG(4546);
    OGRLayer *layer = ds.handle()->CreateLayer("shapes", &srs, wkbUnknown, nullptr);
    ASSERT_NE(layer, nullptr);
    for (const std::string &wkt : wkts) {
      OGRFeature feature(layer->GetLayerDefn());
      OGRGeometry *g = nullptr;
      ASSERT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g), OGRERR_NONE) << wkt;
      feature.SetGeometryDirectly(g);
      ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE) << wkt;
    }
  }
  // What OGR reads.
  std::map<std::int64_t, Geometry> ogr;
  {
    VectorDataset ds = VectorDataset::open(path);
    ds.layer("shapes").forEach([&](const FeatureRow &row) {
      ogr[row.fid()] = row.geometry();
      return true;
    });
  }
  ASSERT_EQ(ogr.size(), wkts.size());
  // What the BLOBs say.
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt *stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT fid, geom FROM shapes ORDER BY fid", -1, &stmt, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  std::size_t rows = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    ++rows;
    const std::int64_t fid = sqlite3_column_int64(stmt, 0);
    const auto *data = static_cast<const unsigned char *>(sqlite3_column_blob(stmt, 1));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1));
    const std::string &wkt = wkts.at(static_cast<std::size_t>(fid - 1));
    SCOPED_TRACE(wkt);
    GpkgGeometry parsed = readGpkgGeometry({data, size});
    const Geometry &expected = ogr.at(fid);
    ASSERT_TRUE(expected);
    EXPECT_EQ(parsed.header.srsId, 4546);
    EXPECT_EQ(typeId(parsed.geometry.get()), typeId(expected.get()));
    EXPECT_EQ(isEmpty(parsed.geometry.get()), isEmpty(expected.get()));
    EXPECT_EQ(parsed.header.empty, isEmpty(expected.get()));
    EXPECT_EQ(GEOSHasZ_r(geosContext(), parsed.geometry.get()), 0);
    if (!isEmpty(expected.get())) {
      EXPECT_EQ(GEOSEqualsExact_r(geosContext(), parsed.geometry.get(), expected.get(), 0.0), 1)
          << toWkt(parsed.geometry.get(), 9) << " vs " << toWkt(expected.get(), 9);
      // GDAL writes the x/y envelope of everything but points; it must be the geometry's.
      if (typeId(expected.get()) != GEOS_POINT) {
        ASSERT_TRUE(parsed.header.envelope);
      }
      if (!parsed.header.envelope)
        continue;
      Envelope e = envelope(expected.get());
      EXPECT_EQ(parsed.header.envelope->minX, e.minX);
      EXPECT_EQ(parsed.header.envelope->maxX, e.maxX);
      EXPECT_EQ(parsed.header.envelope->minY, e.minY);
      EXPECT_EQ(parsed.header.envelope->maxY, e.maxY);
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  EXPECT_EQ(rows, wkts.size());
}

} // namespace
} // namespace anzhi::gis
