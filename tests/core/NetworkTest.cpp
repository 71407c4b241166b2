// Road-network travel time (docs/contract.md "Network distance"): noding, the graph, the bounded
// Dijkstra and the access legs on hand-built networks, and against a plain Dijkstra written here.

#include "core/Rule.h"
#include "core/network/RoadGraph.h"
#include "core/network/Router.h"
#include "core/network/TravelTimes.h"
#include "gis/Noding.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

using namespace anzhi;
using namespace anzhi::core::network;

namespace {

//! Owns the road geometries of a test network.
struct Roads
{
  std::vector<gis::Geometry> lines;
  Roads &add(const std::string &wkt)
  {
    lines.push_back(gis::fromWkt(wkt));
    return *this;
  }
  std::vector<const GEOSGeometry *> raw() const
  {
    std::vector<const GEOSGeometry *> out;
    for (const auto &g : lines)
      out.push_back(g.get());
    return out;
  }
};

//! 6 km/h is 100 m a minute: hand-computed times are whole numbers.
constexpr double kWalk = 6.0;

std::vector<double> walkingSpeeds(const RoadGraph &g)
{
  return g.edgeSpeeds([](std::size_t) { return kWalk; });
}

//! Least minutes from one origin to one destination, null when not within bound.
std::optional<double> minutesBetween(const RoadGraph &g, std::span<const double> speeds, XY from,
                                     XY to, double bound = 1e9, double maxAccess = 2000)
{
  std::vector<std::optional<XY>> origins{from}, destinations{to};
  auto reached = travelTimes(g, speeds, origins, destinations, {kWalk, maxAccess}, bound, 1);
  if (reached[0].empty())
    return std::nullopt;
  return reached[0][0].minutes;
}

} // namespace

TEST(NetworkNoding, CrossingRoadsAreNodedAndZIsDropped)
{
  // Two roads crossing at (100, 0) with no shared vertex, one with Z: four pieces of 100 m.
  Roads roads;
  roads.add("LINESTRING Z (0 0 5, 200 0 7)").add("LINESTRING(100 -100, 100 100)");
  std::vector<gis::NodedPiece> pieces = gis::nodedLines(roads.raw());
  ASSERT_EQ(pieces.size(), 4u);
  for (const gis::NodedPiece &p : pieces) {
    ASSERT_EQ(p.sources.size(), 1u);
    EXPECT_NEAR(std::hypot(p.coords.back().first - p.coords.front().first,
                           p.coords.back().second - p.coords.front().second),
                100.0, 1e-9);
  }
  RoadGraph g(roads.raw());
  EXPECT_EQ(g.nodeCount(), 5u);
  EXPECT_EQ(g.edgeCount(), 4u);
  // The crossing is a node: from (0, 0) to (100, 100) is 200 m of road, 2 minutes.
  auto speeds = walkingSpeeds(g);
  EXPECT_NEAR(*minutesBetween(g, speeds, {0, 0}, {100, 100}), 2.0, 1e-12);
}

TEST(NetworkNoding, OverlappingClassesTakeTheFastest)
{
  // Road 0 (walking) runs 0–300; road 1 (30 km/h = 500 m/min) overlaps it from 100 to 200.
  Roads roads;
  roads.add("LINESTRING(0 0, 300 0)").add("LINESTRING(100 0, 200 0)");
  RoadGraph g(roads.raw());
  ASSERT_EQ(g.edgeCount(), 3u);
  auto speeds = g.edgeSpeeds([](std::size_t road) { return road == 1 ? 30.0 : kWalk; });
  // 100 m at 100 m/min + 100 m at 500 m/min + 100 m at 100 m/min.
  EXPECT_NEAR(*minutesBetween(g, speeds, {0, 0}, {300, 0}), 1 + 0.2 + 1, 1e-12);
  int shared = 0;
  for (std::uint32_t e = 0; e < g.edgeCount(); ++e)
    shared += g.roadsOf(e).size() == 2;
  EXPECT_EQ(shared, 1);
}

