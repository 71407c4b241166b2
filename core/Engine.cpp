#include "core/Engine.h"

#include "core/Parallel.h"
#include "core/RuleRegistry.h"
#include "core/Township.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace anzhi::core {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
  return std::chrono::duration<double>(Clock::now() - start).count();
}

//! Report order: by layer, then fid, then level and the other feature.
void sortViolations(std::vector<Violation> &violations)
{
  std::stable_sort(violations.begin(), violations.end(),
                   [](const Violation &a, const Violation &b) {
                     auto key = [](const Violation &v) {
                       return std::make_tuple(v.feature.layer, v.feature.fid, v.level.value_or(""),
                                              v.other ? v.other->layer : std::string(),
                                              v.other ? v.other->fid : std::int64_t(-1));
                     };
                     return key(a) < key(b);
                   });
}

//! Why the rule is skipped on this project, in the report's words; nullopt when it runs.
std::optional<std::string> skipReason(const Project &project, const Rule &rule,
                                      const RuleSet &rules)
{
  const RuleConfig &config = rules.config(rule.id());
  if (!config.enabled)
    return "disabled in the rule set";
  std::string missing;
  for (const std::string &layer : rule.descriptor().requiredLayers)
    if (!project.hasLayer(layer))
      missing += (missing.empty() ? "" : ", ") + layer;
  if (!missing.empty())
    return "missing layer: " + missing;
  if (rule.descriptor().needsDem && !project.terrain)
    return kNoDemReason;
  return rule.skipReason(project, rules);
}

} // namespace

std::size_t CheckResult::errorCount() const
{
  return core::errorCount(violations);
}

Engine::Engine(RuleSet rules, int threads)
    : m_rules(std::move(rules))
    , m_threads(threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency())))
    , m_all(registeredRules())
{
}

CheckResult Engine::check(const Project &project, const Progress *progress) const
{
  auto start = Clock::now();
  CheckResult result;
  result.project = project.path;
  result.workingCrs = project.workingCrs.authId();
  std::vector<std::vector<Violation>> found(m_all.size());
  result.rules.resize(m_all.size());
  std::vector<std::size_t> toRun;
  for (std::size_t i = 0; i < m_all.size(); ++i) {
    const Rule &rule = *m_all[i];
    const RuleConfig &config = m_rules.config(rule.id());
    RuleOutcome &outcome = result.rules[i];
    outcome.id = rule.id();
    outcome.clause = config.clause;
    outcome.severity = config.severity;
    if (std::optional<std::string> reason = skipReason(project, rule, m_rules)) {
      outcome.skipped = true;
      outcome.reason = std::move(*reason);
    } else {
      toRun.push_back(i);
    }
  }
  std::atomic<std::size_t> done{0};
  parallelFor(toRun.size(), m_threads, [&](std::size_t k) {
    const std::size_t i = toRun[k];
    const auto ruleStart = Clock::now();
    throwIfCancelled(progress);
    RuleContext ctx(project, m_rules, m_rules.config(m_all[i]->id()), progress, std::nullopt);
    RuleRun run = m_all[i]->run(ctx);
    result.rules[i].checked = run.checked;
    result.rules[i].unchecked = run.unchecked;
    result.rules[i].violations = run.violations.size();
    found[i] = std::move(run.violations);
    if (!run.linkage.empty()) // one rule only fills it: no other thread writes it
      result.linkage = std::move(run.linkage);
    result.rules[i].seconds = secondsSince(ruleStart);
    if (progress)
      progress->report(m_all[i]->id(), double(++done) / double(toRun.size()));
  });
  for (auto &list : found) {
    sortViolations(list);
    for (auto &v : list)
      result.violations.push_back(std::move(v));
  }
  TownshipAttribution(project).attribute(result.violations, m_threads);
  result.checkSeconds = secondsSince(start);
  return result;
}

std::vector<Violation> Engine::checkScope(const Project &project, const gis::Envelope &scope,
                                          const std::vector<std::string> &onlyRules) const
{
  std::vector<Violation> violations;
  for (const auto &rule : m_all) {
    const RuleConfig &config = m_rules.config(rule->id());
    if (skipReason(project, *rule, m_rules))
      continue;
    if (!onlyRules.empty() &&
        std::find(onlyRules.begin(), onlyRules.end(), rule->id()) == onlyRules.end())
      continue;
    RuleContext ctx(project, m_rules, config, nullptr, scope);
    RuleRun run = rule->run(ctx);
    sortViolations(run.violations);
    for (auto &v : run.violations)
      violations.push_back(std::move(v));
  }
  TownshipAttribution(project).attribute(violations, 1);
  return violations;
}

CheckResult checkProject(const std::string &path, const RuleSet &rules,
                         const std::optional<gis::Crs> &workingCrs, const Progress *progress)
{
  auto start = Clock::now();
  LoadOptions options;
  options.landUse = rules.landUse;
  options.workingCrs = workingCrs;
  std::shared_ptr<const Project> project = Project::load(path, options, progress);
  double loadSeconds = secondsSince(start);
  CheckResult result = Engine(rules).check(*project, progress);
  result.loadSeconds = loadSeconds;
  return result;
}

} // namespace anzhi::core
