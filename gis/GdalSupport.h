#pragma once

// GDAL set-up and error text shared by gis/'s vector and raster adapters (not a public API).

#include <string>

namespace anzhi::gis::detail {

//! Registers GDAL's drivers once per process and keeps its errors off stderr: they reach the
//! user through GisError with their context.
void initGdal();
//! GDAL's last error message on this thread, or "unknown GDAL error".
std::string lastGdalError();

} // namespace anzhi::gis::detail
