#include "app/cli/SchoolsCommand.h"

#include "app/cli/Commands.h"
#include "core/education/SchoolSiting.h"
#include "core/education/SeatPlan.h"
#include "core/report/AtomicFile.h"
#include "core/report/CsvRecord.h"
#include "core/report/OutputGuard.h"
#include "gis/TextEncoding.h"
#include "gis/Vector.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

namespace anzhi::cli {

namespace {

using core::education::SchoolLevel;

std::shared_ptr<const core::Project> loadProject(const std::string &path,
                                                 const core::RuleSet &rules)
{
  core::LoadOptions options;
  options.landUse = rules.landUse;
  return core::Project::load(path, options);
}

core::RuleSet ruleSetOf(const std::optional<std::string> &file)
{
  return file ? core::RuleSet::fromFile(*file) : core::RuleSet::defaults();
}

SchoolLevel levelOf(const std::string &name)
{
  return name == "primary" ? SchoolLevel::Primary : SchoolLevel::Junior;
}

std::string siteCode(const core::Project &p, std::size_t site)
{
  return p.sites.features[site].codeOrFid();
}

std::string schoolCode(const core::Project &p, std::size_t school)
{
  return p.schools.features[school].codeOrFid();
}

nlohmann::json seatsJson(const core::Project &p, const core::education::SeatPlan &plan,
                         const core::education::EducationReach &reach)
{
  nlohmann::json j;
  j["schema"] = "anzhi.school-seats/1";
  j["project"] = p.path;
  nlohmann::json levels = nlohmann::json::array();
  for (SchoolLevel level : plan.levels)
    levels.push_back(core::rules::levelName(level));
  j["levels"] = levels;
  j["cost_unit"] = reach.costUnit(plan.levels.front());
  j["pupils"] = plan.pupils();
  j["unseated"] = plan.unseated();
  j["travel"] = plan.travel;
  nlohmann::json schools = nlohmann::json::array();
  for (const core::education::SchoolSeats &s : plan.schools) {
    const core::School &school = p.schools.features[s.school];
    schools.push_back({{"code", schoolCode(p, s.school)},
                       {"name", school.name ? nlohmann::json(*school.name) : nullptr},
                       {"level", school.level ? nlohmann::json(*school.level) : nullptr},
                       {"capacity", s.capacity},
                       {"enrolled", s.enrolled},
                       {"free_seats", s.free},
                       {"assigned", s.assigned},
                       {"remaining_seats", s.remaining()}});
  }
  j["schools"] = std::move(schools);
  nlohmann::json sites = nlohmann::json::array();
  for (const core::education::SiteSeats &s : plan.sites) {
    nlohmann::json seated = nlohmann::json::array();
    for (const core::education::SeatedPupils &to : s.seated)
      seated.push_back(
          {{"school", schoolCode(p, to.school)}, {"pupils", to.pupils}, {"cost", to.cost}});
    sites.push_back({{"code", siteCode(p, s.site)},
                     {"level", core::rules::levelName(s.level)},
                     {"pupils", s.pupils},
                     {"seated", std::move(seated)},
                     {"unseated", s.unseated}});
  }
  j["sites"] = std::move(sites);
  return j;
}

//! One row per site, level and destination; the unseated pupils are a row without a school.
std::string seatsCsv(const core::Project &p, const core::education::SeatPlan &plan,
                     const std::string &unit)
{
  std::string out = "\xEF\xBB\xBF"; // Excel in a Chinese locale reads UTF-8 only with a BOM
  out += core::CsvRecord()
             .text("site_code")
             .text("level")
             .text("site_pupils")
             .text("school_code")
             .text("pupils")
             .text("cost_" + unit)
             .line();
  for (const core::education::SiteSeats &s : plan.sites) {
    for (const core::education::SeatedPupils &to : s.seated)
      out += core::CsvRecord()
                 .text(siteCode(p, s.site))
                 .text(core::rules::levelName(s.level))
                 .number(s.pupils)
                 .text(schoolCode(p, to.school))
                 .number(to.pupils)
                 .number(std::optional<double>(to.cost))
                 .line();
    if (s.unseated > 0)
      out += core::CsvRecord()
                 .text(siteCode(p, s.site))
                 .text(core::rules::levelName(s.level))
                 .number(s.pupils)
                 .text("")
                 .number(s.unseated)
                 .number(std::optional<double>())
                 .line();
  }
  return out;
}

void printSeats(const core::Project &p, const core::education::SeatPlan &plan)
{
  std::cout << "学校 School            capacity  enrolled  free  assigned  remaining\n";
  for (const core::education::SchoolSeats &s : plan.schools)
    std::cout << std::left << std::setw(22) << gis::printable(schoolCode(p, s.school)) << std::right
              << std::setw(9) << s.capacity << std::setw(10) << s.enrolled << std::setw(6) << s.free
              << std::setw(10) << s.assigned << std::setw(11) << s.remaining() << "\n";
  bool header = false;
  for (const core::education::SiteSeats &s : plan.sites) {
    if (s.unseated == 0)
      continue;
    if (!header) {
      std::cout << "\n无学位 Unseated: site, level, pupils, unseated\n";
      header = true;
    }
    std::cout << "  " << gis::printable(siteCode(p, s.site)) << "  "
              << core::rules::levelName(s.level) << "  " << s.pupils << "  " << s.unseated << "\n";
  }
  std::cout << "\n"
            << plan.pupils() - plan.unseated() << " / " << plan.pupils() << " pupils seated, "
            << plan.unseated() << " unseated\n";
}

nlohmann::json planJson(const core::Project &p, const core::education::SitingPlan &plan,
                        const std::vector<core::education::Candidate> &candidates, std::size_t k)
{
  const core::education::Selection &s = plan.selection;
  nlohmann::json j;
  j["schema"] = "anzhi.school-plan/1";
  j["project"] = p.path;
  j["level"] = core::rules::levelName(plan.level);
  j["objective"] =
      plan.objective == core::education::SitingObjective::Coverage ? "coverage" : "travel";
  j["add"] = k;
  j["candidates"] = candidates.size();
  j["method"] = s.method;
  j["proven_optimal"] = s.provenOptimal;
  j["objective_value"] = s.cost;
  j["bound"] = s.bound ? nlohmann::json(*s.bound) : nullptr;
  j["cbc_seconds"] = s.cbcSeconds;
  j["heuristic_seconds"] = s.heuristicSeconds;
  j["cost_unit"] = plan.unit;
  j["unreached_cost"] = plan.unreachedCost;
  j["pupils"] = plan.pupils;
  j["uncovered_before"] = plan.uncoveredBefore;
  j["uncovered_after"] = plan.uncoveredAfter;
  j["newly_covered"] = plan.uncoveredBefore - plan.uncoveredAfter;
  j["travel_before"] = plan.travelBefore;
  j["travel_after"] = plan.travelAfter;
  nlohmann::json added = nlohmann::json::array();
  for (const core::education::AddedSchool &a : plan.added) {
    const core::education::Candidate &c = candidates[a.candidate];
    added.push_back({{"candidate", c.label},
                     {"x", c.point.first},
                     {"y", c.point.second},
                     {"newly_covered", a.newlyCovered},
                     {"served", a.served}});
  }
  j["added"] = std::move(added);
  return j;
}

void writePlanPoints(const std::string &out, const core::Project &p,
                     const core::education::SitingPlan &plan,
                     const std::vector<core::education::Candidate> &candidates)
{
  core::OutputStaging staging(out);
  {
    gis::VectorDataset dataset = gis::VectorDataset::createGeoPackage(staging.stagedPath());
    gis::LayerWriter writer =
        dataset.createLayer("planned_schools", gis::GeometryKind::Point, p.workingCrs,
                            {{"candidate", gis::FieldType::String},
                             {"level", gis::FieldType::String},
                             {"newly_covered", gis::FieldType::Integer},
                             {"served", gis::FieldType::Integer}});
    gis::Transaction transaction(dataset);
    for (const core::education::AddedSchool &a : plan.added) {
      const core::education::Candidate &c = candidates[a.candidate];
      gis::Geometry point = gis::makePoint(c.point.first, c.point.second);
      writer.add(point.get(), {gis::FieldValue(c.label),
                               gis::FieldValue(std::string(core::rules::levelName(plan.level))),
                               gis::FieldValue(a.newlyCovered), gis::FieldValue(a.served)});
    }
    transaction.commit();
  }
  staging.commit();
}

} // namespace

std::pair<CLI::App *, CLI::App *> addSchools(CLI::App &schools, SchoolSeatsArgs &seats,
                                             SchoolPlanArgs &plan)
{
  auto *seatsCmd = schools.add_subcommand(
      "seats", "Seat every site's pupils in schools of their level within reach, within free "
               "seats, at least total travel (docs/education.md)");
  seatsCmd->add_option("PROJECT", seats.project, "Project GeoPackage")->required();
  seatsCmd->add_option("--level", seats.level, "primary, junior, or both (nine_year seats shared)")
      ->required()
      ->check(CLI::IsMember({"primary", "junior", "both"}));
  seatsCmd->add_option("--rules", seats.rules, "Rule set file (TOML)");
  seatsCmd->add_option("--json", seats.json, "Write the anzhi.school-seats/1 JSON");
  seatsCmd->add_option("--csv", seats.csv, "Write one row per site, level and school (UTF-8 BOM)");

  auto *planCmd = schools.add_subcommand(
      "plan", "Choose where to add k schools of a level: maximal coverage or least travel "
              "(docs/education.md)");
  planCmd->add_option("PROJECT", plan.project, "Project GeoPackage")->required();
  planCmd->add_option("--add", plan.add, "How many schools to add")
      ->required()
      ->check(CLI::Range(1, 100000));
  planCmd->add_option("--level", plan.level, "School level")
      ->required()
      ->check(CLI::IsMember({"primary", "junior"}));
  planCmd
      ->add_option("--objective", plan.objective,
                   "coverage (most pupils newly covered, default) or travel (p-median)")
      ->check(CLI::IsMember({"coverage", "travel"}));
  planCmd->add_option("--candidates", plan.candidates,
                      "Candidate points: a layer of the project, or FILE[:LAYER] (default: the "
                      "planned plots of the education class)");
  planCmd
      ->add_option("--method", plan.method,
                   "cbc, heuristic (Teitz–Bart), or auto: CBC within the time limit, else the "
                   "heuristic's answer (default)")
      ->check(CLI::IsMember({"cbc", "heuristic", "auto"}));
  planCmd->add_option("--time-limit", plan.seconds, "CBC's time limit in seconds (default 60)")
      ->check(CLI::Range(0.0, 86400.0));
  planCmd->add_option("--rules", plan.rules, "Rule set file (TOML)");
  planCmd->add_option("--json", plan.json, "Write the anzhi.school-plan/1 JSON");
  planCmd->add_option("--out", plan.out, "GeoPackage to write: layer planned_schools");
  return {seatsCmd, planCmd};
}

int runSchoolSeats(const SchoolSeatsArgs &args)
{
  try {
    for (const std::optional<std::string> &out : {args.json, args.csv})
      if (out)
        core::refuseOutputOverProject(*out, args.project);
    const core::RuleSet rules = ruleSetOf(args.rules);
    std::shared_ptr<const core::Project> project = loadProject(args.project, rules);
    const core::education::EducationReach reach(*project, rules);
    std::vector<SchoolLevel> levels;
    if (args.level == "both")
      levels = {SchoolLevel::Primary, SchoolLevel::Junior};
    else
      levels = {levelOf(args.level)};
    const core::education::SeatPlan plan = core::education::planSeats(reach, levels);
    if (args.json)
      core::writeFileAtomically(*args.json, seatsJson(*project, plan, reach).dump(2) + "\n");
    if (args.csv)
      core::writeFileAtomically(*args.csv,
                                seatsCsv(*project, plan, reach.costUnit(levels.front())));
    if (!args.json)
      printSeats(*project, plan);
    return plan.unseated() == 0 ? kOk : kViolations;
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
}

int runSchoolPlan(const SchoolPlanArgs &args)
{
  try {
    for (const std::optional<std::string> &out : {args.json, args.out})
      if (out)
        core::refuseOutputOverProject(*out, args.project);
    const core::RuleSet rules = ruleSetOf(args.rules);
    std::shared_ptr<const core::Project> project = loadProject(args.project, rules);
    const std::vector<core::education::Candidate> candidates =
        args.candidates ? core::education::layerCandidates(*project, *args.candidates)
                        : core::education::educationPlotCandidates(*project);
    if (candidates.empty())
      return cannotRun(args.candidates
                           ? "--candidates " + *args.candidates + ": the layer has no features"
                           : args.project +
                                 ": no candidates: no planned_plots of the education class; give "
                                 "--candidates LAYER");
    const std::size_t k = static_cast<std::size_t>(args.add);
    if (k > candidates.size())
      return cannotRun("--add " + std::to_string(k) + " exceeds the " +
                       std::to_string(candidates.size()) + " candidate locations");
    const core::education::EducationReach reach(*project, rules);
    const auto method = args.method == "cbc"         ? core::education::SelectionMethod::Cbc
                        : args.method == "heuristic" ? core::education::SelectionMethod::Heuristic
                                                     : core::education::SelectionMethod::Auto;
    const auto objective = args.objective == "travel" ? core::education::SitingObjective::Travel
                                                      : core::education::SitingObjective::Coverage;
    const core::education::SitingPlan plan = core::education::planSchools(
        reach, levelOf(args.level), candidates, k, objective, method, args.seconds);
    if (args.json)
      core::writeFileAtomically(*args.json, planJson(*project, plan, candidates, k).dump(2) + "\n");
    if (args.out)
      writePlanPoints(*args.out, *project, plan, candidates);
    std::cout << std::fixed << std::setprecision(1);
    std::cout << "新增 Adding " << k << " " << core::rules::levelName(plan.level) << " school(s) ("
              << plan.selection.method
              << (plan.selection.provenOptimal ? ", optimal" : ", not proven optimal")
              << "): uncovered pupils " << plan.uncoveredBefore << " → " << plan.uncoveredAfter
              << ", travel " << plan.travelBefore << " → " << plan.travelAfter << " pupil·"
              << plan.unit << "\n";
    for (const core::education::AddedSchool &a : plan.added)
      std::cout << "  " << gis::printable(candidates[a.candidate].label) << ": newly covered "
                << a.newlyCovered << ", serves " << a.served << "\n";
    return kOk;
  } catch (const std::exception &e) {
    return cannotRun(e.what());
  }
}

} // namespace anzhi::cli
