#include "app/cli/Commands.h"

#include "core/Glossary.h"
#include "core/RuleRegistry.h"
#include "core/Schema.h"
#include "core/report/CheckRun.h"
#include "data/generator/SampleCounty.h"
#include "gis/EllipsoidalArea.h"
#include "gis/GisError.h"
#include "gis/TextEncoding.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

namespace anzhi::cli {

namespace {

const char *kindName(gis::GeometryKind kind)
{
  switch (kind) {
  case gis::GeometryKind::None:
    return "none";
  case gis::GeometryKind::Point:
    return "point";
  case gis::GeometryKind::Line:
    return "line";
  case gis::GeometryKind::Polygon:
    return "polygon";
  case gis::GeometryKind::MultiPolygon:
    return "multipolygon";
  case gis::GeometryKind::Any:
    return "geometry";
  }
  return "?";
}

//! A rule as the summary names it: by its Chinese name in zh (a planner reads no ids), by its
//! id in en (what the rule set and scripts use).
std::string ruleLabel(const std::string &id, bool en)
{
  const core::Rule *rule = core::findRule(id);
  return en || !rule ? id : rule->descriptor().nameZh;
}

//! The readable summary of a check on stdout, when no report for reading or scripts was asked
//! for: every rule's outcome, the first violations, the counts.
void printSummary(const core::Report &report)
{
  const core::CheckResult &result = report.open;
  bool en = report.lang == "en";
  std::cout << (en ? "Project: " : "项目：") << gis::printable(report.projectName) << "\n"
            << (en ? "Working CRS: " : "工作坐标系：") << result.workingCrs << "\n\n";
  for (const core::RuleOutcome &r : result.rules) {
    std::cout << pad(ruleLabel(r.id, en), 30) << pad(r.clause, 16);
    if (r.skipped)
      std::cout << (en ? "skipped: " : "已跳过：")
                << gis::printable(en ? r.reason : core::skipReasonZh(r.reason)) << "\n";
    else
      std::cout << std::setw(7) << r.violations << (en ? " violation(s) in " : " 处违规，检查 ")
                << r.checked << (en ? " features" : " 个要素") << "\n";
  }
  std::cout << "\n";
  // linkage-balance's per-county table: the 节余指标 is what the bureau reports upwards.
  for (const core::CountyLinkage &c : result.linkage) {
    const double construction = gis::EllipsoidalArea::toMu(c.constructionM2);
    const double reclaimed = gis::EllipsoidalArea::toMu(c.reclaimedM2);
    std::ostringstream line;
    line << std::fixed << std::setprecision(2) << (en ? "Land linkage, " : "增减挂钩 ")
         << gis::printable(c.county) << (en ? ": new construction " : "：新增建设用地 ")
         << construction << (en ? " mu, reclaimed " : " 亩，已复垦 ") << reclaimed
         << (en ? " mu, balance " : " 亩，节余指标 ") << reclaimed - construction
         << (en ? " mu\n" : " 亩\n");
    std::cout << line.str();
  }
  if (!result.linkage.empty())
    std::cout << "\n";
  const std::size_t shown = 200;
  for (std::size_t i = 0; i < result.violations.size() && i < shown; ++i) {
    const core::Violation &v = result.violations[i];
    std::cout << (v.severity == core::Severity::Error ? (en ? "[error] " : "【错误】")
                                                      : (en ? "[warning] " : "【警告】"))
              << ruleLabel(v.rule, en) << (en ? ": " : "：")
              << gis::printable(v.message(report.lang)) << "\n";
  }
  if (result.violations.size() > shown)
    std::cout << "… " << result.violations.size() - shown
              << (en ? " more (use --json or --html for all)\n"
                     : " 处未列出（用 --json 或 --html 输出全部）\n");
  std::cout << "\n"
            << (en ? "Errors: " : "错误：") << result.errorCount()
            << (en ? ", warnings: " : "，警告：") << result.violations.size() - result.errorCount();
  if (!report.excepted.empty())
    std::cout << (en ? ", accepted exceptions: " : "，例外：") << report.excepted.size();
  std::cout << "\n";
}

} // namespace

int runInfo(const std::string &project)
{
  try {
    gis::VectorDataset dataset = gis::VectorDataset::open(project);
    std::cout << "项目 Project: " << gis::printable(project) << "\n";
    try {
      gis::Crs working = core::chooseWorkingCrs(dataset);
      std::cout << "工作坐标系 Working CRS: " << working.authId() << " (" << working.name()
                << ")\n";
    } catch (const std::exception &e) {
      std::cout << "工作坐标系 Working CRS: 无法确定 cannot be chosen: " << gis::printable(e.what())
                << "\n";
    }
    std::cout << "\n"
              << pad("图层 layer", 24) << pad("角色 role", 38) << pad("几何 geometry", 15)
              << pad("坐标系 CRS", 14) << "要素数 features\n";
    for (const std::string &name : dataset.layerNames()) {
      gis::VectorLayer layer = dataset.layer(name);
      const core::LayerSchema *role = core::findLayerSchema(name);
      std::string roleText =
          role ? role->nameZh + " " + role->nameEn : "（非标准图层 not a canonical layer）";
      std::string crsText = "无 none";
      if (layer.geometryKind() != gis::GeometryKind::None) {
        try {
          if (auto crs = layer.crs())
            crsText = crs->authId();
        } catch (const gis::GisError &) {
          crsText = "无法识别 unknown";
        }
      } else {
        crsText = "—";
      }
      // A table name is the file's text: shown, never interpreted by the terminal.
      std::cout << pad(gis::printable(name), 24) << pad(roleText, 38)
                << pad(kindName(layer.geometryKind()), 15) << pad(crsText, 14)
                << layer.featureCount() << "\n";
    }
    std::string missing;
    for (const std::string &name : core::Project::canonicalLayers())
      if (!dataset.hasLayer(name))
        missing += " " + name + (core::findLayerSchema(name)->optional ? "（可选 optional）" : "");
    if (!missing.empty())
      std::cout << "\n缺少的图层 Missing layers:" << missing << "\n";
    return kOk;
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
}

int runSample(const std::string &out, std::uint64_t seed, int sites, bool force)
{
  try {
    std::error_code ec;
    if (std::filesystem::exists(out, ec)) {
      if (!force)
        return cannotRun(out + ": file exists (use --force to replace it)");
      std::filesystem::remove(out, ec);
    }
    auto start = std::chrono::steady_clock::now();
    sample::SampleSummary summary = sample::writeSampleCounty(out, {seed, sites});
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "样例项目 Sample project: " << out << " (seed " << seed << ", " << sites
              << " sites, " << std::fixed << std::setprecision(1) << seconds << " s)\n";
    for (const auto &[layer, count] : summary.layerCounts)
      std::cout << "  " << pad(layer, 24) << count << "\n";
    std::cout << "  预置违规 planted violations: " << summary.planted.size() << "\n";
    return kOk;
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
}

int runCheck(core::CheckOptions options)
{
  options.warn = [](const std::string &warning) {
    std::cerr << "anzhi-cli: warning: " << warning << "\n";
  };
  core::CheckRun run;
  try {
    run = core::runCheck(options);
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
  // The process ends after the summary: freeing millions of geometries one by one would only
  // cost time, so the snapshot is left to the operating system.
  new std::shared_ptr<const core::Project>(std::move(run.project));
  const core::CheckResult &result = run.report.open;
  if (!options.json && !options.html)
    printSummary(run.report);
  return result.errorCount() > 0 ? kViolations : kOk;
}

int cannotRun(const std::string &message)
{
  // The message quotes data (codes, names, paths): a newline or ESC in it must not forge a line.
  std::cerr << "anzhi-cli: " << gis::printable(message) << "\n";
  return kCannotRun;
}

std::size_t displayColumns(const std::string &text)
{
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    columns += len >= 3 ? 2 : 1;
    i += len;
  }
  return columns;
}

std::string pad(const std::string &text, std::size_t width)
{
  const std::size_t columns = displayColumns(text);
  return text + std::string(columns < width ? width - columns : 1, ' ');
}

} // namespace anzhi::cli
