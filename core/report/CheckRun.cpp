#include "core/report/CheckRun.h"

#include "core/report/OutputGuard.h"

#include <algorithm>
#include <stdexcept>

namespace anzhi::core {

namespace {

RuleSet loadRules(const CheckOptions &options)
{
  RuleSet rules = options.rulesFile ? RuleSet::fromFile(*options.rulesFile) : RuleSet::defaults();
  if (options.warn && std::none_of(rules.rules.begin(), rules.rules.end(),
                                   [](const auto &rule) { return rule.second.enabled; }))
    options.warn(rules.source + " disables every rule: nothing is checked");
  return rules;
}

std::optional<gis::Crs> workingCrsOf(const CheckOptions &options)
{
  if (!options.workingCrs)
    return std::nullopt;
  gis::Crs crs = gis::Crs::fromUserInput(*options.workingCrs);
  if (!crs.isProjected())
    throw std::runtime_error("--crs " + *options.workingCrs +
                             ": the working CRS must be projected (metres)");
  return crs;
}

} // namespace

CheckRun runCheck(const CheckOptions &options, const Progress *progress)
{
  const std::pair<const std::optional<std::string> &, ReportFormat> outputs[] = {
      {options.json, ReportFormat::Json},
      {options.html, ReportFormat::Html},
      {options.csv, ReportFormat::Csv},
      {options.violations, ReportFormat::ViolationLayer}};
  // Before anything is read: a report written over the project would replace it.
  for (const auto &[path, format] : outputs)
    if (path)
      refuseOutputOverProject(*path, options.project);
  const RuleSet rules = loadRules(options);
  CheckRun run;
  run.report.projectName = options.project;
  run.report.lang = options.lang;
  run.report.workingCrs = workingCrsOf(options);
  LoadOptions load;
  load.landUse = rules.landUse;
  load.workingCrs = run.report.workingCrs;
  load.dem = options.dem;
  run.project = Project::load(options.project, load, progress);
  {
    CheckResult full = Engine(rules).check(*run.project, progress);
    ExceptionSplit split = splitExceptions(full, loadExceptions(options.project));
    // The split holds the violations now: freed here, no more than two copies of a national
    // check's violations are alive at a time.
    full.violations = {};
    run.report.open = withoutExcepted(full, split);
    run.report.excepted = std::move(split.excepted);
  }
  for (const auto &[path, format] : outputs)
    if (path)
      writeReport(run.report, format, *path);
  return run;
}

} // namespace anzhi::core
