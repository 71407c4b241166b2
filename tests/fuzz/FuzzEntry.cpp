#include "FuzzEntry.h"

#include "core/RuleSet.h"
#include "gis/GisError.h"
#include "gis/GpkgGeometry.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace anzhi::fuzz {

namespace {

[[noreturn]] void broken(const char *invariant)
{
  std::fprintf(stderr, "fuzz invariant broken: %s\n", invariant);
  std::abort();
}

//! What every geometry the readers give must survive: validity, WKT and WKB writing.
void exercise(const GEOSGeometry *g)
{
  if (!g)
    broken("a reader returned a null geometry instead of throwing");
  gis::validity(g);
  gis::toWkt(g);
  gis::toWkb(g);
  if (!gis::isEmpty(g))
    gis::envelope(g);
}

} // namespace

int ruleSet(const std::uint8_t *data, std::size_t size)
{
  const std::string text(reinterpret_cast<const char *>(data), size);
  try {
    core::RuleSet set = core::RuleSet::fromToml(text, "fuzz.toml");
    // What the engine does with the numbers and patterns of a rule set it accepted.
    for (const char *value : {"A33", "080401", "M", "residential", "", " 0806 "})
      set.landUse->classify(std::string(value));
    set.landUse->classify(std::nullopt);
    for (std::int64_t people : {std::int64_t{0}, std::int64_t{799}, std::int64_t{1'000'000}}) {
      set.pupilRatePrimary.floorTimes(people);
      set.pupilRateJunior.floorTimes(people);
    }
    set.schoolRadiusPrimary.forSetting(std::string("urban"));
    set.clinicRadius.forSetting(std::string("rural"));
  } catch (const core::RuleSetError &) {
  }
  return 0;
}

int wkb(const std::uint8_t *data, std::size_t size)
{
  try {
    gis::Geometry g = gis::fromWkb({data, size});
    exercise(g.get());
  } catch (const gis::GisError &) {
  }
  return 0;
}

int gpkgGeometry(const std::uint8_t *data, std::size_t size)
{
  gis::GpkgGeometry parsed;
  try {
    parsed = gis::readGpkgGeometry({data, size});
  } catch (const gis::GisError &) {
    return 0;
  }
  exercise(parsed.geometry.get());
  // GEOS writes 2D ISO WKB; reading it back must give the very same bytes again.
  const std::vector<unsigned char> once = gis::toWkb(parsed.geometry.get());
  gis::Geometry again;
  try {
    again = gis::readWkb2D(once);
  } catch (const gis::GisError &e) {
    std::fprintf(stderr, "%s\n", e.what());
    broken("GEOS's WKB of a geometry read from a BLOB cannot be read back");
  }
  if (gis::toWkb(again.get()) != once)
    broken("a geometry read from a BLOB changed through a WKB round trip");
  return 0;
}

} // namespace anzhi::fuzz
