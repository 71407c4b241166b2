#pragma once

#include "data/generator/SiteGenerator.h"

#include <string>
#include <vector>

namespace anzhi::sample::detail {

//! The sample's DEM, for reclamation-suitability: 30 m cells in EPSG:4546 over the first
//! kMaxCells × kMaxCells cells of the site grid from its south-west corner (16 km square,
//! about 1 MB of Float32: a quarter of the default 60 sites' grid; homesteads beyond it are
//! counted unchecked), gentle everywhere (under 6°) but for a strip rising 0.7 m per metre
//! eastwards (over 31°) under the western village of every package-0 site given (local
//! x 500–800, full height for local y 1700–2200, where every homestead lies).
class SampleDem
{
public:
  static constexpr double kCellSize = 30;
  static constexpr int kMaxCells = 4;

  SampleDem(const Grid &grid, std::vector<int> steepSites);
  //! Whether the DEM covers the grid cell of `site`.
  static bool covers(const Grid &grid, int site);
  //! Elevation in metres at (x, y), EPSG:4546.
  double elevation(double x, double y) const;
  //! Stores the DEM as the `dem` table of the GeoPackage at `path` (closed).
  void write(const std::string &path) const;

private:
  Grid m_grid;
  std::vector<int> m_steepSites;
};

} // namespace anzhi::sample::detail
