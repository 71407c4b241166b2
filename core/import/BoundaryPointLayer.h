#pragma once

#include "core/import/FieldMapping.h"
#include "gis/Crs.h"
#include "gis/TextEncoding.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::gis {
class MemoryFolder;
}

namespace anzhi::core {

//! Whether the importer reads `path` as a 界址点坐标 TXT (its extension is .txt).
bool isBoundaryPointPath(const std::string &path);

//! A 界址点坐标 TXT (core/import/BoundaryPointFile.h) as a layer GDAL can read, so that the
//! importer's one pipeline takes it: the plots written into a GeoPackage in GDAL's memory, one
//! feature per plot (fid: its number in the file, from 1) in its geometry (GIS axis order) and
//! the fields 地块编号, 地块名称, 地块用途, 地类编码, 图幅号, 记录图形属性, 地块面积 (real),
//! 界址点数 (integer), and 字段9, 字段10, … for the fields some files add before @. The memory
//! file goes with the last copy of the object. Thread: one thread at a time.
class BoundaryPointLayer
{
public:
  //! The name of the layer (what the import summary calls it).
  static constexpr const char *kLayerName = "地块坐标";

  //! Reads and parses the file and writes the layer. Throws ImportError naming the file and line
  //! (core::parseBoundaryPointFile, core::plotGeometry).
  static std::shared_ptr<const BoundaryPointLayer> load(const std::string &path,
                                                        std::optional<gis::TextEncoding> encoding);
  ~BoundaryPointLayer();

  //! The GeoPackage GDAL opens (a /vsimem/ path).
  const std::string &gdalPath() const { return m_gdalPath; }
  //! The CRS the header gives; when it gives none, why (one line naming file and line).
  const std::optional<gis::Crs> &crs() const { return m_crs; }
  const std::string &crsProblem() const { return m_crsProblem; }
  //! "GBK (detected)", "UTF-8 (--encoding)", …
  const std::string &encodingNote() const { return m_encodingNote; }
  //! "plot 3 'DK-3' (line 17)" for a feature's fid.
  std::string describe(std::int64_t fid) const;
  //! What the importer maps by default: code=地块编号, name=地块名称, land_use=地类编码.
  static std::vector<FieldMapping> suggestedFields();

private:
  BoundaryPointLayer();
  std::unique_ptr<gis::MemoryFolder> m_folder;
  std::string m_gdalPath;
  std::optional<gis::Crs> m_crs;
  std::string m_crsProblem;
  std::string m_encodingNote;
  std::vector<int> m_lines;         //!< per plot: its header line
  std::vector<std::string> m_codes; //!< per plot: 地块编号
};

} // namespace anzhi::core
