#include "FuzzEntry.h"

#include "core/RuleSet.h"
#include "core/Schema.h"
#include "core/edit/EditJournal.h"
#include "core/rules/SchoolChecks.h"
#include "core/rules/SiteServiceChecks.h"
#include "gis/GisError.h"
#include "gis/GpkgGeometry.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>

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
    const auto &rates = set.parameters<core::rules::SchoolCapacityParameters>("school-capacity");
    for (std::int64_t people : {std::int64_t{0}, std::int64_t{799}, std::int64_t{1'000'000}}) {
      rates.primary.floorTimes(people);
      rates.junior.floorTimes(people);
    }
    set.parameters<core::rules::SchoolCoverageParameters>("school-coverage")
        .primary.forSetting(std::string("urban"));
    set.parameters<core::rules::ClinicCoverageParameters>("clinic-coverage")
        .radius.forSetting(std::string("rural"));
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

int journalReplay(const std::uint8_t *data, std::size_t size)
{
  const std::string content(reinterpret_cast<const char *>(data), size);
  core::EditJournal::Replay replay;
  try {
    replay = core::EditJournal::replayContent(content, "fuzz.gpkg.anzhi-edits");
  } catch (const core::JournalError &) {
    return 0;
  }
  for (const auto &[key, slot] : replay.buffer.changes()) {
    const core::LayerSpec *spec = core::layerSpec(key.layer);
    if (!spec)
      broken("replay applied an edit of a layer the editor does not edit");
    if (slot.kind != core::Slot::Kind::State)
      continue;
    if (const GEOSGeometry *g = slot.state->geometry.get()) {
      if (core::wrongGeometryType(spec->geometry, g))
        broken("replay applied a geometry of the wrong dimension for its layer");
      exercise(g);
    }
    for (const auto &[name, value] : slot.state->attributes) {
      const core::FieldSchema *field = spec->field(name);
      if (!field)
        broken("replay applied a field the layer does not have");
      const bool typed =
          std::holds_alternative<std::monostate>(value) ||
          (field->type == gis::FieldType::Integer && std::holds_alternative<std::int64_t>(value)) ||
          (field->type == gis::FieldType::String && std::holds_alternative<std::string>(value)) ||
          (field->type == gis::FieldType::Date && std::holds_alternative<gis::Date>(value));
      if (!typed)
        broken("replay applied a value of the wrong type for its field");
    }
  }
  // What the desktop does with a recovered buffer: the next new fid goes below every one in it.
  replay.buffer.newFid();
  return 0;
}

} // namespace anzhi::fuzz
