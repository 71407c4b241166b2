#include "app/cli/RangersCommand.h"

#include "app/cli/Commands.h"
#include "core/plan/RangerPlan.h"
#include "core/report/AtomicFile.h"
#include "core/report/OutputGuard.h"
#include "gis/TextEncoding.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iomanip>
#include <iostream>

namespace anzhi::cli {

namespace {

nlohmann::json summaryJson(const core::plan::RangerPlanResult &plan,
                           const core::plan::RangerPlanOptions &options, double seconds)
{
  nlohmann::json j;
  j["schema"] = "anzhi.ranger-plan/1";
  j["method"] = options.method == core::plan::PlanMethod::Flow ? "flow" : "greedy";
  j["feasible"] = plan.feasible;
  j["complete"] = plan.complete();
  j["min_mu"] = options.minMu;
  j["max_distance_m"] = options.maxDistanceM;
  j["max_parts"] = options.maxParts;
  j["cell_m"] = options.cellM;
  j["cells"] = plan.cells;
  j["flow_rounds"] = plan.flowRounds;
  j["seconds"] = seconds;
  for (const auto &[phase, s] : plan.seconds)
    j["seconds_by_phase"][phase] = s;
  j["rangers_total"] = plan.changes.size();
  j["rangers_satisfied"] = plan.satisfied();
  j["area_moved_mu"] = plan.movedMu();
  j["mean_distance_m"] = plan.meanDistanceM();
  j["max_distance_m_planned"] = plan.maxDistanceM();
  nlohmann::json rangers = nlohmann::json::array();
  for (const core::plan::RangerChange &c : plan.changes)
    rangers.push_back({{"ranger", c.rangerCode},
                       {"before_mu", c.beforeMu},
                       {"after_mu", c.afterMu},
                       {"moved_mu", c.movedMu},
                       {"distance_m", c.distanceM},
                       {"parts", c.parts},
                       {"satisfied", c.satisfied}});
  j["rangers"] = std::move(rangers);
  nlohmann::json leftOut = nlohmann::json::array();
  for (const core::plan::LeftOutRanger &l : plan.leftOut)
    leftOut.push_back({{"ranger", l.label}, {"reason", l.reason}});
  j["left_out"] = std::move(leftOut);
  if (plan.feasible)
    j["hall_set"] = nullptr;
  else
    j["hall_set"] = {{"rangers", plan.hallSet},
                     {"demand_mu", plan.hallDemandMu},
                     {"supply_mu", plan.hallSupplyMu}};
  return j;
}

} // namespace

CLI::App *addRangersPlan(CLI::App &rangers, RangersPlanArgs &args)
{
  auto *plan = rangers.add_subcommand(
      "plan", "Plan ranger responsibility plots: every ranger ≥ min_mu within max_distance_m of "
              "home (三（十）), or the smallest set found of rangers whose demand exceeds the "
              "forest they can reach");
  plan->add_option("PROJECT", args.project, "Project GeoPackage")->required();
  plan->add_option(
      "--rules", args.rules,
      "Rule set file (TOML): min_mu, max_distance_m, min_overlap_m2 and [plan.rangers]");
  plan->add_option("--township", args.township,
                   "Plan only the rangers whose site (site_code) lies in this township");
  plan->add_option("--out", args.out, "GeoPackage to write: ranger_plots, changes (hall_set)")
      ->required();
  plan->add_option("--json", args.json, "Write the anzhi.ranger-plan/1 JSON summary");
  plan->add_option("--cell-m", args.cellM, "Grid cell size in metres (overrides [plan.rangers])")
      ->check(CLI::Range(1.0, 100000.0));
  plan->add_option("--max-parts", args.maxParts,
                   "Connected parts per ranger (overrides [plan.rangers])")
      ->check(CLI::Range(1, 1000));
  plan->add_option("--method", args.method, "flow (default) or greedy (the baseline)")
      ->check(CLI::IsMember({"flow", "greedy"}));
  plan->add_option("--threads", args.threads, "Threads (0: one per core)");
  return plan;
}

int runRangersPlan(const RangersPlanArgs &args)
{
  const auto start = std::chrono::steady_clock::now();
  core::plan::RangerPlanOptions options;
  core::plan::RangerPlanResult plan;
  std::shared_ptr<const core::Project> project;
  try {
    core::refuseOutputOverProject(args.out, args.project);
    if (args.json)
      core::refuseOutputOverProject(*args.json, args.project);
    core::RuleSet rules =
        args.rules ? core::RuleSet::fromFile(*args.rules) : core::RuleSet::defaults();
    options = core::plan::RangerPlanOptions::fromRules(rules);
    if (args.cellM)
      options.cellM = *args.cellM;
    if (args.maxParts)
      options.maxParts = *args.maxParts;
    options.township = args.township;
    options.method =
        args.method == "greedy" ? core::plan::PlanMethod::Greedy : core::plan::PlanMethod::Flow;
    options.threads = args.threads;
    core::LoadOptions load;
    load.landUse = rules.landUse;
    load.threads = args.threads;
    project = core::Project::load(args.project, load);
    plan = core::plan::planRangers(*project, options);
    core::plan::writeRangerPlan(args.out, plan, project->workingCrs);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (args.json)
      core::writeFileAtomically(*args.json, summaryJson(plan, options, seconds).dump(2) + "\n");
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
  std::cout << std::fixed << std::setprecision(1);
  if (!plan.feasible) {
    std::cout << "无可行方案 No plan exists: " << plan.hallSet.size() << " ranger(s) need "
              << plan.hallDemandMu << " mu but can reach only " << plan.hallSupplyMu
              << " mu of forest:";
    for (const std::string &code : plan.hallSet)
      std::cout << " " << gis::printable(code);
    std::cout << "\n";
  } else {
    std::cout << "护林员 Rangers satisfied: " << plan.satisfied() << " / " << plan.changes.size()
              << ", area moved " << plan.movedMu() << " mu, distance mean " << plan.meanDistanceM()
              << " m, max " << plan.maxDistanceM() << " m, " << plan.cells << " cells\n";
  }
  for (const core::plan::LeftOutRanger &l : plan.leftOut)
    std::cerr << "anzhi-cli: ranger " << gis::printable(l.label) << " left out: " << l.reason
              << "\n";
  // The process ends here: the snapshot is left to the operating system.
  new std::shared_ptr<const core::Project>(std::move(project));
  return plan.complete() ? kOk : kViolations;
}

} // namespace anzhi::cli
