#include "core/report/JsonReport.h"

#include <cmath>
#include <stdexcept>

namespace anzhi::core {

namespace {

template<typename T> nlohmann::ordered_json orNull(const std::optional<T> &value)
{
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json ref(const FeatureRef &r)
{
  return {{"layer", r.layer}, {"fid", r.fid}, {"code", orNull(r.code)}};
}

} // namespace

nlohmann::ordered_json toJson(const Violation &v, const std::string &lang)
{
  nlohmann::ordered_json j;
  j["rule"] = v.rule;
  j["severity"] = std::string(severityName(v.severity));
  j["layer"] = v.feature.layer;
  j["fid"] = v.feature.fid;
  j["code"] = orNull(v.feature.code);
  j["other"] = v.other ? ref(*v.other) : nlohmann::ordered_json(nullptr);
  j["level"] = orNull(v.level);
  j["area_m2"] = orNull(v.areaM2);
  j["area_mu"] = orNull(v.areaMu());
  j["distance_m"] = orNull(v.distanceM);
  j["shortfall_seats"] = orNull(v.shortfallSeats);
  j["message"] = v.message(lang);
  j["wkt"] = v.wkt.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.wkt);
  return j;
}

nlohmann::ordered_json toJsonReport(const CheckResult &result, const std::string &projectName,
                                    const std::string &lang)
{
  nlohmann::ordered_json doc;
  doc["schema"] = "anzhi.report/1";
  doc["project"] = projectName;
  doc["working_crs"] = result.workingCrs;
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const RuleOutcome &r : result.rules) {
    nlohmann::ordered_json rule;
    rule["id"] = r.id;
    rule["clause"] = r.clause;
    rule["severity"] = std::string(severityName(r.severity));
    rule["status"] = r.skipped ? "skipped" : "checked";
    if (r.skipped)
      rule["reason"] = r.reason;
    rule["checked"] = r.checked;
    rule["violations"] = r.violations;
    rule["seconds"] = std::round(r.seconds * 1000.0) / 1000.0;
    rules.push_back(std::move(rule));
  }
  doc["rules"] = std::move(rules);
  nlohmann::ordered_json violations = nlohmann::ordered_json::array();
  for (const Violation &v : result.violations)
    violations.push_back(toJson(v, lang));
  doc["violations"] = std::move(violations);
  return doc;
}

} // namespace anzhi::core
