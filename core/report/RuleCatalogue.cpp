#include "core/report/RuleCatalogue.h"

#include "core/RuleRegistry.h"

#include <charconv>
#include <sstream>

namespace anzhi::core {

namespace {

//! The shortest text that reads back as the same double (500, 0.08, 2.5).
std::string shortest(double value)
{
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string jsonQuoted(const std::string &text)
{
  return nlohmann::json(text).dump();
}

std::string unitName(Unit unit)
{
  switch (unit) {
  case Unit::Metres:
    return "m";
  case Unit::Mu:
    return "亩";
  case Unit::Degrees:
    return "°";
  case Unit::People:
    return "people";
  case Unit::Minutes:
    return "min";
  case Unit::KmPerHour:
    return "km/h";
  }
  return "";
}

//! Lists a rule's parameters as ParameterEntry rows.
class ParameterListing final : public ParameterVisitor
{
public:
  ParameterListing(const RuleConfig &config)
      : m_config(config)
  {
  }

  void number(std::string_view key, double &value, Unit unit, const Cited &source) override
  {
    add(key, shortest(value), unitName(unit), source);
  }
  void count(std::string_view key, std::int64_t &value, const Cited &source) override
  {
    add(key, std::to_string(value), "people", source);
  }
  void rate(std::string_view key, ExactRate &value, const Cited &source) override
  {
    add(key, shortest(value.value()), "per resident", source);
  }
  void bySetting(std::string_view key, BySetting &value, Unit unit, const Cited &source) override
  {
    add(key, "{ urban = " + shortest(value.urban) + ", rural = " + shortest(value.rural) + " }",
        unitName(unit), source);
  }
  void speed(std::string_view key, double &value, const Cited &source) override
  {
    add(key, shortest(value), unitName(Unit::KmPerHour), source);
  }
  void speeds(std::string_view key, SpeedByClass &value, const Cited &source) override
  {
    std::string table;
    for (const auto &[roadClass, kmh] : value)
      table += (table.empty() ? "" : ", ") + roadClass + " = " + shortest(kmh);
    add(key, table.empty() ? "{}" : "{ " + table + " }", unitName(Unit::KmPerHour), source);
  }
  void choice(std::string_view key, std::string &value, std::initializer_list<std::string_view>,
              const Cited &source) override
  {
    add(key, jsonQuoted(value), "", source);
  }
  void text(std::string_view key, std::string &value, const Cited &source) override
  {
    add(key, jsonQuoted(value), "", source);
  }
  void date(std::string_view key, std::string &value, const Cited &source) override
  {
    add(key, value, "", source);
  }

  std::vector<ParameterEntry> entries;

private:
  void add(std::string_view key, std::string value, std::string unit, const Cited &source)
  {
    auto line = m_config.setAtLine.find(std::string(key));
    entries.push_back({std::string(key), std::move(value), std::move(unit), std::string(source.en),
                       std::string(source.zh),
                       line == m_config.setAtLine.end() ? 0 : line->second});
  }

  const RuleConfig &m_config;
};

std::string joined(const std::vector<std::string> &items, const std::string &separator)
{
  std::string out;
  for (const std::string &item : items)
    out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string unitIn(const std::string &unit, bool zh)
{
  if (!zh)
    return unit;
  if (unit == "m")
    return "米";
  if (unit == "people")
    return "人";
  if (unit == "per resident")
    return "（每位居民）";
  if (unit == "min")
    return "分钟";
  if (unit == "km/h")
    return "公里/小时";
  return unit;
}

} // namespace

std::vector<CatalogueEntry> ruleCatalogue(const RuleSet &rules)
{
  std::vector<CatalogueEntry> catalogue;
  for (const auto &rule : registeredRules()) {
    const RuleConfig &config = rules.config(rule->id());
    ParameterListing listing(config);
    // The visitor only reads: a copy keeps the rule set's parameters untouched.
    config.parameters->clone()->visit(listing);
    catalogue.push_back({&rule->descriptor(), &config, std::move(listing.entries)});
  }
  return catalogue;
}

std::string catalogueText(const RuleSet &rules, const std::string &lang)
{
  const bool zh = lang == "zh";
  std::ostringstream out;
  const std::string source = zh && rules.source == "built-in" ? "内置" : rules.source;
  out << (zh ? "规则集：" : "Rule set: ") << rules.name << (zh ? "（" : " (") << source
      << (zh ? "）" : ")") << "\n";
  out << "min_overlap_m2 = " << shortest(rules.minOverlapM2) << " m²"
      << (zh ? "（重叠小于此值视为数字化误差）" : " (smaller overlaps are digitising noise)")
      << "\n";
  for (const CatalogueEntry &e : ruleCatalogue(rules)) {
    const RuleDescriptor &d = *e.descriptor;
    out << "\n"
        << d.id << "  " << e.config->clause << "  "
        << (zh ? (e.config->severity == Severity::Error ? "错误" : "警告")
               : severityName(e.config->severity))
        << "  " << (zh ? d.nameZh : d.nameEn);
    if (!e.config->enabled)
      out << (zh ? "  [已停用]" : "  [disabled]");
    out << "\n  " << (zh ? "读取图层：" : "reads: ") << joined(d.layersRead, ", ") << "\n";
    if (!d.requiredLayers.empty())
      out << "  " << (zh ? "缺少即跳过：" : "skipped without: ") << joined(d.requiredLayers, ", ")
          << (d.needsDem ? (zh ? "，或没有数字高程模型（DEM）" : ", or a DEM") : "") << "\n";
    for (const ParameterEntry &p : e.parameters) {
      out << "  " << p.key << " = " << p.value << (p.unit.empty() ? "" : " " + unitIn(p.unit, zh))
          << "\n"
          << "      ";
      if (p.setAtLine > 0)
        out << (zh ? "规则集设定：" : "set in ") << rules.source << ":" << p.setAtLine;
      else
        out << (zh ? "默认值，依据：" + p.sourceZh : "default, from: " + p.source);
      out << "\n";
    }
  }
  return out.str();
}

nlohmann::ordered_json catalogueJson(const RuleSet &rules)
{
  nlohmann::ordered_json doc;
  doc["schema"] = "anzhi.rules-catalogue/1";
  doc["rule_set"] = {
      {"name", rules.name}, {"source", rules.source}, {"min_overlap_m2", rules.minOverlapM2}};
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const CatalogueEntry &e : ruleCatalogue(rules)) {
    const RuleDescriptor &d = *e.descriptor;
    nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
    for (const ParameterEntry &p : e.parameters)
      parameters.push_back({{"key", p.key},
                            {"value", p.value},
                            {"unit", p.unit},
                            {"source", p.source},
                            {"source_zh", p.sourceZh},
                            {"set_at_line", p.setAtLine > 0 ? nlohmann::ordered_json(p.setAtLine)
                                                            : nlohmann::ordered_json()}});
    list.push_back({{"id", d.id},
                    {"clause", e.config->clause},
                    {"severity", severityName(e.config->severity)},
                    {"enabled", e.config->enabled},
                    {"name_zh", d.nameZh},
                    {"name_en", d.nameEn},
                    {"required_layers", d.requiredLayers},
                    {"layers_read", d.layersRead},
                    {"parameters", std::move(parameters)}});
  }
  doc["rules"] = std::move(list);
  return doc;
}

std::string catalogueMarkdown()
{
  const RuleSet defaults = RuleSet::defaults();
  std::ostringstream out;
  for (const CatalogueEntry &e : ruleCatalogue(defaults)) {
    const RuleDescriptor &d = *e.descriptor;
    out << "### `" << d.id << "` — " << d.nameZh << " / " << d.nameEn << "\n\n"
        << "Clause " << d.clause << ", " << severityName(d.severity) << ". Reads "
        << joined(d.layersRead, ", ") << "; ";
    if (d.requiredLayers.empty())
      out << "never skipped for a missing layer.\n\n";
    else
      out << "skipped without " << joined(d.requiredLayers, ", ") << (d.needsDem ? " or a DEM" : "")
          << ".\n\n";
    if (e.parameters.empty()) {
      out << "No parameters.\n\n";
      continue;
    }
    out << "| parameter | default | source |\n| --- | --- | --- |\n";
    for (const ParameterEntry &p : e.parameters)
      out << "| `" << p.key << "` | " << p.value << (p.unit.empty() ? "" : " " + p.unit) << " | "
          << p.source << " |\n";
    out << "\n";
  }
  return out.str();
}

} // namespace anzhi::core
