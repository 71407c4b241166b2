#include "core/RuleSet.h"

#include "gis/DataFile.h"
#include "gis/GisError.h"

#include <toml++/toml.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace anzhi::core {

namespace {

const std::map<std::string, std::string> kClauses = {
    {"protected-land", "一（一）"},
    {"school-coverage", "一（四）"},
    {"school-capacity", "一（二）（三）"},
    {"ranger-area", "三（十）"},
    {"ranger-unassigned", "三（十）"},
    {"ranger-overlap", "三（十）"},
    {"ranger-orphan-plot", "三（十）"},
    {"ranger-distance", "三（十）"},
    {"clinic-coverage", "一（二）"},
    {"large-site-employment", "二（五）"},
    {"support-plan", "七（二十二）"},
    {"reclamation-progress", "五（十四）"},
    {"invalid-geometry", "—"},
};

const std::set<std::string> kWarnings = {"school-capacity", "ranger-distance", "clinic-coverage",
                                         "large-site-employment", "support-plan"};

//! Reads one table, reporting errors with the file, line and dotted key.
class TomlReader
{
public:
  TomlReader(std::string source)
      : m_source(std::move(source))
  {
  }

  [[noreturn]] void fail(const toml::node &node, const std::string &key,
                         const std::string &problem) const
  {
    std::ostringstream out;
    out << m_source;
    if (node.source().begin.line > 0)
      out << ":" << node.source().begin.line;
    out << ": key '" << key << "': " << problem;
    throw RuleSetError(out.str());
  }

  void allowOnly(const toml::table &table, const std::string &prefix,
                 const std::set<std::string> &allowed) const
  {
    for (const auto &[k, v] : table) {
      std::string key(k.str());
      if (!allowed.count(key))
        fail(v, prefix + key, "unknown key");
    }
  }

  double number(const toml::table &table, const std::string &prefix, const std::string &key,
                double fallback, bool allowZero = true) const
  {
    const toml::node *node = table.get(key);
    if (!node)
      return fallback;
    std::optional<double> v = node->value<double>();
    if (!node->is_number() || !v)
      fail(*node, prefix + key, "expected a number");
    if (!std::isfinite(*v) || *v < 0 || (!allowZero && *v == 0))
      fail(*node, prefix + key, allowZero ? "must not be negative" : "must be greater than zero");
    return *v;
  }

  std::string string(const toml::table &table, const std::string &prefix, const std::string &key,
                     const std::string &fallback) const
  {
    const toml::node *node = table.get(key);
    if (!node)
      return fallback;
    if (!node->is_string())
      fail(*node, prefix + key, "expected text");
    return *node->value<std::string>();
  }

  bool boolean(const toml::table &table, const std::string &prefix, const std::string &key,
               bool fallback) const
  {
    const toml::node *node = table.get(key);
    if (!node)
      return fallback;
    if (!node->is_boolean())
      fail(*node, prefix + key, "expected true or false");
    return *node->value<bool>();
  }

  const toml::table *subtable(const toml::table &table, const std::string &prefix,
                              const std::string &key) const
  {
    const toml::node *node = table.get(key);
    if (!node)
      return nullptr;
    if (!node->is_table())
      fail(*node, prefix + key, "expected a table");
    return node->as_table();
  }

  //! A whole number of people: an integer, or a number with no fraction, 0 to 10^12 (a number
  //! beyond what an int64 holds would make the conversion undefined).
  std::int64_t count(const toml::table &table, const std::string &prefix, const std::string &key,
                     std::int64_t fallback) const
  {
    const toml::node *node = table.get(key);
    if (!node)
      return fallback;
    const double v = number(table, prefix, key, double(fallback));
    if (v != std::floor(v) || v > 1e12)
      fail(*node, prefix + key, "expected a whole number from 0 to 1000000000000");
    return static_cast<std::int64_t>(v);
  }

  //! A rate per resident: 0 to 1.
  double rate(const toml::table &table, const std::string &prefix, const std::string &key,
              double fallback) const
  {
    const double v = number(table, prefix, key, fallback);
    if (v > 1)
      fail(*table.get(key), prefix + key, "a rate per resident must be from 0 to 1");
    return v;
  }

  RadiusBySetting radius(const toml::table &table, const std::string &prefix,
                         const std::string &key, RadiusBySetting fallback) const
  {
    const toml::table *t = subtable(table, prefix, key);
    if (!t)
      return fallback;
    std::string p = prefix + key + ".";
    allowOnly(*t, p, {"urban", "rural"});
    return {number(*t, p, "urban", fallback.urban), number(*t, p, "rural", fallback.rural)};
  }

private:
  std::string m_source;
};

} // namespace

