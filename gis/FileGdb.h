#pragma once

// Writes an Esri File Geodatabase (a folder named *.gdb) with GDAL's OpenFileGDB driver, which
// writes since GDAL 3.6: feature classes and tables with aliases for the layers and fields.

#include "gis/Crs.h"
#include "gis/Geos.h"
#include "gis/Vector.h"

#include <optional>
#include <string>
#include <vector>

namespace anzhi::gis {

//! A field of a File Geodatabase layer: its name, type and alias (what ArcGIS shows).
struct GdbField
{
  std::string name;
  FieldType type = FieldType::String;
  std::string alias;
};

//! A new File Geodatabase being written, one layer after the other. Owns its GDAL dataset.
//! Thread: one thread.
class FileGdbWriter
{
public:
  //! Creates the folder `path` (its name must end in .gdb); throws GisError naming it when it
  //! exists or GDAL cannot create it.
  explicit FileGdbWriter(const std::string &path);
  ~FileGdbWriter();
  FileGdbWriter(const FileGdbWriter &) = delete;
  FileGdbWriter &operator=(const FileGdbWriter &) = delete;

  //! Adds a layer — a feature class of points (Point), lines (Line: polylines) or polygons
  //! (Polygon, MultiPolygon), or a table (None) — and makes it the one add() writes to. Whole
  //! numbers are 32-bit (GDAL 3.6 writes 64-bit ones as reals). Throws GisError for Any.
  void createLayer(const std::string &name, const std::string &alias, GeometryKind kind,
                   const std::optional<Crs> &crs, const std::vector<GdbField> &fields);
  //! Appends a feature (values in the order of the layer's fields). Throws GisError naming the
  //! layer when a whole number needs more than 32 bits or GDAL refuses the feature (a geometry
  //! of another type than the layer's).
  void add(const GEOSGeometry *geometry, const std::vector<FieldValue> &values);
  //! Finishes the file: flushes and closes the dataset; throws GisError when GDAL could not.
  void close();

private:
  std::string m_path;
  GDALDatasetUniquePtr m_dataset;
  OGRLayer *m_layer = nullptr;
  std::string m_layerName;
};

} // namespace anzhi::gis
