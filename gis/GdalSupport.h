#pragma once

// GDAL set-up and error text shared by gis/'s vector and raster adapters (not a public API).

#include "gis/Vector.h"

#include <gdal_priv.h>
#include <ogr_core.h>

#include <string>

namespace anzhi::gis::detail {

//! Registers GDAL's drivers once per process and keeps its errors off stderr: they reach the
//! user through GisError with their context.
void initGdal();
//! GDAL's last error message on this thread, or "unknown GDAL error".
std::string lastGdalError();
//! A new, empty vector file at `path` written by GDAL's `driver`; `what` names the kind of file
//! in the errors ("the workbook"). Throws GisError when the file exists, this GDAL cannot write
//! it or the creation fails.
GDALDatasetUniquePtr createVectorFile(const std::string &path, const char *driver,
                                      const std::string &what);
//! The OGR type a field of that type is written as.
OGRFieldType ogrFieldType(FieldType type);

} // namespace anzhi::gis::detail
