#pragma once

#include "core/CountyLinkage.h"
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
  RuleContext(const Project &project, const RuleSet &rules, const RuleConfig &config,
              const Progress *progress, std::optional<gis::Envelope> scope)
      : project(project)
      , rules(rules)
      , config(config)
      , progress(progress)
      , scope(std::move(scope))
  {
  }

  const Project &project;
  const RuleSet &rules;
  const RuleConfig &config; //!< the running rule's
  const Progress *progress;
  //! When set, only features whose envelope meets it are examined as the rule's primary
  //! features: the re-check of an edited neighbourhood.
  std::optional<gis::Envelope> scope;

  //! The running rule's parameters (P: its parameter struct).
  template<typename P> const P &parameters() const
  {
    return dynamic_cast<const P &>(*config.parameters);
  }
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
  //! Features of the primary layer the rule could not judge (no data under them), not in
  //! `checked`.
  std::int64_t unchecked = 0;
  std::vector<Violation> violations;
  //! linkage-balance's per-county table, which the reports list whether or not it fires.
  std::vector<CountyLinkage> linkage;
};

//! What a rule says of itself: everything but its parameters and its check.
struct RuleDescriptor
{
  std::string id;
  std::string clause;                  //!< the policy clause it checks, by default
  Severity severity = Severity::Error; //!< by default
  std::string nameZh, nameEn;
  //! Layers without which the rule is skipped ("missing layer: …").
  std::vector<std::string> requiredLayers;
  //! Every layer whose features the rule reads: an edit of one of them re-runs it in the live
  //! check, and the live check's neighbourhood holds them.
  std::vector<std::string> layersRead;
  //! The result depends on every feature of a county, not on a neighbourhood (a balance of
  //! totals): the live check cannot judge an edit by its surroundings and leaves the rule to
  //! the full check.
  bool countyWide = false;
  //! Skipped (kNoDemReason) when the project has no DEM (Project::terrain).
  bool needsDem = false;
};

//! Why a rule that needs a DEM was skipped.
inline constexpr const char *kNoDemReason =
    "no DEM: the project has no `dem` raster table nor anzhi_settings.dem_path, and no --dem";

//! Why school-coverage and school-capacity are skipped when a level is in network mode and the
//! project has no roads (docs/contract.md "Network distance").
inline constexpr const char *kNoRoadsReason =
    "mode = \"network\" needs roads: the project has no `roads` layer or it has no road";

//! One rule of the policy: it describes itself, owns its parameters (defaults, TOML keys and
//! validation) and runs. Rules hold no state and may run concurrently with each other on the
//! same Project. A new rule is one class in core/rules/ plus one line in RuleRegistry.cpp.
class Rule
{
public:
  virtual ~Rule() = default;
  virtual const RuleDescriptor &descriptor() const = 0;
  const std::string &id() const { return descriptor().id; }
  //! A fresh copy of the rule's parameters at their defaults.
  virtual std::unique_ptr<RuleParameters> defaultParameters() const
  {
    return std::make_unique<NoParameters>();
  }
  //! Why the rule cannot run on this project under this rule set, beyond being disabled or a
  //! missing required layer or DEM (which the engine checks itself); nullopt when it can.
  virtual std::optional<std::string> skipReason(const Project &, const RuleSet &) const
  {
    return std::nullopt;
  }
  virtual RuleRun run(const RuleContext &ctx) const = 0;
};

} // namespace anzhi::core
