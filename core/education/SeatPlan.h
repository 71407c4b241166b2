#pragma once

#include "core/education/EducationReach.h"
#include "core/education/SeatAssignment.h"

#include <vector>

namespace anzhi::core::education {

//! The pupils of one site at one level and where they go.
struct SiteSeats
{
  std::size_t site = 0; //!< index into the project's sites
  SchoolLevel level = SchoolLevel::Primary;
  std::int64_t pupils = 0;
  std::vector<SeatedPupils> seated; //!< school indices into the project's schools
  std::int64_t unseated = 0;
};

//! One school's seats: capacity − enrolled (null as 0, never below 0) are free for the
//! relocated pupils.
struct SchoolSeats
{
  std::size_t school = 0; //!< index into the project's schools
  std::int64_t capacity = 0, enrolled = 0, free = 0, assigned = 0;
  std::int64_t remaining() const { return free - assigned; }
};

struct SeatPlan
{
  std::vector<SchoolLevel> levels;
  std::vector<SiteSeats> sites;     //!< every site with pupils at a level, in site order
  std::vector<SchoolSeats> schools; //!< every school serving a level, in school order
  double travel = 0;                //!< Σ pupils × cost, in the levels' cost unit
  std::int64_t pupils() const;
  std::int64_t unseated() const;
};

//! "Where do these children go" (docs/education.md): the pupils of every site with a location
//! at the given levels, seated in the schools of their level within reach without exceeding
//! free seats, most pupils seated, then least total travel. Given both levels, a nine_year
//! school's free seats are shared by them, as in school-capacity; the levels must then cost in
//! the same unit (both by road or both by radius), else std::invalid_argument.
SeatPlan planSeats(const EducationReach &reach, const std::vector<SchoolLevel> &levels);

} // namespace anzhi::core::education
