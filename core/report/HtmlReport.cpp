#include "core/report/HtmlReport.h"

#include "core/Glossary.h"
#include "core/RuleRegistry.h"
#include "core/rules/RuleSupport.h"

#include <map>
#include <sstream>

namespace anzhi::core {

namespace {

std::string escape(const std::string &text)
{
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

struct Words
{
  const char *title, *project, *crs, *rule, *clause, *severity, *status, *checked, *violations,
      *seconds, *township, *errors, *warnings, *feature, *measure, *message, *none, *skipped,
      *checkedStatus, *error, *warning, *noViolations, *byRule, *byTownship, *list, *unassigned;
};

const Words kZh = {"安置区规则检查报告",
                   "项目",
                   "工作坐标系",
                   "规则",
                   "条款",
                   "级别",
                   "状态",
                   "检查要素数",
                   "违规数",
                   "耗时（秒）",
                   "乡镇",
                   "错误",
                   "警告",
                   "要素",
                   "量测",
                   "说明",
                   "无",
                   "已跳过",
                   "已检查",
                   "错误",
                   "警告",
                   "未发现违规。",
                   "按规则汇总",
                   "按乡镇汇总",
                   "违规清单",
                   "（未关联乡镇）"};
const Words kEn = {"Resettlement site rule check",
                   "Project",
                   "Working CRS",
                   "Rule",
                   "Clause",
                   "Severity",
                   "Status",
                   "Features checked",
                   "Violations",
                   "Seconds",
                   "Township",
                   "Errors",
                   "Warnings",
                   "Feature",
                   "Measure",
                   "Message",
                   "none",
                   "skipped",
                   "checked",
                   "error",
                   "warning",
                   "No violations found.",
                   "Summary by rule",
                   "Summary by township",
                   "Violations",
                   "(no township)"};

std::string measure(const Violation &v, bool zh)
{
  using rules::fixed;
  std::string m;
  auto add = [&](const std::string &part) { m += (m.empty() ? "" : zh ? "；" : "; ") + part; };
  if (v.areaM2)
    add(fixed(*v.areaM2, 1) + (zh ? " 平方米 / " : " m² / ") + fixed(*v.areaMu(), 2) +
        (zh ? " 亩" : " mu"));
  if (v.distanceM)
    add(fixed(*v.distanceM, 0) + (zh ? " 米" : " m"));
  if (v.minutes)
    add((zh ? "经道路 " : "") + fixed(*v.minutes, 1) + (zh ? " 分钟" : " min by road"));
  // shortfall_seats is shared: seats of a school, beds of an elderly-care facility.
  const bool beds = v.feature.layer == "elderly_care";
  if (v.shortfallSeats)
    add((zh ? "缺 " : "") + std::to_string(*v.shortfallSeats) +
        (zh ? (beds ? " 张床位" : " 个学位") : (beds ? " beds short" : " seats short")));
  if (v.value)
    add((zh ? "平均坡度 " : "mean slope ") + fixed(*v.value, 1) + "°");
  if (v.level)
    add(zh ? std::string(codedValueZh("level", *v.level).value_or(*v.level)) : *v.level);
  return m;
}

//! The rule's name in the report's language, its id after it for scripts and the rule set.
std::string ruleName(const std::string &id, bool zh)
{
  const Rule *rule = findRule(id);
  if (!rule)
    return id;
  return escape(zh ? rule->descriptor().nameZh : rule->descriptor().nameEn) + " <small>" + id +
         "</small>";
}

//! linkage-balance's per-county table (docs/contract.md "Rules of wave 2", 17.), in 亩.
void linkageTable(std::ostringstream &h, const std::vector<CountyLinkage> &linkage, bool zh)
{
  using rules::fixed;
  h << "<h2>" << (zh ? "增减挂钩平衡（按县）" : "Land linkage balance by county")
    << "</h2>\n<table><tr><th>" << (zh ? "县" : "County") << "</th><th>"
    << (zh ? "安置区新增建设用地（亩）" : "New construction land (mu)") << "</th><th>"
    << (zh ? "已复垦宅基地（亩）" : "Reclaimed homesteads (mu)") << "</th><th>"
    << (zh ? "节余指标（亩）" : "Balance (mu)") << "</th></tr>\n";
  for (const CountyLinkage &c : linkage) {
    const double construction = gis::EllipsoidalArea::toMu(c.constructionM2);
    const double reclaimed = gis::EllipsoidalArea::toMu(c.reclaimedM2);
    h << "<tr><td>" << escape(c.county) << "</td><td class=\"num\">" << fixed(construction, 2)
      << "</td><td class=\"num\">" << fixed(reclaimed, 2) << "</td><td class=\"num\">"
      << fixed(reclaimed - construction, 2) << "</td></tr>\n";
  }
  h << "</table>\n";
}

std::string layerName(const std::string &layer, bool zh)
{
  return zh ? rules::layerNameZh(layer) : layer;
}

} // namespace

std::string toHtmlReport(const CheckResult &result, const std::string &projectName,
                         const std::string &lang)
{
  const bool zh = lang != "en";
  const Words &w = zh ? kZh : kEn;
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"" << (lang == "en" ? "en" : "zh-CN")
    << "\"><head><meta charset=\"utf-8\"><title>" << w.title << "</title>\n<style>"
    << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}"
    << "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;"
    << "text-align:left;vertical-align:top}th{background:#eee}.error{color:#b00020;font-weight:"
    << "bold}.warning{color:#b36b00;font-weight:bold}.num{text-align:right}</style></head><body>\n";
  h << "<h1>" << w.title << "</h1>\n<p>" << w.project << ": " << escape(projectName) << "<br>"
    << w.crs << ": " << escape(result.workingCrs) << "<br>" << w.errors << ": "
    << result.errorCount() << " · " << w.warnings << ": "
    << result.violations.size() - result.errorCount() << "</p>\n";

