#pragma once

#include "gis/Crs.h"
#include "gis/Geos.h"
#include "gis/Raster.h"

namespace anzhi::gis {

//! The height in metres of one cell of a geographic grid: its height in radians times the
//! meridian's radius of curvature M(φ) = a(1 − e²) / (1 − e² sin²φ)^(3/2) at the latitude φ of
//! the grid's centre, on the ellipsoid (a, f). Constant over the grid by design: the warp
//! below needs one cell size.
double cellHeightMetres(const GridGeometry &geographic, double semiMajor, double flattening);

//! A raster in a geographic CRS resampled onto a grid of a projected CRS, window by window:
//! square cells of cellHeightMetres() (on the projected CRS's ellipsoid) whose edges are whole
//! multiples of that size, each cell's value the four-neighbour bilinear interpolation of
//! the source cells whose centres surround the cell centre's inverse-transformed position
//! (exactly that kernel, whatever the ratio of cell sizes: GDAL's bilinear widens its kernel
//! when it downsamples). A cell has no value (NaN) when its centre falls outside the rectangle
//! of the source's outermost cell centres, cannot be transformed, or when one of the four
//! source cells is nodata. Every window of the same target cells holds the same values.
//! Thread: like the RasterDataset it reads, one thread.
class GeographicWarp
{
public:
  //! Throws GisError naming the source unless its CRS is geographic and target projected.
  GeographicWarp(RasterDataset &source, const Crs &target);

  double cellSize() const { return m_cellSize; }
  //! The target cells that env (target CRS) meets, widened by `margin` cells on every side.
  RasterWindow read(const Envelope &env, int margin);

private:
  RasterDataset &m_source;
  Crs m_target;
  double m_cellSize = 0;
};

} // namespace anzhi::gis