std::string_view severityName(Severity s)
{
  return s == Severity::Error ? "error" : "warning";
}

ExactRate ExactRate::fromDouble(double rate)
{
  std::int64_t denominator = 1;
  for (int digits = 0; digits <= 9; ++digits, denominator *= 10) {
    double scaled = rate * double(denominator);
    auto numerator = static_cast<std::int64_t>(std::llround(scaled));
    if (double(numerator) / double(denominator) == rate)
      return {numerator, denominator};
  }
  // Not a short decimal: keep nine decimals, the precision a planner can write anyway.
  return {static_cast<std::int64_t>(std::llround(rate * 1e9)), 1000000000};
}

std::int64_t ExactRate::floorTimes(std::int64_t count) const
{
  if (count <= 0 || numerator <= 0)
    return 0;
  // count × numerator may not fit in 63 bits (a population field can hold anything): split
  // count by the denominator. With numerator ≤ denominator ≤ 10^9 (rates are 0 to 1), every
  // term fits; the result is the exact floor.
  const std::int64_t whole = count / denominator, rest = count % denominator;
  return whole * numerator + rest * numerator / denominator;
}

std::optional<double> RadiusBySetting::forSetting(const std::optional<std::string> &setting) const
{
  if (!setting)
    return std::nullopt;
  if (*setting == "urban")
    return urban;
  if (*setting == "rural")
    return rural;
  return std::nullopt;
}

const std::vector<std::string> &RuleSet::ruleIds()
{
  static const std::vector<std::string> ids = {
      "protected-land",    "school-coverage",       "school-capacity",    "ranger-area",
      "ranger-unassigned", "ranger-overlap",        "ranger-orphan-plot", "ranger-distance",
      "clinic-coverage",   "large-site-employment", "support-plan",       "reclamation-progress",
      "invalid-geometry"};
  return ids;
}

RuleSet RuleSet::defaults()
{
  RuleSet set;
  set.name = "晋脱贫攻坚组〔2020〕12号";
  set.source = "built-in";
  set.landUse = std::make_shared<LandUseMapping>(LandUseMapping::defaultPatterns());
  for (const std::string &id : ruleIds()) {
    RuleConfig config;
    config.clause = kClauses.at(id);
    config.severity = kWarnings.count(id) ? Severity::Warning : Severity::Error;
    set.rules[id] = config;
  }
  return set;
}

const RuleConfig &RuleSet::config(const std::string &ruleId) const
{
  return rules.at(ruleId);
}

