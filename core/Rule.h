#pragma once

#include "core/Project.h"
#include "core/RuleSet.h"
#include "core/Violation.h"
#include "gis/EllipsoidalArea.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

//! What a rule sees while it runs: the loaded project, the rule set, progress, and an
//! optional scope. Thread: a context is used by one rule on one thread.
class RuleContext
{
public:
  RuleContext(const Project &project, const RuleSet &rules, const Progress *progress,
              std::optional<gis::Envelope> scope)
      : project(project)
      , rules(rules)
      , progress(progress)
      , scope(std::move(scope))
  {
  }

  const Project &project;
  const RuleSet &rules;
  const Progress *progress;
  //! When set, only features whose envelope meets it are examined as the rule's primary
  //! features: the re-check of an edited neighbourhood.
  std::optional<gis::Envelope> scope;

  bool inScope(const FeatureBase &f) const { return !scope || f.envelope.intersects(*scope); }
  //! Ellipsoidal area in m² in the working CRS (this thread's calculator).
  double areaM2(const GEOSGeometry *g) const
  {
    return gis::EllipsoidalArea::forThread(project.workingCrs).squareMetres(g);
  }
  void pollCancel(std::size_t i) const
  {
    if ((i & 0x3FF) == 0)
      throwIfCancelled(progress);
  }
};

struct RuleRun
{
  std::int64_t checked = 0;
  std::vector<Violation> violations;
};

//! One rule of the policy: an id, the layers it needs, and run(). Rules hold no state and
//! may run concurrently with each other on the same Project.
class Rule
{
public:
  virtual ~Rule() = default;
  virtual std::string id() const = 0;
  //! Layers without which the rule is skipped.
  virtual std::vector<std::string> requiredLayers() const = 0;
  virtual RuleRun run(const RuleContext &ctx) const = 0;
};

//! Every rule of domain.md, in report order.
std::vector<std::unique_ptr<Rule>> makeAllRules();

} // namespace anzhi::core
