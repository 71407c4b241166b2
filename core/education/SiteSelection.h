#pragma once

#include "core/rules/CoverLink.h"

#include <optional>
#include <string>
#include <vector>

namespace anzhi::core::education {

//! Choosing k of n candidate points so that demand is served at least cost, where each demand
//! already has a cost without new schools (its nearest existing school, or a penalty) and a
//! candidate can only lower it: minimise Σ weight × min(baseCost, min over chosen candidates
//! reaching it of their cost). p-median is this with travel costs; maximal coverage is this with
//! cost 1 for an uncovered demand and 0 from a candidate covering it (docs/education.md).
struct SelectionProblem
{
  std::vector<double> weight;                       //!< by demand, ≥ 0
  std::vector<double> baseCost;                     //!< by demand
  std::vector<std::vector<rules::CoverLink>> reach; //!< by demand: candidates and their cost
  std::size_t candidates = 0;
  std::size_t k = 0; //!< ≤ candidates
};

//! The objective of choosing `chosen` (candidate indices).
double selectionCost(const SelectionProblem &problem, const std::vector<std::size_t> &chosen);

enum class SelectionMethod
{
  Cbc,       //!< the MILP with COIN-OR CBC
  Heuristic, //!< greedy start, then Teitz–Bart interchange
  Auto       //!< the heuristic, then CBC within the time limit; CBC's answer when proven optimal
};

struct Selection
{
  std::vector<std::size_t> chosen; //!< ascending
  double cost = 0;                 //!< selectionCost of chosen
  bool provenOptimal = false;
  std::string method; //!< "cbc" or "heuristic": whose answer this is
  //! CBC's lower bound on the optimum, when CBC ran (at the time limit when not proven).
  std::optional<double> bound;
  double cbcSeconds = 0, heuristicSeconds = 0;
  int swaps = 0; //!< interchanges the heuristic made after its greedy start
};

//! Greedy: add, k times, the candidate lowering the cost most (ties: lower index); then
//! Teitz–Bart: while some swap of a chosen candidate for another lowers the cost, make the best
//! such swap. Each pass prices every swap in time proportional to the reach (each demand keeps
//! its best and second-best source), so a pass is O(links + candidates × k).
Selection selectByInterchange(const SelectionProblem &problem);

//! The MILP: binary y_j (candidate j chosen), Σ y_j = k; continuous x_ij ∈ [0, 1] for each
//! candidate j reaching demand i more cheaply than its base cost, x_ij ≤ y_j, Σ_j x_ij ≤ 1;
//! minimise Σ w_i·base_i + Σ w_i·(c_ij − base_i)·x_ij. CbcModel over OsiClpSolverInterface with
//! CBC's standard cuts and heuristics, log off, stopped after `seconds`; `start`, when given, is
//! handed to CBC as its first incumbent.
Selection selectByCbc(const SelectionProblem &problem, double seconds,
                      const std::vector<std::size_t> *start = nullptr);

Selection selectSites(const SelectionProblem &problem, SelectionMethod method, double cbcSeconds);

} // namespace anzhi::core::education
