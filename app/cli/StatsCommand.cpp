#include "app/cli/StatsCommand.h"

#include "app/cli/Commands.h"
#include "core/report/AtomicFile.h"
#include "core/report/OutputGuard.h"
#include "core/stats/StatsColumns.h"
#include "gis/TextEncoding.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace anzhi::cli {

namespace {

std::string formatted(const core::StatsColumn &column, const core::StatsFigures &f)
{
  std::ostringstream o;
  o << std::fixed << std::setprecision(column.decimals) << column.value(f);
  return o.str();
}

//! One table per column group: a row per township, then the total.
void printTables(const core::ProjectStats &stats, const std::string &lang)
{
  const bool en = lang == "en";
  const auto &columns = core::statsColumns();
  std::vector<std::pair<std::string, const core::StatsFigures *>> rows;
  for (const core::TownshipStats &t : stats.townships)
    rows.emplace_back(gis::printable(core::townshipLabel(t, lang)), &t.figures);
  rows.emplace_back(core::totalLabel(lang), &stats.total);
  std::size_t labelWidth = displayColumns(en ? "Township" : "乡镇");
  for (const auto &row : rows)
    labelWidth = std::max(labelWidth, displayColumns(row.first));
  for (std::size_t first = 0; first < columns.size();) {
    std::size_t end = first;
    while (end < columns.size() && columns[end].groupEn == columns[first].groupEn)
      ++end;
    std::vector<std::size_t> widths;
    for (std::size_t c = first; c < end; ++c) {
      std::size_t w = displayColumns(en ? columns[c].nameEn : columns[c].nameZh);
      for (const auto &row : rows)
        w = std::max(w, formatted(columns[c], *row.second).size());
      widths.push_back(w + 2);
    }
    std::cout << (first ? "\n" : "")
              << "== " << (en ? columns[first].groupEn : columns[first].groupZh) << " ==\n"
              << pad(en ? "Township" : "乡镇", labelWidth + 2);
    for (std::size_t c = first; c < end; ++c)
      std::cout << pad(en ? columns[c].nameEn : columns[c].nameZh, widths[c - first]);
    std::cout << "\n";
    for (const auto &[label, figures] : rows) {
      std::cout << pad(label, labelWidth + 2);
      for (std::size_t c = first; c < end; ++c) {
        const std::string value = formatted(columns[c], *figures);
        std::cout << std::string(widths[c - first] - value.size() - 2, ' ') << value << "  ";
      }
      std::cout << "\n";
    }
    first = end;
  }
}

} // namespace

CLI::App *addStats(CLI::App &app, StatsArgs &args)
{
  auto *stats = app.add_subcommand(
      "stats", "Statistics per township and in total: sites, planned land, schools, rangers, "
               "homesteads (docs/statistics.md)");
  stats->add_option("PROJECT", args.project, "Project GeoPackage")->required();
  stats->add_option("--rules", args.rules,
                    "Rule set file (TOML): land-use mapping, min_overlap_m2, min_mu, pupil_rate");
  stats->add_option("--json", args.json, "Write the anzhi.stats/1 JSON document");
  stats->add_option("--lang", args.lang, "Language of the table")
      ->check(CLI::IsMember({"zh", "en"}));
  return stats;
}

int runStats(const StatsArgs &args)
{
  core::ProjectStats stats;
  std::shared_ptr<const core::Project> project;
  try {
    if (args.json)
      core::refuseOutputOverProject(*args.json, args.project);
    core::RuleSet rules =
        args.rules ? core::RuleSet::fromFile(*args.rules) : core::RuleSet::defaults();
    core::LoadOptions load;
    load.landUse = rules.landUse;
    project = core::Project::load(args.project, load);
    stats = core::computeStats(*project, rules);
    if (args.json)
      core::writeFileAtomically(
          *args.json,
          core::statsJson(stats, std::filesystem::path(args.project).filename().string(),
                          project->workingCrs.authId())
                  .dump(2) +
              "\n");
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
  printTables(stats, args.lang);
  // The process ends here: the snapshot is left to the operating system.
  new std::shared_ptr<const core::Project>(std::move(project));
  return kOk;
}

} // namespace anzhi::cli
