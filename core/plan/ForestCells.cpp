#include "core/plan/ForestCells.h"

#include "core/Parallel.h"
#include "gis/EllipsoidalArea.h"

#include <cmath>
#include <map>
#include <string>

namespace anzhi::core::plan {

namespace {

//! The polygons of a (multi)polygon, each as its own geometry.
std::vector<gis::Geometry> polygonsOf(const GEOSGeometry *g)
{
  std::vector<gis::Geometry> parts;
  if (gis::isEmpty(g))
    return parts;
  for (int i = 0; i < gis::partCount(g); ++i)
    parts.push_back(gis::part(g, i));
  return parts;
}

std::vector<const GEOSGeometry *> raw(const std::vector<gis::Geometry> &geometries)
{
  std::vector<const GEOSGeometry *> out;
  for (const gis::Geometry &g : geometries)
    out.push_back(g.get());
  return out;
}

//! The union of the geometries whose index the tree gives for env, those meeting g.
gis::Geometry unionNear(const gis::StrTree &tree, const std::vector<gis::Geometry> &all,
                        const GEOSGeometry *g, std::size_t before = SIZE_MAX)
{
  std::vector<const GEOSGeometry *> near;
  for (std::size_t j : tree.query(gis::envelope(g)))
    if (j < before && gis::intersects(all[j].get(), g))
      near.push_back(all[j].get());
  return near.empty() ? nullptr : gis::unionAll(near);
}

//! A cell and its grid square.
struct Piece
{
  ForestCells::Cell cell;
  std::pair<std::int64_t, std::int64_t> square;
};

//! The cells of one piece of land (an owner's, or free) along the grid.
std::vector<Piece> cut(const GEOSGeometry *land, int owner, const gis::SquareGrid &grid,
                       const gis::Crs &workingCrs)
{
  std::vector<Piece> out;
  if (gis::isEmpty(land))
    return out;
  const gis::EllipsoidalArea &area = gis::EllipsoidalArea::forThread(workingCrs);
  gis::splitByGrid(land, grid, [&](std::int64_t column, std::int64_t row, gis::Geometry piece) {
    // A square may hold several disjoint polygons of the land (two plots with a gap between
    // them): each is a cell of its own, or adjacency would join what does not touch.
    for (gis::Geometry &g : polygonsOf(piece.get())) {
      ForestCells::Cell cell;
      // Cells are at most a few hundred metres across: the authalic sphere measures them within
      // 1e-3 m² of the geodesic (gis/EllipsoidalArea.h) at an eighth of the cost.
      cell.areaM2 = area.squareMetresSmallRingsAuthalic(g.get());
      if (!(cell.areaM2 > 1e-3)) // slivers of the overlay
        continue;
      cell.envelope = gis::envelope(g.get());
      auto [x, y] = gis::pointXY(gis::pointOnSurface(g.get()).get());
      cell.x = x;
      cell.y = y;
      cell.owner = owner;
      cell.geometry = std::move(g);
      out.push_back({std::move(cell), {column, row}});
    }
  });
  return out;
}

} // namespace

ForestCells ForestCells::build(const std::vector<const GEOSGeometry *> &pool,
                               const std::vector<std::vector<const GEOSGeometry *>> &owned,
                               double cellM, const gis::Crs &workingCrs, int threads,
                               const Progress *progress)
{
  if (!(cellM > 0) || !std::isfinite(cellM))
    throw PlanInputError("cell size must be a positive number of metres, not " +
                         std::to_string(cellM));
  gis::Geometry poolUnion = pool.empty() ? nullptr : gis::polygonalParts(gis::unionAll(pool).get());
  if (!poolUnion || gis::isEmpty(poolUnion.get()))
    throw PlanInputError("the forest pool is empty: neither forest_land nor ranger_plots has a "
                         "polygon");
  // The cells are at least the pool's area over a cell's; refuse before cutting anything.
  const double estimate = gis::planarArea(poolUnion.get()) / (cellM * cellM);
  if (estimate > kMaxCells) {
    const double least = std::ceil(std::sqrt(estimate / kMaxCells) * cellM / 10) * 10;
    throw PlanInputError("cell size " + std::to_string(int(cellM)) +
                         " m would cut the forest "
                         "pool into about " +
                         std::to_string(std::int64_t(estimate)) +
                         " cells, more than 10,000,000; use a cell size of at least " +
                         std::to_string(int(least)) + " m");
  }
  ForestCells cells;
  cells.m_grid.size = cellM;
  std::vector<gis::Geometry> poolParts = polygonsOf(poolUnion.get());
  poolUnion.reset();
  gis::StrTree poolTree(raw(poolParts));

  // Each owner's land inside the pool, less what a lower owner already claims; then the free
  // rest of each pool part. Owners and parts are cut on several threads, appended in order.
  std::vector<gis::Geometry> regions(owned.size());
  parallelFor(owned.size(), threads, [&](std::size_t k) {
    throwIfCancelled(progress);
    if (owned[k].empty())
      return;
    gis::Geometry plots = gis::polygonalParts(gis::unionAll(owned[k]).get());
    gis::Geometry forest = unionNear(poolTree, poolParts, plots.get());
    if (forest)
      regions[k] = gis::polygonalParts(gis::intersection(plots.get(), forest.get()).get());
  });
  std::vector<gis::Geometry> claimed(owned.size());
  for (std::size_t k = 0; k < owned.size(); ++k)
    claimed[k] =
        regions[k] ? gis::clone(regions[k].get()) : gis::makeCollection(GEOS_MULTIPOLYGON, {});
  gis::StrTree claimTree(raw(claimed));
  std::vector<std::vector<Piece>> pieces(owned.size() + poolParts.size());
  parallelFor(pieces.size(), threads, [&](std::size_t i) {
    throwIfCancelled(progress);
    if (i < owned.size()) {
      if (!regions[i] || gis::isEmpty(regions[i].get()))
        return;
      if (gis::Geometry earlier = unionNear(claimTree, claimed, regions[i].get(), i))
        regions[i] = gis::polygonalParts(gis::difference(regions[i].get(), earlier.get()).get());
      pieces[i] = cut(regions[i].get(), int(i), cells.m_grid, workingCrs);
      return;
    }
    const GEOSGeometry *part = poolParts[i - owned.size()].get();
    gis::Geometry owners = unionNear(claimTree, claimed, part);
    gis::Geometry free =
        owners ? gis::polygonalParts(gis::difference(part, owners.get()).get()) : gis::clone(part);
    pieces[i] = cut(free.get(), kFree, cells.m_grid, workingCrs);
  });
  for (std::vector<Piece> &list : pieces)
    for (Piece &piece : list) {
      cells.m_cells.push_back(std::move(piece.cell));
      cells.m_square.push_back(piece.square);
    }
  std::vector<gis::StrTree::Item> items;
  items.reserve(cells.m_cells.size());
  for (std::size_t i = 0; i < cells.m_cells.size(); ++i)
    items.push_back({cells.m_cells[i].envelope, i});
  cells.m_index = std::make_unique<gis::StrTree>(std::move(items));
  cells.linkNeighbours();
  return cells;
}

void ForestCells::linkNeighbours()
{
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<int>> bySquare;
  for (std::size_t i = 0; i < m_cells.size(); ++i)
    bySquare[m_square[i]].push_back(int(i));
  const double full = m_grid.size * m_grid.size;
  auto isFull = [&](int i) {
    return std::abs(gis::planarArea(m_cells[i].geometry.get()) - full) < full * 1e-9;
  };
  m_neighbours.assign(m_cells.size(), {});
  auto link = [&](int a, int b) {
    m_neighbours[a].push_back(b);
    m_neighbours[b].push_back(a);
  };
  for (const auto &[square, ids] : bySquare) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      for (std::size_t j = i + 1; j < ids.size(); ++j)
        if (gis::shareEdge(m_cells[ids[i]].geometry.get(), m_cells[ids[j]].geometry.get()))
          link(ids[i], ids[j]);
    for (auto next :
         {std::pair{square.first + 1, square.second}, std::pair{square.first, square.second + 1}}) {
      auto it = bySquare.find(next);
      if (it == bySquare.end())
        continue;
      for (int a : ids)
        for (int b : it->second) {
          // Two whole squares side by side share their whole edge.
          if ((ids.size() == 1 && it->second.size() == 1 && isFull(a) && isFull(b)) ||
              (m_cells[a].envelope.intersects(m_cells[b].envelope) &&
               gis::shareEdge(m_cells[a].geometry.get(), m_cells[b].geometry.get())))
            link(a, b);
        }
    }
  }
}

} // namespace anzhi::core::plan
