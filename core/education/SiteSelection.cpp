#include "core/education/SiteSelection.h"

#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>

namespace anzhi::core::education {

namespace {

constexpr std::size_t kBase = std::numeric_limits<std::size_t>::max(); //!< no candidate: base cost

double secondsSince(std::chrono::steady_clock::time_point start)
{
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void validate(const SelectionProblem &p)
{
  if (p.weight.size() != p.baseCost.size() || p.weight.size() != p.reach.size())
    throw std::invalid_argument("site selection: weight, baseCost and reach differ in length");
  if (p.k > p.candidates)
    throw std::invalid_argument("site selection: k exceeds the number of candidates");
  for (const auto &links : p.reach)
    for (const rules::CoverLink &l : links)
      if (l.school >= p.candidates)
        throw std::invalid_argument("site selection: a link names no candidate");
}

//! A candidate's useful links: the demands it would serve more cheaply than their base cost.
struct Column
{
  std::size_t demand;
  double cost;
};
std::vector<std::vector<Column>> columnsOf(const SelectionProblem &p)
{
  std::vector<std::vector<Column>> columns(p.candidates);
  for (std::size_t i = 0; i < p.reach.size(); ++i)
    for (const rules::CoverLink &l : p.reach[i])
      if (l.cost < p.baseCost[i] && p.weight[i] > 0)
        columns[l.school].push_back({i, l.cost});
  return columns;
}

//! Each demand's cheapest and second-cheapest source among the base and the chosen candidates.
struct Sources
{
  std::vector<double> best, second;
  std::vector<std::size_t> bestSource; //!< a candidate, or kBase

  Sources(const SelectionProblem &p, const std::vector<std::vector<Column>> &columns,
          const std::vector<std::size_t> &chosen)
      : best(p.baseCost)
      , second(p.weight.size(), std::numeric_limits<double>::infinity())
      , bestSource(p.weight.size(), kBase)
  {
    // Candidates in ascending index, strict improvement: ties stay with the base or lower index.
    std::vector<std::size_t> sorted = chosen;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t j : sorted)
      for (const Column &c : columns[j]) {
        if (c.cost < best[c.demand]) {
          second[c.demand] = best[c.demand];
          best[c.demand] = c.cost;
          bestSource[c.demand] = j;
        } else if (c.cost < second[c.demand]) {
          second[c.demand] = c.cost;
        }
      }
  }
  double total(const SelectionProblem &p) const
  {
    double sum = 0;
    for (std::size_t i = 0; i < best.size(); ++i)
      sum += p.weight[i] * best[i];
    return sum;
  }
};

std::vector<std::size_t> greedy(const SelectionProblem &p,
                                const std::vector<std::vector<Column>> &columns)
{
  std::vector<double> best = p.baseCost;
  std::vector<char> taken(p.candidates, 0);
  std::vector<std::size_t> chosen;
  for (std::size_t round = 0; round < p.k; ++round) {
    std::size_t pick = kBase;
    double pickGain = -1;
    for (std::size_t j = 0; j < p.candidates; ++j) {
      if (taken[j])
        continue;
      double gain = 0;
      for (const Column &c : columns[j])
        gain += p.weight[c.demand] * std::max(0.0, best[c.demand] - c.cost);
      if (gain > pickGain) {
        pickGain = gain;
        pick = j;
      }
    }
    taken[pick] = 1;
    chosen.push_back(pick);
    for (const Column &c : columns[pick])
      best[c.demand] = std::min(best[c.demand], c.cost);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

} // namespace

double selectionCost(const SelectionProblem &problem, const std::vector<std::size_t> &chosen)
{
  validate(problem);
  return Sources(problem, columnsOf(problem), chosen).total(problem);
}

Selection selectByInterchange(const SelectionProblem &p)
{
  validate(p);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::vector<Column>> columns = columnsOf(p);
  Selection result;
  result.method = "heuristic";
  result.chosen = greedy(p, columns);
  std::vector<char> in(p.candidates, 0);
  for (std::size_t j : result.chosen)
    in[j] = 1;
  std::vector<double> loss(p.candidates), extra(p.candidates, 0.0);
  std::vector<std::size_t> touched;
  for (;;) {
    const Sources s(p, columns, result.chosen);
    const double current = s.total(p);
    // loss[r]: what dropping chosen r costs, its demands falling back to their second source.
    std::fill(loss.begin(), loss.end(), 0.0);
    for (std::size_t i = 0; i < s.best.size(); ++i)
      if (s.bestSource[i] != kBase)
        loss[s.bestSource[i]] += p.weight[i] * (s.second[i] - s.best[i]);
    double bestDelta = -1e-9 * std::max(1.0, std::abs(current));
    std::size_t bestIn = kBase, bestOut = kBase;
    for (std::size_t j = 0; j < p.candidates; ++j) {
      if (in[j])
        continue;
      // Adding j: every demand it reaches takes it if cheaper. Dropping r as well: r's demands
      // that j reaches fall back to the cheaper of j and their second source instead.
      double gain = 0;
      for (const Column &c : columns[j]) {
        const std::size_t i = c.demand;
        const double w = p.weight[i];
        gain += w * (std::min(c.cost, s.best[i]) - s.best[i]);
        if (const std::size_t r = s.bestSource[i]; r != kBase) {
          if (extra[r] == 0.0)
            touched.push_back(r);
          extra[r] += w * ((std::min(c.cost, s.second[i]) - std::min(c.cost, s.best[i])) -
                           (s.second[i] - s.best[i]));
        }
      }
      for (std::size_t r : result.chosen) {
        const double delta = gain + loss[r] + extra[r];
        if (delta < bestDelta) {
          bestDelta = delta;
          bestIn = j;
          bestOut = r;
        }
      }
      for (std::size_t r : touched)
        extra[r] = 0.0;
      touched.clear();
    }
    if (bestIn == kBase)
      break;
    in[bestOut] = 0;
    in[bestIn] = 1;
    std::replace(result.chosen.begin(), result.chosen.end(), bestOut, bestIn);
    std::sort(result.chosen.begin(), result.chosen.end());
    ++result.swaps;
  }
  result.cost = selectionCost(p, result.chosen);
  result.heuristicSeconds = secondsSince(start);
  return result;
}

Selection selectByCbc(const SelectionProblem &p, double seconds,
                      const std::vector<std::size_t> *startChoice)
{
  validate(p);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::vector<Column>> columns = columnsOf(p);
  // Columns: y_0 … y_{n−1}, then one x per useful link, candidate by candidate.
  const int n = static_cast<int>(p.candidates);
  std::vector<double> objective(n, 0.0), lower(n, 0.0), upper(n, 1.0);
  double constant = 0;
  for (std::size_t i = 0; i < p.weight.size(); ++i)
    constant += p.weight[i] * p.baseCost[i];
  CoinPackedMatrix matrix(false, 0, 0);
  std::vector<double> rowLower, rowUpper;
  // Row 0: Σ y = k.
  {
    std::vector<int> index(n);
    std::vector<double> ones(n, 1.0);
    for (int j = 0; j < n; ++j)
      index[j] = j;
    matrix.setDimensions(0, n);
    matrix.appendRow(n, index.data(), ones.data());
    rowLower.push_back(double(p.k));
    rowUpper.push_back(double(p.k));
  }
  std::vector<std::vector<std::pair<int, double>>> demandRows(p.weight.size());
  struct XColumn
  {
    std::size_t candidate, demand;
  };
  std::vector<XColumn> xColumns;
  for (std::size_t j = 0; j < p.candidates; ++j)
    for (const Column &c : columns[j]) {
      const int col = n + static_cast<int>(xColumns.size());
      xColumns.push_back({j, c.demand});
      objective.push_back(p.weight[c.demand] * (c.cost - p.baseCost[c.demand]));
      lower.push_back(0.0);
      upper.push_back(1.0);
      demandRows[c.demand].push_back({col, 1.0});
    }
  const int columnCount = n + static_cast<int>(xColumns.size());
  matrix.setDimensions(1, columnCount);
  // x_ij − y_j ≤ 0.
  for (std::size_t x = 0; x < xColumns.size(); ++x) {
    const int index[2] = {n + static_cast<int>(x), static_cast<int>(xColumns[x].candidate)};
    const double values[2] = {1.0, -1.0};
    matrix.appendRow(2, index, values);
    rowLower.push_back(-COIN_DBL_MAX);
    rowUpper.push_back(0.0);
  }
  // Σ_j x_ij ≤ 1.
  for (const auto &row : demandRows) {
    if (row.empty())
      continue;
    std::vector<int> index;
    std::vector<double> values;
    for (const auto &[col, value] : row) {
      index.push_back(col);
      values.push_back(value);
    }
    matrix.appendRow(static_cast<int>(index.size()), index.data(), values.data());
    rowLower.push_back(-COIN_DBL_MAX);
    rowUpper.push_back(1.0);
  }
  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  solver.loadProblem(matrix, lower.data(), upper.data(), objective.data(), rowLower.data(),
                     rowUpper.data());
  for (int j = 0; j < n; ++j)
    solver.setInteger(j);
  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  if (startChoice) {
    // The heuristic's answer as CBC's first incumbent: each demand to its cheapest chosen one.
    std::vector<double> values(columnCount, 0.0);
    for (std::size_t j : *startChoice)
      values[j] = 1.0;
    const Sources s(p, columns, *startChoice);
    for (std::size_t x = 0; x < xColumns.size(); ++x)
      if (s.bestSource[xColumns[x].demand] == xColumns[x].candidate)
        values[n + x] = 1.0;
    model.setBestSolution(values.data(), columnCount, s.total(p) - constant, true);
  }
  CbcSolverUsefulData data;
  CbcMain0(model, data);
  const std::string limit = std::to_string(std::max(0.0, seconds));
  // The limit is wall-clock time: what a planner waits (CBC counts CPU time by default).
  const char *argv[] = {"anzhi", "-log",        "0",      "-timeMode", "elapsed",
                        "-sec",  limit.c_str(), "-solve", "-quit"};
  CbcMain1(
      static_cast<int>(std::size(argv)), argv, model, [](CbcModel *, int) { return 0; }, data);

  Selection result;
  result.method = "cbc";
  result.cbcSeconds = secondsSince(start);
  result.provenOptimal = model.isProvenOptimal();
  result.bound = model.getBestPossibleObjValue() + constant;
  const double *solution = model.bestSolution();
  if (!solution)
    throw std::runtime_error("CBC found no selection within " + limit + " s");
  for (int j = 0; j < n; ++j)
    if (solution[j] > 0.5)
      result.chosen.push_back(static_cast<std::size_t>(j));
  result.cost = selectionCost(p, result.chosen);
  return result;
}

Selection selectSites(const SelectionProblem &problem, SelectionMethod method, double cbcSeconds)
{
  if (method == SelectionMethod::Heuristic)
    return selectByInterchange(problem);
  if (method == SelectionMethod::Cbc)
    return selectByCbc(problem, cbcSeconds);
  Selection heuristic = selectByInterchange(problem);
  Selection cbc;
  try {
    cbc = selectByCbc(problem, cbcSeconds, &heuristic.chosen);
  } catch (const std::runtime_error &) {
    return heuristic; // CBC kept no incumbent: the heuristic's answer stands
  }
  cbc.heuristicSeconds = heuristic.heuristicSeconds;
  cbc.swaps = heuristic.swaps;
  if (cbc.provenOptimal || cbc.cost < heuristic.cost)
    return cbc;
  heuristic.bound = cbc.bound;
  heuristic.cbcSeconds = cbc.cbcSeconds;
  // The heuristic's answer is optimal after all when it meets CBC's bound.
  heuristic.provenOptimal = heuristic.cost <= *cbc.bound + 1e-9 * std::max(1.0, heuristic.cost);
  return heuristic;
}

} // namespace anzhi::core::education
