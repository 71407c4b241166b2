#include "core/plan/Contiguity.h"

#include <algorithm>
#include <queue>
#include <set>

namespace anzhi::core::plan {

namespace {

double areaOf(const ForestCells &cells, const std::vector<int> &part)
{
  double a = 0;
  for (int c : part)
    a += cells[c].areaM2;
  return a;
}

//! Whether giving away cell c leaves its holder's cells around it connected: its neighbours of
//! the same holder stay linked through the holder's other cells (searched within a few steps).
bool removableWithoutSplit(const ForestCells &cells, const CellOwners &owners, int c)
{
  const int holder = owners[c];
  std::vector<int> same;
  for (int n : cells.neighbours(c))
    if (owners[n] == holder)
      same.push_back(n);
  if (same.size() <= 1)
    return true;
  // Breadth-first from the first neighbour, avoiding c, up to a bounded number of cells.
  std::set<int> seen{c, same[0]};
  std::queue<int> queue;
  queue.push(same[0]);
  std::size_t found = 1;
  const std::size_t limit = 400;
  while (!queue.empty() && seen.size() < limit && found < same.size()) {
    const int u = queue.front();
    queue.pop();
    for (int n : cells.neighbours(u))
      if (owners[n] == holder && seen.insert(n).second) {
        if (std::find(same.begin(), same.end(), n) != same.end())
          ++found;
        queue.push(n);
      }
  }
  return found == same.size();
}

//! Grows ranger r's kept parts (the maxParts − 1 largest and mine[seed]) over their boundary:
//! r's own other parts first (bridged as they are reached), then the nearest free forest, then
//! neighbours' surplus, until the floor is met. On failure every cell taken goes back to whom
//! held it. Marks kept cells with token.
bool growParts(const ForestCells &cells, const Reach &reach,
               const std::vector<RangerDemand> &rangers, CellOwners &owners,
               std::vector<double> &area, int r, const std::vector<std::vector<int>> &mine,
               int maxParts, std::size_t seed, int token, std::vector<int> &kept, double &keptArea)
{
  const std::size_t n = rangers.size();
  keptArea = 0;
  std::vector<int> region;
  for (std::size_t p = 0; p < mine.size(); ++p) {
    if (!(p + 1 < std::size_t(maxParts) || p == seed))
      continue;
    for (int c : mine[p]) {
      kept[c] = token;
      region.push_back(c);
      keptArea += cells[c].areaM2;
    }
  }
  using Option = std::tuple<int, float, int>; // (0 own / 1 free / 2 neighbour's, distance, cell)
  std::priority_queue<Option, std::vector<Option>, std::greater<>> frontier;
  auto offer = [&](int c) {
    for (int nb : cells.neighbours(c)) {
      if (kept[nb] == token)
        continue;
      const ReachableCell *rc = reach.find(r, nb);
      if (!rc)
        continue;
      const int holder = owners[nb];
      if (holder == r)
        frontier.emplace(0, rc->distanceM, nb);
      else if (holder == kFree)
        frontier.emplace(1, rc->distanceM, nb);
      else if (holder >= 0 && std::size_t(holder) < n)
        frontier.emplace(2, rc->distanceM, nb);
    }
  };
  for (int c : region)
    offer(c);
  std::vector<std::pair<int, int>> taken; // (cell, who held it)
  while (!frontier.empty()) {
    auto [kind, distance, c] = frontier.top();
    frontier.pop();
    (void)distance;
    if (kept[c] == token)
      continue;
    // Past the floor, only the ranger's own land is still worth joining.
    if (kind > 0 && keptArea >= rangers[r].demandM2)
      break;
    const int holder = owners[c];
    const double a = cells[c].areaM2;
    const bool ok = kind == 0   ? holder == r
                    : kind == 1 ? holder == kFree
                                : holder >= 0 && std::size_t(holder) < n && holder != r &&
                                      area[holder] - a >= rangers[holder].demandM2 &&
                                      removableWithoutSplit(cells, owners, c);
    if (!ok)
      continue;
    if (kind > 0) {
      if (holder >= 0)
        area[holder] -= a;
      area[r] += a;
      taken.emplace_back(c, holder);
      owners[c] = r;
    }
    kept[c] = token;
    keptArea += a;
    offer(c);
  }
  if (keptArea >= rangers[r].demandM2)
    return true;
  for (auto [c, holder] : taken) {
    owners[c] = holder;
    area[r] -= cells[c].areaM2;
    if (holder >= 0)
      area[holder] += cells[c].areaM2;
  }
  return false;
}

} // namespace

RangerParts::RangerParts(const ForestCells &cells, const CellOwners &owners, std::size_t rangers)
    : m_parts(rangers)
{
  std::vector<char> seen(cells.size(), 0);
  for (std::size_t start = 0; start < cells.size(); ++start) {
    const int r = owners[start];
    if (seen[start] || r < 0 || std::size_t(r) >= rangers)
      continue;
    std::vector<int> part{int(start)};
    seen[start] = 1;
    for (std::size_t i = 0; i < part.size(); ++i)
      for (int n : cells.neighbours(part[i]))
        if (!seen[n] && owners[n] == r) {
          seen[n] = 1;
          part.push_back(n);
        }
    m_parts[r].push_back(std::move(part));
  }
  for (auto &parts : m_parts)
    std::stable_sort(parts.begin(), parts.end(), [&](const auto &a, const auto &b) {
      return areaOf(cells, a) > areaOf(cells, b);
    });
}

void repairContiguity(const ForestCells &cells, const Reach &reach,
                      const std::vector<RangerDemand> &rangers, int maxParts, CellOwners &owners)
{
  const std::size_t n = rangers.size();
  std::vector<double> area = areaByRanger(cells, owners, n);
  // Marks by token (one per ranger and sweep), so that no per-ranger array is cleared.
  std::vector<int> seen(cells.size(), -1), kept(cells.size(), -1);
  int token = 0;
  // Donors change shape as they give, so a few sweeps settle what one cannot.
  for (int sweep = 0; sweep < 3; ++sweep) {
    std::vector<std::vector<int>> cellsOf(n);
    for (std::size_t c = 0; c < cells.size(); ++c)
      if (owners[c] >= 0 && std::size_t(owners[c]) < n)
        cellsOf[owners[c]].push_back(int(c));
    bool changed = false;
    for (std::size_t r = 0; r < n; ++r) {
      ++token;
      // r's parts as they are now: earlier rangers of this sweep may have taken cells.
      std::vector<std::vector<int>> mine;
      for (int start : cellsOf[r]) {
        if (owners[start] != int(r) || seen[start] == token)
          continue;
        std::vector<int> part{start};
        seen[start] = token;
        for (std::size_t i = 0; i < part.size(); ++i)
          for (int nb : cells.neighbours(part[i]))
            if (owners[nb] == int(r) && seen[nb] != token) {
              seen[nb] = token;
              part.push_back(nb);
            }
        mine.push_back(std::move(part));
      }
      if (int(mine.size()) <= maxParts)
        continue;
      std::stable_sort(mine.begin(), mine.end(), [&](const auto &a, const auto &b) {
        return areaOf(cells, a) > areaOf(cells, b);
      });
      // Seeds: the largest parts first; when they cannot reach the floor, a smaller part may
      // (it may lie where free forest or a neighbour's surplus is).
      bool grown = false;
      double keptArea = 0;
      for (std::size_t seed = maxParts - 1;
           seed < mine.size() && seed < std::size_t(maxParts) + 3 && !grown; ++seed) {
        ++token;
        grown = growParts(cells, reach, rangers, owners, area, int(r), mine, maxParts, seed, token,
                          kept, keptArea);
      }
      if (!grown)
        continue;
      for (const std::vector<int> &part : mine)
        for (int c : part)
          if (kept[c] != token && owners[c] == int(r))
            owners[c] = kFree;
      area[r] = keptArea;
      changed = true;
    }
    if (!changed)
      break;
  }
}

} // namespace anzhi::core::plan
