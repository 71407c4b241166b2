#include "gis/GeographicWarp.h"

#include "gis/GisError.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace anzhi::gis {

double cellHeightMetres(const GridGeometry &geographic, double semiMajor, double flattening)
{
  const double e2 = flattening * (2 - flattening);
  const double phi =
      (geographic.originY - geographic.rows * geographic.cellHeight / 2) * std::numbers::pi / 180;
  const double s = std::sin(phi);
  const double meridianRadius = semiMajor * (1 - e2) / std::pow(1 - e2 * s * s, 1.5);
  return geographic.cellHeight * std::numbers::pi / 180 * meridianRadius;
}

GeographicWarp::GeographicWarp(RasterDataset &source, const Crs &target)
    : m_source(source)
    , m_target(target)
{
  if (!source.crs().isGeographic())
    throw GisError(source.source() + ": not in a geographic CRS, nothing to warp");
  if (!target.isProjected())
    throw GisError(source.source() + ": cannot warp onto " + target.authId() +
                   ", which is not projected");
  m_cellSize = cellHeightMetres(source.grid(), target.semiMajor(), target.flattening());
}

RasterWindow GeographicWarp::read(const Envelope &env, int margin)
{
  const double s = m_cellSize;
  const long long left = (long long)std::floor(env.minX / s) - margin;
  const long long right = (long long)std::ceil(env.maxX / s) + margin; // an edge, exclusive
  const long long top = (long long)std::ceil(env.maxY / s) + margin;
  const long long bottom = (long long)std::floor(env.minY / s) - margin;
  RasterWindow out;
  out.grid = {double(left) * s, double(top) * s, s, s, int(right - left), int(top - bottom)};
  const std::size_t n = std::size_t(out.grid.columns) * std::size_t(out.grid.rows);
  out.values.assign(n, std::numeric_limits<double>::quiet_NaN());

  // Where each target centre falls among the source cell centres: the upper-left of its four
  // neighbours and the weights towards the others; column −1 marks no value.
  struct Sample
  {
    int column = -1, row = -1;
    double fx = 0, fy = 0;
  };
  std::vector<Sample> samples(n);
  const GridGeometry &src = m_source.grid();
  const CoordinateTransform &toSource = CoordinateTransform::forThread(m_target, m_source.crs());
  int minColumn = std::numeric_limits<int>::max(), minRow = minColumn, maxColumn = -1, maxRow = -1;
  for (int r = 0; r < out.grid.rows; ++r)
    for (int c = 0; c < out.grid.columns; ++c) {
      double x = out.grid.originX + (c + 0.5) * s, y = out.grid.originY - (r + 0.5) * s;
      if (!toSource.transform(x, y))
        continue;
      const double p = (x - src.originX) / src.cellWidth - 0.5;
      const double q = (src.originY - y) / src.cellHeight - 0.5;
      if (!(p >= 0 && p <= src.columns - 1 && q >= 0 && q <= src.rows - 1) || src.columns < 2 ||
          src.rows < 2)
        continue;
      // On the last centre the upper neighbour is the cell itself, weighted 1.
      const int i = std::min(int(std::floor(p)), src.columns - 2);
      const int j = std::min(int(std::floor(q)), src.rows - 2);
      samples[std::size_t(r) * std::size_t(out.grid.columns) + std::size_t(c)] = {i, j, p - i,
                                                                                  q - j};
      minColumn = std::min(minColumn, i);
      maxColumn = std::max(maxColumn, i + 1);
      minRow = std::min(minRow, j);
      maxRow = std::max(maxRow, j + 1);
    }
  if (maxColumn < 0)
    return out;
  const RasterWindow z =
      m_source.read(minColumn, minRow, maxColumn - minColumn + 1, maxRow - minRow + 1);
  for (std::size_t k = 0; k < n; ++k) {
    const Sample &a = samples[k];
    if (a.column < 0)
      continue;
    const int c = a.column - minColumn, r = a.row - minRow;
    // A nodata neighbour (NaN) makes the value NaN even at weight 0: no value next to a hole.
    out.values[k] = (1 - a.fx) * (1 - a.fy) * z.at(c, r) + a.fx * (1 - a.fy) * z.at(c + 1, r) +
                    (1 - a.fx) * a.fy * z.at(c, r + 1) + a.fx * a.fy * z.at(c + 1, r + 1);
  }
  return out;
}

} // namespace anzhi::gis