TEST(NetworkRouting, ABridgeMakesTheNearSchoolFar)
{
  // A river along y = 0 between the two banks' roads y = -50 and y = 50; the only bridge is at
  // x = 1000. School at (0, -50), site at (0, 50): 100 m apart, but the trip is 1000 m east,
  // 100 m over the bridge and 1000 m back: 2100 m, 21 minutes.
  Roads roads;
  roads.add("LINESTRING(-500 -50, 1000 -50)")
      .add("LINESTRING(-500 50, 1000 50)")
      .add("LINESTRING(1000 -50, 1000 50)");
  RoadGraph g(roads.raw());
  auto speeds = walkingSpeeds(g);
  EXPECT_NEAR(*minutesBetween(g, speeds, {0, -50}, {0, 50}), 21.0, 1e-9);
  // Within 21 minutes, not within 20.99.
  EXPECT_TRUE(minutesBetween(g, speeds, {0, -50}, {0, 50}, 21.0));
  EXPECT_FALSE(minutesBetween(g, speeds, {0, -50}, {0, 50}, 20.99));
}

TEST(NetworkRouting, DisconnectedComponentsDoNotReach)
{
  Roads roads;
  roads.add("LINESTRING(0 0, 1000 0)").add("LINESTRING(0 500, 1000 500)");
  RoadGraph g(roads.raw());
  auto speeds = walkingSpeeds(g);
  EXPECT_FALSE(minutesBetween(g, speeds, {0, 10}, {0, 490}));
  // Same component: 10 m access + 1000 m road + 10 m egress.
  EXPECT_NEAR(*minutesBetween(g, speeds, {0, 10}, {1000, 10}), 10.2, 1e-9);
}

TEST(NetworkRouting, SameEdgeTripDoesNotPassAnEnd)
{
  // Both points snap into the middle of one 10 km edge: 200 m apart along it.
  Roads roads;
  roads.add("LINESTRING(0 0, 10000 0)");
  RoadGraph g(roads.raw());
  auto speeds = walkingSpeeds(g);
  EXPECT_NEAR(*minutesBetween(g, speeds, {5000, 100}, {5200, -100}), 1 + 2 + 1, 1e-9);
}

TEST(NetworkAccess, ExactlyMaxAccessConnectsBeyondDoesNot)
{
  Roads roads;
  roads.add("LINESTRING(0 0, 1000 0)");
  RoadGraph g(roads.raw());
  auto speeds = walkingSpeeds(g);
  // Site 300 m off the road with max_access 300: connects (3 + 10 + 0 minutes).
  EXPECT_NEAR(*minutesBetween(g, speeds, {0, 300}, {1000, 0}, 1e9, 300), 13.0, 1e-9);
  EXPECT_FALSE(minutesBetween(g, speeds, {0, 300.001}, {1000, 0}, 1e9, 300));
  EXPECT_FALSE(minutesBetween(g, speeds, {1000, 0}, {0, 300.001}, 1e9, 300));
}

TEST(NetworkAccess, EqualDistanceTiesTakeTheLeastTime)
{
  // The origin sits midway between two parallel roads 200 m apart; only the northern road
  // leads to the destination.
  Roads roads;
  roads.add("LINESTRING(0 100, 1000 100)").add("LINESTRING(0 -100, 500 -100)");
  RoadGraph g(roads.raw());
  auto speeds = walkingSpeeds(g);
  EXPECT_NEAR(*minutesBetween(g, speeds, {0, 0}, {1000, 100}), 1 + 10, 1e-9);
}

TEST(NetworkRouting, AtTheLimitIsReachedJustBeyondIsNot)
{
  Roads roads;
  roads.add("LINESTRING(0 0, 1500 0)");
  RoadGraph g(roads.raw());
  auto speeds = walkingSpeeds(g);
  EXPECT_TRUE(minutesBetween(g, speeds, {0, 0}, {1500, 0}, 15.0));
  EXPECT_FALSE(minutesBetween(g, speeds, {0, 0}, {1500, 0.5}, 15.0));
}

