#include "app/cli/Commands.h"

#include "core/Engine.h"
#include "core/Exceptions.h"
#include "core/Schema.h"
#include "core/report/HtmlReport.h"
#include "core/report/JsonReport.h"
#include "core/report/OutputFile.h"
#include "core/report/ViolationLayer.h"
#include "data/generator/SampleCounty.h"
#include "gis/GisError.h"
#include "gis/TextEncoding.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>

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

//! Pads to a display width, counting a CJK character as two columns.
std::string pad(const std::string &text, std::size_t width)
{
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    columns += len >= 3 ? 2 : 1;
    i += len;
  }
  return text + std::string(columns < width ? width - columns : 1, ' ');
}

int cannotRun(const std::string &message)
{
  // The message quotes data (codes, names, paths): a newline or ESC in it must not forge a line.
  std::cerr << "anzhi-cli: " << gis::printable(message) << "\n";
  return kCannotRun;
}

} // namespace

int runInfo(const std::string &project)
{
  try {
    gis::VectorDataset dataset = gis::VectorDataset::open(project);
    std::cout << "项目 Project: " << project << "\n";
    try {
      gis::Crs working = core::chooseWorkingCrs(dataset);
      std::cout << "工作坐标系 Working CRS: " << working.authId() << " (" << working.name()
                << ")\n";
    } catch (const std::exception &e) {
      std::cout << "工作坐标系 Working CRS: 无法确定 cannot be chosen: " << e.what() << "\n";
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
      std::cout << pad(name, 24) << pad(roleText, 38) << pad(kindName(layer.geometryKind()), 15)
                << pad(crsText, 14) << layer.featureCount() << "\n";
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

int runCheck(const CheckArgs &args)
{
  core::CheckResult result;
  core::ExceptionSplit split;
  std::optional<gis::Crs> crs;
  try {
    // Before anything is read: a report written over the project would replace it.
    for (const auto *out : {&args.json, &args.html, &args.violations})
      if (*out)
        core::refuseOutputOverProject(**out, args.project);
    core::RuleSet rules =
        args.rules ? core::RuleSet::fromFile(*args.rules) : core::RuleSet::defaults();
    if (std::none_of(rules.rules.begin(), rules.rules.end(),
                     [](const auto &rule) { return rule.second.enabled; }))
      std::cerr << "anzhi-cli: warning: " << rules.source
                << " disables every rule: nothing is checked\n";
    if (args.crs) {
      crs = gis::Crs::fromUserInput(*args.crs);
      if (!crs->isProjected())
        return cannotRun("--crs " + *args.crs + ": the working CRS must be projected (metres)");
    }
    core::LoadOptions options;
    options.landUse = rules.landUse;
    options.workingCrs = crs;
    std::shared_ptr<const core::Project> project = core::Project::load(args.project, options);
    core::CheckResult full = core::Engine(rules).check(*project);
    // The process ends after the reports: freeing millions of geometries one by one would
    // only cost time, so the snapshot is left to the operating system.
    new std::shared_ptr<const core::Project>(project);
    // Accepted exceptions (例外) stored in the project: listed apart, not counted as errors.
    split = core::splitExceptions(full, core::loadExceptions(args.project));
    result = core::withoutExcepted(full, split);
    if (!crs)
      crs = gis::Crs::fromUserInput(result.workingCrs);
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
  std::string name = args.project;
  try {
    if (args.json) {
      nlohmann::ordered_json report = core::toJsonReport(result, name, args.lang);
      nlohmann::ordered_json exceptions = nlohmann::ordered_json::array();
      for (const auto &[v, e] : split.excepted) {
        nlohmann::ordered_json item = core::toJson(v, args.lang);
        item["exception"] = {{"reason", e.reason},
                             {"approval_no", e.approvalNo},
                             {"created_by", e.createdBy},
                             {"created_at", e.createdAt}};
        exceptions.push_back(std::move(item));
      }
      report["exceptions"] = std::move(exceptions);
      core::writeFileAtomically(*args.json, report.dump(2) + "\n");
    }
    if (args.html)
      core::writeFileAtomically(*args.html, core::toHtmlReport(result, name, args.lang));
    if (args.violations)
      core::writeViolationLayer(*args.violations, result, *crs, args.lang);
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
  if (!args.json && !args.html) {
    bool en = args.lang == "en";
    std::cout << (en ? "Project: " : "项目：") << gis::printable(name) << "\n"
              << (en ? "Working CRS: " : "工作坐标系：") << result.workingCrs << "\n\n";
    for (const core::RuleOutcome &r : result.rules) {
      std::cout << pad(r.id, 24) << pad(r.clause, 16);
      if (r.skipped)
        std::cout << (en ? "skipped: " : "已跳过：") << gis::printable(r.reason) << "\n";
      else
        std::cout << std::setw(7) << r.violations << (en ? " violation(s) in " : " 处违规，检查 ")
                  << r.checked << (en ? " features" : " 个要素") << "\n";
    }
    std::cout << "\n";
    const std::size_t shown = 200;
    for (std::size_t i = 0; i < result.violations.size() && i < shown; ++i) {
      const core::Violation &v = result.violations[i];
      std::cout << (v.severity == core::Severity::Error ? (en ? "[error] " : "【错误】")
                                                        : (en ? "[warning] " : "【警告】"))
                << v.rule << ": " << gis::printable(v.message(args.lang)) << "\n";
    }
    if (result.violations.size() > shown)
      std::cout << "… " << result.violations.size() - shown
                << (en ? " more (use --json or --html for all)\n"
                       : " 处未列出（用 --json 或 --html 输出全部）\n");
    std::cout << "\n"
              << (en ? "Errors: " : "错误：") << result.errorCount()
              << (en ? ", warnings: " : "，警告：")
              << result.violations.size() - result.errorCount();
    if (!split.excepted.empty())
      std::cout << (en ? ", accepted exceptions: " : "，例外：") << split.excepted.size();
    std::cout << "\n";
  }
  return result.errorCount() > 0 ? kViolations : kOk;
}

} // namespace anzhi::cli
