#include "data/generator/SampleCounty.h"
#include "tests/data/ReferenceCheck.h"
#include "tests/support/TempDir.h"

#include "gis/Crs.h"
#include "gis/EllipsoidalArea.h"
#include "gis/GisError.h"
#include "gis/Vector.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

namespace anzhi::sample::test {

namespace {

namespace fs = std::filesystem;
using anzhi::test::TempDir;
using gis::FieldType;
using gis::GeometryKind;

//! The rule ids of docs/contract.md's rule table.
const std::set<std::string> kRules = {
    "protected-land",    "school-coverage",         "school-capacity",       "ranger-area",
    "ranger-unassigned", "ranger-overlap",          "ranger-orphan-plot",    "ranger-distance",
    "clinic-coverage",   "large-site-employment",   "support-plan",          "reclamation-progress",
    "invalid-geometry",  "jobs-near-home",          "elderly-care-coverage", "elderly-care-beds",
    "linkage-balance",   "reclamation-suitability", "unknown-code"};

struct LayerExpectation
{
  const char *name;
  GeometryKind kind;
  int epsg;
  std::vector<gis::FieldDefinition> fields;
};

//! The layer table of docs/contract.md, written out again independently of the generator.
const std::vector<LayerExpectation> &expectedLayers()
{
  static const std::vector<LayerExpectation> layers = {
      {"resettlement_sites",
       GeometryKind::Polygon,
       4546,
       {{"code", FieldType::String},
        {"name", FieldType::String},
        {"county", FieldType::String},
        {"township", FieldType::String},
        {"setting", FieldType::String},
        {"households", FieldType::Integer},
        {"population", FieldType::Integer},
        {"pupils_primary", FieldType::Integer},
        {"pupils_junior", FieldType::Integer},
        {"support_plan", FieldType::Integer}}},
      {"planned_plots",
       GeometryKind::Polygon,
       4546,
       {{"code", FieldType::String}, {"name", FieldType::String}, {"land_use", FieldType::String}}},
      {"buildings",
       GeometryKind::Polygon,
       4546,
       {{"code", FieldType::String}, {"use", FieldType::String}}},
      {"schools",
       GeometryKind::Point,
       4546,
       {{"code", FieldType::String},
        {"name", FieldType::String},
        {"level", FieldType::String},
        {"capacity", FieldType::Integer},
        {"enrolled", FieldType::Integer}}},
      {"school_catchments",
       GeometryKind::Polygon,
       4546,
       {{"code", FieldType::String}, {"school_code", FieldType::String}}},
      {"clinics",
       GeometryKind::Point,
       4490,
       {{"code", FieldType::String}, {"name", FieldType::String}, {"level", FieldType::String}}},
      {"elderly_care",
       GeometryKind::Point,
       4546,
       {{"code", FieldType::String}, {"name", FieldType::String}, {"beds", FieldType::Integer}}},
      {"service_points",
       GeometryKind::Point,
       4546,
       {{"code", FieldType::String}, {"name", FieldType::String}, {"kind", FieldType::String}}},
      {"industrial_parks",
       GeometryKind::Polygon,
       4546,
       {{"code", FieldType::String},
        {"name", FieldType::String},
        {"kind", FieldType::String},
        {"jobs", FieldType::Integer}}},
      {"reclaimed_homesteads",
       GeometryKind::Polygon,
       4546,
       {{"code", FieldType::String},
        {"household_code", FieldType::String},
        {"village", FieldType::String},
        {"site_code", FieldType::String},
        {"status", FieldType::String},
        {"target_use", FieldType::String},
        {"done_date", FieldType::Date}}},
      {"forest_land", GeometryKind::Polygon, 4546, {{"code", FieldType::String}}},
      {"rangers",
       GeometryKind::Point,
       4546,
       {{"code", FieldType::String},
        {"name", FieldType::String},
        {"site_code", FieldType::String},
        {"status", FieldType::String}}},
      {"ranger_plots",
       GeometryKind::Polygon,
       4546,
       {{"code", FieldType::String}, {"ranger_code", FieldType::String}}},
      {"roads",
       GeometryKind::Line,
       4546,
       {{"code", FieldType::String}, {"class", FieldType::String}}},
  };
  return layers;
}

std::string hex(const std::vector<unsigned char> &bytes)
{
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (unsigned char b : bytes) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

//! Every feature of every layer as text: fid, fields, geometry WKB. GeoPackage files differ
//! in their timestamps, so determinism is about this content.
std::string dump(const std::string &path)
{
  auto ds = gis::VectorDataset::open(path);
  std::string out;
  for (const std::string &name : ds.layerNames()) {
    auto layer = ds.layer(name);
    const auto fields = layer.fields();
    out += "layer " + name + "\n";
    layer.forEach([&](const gis::FeatureRow &row) {
      out += std::to_string(row.fid());
      for (std::size_t i = 0; i < fields.size(); ++i)
        out += "|" + row.string(static_cast<int>(i)).value_or("<null>");
      if (auto g = row.geometry())
        out += "|" + hex(gis::toWkb(g.get()));
      out += "\n";
      return true;
    });
  }
  return out;
}

std::vector<Finding> asFindings(const std::vector<PlantedViolation> &planted)
{
  std::vector<Finding> out;
  for (const PlantedViolation &p : planted)
    out.push_back({p.rule, p.layer, p.fid, p.level, p.otherLayer, p.otherFid});
  std::sort(out.begin(), out.end());
  return out;
}

SampleSummary generate(const TempDir &dir, const std::string &name, std::uint64_t seed, int sites)
{
  return writeSampleCounty(dir.file(name), SampleOptions{seed, sites});
}

std::int64_t countOf(const SampleSummary &s, const std::string &layer)
{
  for (const auto &[name, count] : s.layerCounts)
    if (name == layer)
      return count;
  return -1;
}

} // namespace

TEST(SampleCounty, LayersFieldsTypesAndCrsFollowTheDomain)
{
  TempDir dir;
  const SampleSummary summary = generate(dir, "s.gpkg", 1, 4);
  auto ds = gis::VectorDataset::open(dir.file("s.gpkg"));
  for (const LayerExpectation &want : expectedLayers()) {
    SCOPED_TRACE(want.name);
    ASSERT_TRUE(ds.hasLayer(want.name));
    auto layer = ds.layer(want.name);
    EXPECT_EQ(layer.geometryKind(), want.kind);
    ASSERT_TRUE(layer.crs().has_value());
    EXPECT_EQ(layer.crs()->epsg(), std::optional<int>(want.epsg));
    const auto fields = layer.fields();
    ASSERT_EQ(fields.size(), want.fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
      EXPECT_EQ(fields[i].name, want.fields[i].name);
      EXPECT_EQ(fields[i].type, want.fields[i].type) << fields[i].name;
    }
    EXPECT_GT(layer.featureCount(), 0);
    EXPECT_EQ(layer.featureCount(), countOf(summary, want.name));
  }
  EXPECT_EQ(summary.layerCounts.size(), expectedLayers().size());

  // The planted table: no geometry, no CRS, and a plain `fid` column (its key is `id`).
  ASSERT_TRUE(ds.hasLayer(kPlantedTable));
  auto planted = ds.layer(kPlantedTable);
  EXPECT_EQ(planted.geometryKind(), GeometryKind::None);
  EXPECT_FALSE(planted.crs().has_value());
  const std::vector<gis::FieldDefinition> want = {
      {"rule", FieldType::String},        {"layer", FieldType::String},
      {"fid", FieldType::Integer},        {"level", FieldType::String},
      {"other_layer", FieldType::String}, {"other_fid", FieldType::Integer}};
  const auto fields = planted.fields();
  ASSERT_EQ(fields.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(fields[i].name, want[i].name);
    EXPECT_EQ(fields[i].type, want[i].type);
  }
}

TEST(SampleCounty, PlantedTableHoldsThePlantedList)
{
  TempDir dir;
  const SampleSummary summary = generate(dir, "s.gpkg", 3, 60);
  auto ds = gis::VectorDataset::open(dir.file("s.gpkg"));
  auto layer = ds.layer(kPlantedTable);
  const int rule = layer.requireField("rule", FieldType::String);
  const int lay = layer.requireField("layer", FieldType::String);
  const int fid = layer.requireField("fid", FieldType::Integer);
  const int level = layer.requireField("level", FieldType::String);
  const int otherLayer = layer.requireField("other_layer", FieldType::String);
  const int otherFid = layer.requireField("other_fid", FieldType::Integer);
  std::vector<PlantedViolation> read;
  layer.forEach([&](const gis::FeatureRow &row) {
    read.push_back({row.string(rule).value_or(""), row.string(lay).value_or(""),
                    row.integer(fid).value_or(-1), row.string(level), row.string(otherLayer),
                    row.integer(otherFid)});
    return true;
  });
  ASSERT_EQ(read.size(), summary.planted.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    EXPECT_EQ(read[i].rule, summary.planted[i].rule);
    EXPECT_EQ(read[i].layer, summary.planted[i].layer);
    EXPECT_EQ(read[i].fid, summary.planted[i].fid);
    EXPECT_EQ(read[i].level, summary.planted[i].level);
    EXPECT_EQ(read[i].otherLayer, summary.planted[i].otherLayer);
    EXPECT_EQ(read[i].otherFid, summary.planted[i].otherFid);
  }
}

TEST(SampleCounty, SameSeedSameFeaturesOtherSeedOtherFeatures)
{
  TempDir dir;
  const SampleSummary a = generate(dir, "a.gpkg", 42, 12);
  const SampleSummary b = generate(dir, "b.gpkg", 42, 12);
  const SampleSummary c = generate(dir, "c.gpkg", 43, 12);
  const std::string da = dump(dir.file("a.gpkg"));
  EXPECT_GT(da.size(), 100000u);
  EXPECT_TRUE(da == dump(dir.file("b.gpkg")));
  EXPECT_FALSE(da == dump(dir.file("c.gpkg")));
  EXPECT_EQ(asFindings(a.planted), asFindings(b.planted));
}

TEST(SampleCounty, AFewSitesAreThePrefixOfMore)
{
  // A site's content depends only on the seed and its index: the first sites of a larger
  // sample are those of a smaller one (only the grid origin moves).
  TempDir dir;
  const SampleSummary small = generate(dir, "small.gpkg", 9, 4);
  const SampleSummary large = generate(dir, "large.gpkg", 9, 9);
  // Township names follow the grid position, so compare what does not.
  auto read = [](const std::string &path) {
    auto ds = gis::VectorDataset::open(path);
    auto layer = ds.layer("resettlement_sites");
    std::vector<std::string> rows;
    const int pop = layer.requireField("population", FieldType::Integer);
    const int households = layer.requireField("households", FieldType::Integer);
    const int setting = layer.requireField("setting", FieldType::String);
    layer.forEach([&](const gis::FeatureRow &row) {
      rows.push_back(*row.string(setting) + "/" + std::to_string(*row.integer(pop)) + "/" +
                     std::to_string(*row.integer(households)));
      return true;
    });
    return rows;
  };
  auto a = read(dir.file("small.gpkg")), b = read(dir.file("large.gpkg"));
  ASSERT_EQ(a.size(), 4u);
  ASSERT_EQ(b.size(), 9u);
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
}

TEST(SampleCounty, EveryRuleIsPlantedFromFourSites)
{
  TempDir dir;
  for (int sites : {4, 60}) {
    SCOPED_TRACE(sites);
    const SampleSummary s = generate(dir, "s" + std::to_string(sites) + ".gpkg", 1, sites);
    std::set<std::string> rules;
    for (const PlantedViolation &p : s.planted) {
      EXPECT_TRUE(kRules.count(p.rule)) << p.rule;
      rules.insert(p.rule);
    }
    EXPECT_EQ(rules, kRules);
    std::set<std::string> levels;
    for (const PlantedViolation &p : s.planted)
      if (p.rule == "school-coverage")
        levels.insert(p.level.value_or("?"));
    EXPECT_EQ(levels, (std::set<std::string>{"primary", "junior"}));
  }
}

// The heart of it: an independent implementation of the rules finds exactly the planted
// violations, nothing more, nothing less, and the clean data keeps its margins.
class ReferenceCheckTest : public ::testing::TestWithParam<std::pair<std::uint64_t, int>>
{
};

TEST_P(ReferenceCheckTest, FindsExactlyThePlantedViolations)
{
  const auto [seed, sites] = GetParam();
  TempDir dir;
  const SampleSummary summary = generate(dir, "s.gpkg", seed, sites);
  const CheckResult result = referenceCheck(dir.file("s.gpkg"));
  const std::vector<Finding> planted = asFindings(summary.planted);
  std::vector<Finding> missing, unexpected;
  std::set_difference(planted.begin(), planted.end(), result.findings.begin(),
                      result.findings.end(), std::back_inserter(missing));
  std::set_difference(result.findings.begin(), result.findings.end(), planted.begin(),
                      planted.end(), std::back_inserter(unexpected));
  for (const Finding &f : missing)
    ADD_FAILURE() << "planted but not found: " << toString(f);
  for (const Finding &f : unexpected)
    ADD_FAILURE() << "found but not planted: " << toString(f);
  EXPECT_EQ(planted.size(), summary.planted.size()) << "a violation was planted twice";

  const Margins &m = result.margins;
  EXPECT_GE(m.minSeatsSpare, 20);
  EXPECT_LE(m.maxClinicDistanceCovered, 300); // clinics sit inside their sites
  if (m.minClinicDistanceUncovered < 1e300) {
    EXPECT_GE(m.minClinicDistanceUncovered, 1500); // against a 1000 m urban radius
  }
  EXPECT_LE(m.maxProtectedOverlapBelowTolerance, 0.51); // the 0.5 m² sliver at most
  EXPECT_EQ(m.maxRangerOverlapBelowTolerance, 0);
  EXPECT_LE(m.maxRangerDistanceOk, 4000);
  EXPECT_LE(m.maxSlopeOk, 8); // gentle terrain against the 25° limit
  EXPECT_GE(m.minSlopeFlagged, 30);
  std::set<std::int64_t> tooSmall;
  for (const PlantedViolation &p : summary.planted)
    if (p.rule == "ranger-area")
      tooSmall.insert(p.fid);
  for (const auto &[fid, mu] : m.rangerMu) {
    if (tooSmall.count(fid))
      EXPECT_LT(mu, 500) << fid;
    else if (mu < 501) // the planted edge case just above the minimum
      EXPECT_NEAR(mu, 500.1, 1e-6) << fid;
    else
      EXPECT_GE(mu, 520) << fid;
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, ReferenceCheckTest,
                         ::testing::Values(std::make_pair(std::uint64_t{1}, 4),
                                           std::make_pair(std::uint64_t{1}, 60),
                                           std::make_pair(std::uint64_t{2}, 60),
                                           std::make_pair(std::uint64_t{20240601}, 60)));

TEST(SampleCounty, EdgeRangersMeasureJustBelowAndAboveTheMinimum)
{
  TempDir dir;
  const SampleSummary summary = generate(dir, "s.gpkg", 5, 4);
  auto ds = gis::VectorDataset::open(dir.file("s.gpkg"));
  auto rangers = ds.layer("ranger_plots");
  const int rc = rangers.requireField("ranger_code", FieldType::String);
  std::map<std::string, std::vector<gis::Geometry>> byRanger;
  rangers.forEach([&](const gis::FeatureRow &row) {
    gis::Geometry g = row.geometry();
    if (!gis::validity(g.get()).valid) // the planted bow-tie, repaired as the rules demand
      g = gis::makeValid(g.get(), true);
    if (auto code = row.string(rc))
      byRanger[*code].push_back(std::move(g));
    return true;
  });
  const auto &area = gis::EllipsoidalArea::forThread(gis::Crs::fromEpsg(4546));
  std::vector<double> nearMinimum;
  for (const auto &[code, plots] : byRanger) {
    std::vector<const GEOSGeometry *> parts;
    for (const auto &p : plots)
      parts.push_back(p.get());
    gis::Geometry all = gis::unionAll(parts);
    const double mu = gis::EllipsoidalArea::toMu(area.squareMetres(all.get()));
    if (mu > 499 && mu < 501)
      nearMinimum.push_back(mu);
  }
  std::sort(nearMinimum.begin(), nearMinimum.end());
  ASSERT_EQ(nearMinimum.size(), 2u);
  EXPECT_NEAR(nearMinimum[0], 499.9, 1e-6);
  EXPECT_NEAR(nearMinimum[1], 500.1, 1e-6);
}

TEST(SampleCounty, BowTiesAreInvalidAndTheOnlyInvalidFeatures)
{
  TempDir dir;
  const SampleSummary summary = generate(dir, "s.gpkg", 1, 4);
  auto ds = gis::VectorDataset::open(dir.file("s.gpkg"));
  std::set<std::pair<std::string, std::int64_t>> planted;
  for (const PlantedViolation &p : summary.planted)
    if (p.rule == "invalid-geometry")
      planted.insert({p.layer, p.fid});
  EXPECT_EQ(planted.size(), 2u);
  std::set<std::pair<std::string, std::int64_t>> invalid;
  for (const std::string &name : ds.layerNames()) {
    auto layer = ds.layer(name);
    if (layer.geometryKind() == GeometryKind::None)
      continue;
    layer.forEach([&](const gis::FeatureRow &row) {
      auto g = row.geometry();
      if (!g)
        return true;
      auto report = gis::validity(g.get());
      if (!report.valid) {
        invalid.insert({name, row.fid()});
        EXPECT_NE(report.reason.find("Self-intersection"), std::string::npos) << report.reason;
        // make-valid keeps two triangles: half the bow-tie's bounding box.
        auto repaired = gis::makeValid(g.get(), true);
        auto env = gis::envelope(g.get());
        EXPECT_NEAR(gis::planarArea(repaired.get()),
                    (env.maxX - env.minX) * (env.maxY - env.minY) / 2, 1e-6);
      }
      return true;
    });
  }
  EXPECT_EQ(invalid, planted);
  std::set<std::string> layers;
  for (const auto &p : planted)
    layers.insert(p.first);
  EXPECT_EQ(layers, (std::set<std::string>{"planned_plots", "ranger_plots"}));
}

TEST(SampleCounty, CountsScaleWithSites)
{
  TempDir dir;
  for (int sites : {10, 60}) {
    SCOPED_TRACE(sites);
    const SampleSummary s = generate(dir, "s" + std::to_string(sites) + ".gpkg", 1, sites);
    const double plots = static_cast<double>(countOf(s, "planned_plots")) / sites;
    const double rangers = static_cast<double>(countOf(s, "rangers")) / sites;
    const double rangerPlots = static_cast<double>(countOf(s, "ranger_plots"));
    EXPECT_EQ(countOf(s, "resettlement_sites"), sites);
    EXPECT_GE(plots, 45);
    EXPECT_LE(plots, 55);
    EXPECT_GE(rangers, 15);
    EXPECT_LE(rangers, 19);
    EXPECT_NEAR(rangerPlots / static_cast<double>(countOf(s, "rangers")), 1.9, 0.25);
    EXPECT_GE(static_cast<double>(countOf(s, "buildings")) / sites, 20);
  }
}

TEST(SampleCounty, CodesAreUniquePerLayerAndReferencesResolve)
{
  TempDir dir;
  generate(dir, "s.gpkg", 7, 30);
  auto ds = gis::VectorDataset::open(dir.file("s.gpkg"));
  std::map<std::string, std::set<std::string>> codes;
  for (const LayerExpectation &l : expectedLayers()) {
    auto layer = ds.layer(l.name);
    const int code = layer.requireField("code", FieldType::String);
    std::int64_t n = 0;
    layer.forEach([&](const gis::FeatureRow &row) {
      auto c = row.string(code);
      EXPECT_TRUE(c.has_value());
      codes[l.name].insert(c.value_or(""));
      ++n;
      return true;
    });
    EXPECT_EQ(static_cast<std::int64_t>(codes[l.name].size()), n) << l.name;
  }
  // site_code and school_code name real features (orphan plots aside, which are planted).
  auto check = [&](const char *layerName, const char *field, const char *target) {
    auto layer = ds.layer(layerName);
    const int f = layer.requireField(field, FieldType::String);
    layer.forEach([&](const gis::FeatureRow &row) {
      if (auto v = row.string(f)) {
        EXPECT_TRUE(codes[target].count(*v)) << layerName << " " << row.fid() << " " << *v;
      }
      return true;
    });
  };
  check("rangers", "site_code", "resettlement_sites");
  check("reclaimed_homesteads", "site_code", "resettlement_sites");
  check("school_catchments", "school_code", "schools");
}

TEST(SampleCounty, ProgressRisesToOne)
{
  TempDir dir;
  std::vector<double> seen;
  writeSampleCounty(dir.file("s.gpkg"), SampleOptions{1, 120},
                    [&](double f) { seen.push_back(f); });
  ASSERT_GE(seen.size(), 2u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_GT(seen.front(), 0);
  EXPECT_EQ(seen.back(), 1.0);
}

TEST(SampleCounty, RefusesAnExistingFileAndBadCounts)
{
  TempDir dir;
  generate(dir, "s.gpkg", 1, 1);
  const auto before = fs::file_size(dir.file("s.gpkg"));
  EXPECT_THROW(generate(dir, "s.gpkg", 1, 1), gis::GisError);
  EXPECT_EQ(fs::file_size(dir.file("s.gpkg")), before); // untouched
  EXPECT_THROW(generate(dir, "zero.gpkg", 1, 0), std::invalid_argument);
  EXPECT_FALSE(fs::exists(dir.file("zero.gpkg")));
  EXPECT_THROW(writeSampleCounty(dir.file("no/such/dir/s.gpkg"), SampleOptions{}), gis::GisError);
}

TEST(SampleCounty, OneToThreeSitesWork)
{
  TempDir dir;
  for (int sites = 1; sites <= 3; ++sites) {
    SCOPED_TRACE(sites);
    const SampleSummary s = generate(dir, "s" + std::to_string(sites) + ".gpkg", 1, sites);
    EXPECT_EQ(countOf(s, "resettlement_sites"), sites);
    const CheckResult result = referenceCheck(dir.file("s" + std::to_string(sites) + ".gpkg"));
    EXPECT_EQ(result.findings, asFindings(s.planted));
  }
}

// Timing of large samples, run only on request:
//   ANZHI_SAMPLE_TIMING=1 [ANZHI_SAMPLE_TIMING_SITES=1200,35000] data_tests
//   --gtest_filter='*Timing*'
// With ANZHI_SAMPLE_TIMING_CHECK=1 the reference check also runs on each sample.
TEST(SampleCountyTiming, LargeSamples)
{
  const char *enabled = std::getenv("ANZHI_SAMPLE_TIMING");
  if (!enabled || std::string(enabled) != "1")
    GTEST_SKIP() << "set ANZHI_SAMPLE_TIMING=1 to time large samples";
  std::vector<int> counts;
  const char *list = std::getenv("ANZHI_SAMPLE_TIMING_SITES");
  std::string text = list ? list : "1200,35000";
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t comma = text.find(',', pos);
    counts.push_back(std::stoi(text.substr(pos, comma - pos)));
    pos = comma == std::string::npos ? text.size() : comma + 1;
  }
  const char *checkEnv = std::getenv("ANZHI_SAMPLE_TIMING_CHECK");
  const bool check = checkEnv && std::string(checkEnv) == "1";
  TempDir dir;
  for (int sites : counts) {
    const std::string path = dir.file("timing-" + std::to_string(sites) + ".gpkg");
    const auto start = std::chrono::steady_clock::now();
    const SampleSummary s = writeSampleCounty(path, SampleOptions{1, sites});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::int64_t features = 0;
    for (const auto &[name, count] : s.layerCounts)
      features += count;
    std::printf("sites %d: %.1f s, %lld features, %.1f MB, %zu planted, %lld planned plots, "
                "%lld ranger plots\n",
                sites, seconds, static_cast<long long>(features),
                static_cast<double>(fs::file_size(path)) / 1e6, s.planted.size(),
                static_cast<long long>(countOf(s, "planned_plots")),
                static_cast<long long>(countOf(s, "ranger_plots")));
    if (check) {
      const auto t0 = std::chrono::steady_clock::now();
      const CheckResult result = referenceCheck(path);
      EXPECT_EQ(result.findings, asFindings(s.planted));
      const Margins &m = result.margins;
      double minMu = 1e300, minCleanMu = 1e300;
      for (const auto &[fid, mu] : m.rangerMu) {
        minMu = std::min(minMu, mu);
        if (mu >= 501)
          minCleanMu = std::min(minCleanMu, mu);
      }
      std::printf("  reference check: %.1f s, %zu findings\n"
                  "  margins: seats spare >= %.0f, covered clinic <= %.1f m, uncovered clinic "
                  ">= %.1f m, protected overlap below tolerance <= %.3f m2, ranger overlap below "
                  "tolerance <= %.3f m2, ranger distance ok <= %.1f m, clean ranger >= %.2f mu "
                  "(all rangers >= %.2f mu)\n",
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                  result.findings.size(), m.minSeatsSpare, m.maxClinicDistanceCovered,
                  m.minClinicDistanceUncovered, m.maxProtectedOverlapBelowTolerance,
                  m.maxRangerOverlapBelowTolerance, m.maxRangerDistanceOk, minCleanMu, minMu);
    }
    fs::remove(path);
  }
}

} // namespace anzhi::sample::test