namespace {

//! An independent shortest path: Dijkstra by scanning for the nearest unsettled node (O(n²)).
std::vector<double>
plainDijkstra(std::size_t n, const std::vector<std::tuple<int, int, double>> &edges, int source)
{
  std::vector<double> dist(n, INFINITY);
  std::vector<bool> done(n, false);
  dist[std::size_t(source)] = 0;
  for (std::size_t round = 0; round < n; ++round) {
    int u = -1;
    for (std::size_t v = 0; v < n; ++v)
      if (!done[v] && (u < 0 || dist[v] < dist[std::size_t(u)]))
        u = int(v);
    if (u < 0 || !std::isfinite(dist[std::size_t(u)]))
      break;
    done[std::size_t(u)] = true;
    for (const auto &[a, b, w] : edges) {
      if (a == u)
        dist[std::size_t(b)] = std::min(dist[std::size_t(b)], dist[std::size_t(u)] + w);
      if (b == u)
        dist[std::size_t(a)] = std::min(dist[std::size_t(a)], dist[std::size_t(u)] + w);
    }
  }
  return dist;
}

} // namespace

TEST(NetworkRouting, MatchesAPlainDijkstraOnRandomGraphs)
{
  // Random straight roads between points of a 20 × 20 grid of 100 m spacing, of five speeds. The
  // independent graph is built here from the noded pieces' ends with weights the test computes
  // itself (length between the ends / the fastest road's speed): what is compared is the search.
  std::mt19937 random(16);
  for (int trial = 0; trial < 5; ++trial) {
    Roads roads;
    std::uniform_int_distribution<int> cell(0, 19);
    for (int r = 0; r < 60; ++r) {
      const int x0 = cell(random), y0 = cell(random), x1 = cell(random), y1 = cell(random);
      if (x0 == x1 && y0 == y1)
        continue;
      roads.add("LINESTRING(" + std::to_string(x0 * 100) + " " + std::to_string(y0 * 100) + ", " +
                std::to_string(x1 * 100) + " " + std::to_string(y1 * 100) + ")");
    }
    RoadGraph g(roads.raw());
    auto speeds = g.edgeSpeeds([](std::size_t road) { return 4.0 + double(road % 5) * 6.0; });
    std::vector<std::tuple<int, int, double>> weighted;
    for (std::uint32_t e = 0; e < g.edgeCount(); ++e) {
      const RoadGraph::Edge &edge = g.edge(e);
      const XY a = g.node(edge.from), b = g.node(edge.to);
      double fastest = 0;
      for (std::size_t road : g.roadsOf(e))
        fastest = std::max(fastest, (4.0 + double(road % 5) * 6.0) * 1000 / 60);
      weighted.emplace_back(int(edge.from), int(edge.to),
                            std::hypot(b.first - a.first, b.second - a.second) / fastest);
    }
    Router router(g, speeds);
    for (std::uint32_t source = 0; source < g.nodeCount(); source += 7) {
      const std::vector<double> expected = plainDijkstra(g.nodeCount(), weighted, int(source));
      std::vector<Router::Seed> seeds{{source, 0.0}};
      router.run(seeds, 30.0);
      for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
        if (expected[n] <= 30.0 - 1e-9) {
          EXPECT_NEAR(router.minutes(n), expected[n], 1e-9) << "trial " << trial << " node " << n;
        } else if (expected[n] > 30.0 + 1e-9) {
          EXPECT_EQ(router.minutes(n), Router::kUnreached);
        }
      }
    }
  }
}

// --- school-coverage and school-capacity in network mode, on projects in EPSG:4546 ---

