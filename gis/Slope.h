#pragma once

#include "gis/Raster.h"

namespace anzhi::gis {

//! The slope in degrees of every cell of an elevation window by Horn's 3×3 method (the one
//! of gdaldem and ArcGIS), in float64: dz/dx = ((c + 2f + i) − (a + 2d + g)) / (8 · width),
//! dz/dy = ((g + 2h + i) − (a + 2b + c)) / (8 · height), slope = atan(hypot(dz/dx, dz/dy)).
//! Elevations and cell sizes must be in the same unit. A cell on the window's edge or with a
//! NaN among its 3×3 cells has no slope (NaN): read the window one cell wider than the cells
//! whose slope is wanted.
RasterWindow hornSlopeDegrees(const RasterWindow &elevation);

} // namespace anzhi::gis
