#pragma once

#include "core/Progress.h"
#include "core/Project.h"
#include "core/RuleSet.h"
#include "core/plan/ForestCells.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace anzhi::core::plan {

enum class PlanMethod
{
  Flow,  //!< min-cost flow, rounding, floors topped up, contiguity repaired (docs/planning.md)
  Greedy //!< baseline: each short ranger takes the nearest free forest it reaches
};

//! What the planner must leave as it is (docs/planning.md, "Locks").
struct RangerPlanLocks
{
  //! Rangers kept as they are: not re-planned, their plots unchanged and not handed out.
  std::set<std::string> rangers;
  //! ranger_plots fids that stay, unchanged, with the ranger their ranger_code names; the
  //! ranger is planned around them and they count towards the ranger's area.
  std::set<std::int64_t> plotFids;
  bool empty() const { return rangers.empty() && plotFids.empty(); }
};

struct RangerPlanOptions
{
  double minMu = 500;                  //!< ranger-area's min_mu
  double maxDistanceM = 5000;          //!< ranger-distance's max_distance_m
  double minOverlapM2 = 1;             //!< the rule set's min_overlap_m2
  int maxParts = 1;                    //!< [plan.rangers] max_parts
  double cellM = 100;                  //!< [plan.rangers] cell_m
  std::optional<std::string> township; //!< plan only the rangers whose site lies in it
  PlanMethod method = PlanMethod::Flow;
  int threads = 0;
  RangerPlanLocks locks;
  //! Reports the phase ("cells", "reach", "assignment", "contiguity", "plots") and the fraction
  //! done; polled between phases and inside the long loops: planRangers throws Cancelled once it
  //! is cancelled. Null: neither.
  const Progress *progress = nullptr;

  //! min_mu, max_distance_m and min_overlap_m2 from the rule set's ranger rules, max_parts and
  //! cell_m from its [plan.rangers] table.
  static RangerPlanOptions fromRules(const RuleSet &rules);
};

//! One ranger of the plan, before and after.
struct RangerChange
{
  std::string rangerCode;
  std::optional<std::string> name;
  double beforeMu = 0;  //!< ellipsoidal area of the union of the current plots
  double afterMu = 0;   //!< of the planned plots
  double movedMu = 0;   //!< of the planned plots that another ranger holds today
  double distanceM = 0; //!< area-weighted mean distance from the residence to the planned plots
  int parts = 0;
  bool satisfied = false; //!< ≥ min_mu, ≤ max_parts parts, within max_distance_m
};

struct PlannedPlot
{
  std::string code, rangerCode;
  gis::Geometry geometry; //!< working CRS
  //! The ranger_plots fid of a plot the plan keeps as it is (locked, or of a ranger left out).
  std::optional<std::int64_t> keptFid;
};

//! A ranger left out of the plan and why ("no residence", "no code", "duplicate code",
//! "outside the township", "locked").
struct LeftOutRanger
{
  std::string label; //!< code, else #fid
  std::string reason;
};

struct RangerPlanResult
{
  //! False only when a Hall violation proves that no plan exists (hallSet then names it).
  bool feasible = true;
  std::vector<std::string> hallSet; //!< ranger codes
  double hallDemandMu = 0, hallSupplyMu = 0;

  std::vector<RangerChange> changes; //!< one per planned ranger, in fid order
  //! The planned rangers' new plots, then the unchanged plots of rangers left out.
  std::vector<PlannedPlot> plots;
  std::vector<LeftOutRanger> leftOut;
  std::size_t cells = 0;
  int flowRounds = 0;
  //! Seconds spent by phase: "cells", "reach", "assignment", "contiguity", "plots".
  std::vector<std::pair<std::string, double>> seconds;

  int satisfied() const;
  double movedMu() const;
  double meanDistanceM() const;
  double maxDistanceM() const;
  //! Every planned ranger satisfied.
  bool complete() const { return feasible && satisfied() == int(changes.size()); }
};

//! Plans the responsibility plots of the project's rangers (docs/contract.md "Ranger
//! reallocation"; method and decisions in docs/planning.md). Throws PlanInputError when there
//! is no forest pool or the cell size would make too many cells, Cancelled when
//! options.progress is cancelled.
RangerPlanResult planRangers(const Project &project, const RangerPlanOptions &options);

//! Writes `ranger_plots` (code, ranger_code; the project's schema), `changes` and, when no plan
//! exists, `hall_set` into a new GeoPackage at path (replaced atomically).
void writeRangerPlan(const std::string &path, const RangerPlanResult &plan,
                     const gis::Crs &workingCrs);

} // namespace anzhi::core::plan
