#include "app/render/ClusterGrid.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace anzhi::render {

ClusterGrid::ClusterGrid(double cellSize)
    : m_size(cellSize)
{
}

void ClusterGrid::add(double x, double y, std::size_t feature)
{
  const auto column = std::int64_t(std::floor(x / m_size));
  const auto row = std::int64_t(std::floor(y / m_size));
  const std::uint64_t key = (std::uint64_t(column) << 32) ^ (std::uint64_t(row) & 0xffffffffu);
  auto [it, added] = m_index.try_emplace(key, m_cells.size());
  if (added)
    m_cells.push_back({column, row, 0, 0, 0, feature, x, y});
  Cell &cell = m_cells[it->second];
  ++cell.count;
  cell.sumX += x;
  cell.sumY += y;
}

std::vector<ClusterGrid::Cell> ClusterGrid::cells() const
{
  std::vector<Cell> out = m_cells;
  std::sort(out.begin(), out.end(), [](const Cell &a, const Cell &b) {
    return std::tie(a.row, a.column) < std::tie(b.row, b.column);
  });
  return out;
}

gis::Envelope ClusterGrid::bounds(const Cell &cell) const
{
  return {double(cell.column) * m_size, double(cell.row) * m_size, double(cell.column + 1) * m_size,
          double(cell.row + 1) * m_size};
}

} // namespace anzhi::render
