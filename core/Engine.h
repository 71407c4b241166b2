#pragma once

#include "core/Project.h"
#include "core/Rule.h"
#include "core/RuleSet.h"
#include "core/Violation.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

struct RuleOutcome
{
  std::string id;
  std::string clause;
  Severity severity = Severity::Error;
  bool skipped = false;
  std::string reason;         //!< why it was skipped
  std::int64_t checked = 0;   //!< features of its primary layer examined
  std::int64_t unchecked = 0; //!< features of its primary layer it could not judge
  std::size_t violations = 0;
  double seconds = 0;
};

//! The result of one check: every rule's outcome and every violation, in rule order, then
//! layer and fid order.
struct CheckResult
{
  std::string project;
  std::string workingCrs;
  std::vector<RuleOutcome> rules;
  std::vector<Violation> violations;
  //! Per county, by name: empty unless linkage-balance ran.
  std::vector<CountyLinkage> linkage;
  double loadSeconds = 0;
  double checkSeconds = 0;
  std::size_t errorCount() const;
};

//! Runs a rule set over a loaded Project, independent rules in parallel on a small thread
//! pool. A rule's exception becomes an error for the whole check (never a silent drop);
//! cancellation through Progress throws Cancelled. Thread: check() may be called from any
//! thread; it only reads the Project.
class Engine
{
public:
  explicit Engine(RuleSet rules, int threads = 0);

  CheckResult check(const Project &project, const Progress *progress = nullptr) const;
  //! Violations of the enabled rules among the features whose envelope meets `scope`: the
  //! live re-check of an edited neighbourhood, against the already loaded and indexed project.
  //! `onlyRules`, when not empty, limits the re-check to those rule ids (the rules that read
  //! the edited layer).
  std::vector<Violation> checkScope(const Project &project, const gis::Envelope &scope,
                                    const std::vector<std::string> &onlyRules = {}) const;

  const RuleSet &rules() const { return m_rules; }

private:
  RuleSet m_rules;
  int m_threads;
  const std::vector<std::unique_ptr<const Rule>> &m_all; //!< registeredRules()
};

//! Loads the project and checks it: what anzhi-cli check and the app's 检查 run.
CheckResult checkProject(const std::string &path, const RuleSet &rules,
                         const std::optional<gis::Crs> &workingCrs = std::nullopt,
                         const Progress *progress = nullptr);

} // namespace anzhi::core
