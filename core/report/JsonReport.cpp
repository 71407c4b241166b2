#include "core/report/JsonReport.h"

#include "gis/EllipsoidalArea.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string_view>

namespace anzhi::core {

namespace {

using Json = nlohmann::ordered_json;

template<typename T> Json orNull(const std::optional<T> &value)
{
  return value ? Json(*value) : Json(nullptr);
}

Json ref(const FeatureRef &r)
{
  return {{"layer", r.layer}, {"fid", r.fid}, {"code", orNull(r.code)}};
}

Json toJson(const Violation &v, const std::string &lang)
{
  Json j;
  j["rule"] = v.rule;
  j["severity"] = std::string(severityName(v.severity));
  j["layer"] = v.feature.layer;
  j["fid"] = v.feature.fid;
  j["code"] = orNull(v.feature.code);
  j["other"] = v.other ? ref(*v.other) : Json(nullptr);
  j["level"] = orNull(v.level);
  j["area_m2"] = orNull(v.areaM2);
  j["area_mu"] = orNull(v.areaMu());
  j["distance_m"] = orNull(v.distanceM);
  j["minutes"] = orNull(v.minutes);
  j["shortfall_seats"] = orNull(v.shortfallSeats);
  j["value"] = orNull(v.value);
  j["message"] = v.message(lang);
  j["wkt"] = v.wkt.empty() ? Json(nullptr) : Json(v.wkt);
  return j;
}

Json toJson(const std::pair<Violation, AcceptedException> &excepted, const std::string &lang)
{
  const auto &[v, e] = excepted;
  Json j = toJson(v, lang);
  j["exception"] = {{"reason", e.reason},
                    {"approval_no", e.approvalNo},
                    {"created_by", e.createdBy},
                    {"created_at", e.createdAt}};
  return j;
}

Json toJson(const RuleOutcome &r)
{
  Json j;
  j["id"] = r.id;
  j["clause"] = r.clause;
  j["severity"] = std::string(severityName(r.severity));
  j["status"] = r.skipped ? "skipped" : "checked";
  if (r.skipped)
    j["reason"] = r.reason;
  j["checked"] = r.checked;
  j["unchecked"] = r.unchecked;
  j["violations"] = r.violations;
  j["seconds"] = std::round(r.seconds * 1000.0) / 1000.0;
  return j;
}

//! The top-level object written member by member exactly as nlohmann's dump(2) writes it:
//! members two spaces in, separated by ",\n"; an array's elements one level deeper, each
//! serialised by nlohmann itself (so strings and numbers are formatted as it formats them) and
//! shifted right, which is all that nesting changes in its output (a line break inside a value
//! is always structure: strings escape theirs).
class DocumentWriter
{
public:
  explicit DocumentWriter(const ReportSink &sink)
      : m_sink(sink)
      , m_piece("{\n")
  {
  }

  void member(std::string_view key, const Json &value)
  {
    beginMember(key);
    appendShifted(value, 2);
  }

  //! An array member handed to the sink element by element.
  template<typename Items, typename ToJson>
  void arrayMember(std::string_view key, const Items &items, ToJson toJson)
  {
    beginMember(key);
    if (items.empty()) {
      m_piece += "[]";
      return;
    }
    m_piece += "[\n";
    bool first = true;
    for (const auto &item : items) {
      if (!first)
        m_piece += ",\n";
      first = false;
      m_piece += "    ";
      appendShifted(toJson(item), 4);
      m_sink(m_piece);
      m_piece.clear();
    }
    m_piece += "\n  ]";
  }

  void finish()
  {
    m_piece += "\n}\n";
    m_sink(m_piece);
    m_piece.clear();
  }

private:
  //! Keys are this file's own ASCII literals: nothing in them to escape.
  void beginMember(std::string_view key)
  {
    if (m_members++ > 0)
      m_piece += ",\n";
    m_piece += "  \"";
    m_piece += key;
    m_piece += "\": ";
  }

  void appendShifted(const Json &value, std::size_t indent)
  {
    const std::string text = value.dump(2);
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
      m_piece.append(text, start, end + 1 - start);
      m_piece.append(indent, ' ');
    }
    m_piece.append(text, start);
  }

  const ReportSink &m_sink;
  std::string m_piece;
  int m_members = 0;
};

} // namespace

void streamJsonReport(const Report &report, const ReportSink &sink)
{
  const CheckResult &result = report.open;
  DocumentWriter doc(sink);
  doc.member("schema", "anzhi.report/1");
  doc.member("project", report.projectName);
  doc.member("working_crs", result.workingCrs);
  Json rules = Json::array();
  for (const RuleOutcome &r : result.rules)
    rules.push_back(toJson(r));
  doc.member("rules", rules);
  Json linkage = Json::array();
  for (const CountyLinkage &c : result.linkage) {
    const double constructionMu = c.constructionM2 / gis::kSquareMetresPerMu;
    const double reclaimedMu = c.reclaimedM2 / gis::kSquareMetresPerMu;
    linkage.push_back({{"county", c.county},
                       {"construction_m2", c.constructionM2},
                       {"construction_mu", constructionMu},
                       {"reclaimed_m2", c.reclaimedM2},
                       {"reclaimed_mu", reclaimedMu},
                       {"balance_mu", reclaimedMu - constructionMu}});
  }
  doc.member("linkage", linkage);
  doc.arrayMember("violations", result.violations,
                  [&](const Violation &v) { return toJson(v, report.lang); });
  doc.arrayMember("exceptions", report.excepted,
                  [&](const auto &excepted) { return toJson(excepted, report.lang); });
  doc.finish();
}

} // namespace anzhi::core