RuleSet RuleSet::fromFile(const std::string &path)
{
  try {
    gis::requireRegularFile(path);
  } catch (const gis::GisError &e) {
    throw RuleSetError(e.what());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw RuleSetError(path + ": cannot read the rule set file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return fromToml(buffer.str(), path);
}

RuleSet RuleSet::fromToml(const std::string &text, const std::string &sourceName)
{
  toml::table root;
  try {
    root = toml::parse(text, sourceName);
  } catch (const toml::parse_error &e) {
    std::ostringstream out;
    out << sourceName << ":" << e.source().begin.line << ": " << e.description();
    throw RuleSetError(out.str());
  }
  TomlReader r(sourceName);
  RuleSet set = defaults();
  set.source = sourceName;
  r.allowOnly(root, "", {"schema", "name", "min_overlap_m2", "land_use", "rules"});
  std::string schema = r.string(root, "", "schema", "anzhi.rules/1");
  if (schema != "anzhi.rules/1")
    r.fail(*root.get("schema"), "schema", "unsupported schema '" + schema + "'");
  set.name = r.string(root, "", "name", set.name);
  set.minOverlapM2 = r.number(root, "", "min_overlap_m2", set.minOverlapM2);

  if (const toml::table *landUse = r.subtable(root, "", "land_use")) {
    std::vector<LandUseMapping::Pattern> patterns;
    std::vector<std::pair<const toml::node *, std::string>> items; //!< where each pattern is
    for (const auto &[k, v] : *landUse) {
      std::string key(k.str());
      auto cls = classFromName(key);
      if (!cls)
        r.fail(v, "land_use." + key, "unknown land-use class");
    }
    // Classes in a fixed order, so that a file's key order cannot change the result.
    for (LandUseClass cls :
         {LandUseClass::Education, LandUseClass::Medical, LandUseClass::ElderlyCare,
          LandUseClass::Industrial, LandUseClass::Residential, LandUseClass::Commercial,
          LandUseClass::Road, LandUseClass::Green, LandUseClass::Other}) {
      std::string key(className(cls));
      const toml::node *node = landUse->get(key);
      if (!node)
        continue;
      const toml::array *list = node->as_array();
      if (!list)
        r.fail(*node, "land_use." + key, "expected a list of patterns");
      for (const toml::node &item : *list) {
        if (!item.is_string())
          r.fail(item, "land_use." + key, "expected text patterns");
        patterns.push_back({cls, *item.value<std::string>()});
        items.push_back({&item, "land_use." + key});
      }
    }
    try {
      set.landUse = std::make_shared<LandUseMapping>(patterns);
    } catch (const LandUsePatternError &e) {
      const auto &[node, key] = items[e.index];
      r.fail(*node, key, "pattern '" + patterns[e.index].regex + "': " + e.what());
    }
  }

  const toml::table *rules = r.subtable(root, "", "rules");
  if (!rules)
    return set;
  for (const auto &[k, v] : *rules) {
    std::string id(k.str());
    std::string p = "rules." + id + ".";
    if (!set.rules.count(id))
      r.fail(v, "rules." + id, "unknown rule");
    const toml::table *t = v.as_table();
    if (!t)
      r.fail(v, "rules." + id, "expected a table");
    std::set<std::string> allowed = {"enabled", "severity", "clause"};
    RuleConfig &config = set.rules[id];
    config.enabled = r.boolean(*t, p, "enabled", config.enabled);
    std::string severity = r.string(*t, p, "severity", std::string(severityName(config.severity)));
    if (severity != "error" && severity != "warning")
      r.fail(*t->get("severity"), p + "severity", "expected \"error\" or \"warning\"");
    config.severity = severity == "error" ? Severity::Error : Severity::Warning;
    config.clause = r.string(*t, p, "clause", config.clause);

    if (id == "school-coverage") {
      allowed.insert("radius_m");
      if (const toml::table *radius = r.subtable(*t, p, "radius_m")) {
        r.allowOnly(*radius, p + "radius_m.", {"primary", "junior"});
        set.schoolRadiusPrimary =
            r.radius(*radius, p + "radius_m.", "primary", set.schoolRadiusPrimary);
        set.schoolRadiusJunior =
            r.radius(*radius, p + "radius_m.", "junior", set.schoolRadiusJunior);
      }
    } else if (id == "school-capacity") {
      allowed.insert("pupil_rate");
      if (const toml::table *rate = r.subtable(*t, p, "pupil_rate")) {
        std::string rp = p + "pupil_rate.";
        r.allowOnly(*rate, rp, {"primary", "junior"});
        set.pupilRatePrimary =
            ExactRate::fromDouble(r.rate(*rate, rp, "primary", set.pupilRatePrimary.value()));
        set.pupilRateJunior =
            ExactRate::fromDouble(r.rate(*rate, rp, "junior", set.pupilRateJunior.value()));
      }
    } else if (id == "ranger-area") {
      allowed.insert("min_mu");
      set.rangerMinMu = r.number(*t, p, "min_mu", set.rangerMinMu);
    } else if (id == "ranger-distance") {
      allowed.insert("max_distance_m");
      set.rangerMaxDistanceM = r.number(*t, p, "max_distance_m", set.rangerMaxDistanceM);
    } else if (id == "clinic-coverage") {
      allowed.insert("radius_m");
      set.clinicRadius = r.radius(*t, p, "radius_m", set.clinicRadius);
    } else if (id == "large-site-employment") {
      allowed.insert({"min_population", "radius_m", "service_kind"});
      set.largeSitePopulation = r.count(*t, p, "min_population", set.largeSitePopulation);
      set.largeSiteRadiusM = r.number(*t, p, "radius_m", set.largeSiteRadiusM);
      set.employmentServiceKind = r.string(*t, p, "service_kind", set.employmentServiceKind);
    } else if (id == "support-plan") {
      allowed.insert("min_population");
      set.supportPlanPopulation = r.count(*t, p, "min_population", set.supportPlanPopulation);
    } else if (id == "reclamation-progress") {
      allowed.insert("deadline");
      if (const toml::node *node = t->get("deadline")) {
        if (auto date = node->value<toml::date>()) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(date->year), int(date->month),
                        int(date->day));
          set.reclamationDeadline = buf;
        } else {
          r.fail(*node, p + "deadline", "expected a date such as 2020-12-31");
        }
      }
    }
    r.allowOnly(*t, p, allowed);
  }
  return set;
}

} // namespace anzhi::core
