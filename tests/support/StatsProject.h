#pragma once

// A small two-township project for the statistics tests (core, CLI, app), on the central
// meridian of EPSG:4546 so that planar rectangles have their ellipsoidal area: Gauss-Kruger has
// scale 1 on its central meridian (x = 500000) and, being conformal, area scale k² with
// k − 1 ≈ x'²/(2R²); within 2 km of the meridian that is below 1e-7 relative. The expected
// figures are worked out by hand beside each feature.

#include "tests/support/ProjectBuilder.h"

namespace anzhi::test {

inline constexpr double kStatsX0 = 500000, kStatsY0 = 4300000;

inline std::string writeStatsProject(const std::string &path)
{
  const double X0 = kStatsX0, Y0 = kStatsY0;
  const auto i = [](std::int64_t v) { return FieldValue(v); };
  ProjectBuilder b(path);
  auto site = [&](const char *code, const char *township, const std::string &wkt,
                  std::int64_t households, std::int64_t population, FieldValue primary,
                  FieldValue junior) {
    b.add("resettlement_sites", code, wkt,
          {FieldValue(code), FieldValue("县"), FieldValue(township), FieldValue("rural"),
           i(households), i(population), primary, junior, i(1)});
  };
  // 甲镇: 2 sites, 60 households, 1129 people; pupils primary 80 + floor(129 × 0.08) = 90,
  // junior 30 + floor(129 × 0.04) = 35.
  site("S1", "甲镇", rect(X0, Y0, X0 + 200, Y0 + 100), 50, 1000, null, i(30));
  site("S2", "甲镇", rect(X0 + 300, Y0, X0 + 400, Y0 + 100), 10, 129, null, null);
  // 乙镇: 1 site, 7 households, 500 people, pupils 40 and 20 as given.
  site("S3", "乙镇", rect(X0 + 1500, Y0, X0 + 1600, Y0 + 100), 7, 500, i(40), i(20));

  auto plot = [&](const char *code, const std::string &wkt, const char *use) {
    b.add("planned_plots", code, wkt, {FieldValue(code), FieldValue(use)});
  };
  // 甲镇: education 50 × 40 = 2000 m², residential 100 × 50 = 5000 m², commercial 20 × 20 =
  // 400 m² of which 10 × 20 = 200 m² over the education plot (protected land taken), industrial
  // 30 × 30 = 900 m² in S2. 乙镇: green 20 × 10 = 200 m².
  plot("P1", rect(X0 + 10, Y0 + 10, X0 + 60, Y0 + 50), "education");
  plot("P2", rect(X0 + 60, Y0 + 10, X0 + 160, Y0 + 60), "residential");
  plot("P3", rect(X0 + 50, Y0 + 10, X0 + 70, Y0 + 30), "commercial");
  plot("P4", rect(X0 + 310, Y0 + 10, X0 + 340, Y0 + 40), "industrial");
  plot("P5", rect(X0 + 1510, Y0 + 10, X0 + 1530, Y0 + 20), "green");

  auto school = [&](const char *code, const std::string &wkt, const char *level,
                    FieldValue capacity, FieldValue enrolled) {
    b.add("schools", code, wkt, {FieldValue(code), FieldValue(level), capacity, enrolled});
  };
  // 甲镇: primary 500 − 480 = 20 seats; nine-year, outside every site but 50 m from S2,
  // 300 − 310 = −10 (for both levels); a high school, not counted. 乙镇: junior 200 − null(0).
  school("X1", point(X0 + 100, Y0 + 50), "primary", i(500), i(480));
  school("X2", point(X0 + 450, Y0 + 50), "nine_year", i(300), i(310));
  school("X3", point(X0 + 150, Y0 + 50), "high", i(1000), i(0));
  school("X4", point(X0 + 1550, Y0 + 50), "junior", i(200), null);

  auto ranger = [&](const char *code, const char *site) {
    b.add("rangers", code, "", {FieldValue(code), FieldValue(site), FieldValue("relocated")});
  };
  // 甲镇: R1 600 × 600 = 360 000 m² (540 mu, at or above 500); R2 two 400 × 400 plots
  // overlapping by 200 × 400, union 600 × 400 = 240 000 m² (360 mu: short by 500 mu −
  // 240 000 m²); R3 no plot. 乙镇: R4 100 × 100 = 10 000 m², short by 500 mu − 10 000 m².
  ranger("R1", "S1");
  ranger("R2", "S2");
  ranger("R3", "S1");
  ranger("R4", "S3");
  b.add("ranger_plots", "RP1", rect(X0 - 1000, Y0 + 1000, X0 - 400, Y0 + 1600), {FieldValue("R1")});
  b.add("ranger_plots", "RP2", rect(X0 - 1000, Y0 + 2000, X0 - 600, Y0 + 2400), {FieldValue("R2")});
  b.add("ranger_plots", "RP3", rect(X0 - 800, Y0 + 2000, X0 - 400, Y0 + 2400), {FieldValue("R2")});
  b.add("ranger_plots", "RP4", rect(X0 + 1000, Y0 + 3000, X0 + 1100, Y0 + 3100),
        {FieldValue("R4")});

  auto homestead = [&](const char *code, const char *site, FieldValue status,
                       const std::string &wkt) {
    b.add(
        "reclaimed_homesteads", code, wkt,
        {FieldValue("HH"), FieldValue("村"), FieldValue(site), status, FieldValue("forest"), null});
  };
  // 甲镇: pending 20 × 15 = 300 m²; reclaimed 20 × 10 = 200 and 10 × 10 = 100 m² overlapping
  // by 5 × 10 (union 250 m²); status null 10 × 10 = 100 m² (other). 乙镇: demolished 100 m².
  homestead("H1", "S1", FieldValue("pending"), rect(X0, Y0 - 500, X0 + 20, Y0 - 485));
  homestead("H2", "S2", FieldValue("reclaimed"), rect(X0 + 100, Y0 - 500, X0 + 120, Y0 - 490));
  homestead("H3", "S1", FieldValue("reclaimed"), rect(X0 + 115, Y0 - 500, X0 + 125, Y0 - 490));
  homestead("H4", "S1", null, rect(X0 + 200, Y0 - 500, X0 + 210, Y0 - 490));
  homestead("H5", "S3", FieldValue("demolished"), rect(X0 + 1500, Y0 - 500, X0 + 1510, Y0 - 490));
  return b.finish();
}

} // namespace anzhi::test
