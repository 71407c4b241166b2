#pragma once

#include "core/LandUse.h"
#include "core/Progress.h"
#include "core/Project.h"
#include "core/RuleSet.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

//! The land-use classes, in the order of core::LandUseClass, for the per-class areas.
inline constexpr std::array<LandUseClass, 9> kLandUseClasses{
    LandUseClass::Education,  LandUseClass::Medical,     LandUseClass::ElderlyCare,
    LandUseClass::Industrial, LandUseClass::Residential, LandUseClass::Commercial,
    LandUseClass::Road,       LandUseClass::Green,       LandUseClass::Other};

//! The homestead statuses of docs/contract.md, then every other value (null included).
enum class HomesteadStatus
{
  Pending,
  Demolished,
  Reclaimed,
  Other
};
inline constexpr std::size_t kHomesteadStatusCount = 4;
const char *statusName(HomesteadStatus status); //!< "pending" … "other"

//! The figures of one township, or of the whole project (docs/statistics.md defines each).
//! Areas are ellipsoidal, in m² (StatsFigures::mu for 亩).
struct StatsFigures
{
  std::int64_t sites = 0, households = 0, population = 0;
  std::array<double, kLandUseClasses.size()> plannedM2{}; //!< by class, kLandUseClasses' order
  double protectedTakenM2 = 0; //!< the protected-land rule's overlaps, summed
  //! Free seats (capacity − enrolled, may be negative): primary and junior both include the
  //! nine-year schools' seats, which those share; nineYearSeats is that shared part.
  std::int64_t primarySeats = 0, juniorSeats = 0, nineYearSeats = 0;
  std::int64_t primaryPupils = 0, juniorPupils = 0;
  std::int64_t rangers = 0, rangersWithoutPlot = 0, rangersBelowMin = 0, rangersAtOrAboveMin = 0;
  double rangerAreaM2 = 0;    //!< sum of each ranger's union of plots
  double rangerDeficitM2 = 0; //!< sum of (min − area) over the rangers below the minimum
  struct StatusTotal
  {
    std::int64_t count = 0;
    double areaM2 = 0; //!< sum of the homesteads' areas
  };
  std::array<StatusTotal, kHomesteadStatusCount> homesteads{}; //!< by HomesteadStatus
  double reclaimedM2 = 0; //!< the union of the reclaimed homesteads, as linkage-balance measures

  void add(const StatsFigures &other);
  static double mu(double squareMetres);
};

struct TownshipStats
{
  std::optional<std::string> township; //!< null: 未关联乡镇 (sites without township)
  StatsFigures figures;
};

struct ProjectStats
{
  std::vector<TownshipStats> townships; //!< by name, the unnamed one last
  StatsFigures total;                   //!< the sum of the townships' rows
  double minMu = 500;                   //!< ranger-area's min_mu under the rule set
};

//! The statistics of a loaded project under a rule set (its land-use mapping, min_overlap_m2,
//! min_mu and pupil_rate): per township, features attributed by core::TownshipAttribution,
//! and the total. Parallel over features on `threads` (≤ 0: one per core). Thread: any; reads
//! the project only. Throws Cancelled through `progress`.
ProjectStats computeStats(const Project &project, const RuleSet &rules, int threads = 0,
                          const Progress *progress = nullptr);

} // namespace anzhi::core