namespace {

using test::FieldValue;
using test::null;
using test::point;
using test::rect;

constexpr double X0 = 500000, Y0 = 4300000;

test::V site(const std::string &setting, std::int64_t pupilsPrimary = 0)
{
  return {FieldValue("安置区"),
          FieldValue("岢岚县"),
          FieldValue("宋家沟乡"),
          FieldValue(setting),
          null,
          FieldValue(std::int64_t(100)),
          FieldValue(pupilsPrimary),
          FieldValue(std::int64_t(0)),
          FieldValue(std::int64_t(1))};
}

test::V school(const std::string &level, std::int64_t capacity = 5000)
{
  return {FieldValue("学校"), FieldValue(level), FieldValue(capacity), FieldValue(std::int64_t(0))};
}

std::string line(std::initializer_list<XY> points)
{
  std::string wkt = "LINESTRING(";
  for (const XY &p : points)
    wkt += (wkt.back() == '(' ? "" : ", ") + std::to_string(X0 + p.first) + " " +
           std::to_string(Y0 + p.second);
  return wkt + ")";
}

//! A rule set with primary in network mode at 6 km/h (100 m a minute) and the given limits.
core::RuleSet networkRules(double urban, double rural, const std::string &extra = "")
{
  return core::RuleSet::fromToml("[rules.school-coverage]\nmode = { primary = \"network\" }\n"
                                 "walk_kmh = 6\nmax_minutes.primary = { urban = " +
                                     std::to_string(urban) + ", rural = " + std::to_string(rural) +
                                     " }\n" + extra,
                                 "network.toml");
}

//! The river project: roads on both banks (y = ±50) joined by one bridge at x = 1000; a rural
//! site [−10, 10] × [90, 110] (point-on-surface (0, 100), 50 m from the northern road) and a
//! primary school at (0, −100), 50 m from the southern one. By road: 0.5 + 10 + 1 + 10 + 0.5 =
//! 22 minutes; in a straight line 190 m from the site's polygon.
std::string riverProject(const test::TempDir &dir, std::int64_t pupils = 0)
{
  test::ProjectBuilder b(dir.file("river.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0 - 10, Y0 + 90, X0 + 10, Y0 + 110),
        site("rural", pupils));
  b.add("schools", "S-A", point(X0, Y0 - 100), school("primary", 0));
  b.add("roads", "R-S", line({{-500, -50}, {1000, -50}}), {FieldValue("village")});
  b.add("roads", "R-N", line({{-500, 50}, {1000, 50}}), {null});
  b.add("roads", "R-B", line({{1000, -50}, {1000, 50}}), {FieldValue("village")});
  return b.finish();
}

std::optional<core::Violation> primaryViolation(const core::CheckResult &r)
{
  for (const core::Violation &v : test::violationsOf(r, "school-coverage"))
    if (v.level == "primary")
      return v;
  return std::nullopt;
}

} // namespace

TEST(NetworkCoverage, TheBridgeDecidesAndTheLimitIsInclusive)
{
  test::TempDir dir;
  const std::string project = riverProject(dir);
  // Radius mode: 190 m is well within the rural 2500 m.
  EXPECT_FALSE(primaryViolation(test::check(project)));
  // 22 minutes against a 21.5-minute limit: uncovered, reporting both measures.
  auto far = primaryViolation(test::check(project, networkRules(15, 21.5)));
  ASSERT_TRUE(far);
  ASSERT_TRUE(far->minutes);
  EXPECT_NEAR(*far->minutes, 22.0, 1e-9);
  EXPECT_NEAR(*far->distanceM, 190.0, 1e-9);
  EXPECT_NE(far->messageEn.find("22.0 min"), std::string::npos) << far->messageEn;
  // Exactly at the limit: covered.
  EXPECT_FALSE(primaryViolation(test::check(project, networkRules(15, 22))));
}

TEST(NetworkCoverage, ASchoolWithACatchmentIsNotRouted)
{
  // S-A, 22 minutes away by road, has a catchment far from the site: its catchment decides, so
  // the site is uncovered within 30 minutes; `minutes` still reports the 22.
  test::TempDir dir;
  test::ProjectBuilder b(dir.file("catchment.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0 - 10, Y0 + 90, X0 + 10, Y0 + 110), site("rural"));
  b.add("schools", "S-A", point(X0, Y0 - 100), school("primary"));
  b.add("school_catchments", "XQ-1", rect(X0 + 5000, Y0, X0 + 5100, Y0 + 100), {FieldValue("S-A")});
  b.add("roads", "R-S", line({{-500, -50}, {1000, -50}}), {null});
  b.add("roads", "R-N", line({{-500, 50}, {1000, 50}}), {null});
  b.add("roads", "R-B", line({{1000, -50}, {1000, 50}}), {null});
  auto v = primaryViolation(test::check(b.finish(), networkRules(15, 30)));
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v->minutes, 22.0, 1e-9);
  EXPECT_NE(v->messageEn.find("has a catchment that leaves the site out"), std::string::npos)
      << v->messageEn;
}

TEST(NetworkCoverage, ASiteNeitherUrbanNorRuralIsNeverCoveredByRoad)
{
  test::TempDir dir;
  test::ProjectBuilder b(dir.file("setting.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0 - 10, Y0 + 90, X0 + 10, Y0 + 110), site("town"));
  b.add("schools", "S-A", point(X0, Y0 + 100), school("primary"));
  b.add("roads", "R-N", line({{-500, 50}, {1000, 50}}), {null});
  auto v = primaryViolation(test::check(b.finish(), networkRules(1000, 1000)));
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v->minutes, 0.5 + 0.5, 1e-9); // to the road and back to the school beside it
  EXPECT_NE(v->messageEn.find("neither urban nor rural"), std::string::npos) << v->messageEn;
}

TEST(NetworkCoverage, AccessLegBeyondMaxAccessIsNotConnected)
{
  test::TempDir dir;
  const std::string project = riverProject(dir);
  // The site is 50 m from the nearest road: max_access_m 50 connects, 49.9 does not (minutes
  // null: no school is reachable).
  EXPECT_FALSE(primaryViolation(test::check(project, networkRules(15, 30, "max_access_m = 50\n"))));
  auto cut = primaryViolation(test::check(project, networkRules(15, 30, "max_access_m = 49.9\n")));
  ASSERT_TRUE(cut);
  EXPECT_FALSE(cut->minutes);
  EXPECT_NEAR(*cut->distanceM, 190.0, 1e-9);
}

TEST(NetworkCoverage, RoadClassSpeedsApplyAndUnlistedClassesUseDefault)
{
  test::TempDir dir;
  const std::string project = riverProject(dir);
  // village roads at 60 km/h (1000 m a minute); the northern road has no class, and without
  // `default` goes at the walking speed: 0.5 + 10 (north) + 0.1 (bridge) + 1 (south) + 0.5.
  auto v = primaryViolation(
      test::check(project, networkRules(15, 12, "speed_kmh.primary = { village = 60 }\n")));
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v->minutes, 0.5 + 10 + 0.1 + 1 + 0.5, 1e-9);
  // With default = 60: 0.5 + 1 + 0.1 + 1 + 0.5.
  v = primaryViolation(test::check(
      project, networkRules(15, 3, "speed_kmh.primary = { village = 60, default = 60 }\n")));
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v->minutes, 3.1, 1e-9);
}

TEST(NetworkCoverage, WithoutRoadsTheRulesAreSkippedWithTheReason)
{
  test::TempDir dir;
  test::ProjectBuilder b(dir.file("noroads.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 10, Y0 + 10), site("rural"));
  b.add("schools", "S-A", point(X0, Y0 - 100), school("primary"));
  const std::string project = b.finish();
  const core::CheckResult r = test::check(project, networkRules(15, 30));
  for (const char *rule : {"school-coverage", "school-capacity"}) {
    const core::RuleOutcome &o = test::outcomeOf(r, rule);
    EXPECT_TRUE(o.skipped) << rule;
    EXPECT_EQ(o.reason, core::kNoRoadsReason) << rule;
  }
  // Radius mode does not need roads.
  EXPECT_FALSE(test::outcomeOf(test::check(project), "school-coverage").skipped);
}

TEST(NetworkCoverage, CapacityAssignsToTheQuickestCoveringSchool)
{
  // S-A is 190 m away across the river (22 min); S-B at (400, 150) is 390 m away on the site's
  // bank: 0.5 + 4 + 1 = 5.5 min. Both have no seats: the school the 10 pupils go to fires.
  test::TempDir dir;
  test::ProjectBuilder b(dir.file("two.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0 - 10, Y0 + 90, X0 + 10, Y0 + 110),
        site("rural", 10));
  b.add("schools", "S-A", point(X0, Y0 - 100), school("primary", 0));
  const std::int64_t quick =
      b.add("schools", "S-B", point(X0 + 400, Y0 + 150), school("primary", 0));
  b.add("roads", "R-S", line({{-500, -50}, {1000, -50}}), {null});
  b.add("roads", "R-N", line({{-500, 50}, {1000, 50}}), {null});
  b.add("roads", "R-B", line({{1000, -50}, {1000, 50}}), {null});
  const std::string project = b.finish();
  auto shortOf = [](const core::CheckResult &r) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const core::Violation &v : test::violationsOf(r, "school-capacity"))
      out.emplace_back(*v.feature.code, *v.shortfallSeats);
    return out;
  };
  using Rows = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(shortOf(test::check(project)), (Rows{{"S-A", 10}})); // nearest in a straight line
  const core::CheckResult byRoad = test::check(project, networkRules(15, 30));
  EXPECT_EQ(shortOf(byRoad), (Rows{{"S-B", 10}}));
  EXPECT_EQ(test::violationsOf(byRoad, "school-capacity")[0].feature.fid, quick);
}

TEST(NetworkCoverage, StraightSpokesGiveTheRadiusVerdicts)
{
  // Eight straight roads out of a primary school; sites of 2 m × 2 m centred on them at random
  // distances. Walking 100 m a minute on roads that lead straight to the school, the time is
  // the distance / 100 and radius r ⇔ limit r / 100 minutes (sites within 5 m of a limit are
  // left out: the radius test measures to the polygon's edge, the network from its centre).
  test::TempDir dir;
  test::ProjectBuilder b(dir.file("spokes.gpkg"));
  b.add("schools", "S", point(X0, Y0), school("primary"));
  for (int k = 0; k < 8; ++k) {
    const double angle = k * std::numbers::pi / 4;
    b.add("roads", "R-" + std::to_string(k),
          line({{0, 0}, {4000 * std::cos(angle), 4000 * std::sin(angle)}}), {null});
  }
  std::mt19937 random(27);
  std::uniform_real_distribution<double> along(50, 3500);
  int added = 0;
  while (added < 60) {
    const int k = added % 8;
    const double d = along(random), angle = k * std::numbers::pi / 4;
    const bool urban = added % 3 == 0;
    const double limit = urban ? 500 : 2500;
    if (std::abs(d - limit) < 5)
      continue;
    const double x = X0 + d * std::cos(angle), y = Y0 + d * std::sin(angle);
    b.add("resettlement_sites", "AZQ-" + std::to_string(added), rect(x - 1, y - 1, x + 1, y + 1),
          site(urban ? "urban" : "rural"));
    ++added;
  }
  const std::string project = b.finish();
  auto uncovered = [](const core::CheckResult &r) {
    std::vector<std::int64_t> fids;
    for (const core::Violation &v : test::violationsOf(r, "school-coverage"))
      if (v.level == "primary")
        fids.push_back(v.feature.fid);
    return fids;
  };
  const std::vector<std::int64_t> byRadius = uncovered(test::check(project));
  const std::vector<std::int64_t> byRoad = uncovered(test::check(project, networkRules(5, 25)));
  EXPECT_EQ(byRoad, byRadius);
  EXPECT_GT(byRadius.size(), 5u);
  EXPECT_LT(byRadius.size(), 55u);
}

TEST(NetworkRuleSet, BadValuesNameTheKey)
{
  auto error = [](const std::string &toml) {
    try {
      core::RuleSet::fromToml(toml, "bad.toml");
    } catch (const core::RuleSetError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error("[rules.school-coverage]\nmode = { junior = \"bus\" }\n"),
            "bad.toml:2: key 'rules.school-coverage.mode.junior': expected \"radius\" or "
            "\"network\"");
  EXPECT_EQ(error("[rules.school-coverage]\nspeed_kmh.junior = { county = -30 }\n"),
            "bad.toml:2: key 'rules.school-coverage.speed_kmh.junior.county': must be greater "
            "than zero");
  EXPECT_EQ(error("[rules.school-coverage]\nwalk_kmh = 0\n"),
            "bad.toml:2: key 'rules.school-coverage.walk_kmh': must be greater than zero");
  EXPECT_EQ(error("[rules.school-coverage]\nmax_minutes.primary = { urban = -1 }\n"),
            "bad.toml:2: key 'rules.school-coverage.max_minutes.primary.urban': must not be "
            "negative");
  // The contract's example reads.
  const core::RuleSet ok = core::RuleSet::fromToml(
      "[rules.school-coverage]\nmode = { primary = \"network\", junior = \"radius\" }\n"
      "max_minutes.primary = { urban = 15, rural = 30 }\n"
      "max_minutes.junior = { urban = 20, rural = 45 }\nwalk_kmh = 4.0\nmax_access_m = 2000\n"
      "speed_kmh.primary = { default = 4.0 }\n"
      "speed_kmh.junior = { default = 4.0, county = 30.0, township = 25.0 }\n",
      "contract.toml");
  EXPECT_EQ(ok.config("school-coverage").setAtLine.at("speed_kmh.junior"), 8);
}
