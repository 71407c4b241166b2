#include "core/RuleSet.h"

#include "core/RuleRegistry.h"

#include "gis/DataFile.h"
#include "gis/GisError.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace anzhi::core {

namespace {

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

  BySetting bySetting(const toml::table &table, const std::string &prefix, const std::string &key,
                      BySetting fallback) const
  {
    const toml::table *t = subtable(table, prefix, key);
    if (!t)
      return fallback;
    std::string p = prefix + key + ".";
    allowOnly(*t, p, {"urban", "rural"});
    return {number(*t, p, "urban", fallback.urban), number(*t, p, "rural", fallback.rural)};
  }

  //! A table of speeds by road class, each greater than zero; replaces the fallback whole.
  SpeedByClass speeds(const toml::table &table, const std::string &prefix, const std::string &key,
                      const SpeedByClass &fallback) const
  {
    const toml::table *t = subtable(table, prefix, key);
    if (!t)
      return fallback;
    SpeedByClass result;
    for (const auto &[k, v] : *t)
      result[std::string(k.str())] = number(*t, prefix + key + ".", std::string(k.str()), 0, false);
    return result;
  }

private:
  std::string m_source;
};

//! Reads one rule's parameters from its table, each with the validation its kind declares,
//! and notes the line that set it; a key no parameter declared is refused.
class TomlParameterReader final : public ParameterVisitor
{
public:
  TomlParameterReader(const TomlReader &reader, const toml::table &table, std::string prefix,
                      std::map<std::string, int> &setAtLine)
      : m_r(reader)
      , m_table(table)
      , m_prefix(std::move(prefix))
      , m_setAtLine(setAtLine)
  {
  }

  void number(std::string_view key, double &value, Unit, const Cited &) override
  {
    if (Slot s = locate(key))
      value = m_r.number(*s.table, s.prefix, s.leaf, value);
  }
  void count(std::string_view key, std::int64_t &value, const Cited &) override
  {
    if (Slot s = locate(key))
      value = m_r.count(*s.table, s.prefix, s.leaf, value);
  }
  void rate(std::string_view key, ExactRate &value, const Cited &) override
  {
    if (Slot s = locate(key))
      value = ExactRate::fromDouble(m_r.rate(*s.table, s.prefix, s.leaf, value.value()));
  }
  void bySetting(std::string_view key, BySetting &value, Unit, const Cited &) override
  {
    if (Slot s = locate(key))
      value = m_r.bySetting(*s.table, s.prefix, s.leaf, value);
  }
  void speed(std::string_view key, double &value, const Cited &) override
  {
    if (Slot s = locate(key))
      value = m_r.number(*s.table, s.prefix, s.leaf, value, false);
  }
  void speeds(std::string_view key, SpeedByClass &value, const Cited &) override
  {
    if (Slot s = locate(key))
      value = m_r.speeds(*s.table, s.prefix, s.leaf, value);
  }
  void choice(std::string_view key, std::string &value,
              std::initializer_list<std::string_view> allowed, const Cited &) override
  {
    Slot s = locate(key);
    if (!s)
      return;
    std::string chosen = m_r.string(*s.table, s.prefix, s.leaf, value);
    if (std::find(allowed.begin(), allowed.end(), chosen) == allowed.end()) {
      std::string expected;
      for (std::string_view a : allowed)
        expected += (expected.empty() ? "\"" : " or \"") + std::string(a) + "\"";
      m_r.fail(*s.table->get(s.leaf), s.prefix + s.leaf, "expected " + expected);
    }
    value = chosen;
  }
  void text(std::string_view key, std::string &value, const Cited &) override
  {
    if (Slot s = locate(key))
      value = m_r.string(*s.table, s.prefix, s.leaf, value);
  }
  void date(std::string_view key, std::string &value, const Cited &) override
  {
    Slot s = locate(key);
    if (!s)
      return;
    const toml::node &node = *s.table->get(s.leaf);
    auto d = node.value<toml::date>();
    if (!d)
      m_r.fail(node, s.prefix + s.leaf, "expected a date such as 2020-12-31");
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d->year), int(d->month), int(d->day));
    value = buf;
  }

  //! Refuses the keys of the table that are neither a rule's common key nor a declared
  //! parameter (nor a table on the way to one).
  void refuseUndeclared() const { refuseUndeclared(m_table, ""); }

