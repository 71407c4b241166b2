#pragma once

#include "core/rules/CoverLink.h"

#include <cstdint>
#include <vector>

namespace anzhi::core::education {

//! Where pupils go when seats are scarce: a transportation problem. Each demand (the pupils of
//! one site at one level) may go to the schools in its reach, each school seats no more than
//! its free seats, and pupils no school in reach can seat stay unseated.
struct SeatProblem
{
  std::vector<std::int64_t> pupils;                 //!< by demand, ≥ 0
  std::vector<std::int64_t> seats;                  //!< free seats by school, ≥ 0
  std::vector<std::vector<rules::CoverLink>> reach; //!< by demand: schools with their cost ≥ 0
};

struct SeatedPupils
{
  std::size_t school = 0;
  std::int64_t pupils = 0;
  double cost = 0; //!< per pupil
};

struct SeatResult
{
  std::vector<std::vector<SeatedPupils>> seated; //!< by demand, ascending by school
  std::vector<std::int64_t> unseated;            //!< by demand
  std::vector<std::int64_t> assigned;            //!< by school
  double travel = 0;                             //!< Σ pupils × cost over seated pupils
  std::int64_t totalUnseated() const;
};

//! Seats as many pupils as the seats and reach allow and, among the assignments that do, one of
//! least total travel (Σ pupils × cost): a min-cost flow (LEMON NetworkSimplex) source → demand
//! → school → sink, with an arc demand → sink for the unseated whose cost exceeds that of any
//! augmenting path, so the flow is always feasible and never leaves a pupil unseated that a
//! reshuffle could seat. Costs are rounded to 1/100 of their unit inside the flow.
SeatResult assignSeats(const SeatProblem &problem);

} // namespace anzhi::core::education
