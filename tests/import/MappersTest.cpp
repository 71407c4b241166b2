// The import mappers and sanity checks: pure functions, expected values written by hand.

#include "core/import/CsvColumns.h"
#include "core/import/FieldMapping.h"
#include "core/import/ImportError.h"
#include "core/import/Sanity.h"

#include <gtest/gtest.h>

namespace anzhi::core {
namespace {

TEST(FieldMapping, ParsesOursEqualsTheirs)
{
  FieldMapping m = parseFieldMapping(" name = XMMC ");
  EXPECT_EQ(m.ours, "name");
  EXPECT_EQ(m.theirs, "XMMC");
  EXPECT_EQ(parseFieldMapping("land_use=用地=性质").theirs, "用地=性质");
  EXPECT_THROW(parseFieldMapping("name"), ImportError);
  EXPECT_THROW(parseFieldMapping("=XMMC"), ImportError);
  EXPECT_THROW(parseFieldMapping("name="), ImportError);
  EXPECT_THROW(parseFieldMapping("名称=XMMC"), ImportError);
  EXPECT_THROW(parseFieldMappings({"code=BM", "code=DM"}), ImportError);
}

TEST(FieldMapping, ResolvesByNameThenMapping)
{
  const LayerSchema &schools = *findLayerSchema("schools");
  // code, name, level, capacity, enrolled
  const std::vector<std::string> source = {"CODE", "XXMC", "level", "XWS"};
  const std::vector<int> resolved =
      resolveFieldMapping(schools, source, {{"name", "XXMC"}, {"capacity", "XWS"}});
  EXPECT_EQ(resolved, (std::vector<int>{0, 1, 2, 3, -1}));

  try {
    resolveFieldMapping(schools, source, {{"name", "XXMC"}});
    FAIL() << "capacity is required";
  } catch (const ImportError &e) {
    EXPECT_NE(std::string(e.what()).find("'capacity'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(resolveFieldMapping(schools, source, {{"capacity", "nowhere"}}), ImportError);
  EXPECT_THROW(resolveFieldMapping(schools, source, {{"seats", "XWS"}}), ImportError);
}

TEST(FieldMapping, ParsesLandUseClasses)
{
  LandUseValueMap m = parseLandUseMappings({"R2=residential", " 教育 = 教育用地 "});
  EXPECT_EQ(m.at("R2"), LandUseClass::Residential);
  EXPECT_EQ(m.at("教育"), LandUseClass::Education);
  EXPECT_THROW(parseLandUseMappings({"R2=housing"}), ImportError);
  EXPECT_THROW(parseLandUseMappings({"R2=residential", "R2=green"}), ImportError);
}

TEST(CsvColumns, SplitsAndDetects)
{
  EXPECT_EQ(csvSeparator("a;b;c"), ';');
  EXPECT_EQ(csvSeparator("a\tb"), '\t');
  EXPECT_EQ(csvSeparator("\"x;y\",b,c"), ',');
  EXPECT_EQ(splitCsvLine("\xEF\xBB\xBF\"a,b\",\"say \"\"hi\"\"\",c\r", ','),
            (std::vector<std::string>{"a,b", "say \"hi\"", "c"}));

  CsvGeometryColumns lonLat = detectCsvGeometry({"code", " Lon ", "LAT"});
  EXPECT_EQ(lonLat.x, 1u);
  EXPECT_EQ(lonLat.y, 2u);
  CsvGeometryColumns wkt = detectCsvGeometry({"X", "Y", "WKT"});
  EXPECT_EQ(wkt.wkt, 2u);
  EXPECT_FALSE(wkt.x);
  CsvGeometryColumns chinese = detectCsvGeometry({"编码", "经度", "纬度"});
  EXPECT_EQ(chinese.x, 1u);
  EXPECT_EQ(chinese.y, 2u);
  EXPECT_FALSE(detectCsvGeometry({"code", "X"}).found());
}

TEST(Sanity, ChinaExtentAndZonePrefixes)
{
  EXPECT_TRUE(insideChina(112.5, 37.8)); // Taiyuan
  EXPECT_FALSE(insideChina(37.8, 112.5));
  EXPECT_FALSE(insideChina(2.35, 48.85)); // Paris

  EXPECT_EQ(prefixedZoneEpsg(37), 4525);
  EXPECT_EQ(prefixedZoneEpsg(19), 4497);
  EXPECT_EQ(unprefixedZoneEpsg(4525), 4546);
  EXPECT_EQ(unprefixedZoneEpsg(4546), std::nullopt);
  // Old datums keep their datum: Xian 1980 zone 37 is EPSG:2361, its CM 111E twin 2382
  // (projinfo EPSG:2361 / EPSG:2382); Beijing 1954 zone 37 is EPSG:2413.
  EXPECT_EQ(prefixedZoneEpsg(37, 2382), 2361);
  EXPECT_EQ(prefixedZoneEpsg(37, 2434), 2413);
  EXPECT_EQ(prefixedZoneEpsg(19, 2382), std::nullopt);
  EXPECT_EQ(unprefixedZoneEpsg(2361), 2382);
  EXPECT_EQ(unprefixedZoneEpsg(2413), 2434);

  auto lacks = zonePrefixProblem(37500000, 4525, 512345);
  ASSERT_TRUE(lacks);
  EXPECT_NE(lacks->find("lack the zone prefix 37"), std::string::npos) << *lacks;
  EXPECT_NE(lacks->find("EPSG:4546"), std::string::npos) << *lacks;
  auto carries = zonePrefixProblem(500000, 4546, 37512345);
  ASSERT_TRUE(carries);
  EXPECT_NE(carries->find("EPSG:4525"), std::string::npos) << *carries;
  auto other = zonePrefixProblem(37500000, 4525, 38512345);
  ASSERT_TRUE(other);
  EXPECT_NE(other->find("prefix 38"), std::string::npos) << *other;
  EXPECT_EQ(zonePrefixProblem(37500000, 4525, 37512345), std::nullopt);
  EXPECT_EQ(zonePrefixProblem(500000, 4546, 512345), std::nullopt);

  EXPECT_NE(suggestCrs(112.5, 37.8).value_or("").find("EPSG:4490"), std::string::npos);
  EXPECT_NE(suggestCrs(37.8, 112.5).value_or("").find("swapped"), std::string::npos);
  EXPECT_NE(suggestCrs(37512345, 4284000).value_or("").find("EPSG:4525"), std::string::npos);
  EXPECT_EQ(suggestCrs(-5, -5), std::nullopt);
}

} // namespace
} // namespace anzhi::core