private:
  //! Where a present parameter's value is: its table, the dotted prefix for messages, its key.
  struct Slot
  {
    const toml::table *table = nullptr;
    std::string prefix, leaf;
    explicit operator bool() const { return table != nullptr; }
  };

  Slot locate(std::string_view dotted)
  {
    m_declared.emplace_back(dotted);
    Slot slot{&m_table, m_prefix, std::string(dotted)};
    for (std::size_t dot; (dot = slot.leaf.find('.')) != std::string::npos;) {
      std::string part = slot.leaf.substr(0, dot);
      slot.table = m_r.subtable(*slot.table, slot.prefix, part);
      if (!slot.table)
        return {};
      slot.prefix += part + ".";
      slot.leaf.erase(0, dot + 1);
    }
    const toml::node *node = slot.table->get(slot.leaf);
    if (!node)
      return {};
    m_setAtLine[std::string(dotted)] = int(node->source().begin.line);
    return slot;
  }

  void refuseUndeclared(const toml::table &table, const std::string &path) const
  {
    for (const auto &[k, v] : table) {
      const std::string key = path + std::string(k.str());
      if (path.empty() && (key == "enabled" || key == "severity" || key == "clause"))
        continue;
      if (std::find(m_declared.begin(), m_declared.end(), key) != m_declared.end())
        continue;
      const bool onTheWay =
          std::any_of(m_declared.begin(), m_declared.end(),
                      [&](const std::string &d) { return d.rfind(key + ".", 0) == 0; });
      if (!onTheWay)
        m_r.fail(v, m_prefix + key, "unknown key");
      if (!v.is_table())
        m_r.fail(v, m_prefix + key, "expected a table");
      refuseUndeclared(*v.as_table(), key + ".");
    }
  }

  const TomlReader &m_r;
  const toml::table &m_table;
  std::string m_prefix;
  std::map<std::string, int> &m_setAtLine;
  std::vector<std::string> m_declared;
};

} // namespace

std::string_view severityName(Severity s)
{
  return s == Severity::Error ? "error" : "warning";
}

std::vector<std::string> RuleSet::ruleIds()
{
  std::vector<std::string> ids;
  for (const auto &rule : registeredRules())
    ids.push_back(rule->id());
  return ids;
}

RuleSet RuleSet::defaults()
{
  RuleSet set;
  set.name = "晋脱贫攻坚组〔2020〕12号";
  set.source = "built-in";
  set.landUse = std::make_shared<LandUseMapping>(LandUseMapping::defaultPatterns());
  for (const auto &rule : registeredRules()) {
    const RuleDescriptor &d = rule->descriptor();
    set.rules[d.id] = RuleConfig{true, d.severity, d.clause, rule->defaultParameters(), {}};
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
  r.allowOnly(root, "", {"schema", "name", "min_overlap_m2", "land_use", "rules", "plan"});
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

  if (const toml::table *plan = r.subtable(root, "", "plan")) {
    r.allowOnly(*plan, "plan.", {"rangers"});
    if (const toml::table *rangers = r.subtable(*plan, "plan.", "rangers")) {
      r.allowOnly(*rangers, "plan.rangers.", {"max_parts", "cell_m"});
      const std::int64_t parts =
          r.count(*rangers, "plan.rangers.", "max_parts", set.rangerPlan.maxParts);
      if (parts < 1 || parts > 1000)
        r.fail(*rangers->get("max_parts"), "plan.rangers.max_parts",
               "expected a whole number from 1 to 1000");
      set.rangerPlan.maxParts = int(parts);
      set.rangerPlan.cellM = r.number(*rangers, "plan.rangers.", "cell_m", set.rangerPlan.cellM);
      if (!(set.rangerPlan.cellM >= 1))
        r.fail(*rangers->get("cell_m"), "plan.rangers.cell_m", "expected at least 1 (metres)");
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
    RuleConfig &config = set.rules[id];
    for (const char *key : {"enabled", "severity", "clause"})
      if (const toml::node *node = t->get(key))
        config.setAtLine[key] = int(node->source().begin.line);
    config.enabled = r.boolean(*t, p, "enabled", config.enabled);
    std::string severity = r.string(*t, p, "severity", std::string(severityName(config.severity)));
    if (severity != "error" && severity != "warning")
      r.fail(*t->get("severity"), p + "severity", "expected \"error\" or \"warning\"");
    config.severity = severity == "error" ? Severity::Error : Severity::Warning;
    config.clause = r.string(*t, p, "clause", config.clause);
    std::unique_ptr<RuleParameters> parameters = config.parameters->clone();
    TomlParameterReader reader(r, *t, p, config.setAtLine);
    parameters->visit(reader);
    reader.refuseUndeclared();
    config.parameters = std::move(parameters);
  }
  return set;
}

} // namespace anzhi::core