  h << "<h2>" << w.byRule << "</h2>\n<table><tr><th>" << w.rule << "</th><th>" << w.clause
    << "</th><th>" << w.severity << "</th><th>" << w.status << "</th><th>" << w.checked
    << "</th><th>" << w.violations << "</th><th>" << w.seconds << "</th></tr>\n";
  for (const RuleOutcome &r : result.rules) {
    h << "<tr><td>" << ruleName(r.id, zh) << "</td><td>" << escape(r.clause) << "</td><td class=\""
      << severityName(r.severity) << "\">" << (r.severity == Severity::Error ? w.error : w.warning)
      << "</td><td>"
      << (r.skipped ? std::string(w.skipped) + (zh ? "：" : ": ") +
                          escape(zh ? skipReasonZh(r.reason) : r.reason)
                    : w.checkedStatus)
      << "</td><td class=\"num\">" << r.checked << "</td><td class=\"num\">" << r.violations
      << "</td><td class=\"num\">" << rules::fixed(r.seconds, 3) << "</td></tr>\n";
  }
  h << "</table>\n";

  std::map<std::string, std::pair<int, int>> byTownship;
  for (const Violation &v : result.violations) {
    auto &counts = byTownship[v.township.value_or(w.unassigned)];
    (v.severity == Severity::Error ? counts.first : counts.second)++;
  }
  h << "<h2>" << w.byTownship << "</h2>\n<table><tr><th>" << w.township << "</th><th>" << w.errors
    << "</th><th>" << w.warnings << "</th></tr>\n";
  for (const auto &[township, counts] : byTownship)
    h << "<tr><td>" << escape(township) << "</td><td class=\"num\">" << counts.first
      << "</td><td class=\"num\">" << counts.second << "</td></tr>\n";
  h << "</table>\n";

  if (!result.linkage.empty())
    linkageTable(h, result.linkage, zh);

  h << "<h2>" << w.list << "</h2>\n";
  if (result.violations.empty()) {
    h << "<p>" << w.noViolations << "</p>\n";
  } else {
    h << "<table><tr><th>#</th><th>" << w.rule << "</th><th>" << w.clause << "</th><th>"
      << w.severity << "</th><th>" << w.feature << "</th><th>" << w.township << "</th><th>"
      << w.measure << "</th><th>" << w.message << "</th></tr>\n";
    std::size_t n = 0;
    for (const Violation &v : result.violations) {
      h << "<tr><td class=\"num\">" << ++n << "</td><td>" << ruleName(v.rule, zh) << "</td><td>"
        << escape(v.clause) << "</td><td class=\"" << severityName(v.severity) << "\">"
        << (v.severity == Severity::Error ? w.error : w.warning) << "</td><td>"
        << escape(layerName(v.feature.layer, zh)) << " " << escape(v.feature.code.value_or(""))
        << " <small>fid " << v.feature.fid << "</small></td><td>" << escape(v.township.value_or(""))
        << "</td><td>" << escape(measure(v, zh)) << "</td><td>" << escape(v.message(lang))
        << "</td></tr>\n";
    }
    h << "</table>\n";
  }
  h << "</body></html>\n";
  return h.str();
}

} // namespace anzhi::core
