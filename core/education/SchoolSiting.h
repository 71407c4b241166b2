#pragma once

#include "core/education/EducationReach.h"
#include "core/education/SiteSelection.h"

#include <optional>
#include <string>
#include <vector>

namespace anzhi::core::education {

//! A place a school could be built, in the working CRS.
struct Candidate
{
  std::string label; //!< its code, else "#fid"
  network::XY point;
};

//! The point-on-surface of every planned plot of the education class (with a geometry).
std::vector<Candidate> educationPlotCandidates(const Project &project);

//! The features of a layer as candidates (a polygon by its point-on-surface): `spec` names a
//! layer of the project's GeoPackage, or a file `FILE` (its only layer) or `FILE:LAYER`; the
//! geometries are transformed into the working CRS. Throws std::runtime_error naming the file
//! or layer when it cannot be read or has no CRS.
std::vector<Candidate> layerCandidates(const Project &project, const std::string &spec);

enum class SitingObjective
{
  Coverage, //!< maximal covering: most pupils of uncovered sites newly covered
  Travel    //!< p-median: least Σ pupils × cost to the cheapest school
};

//! One school the plan adds.
struct AddedSchool
{
  std::size_t candidate = 0;
  //! Pupils of sites no school covered before, whose cheapest added school this is.
  std::int64_t newlyCovered = 0;
  //! Pupils of sites for which this becomes the cheapest school (newly covered included).
  std::int64_t served = 0;
};

struct SitingPlan
{
  SchoolLevel level = SchoolLevel::Primary;
  SitingObjective objective = SitingObjective::Coverage;
  Selection selection;
  std::vector<AddedSchool> added; //!< by ascending candidate index
  std::int64_t pupils = 0;        //!< of the level, over the sites with a location
  std::int64_t uncoveredBefore = 0, uncoveredAfter = 0; //!< pupils of sites no school covers
  //! Σ pupils × cost to the cheapest school, an uncovered site at `unreachedCost`.
  double travelBefore = 0, travelAfter = 0;
  double unreachedCost = 0;
  std::string unit; //!< of the costs: "min" or "m"
};

//! Chooses k of the candidates to add as schools of the level (docs/education.md).
SitingPlan planSchools(const EducationReach &reach, SchoolLevel level,
                       const std::vector<Candidate> &candidates, std::size_t k,
                       SitingObjective objective, SelectionMethod method, double cbcSeconds);

} // namespace anzhi::core::education
