#include "core/import/BoundaryPointLayer.h"

#include "core/import/BoundaryPointFile.h"
#include "core/import/ImportError.h"
#include "gis/GisError.h"
#include "gis/Vector.h"
#include "gis/VectorSupport.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace anzhi::core {

bool isBoundaryPointPath(const std::string &path)
{
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt";
}

BoundaryPointLayer::BoundaryPointLayer() = default;
BoundaryPointLayer::~BoundaryPointLayer() = default;

std::shared_ptr<const BoundaryPointLayer>
BoundaryPointLayer::load(const std::string &path, std::optional<gis::TextEncoding> encoding)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ImportError(path + ": cannot read the file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const BoundaryPointFile file = parseBoundaryPointFile(bytes.str(), path, encoding);

  std::shared_ptr<BoundaryPointLayer> layer(new BoundaryPointLayer);
  layer->m_encodingNote =
      std::string(gis::encodingName(file.encoding)) + (encoding ? " (--encoding)" : " (detected)");
  const BoundaryPointCrs crs = boundaryPointCrs(file, path);
  if (crs.epsg)
    layer->m_crs = gis::Crs::fromEpsg(*crs.epsg);
  else
    layer->m_crsProblem = crs.problem;

  std::vector<gis::Geometry> geometries;
  bool allPolygons = true;
  std::size_t extra = 0;
  for (const BoundaryPlot &plot : file.plots) {
    geometries.push_back(plotGeometry(plot, path));
    allPolygons = allPolygons && gis::typeId(geometries.back().get()) == GEOS_MULTIPOLYGON;
    extra = std::max(extra, plot.extra.size());
    layer->m_lines.push_back(plot.line);
    layer->m_codes.push_back(plot.code);
  }

  using F = gis::FieldType;
  std::vector<gis::FieldDefinition> fields = {{"地块编号", F::String}, {"地块名称", F::String},
                                              {"地块用途", F::String}, {"地类编码", F::String},
                                              {"图幅号", F::String},   {"记录图形属性", F::String},
                                              {"地块面积", F::Real},   {"界址点数", F::Integer}};
  for (std::size_t i = 0; i < extra; ++i)
    fields.push_back({"字段" + std::to_string(9 + i), F::String});
  layer->m_folder = std::make_unique<gis::MemoryFolder>();
  layer->m_gdalPath = layer->m_folder->file("boundary-points.gpkg");
  try {
    gis::VectorDataset out = gis::VectorDataset::createGeoPackage(layer->m_gdalPath);
    gis::LayerWriter writer = out.createLayer(
        kLayerName, allPolygons ? gis::GeometryKind::MultiPolygon : gis::GeometryKind::Any,
        layer->m_crs, fields);
    gis::Transaction transaction(out);
    for (std::size_t i = 0; i < file.plots.size(); ++i) {
      const BoundaryPlot &p = file.plots[i];
      const auto text = [](const std::string &s) {
        return s.empty() ? gis::FieldValue() : gis::FieldValue(s);
      };
      std::vector<gis::FieldValue> values = {text(p.code),
                                             text(p.name),
                                             text(p.use),
                                             text(p.landClass),
                                             text(p.sheet),
                                             text(p.shape),
                                             p.areaHectares ? gis::FieldValue(*p.areaHectares)
                                                            : gis::FieldValue(),
                                             gis::FieldValue(p.pointCount)};
      for (std::size_t e = 0; e < extra; ++e)
        values.push_back(e < p.extra.size() ? text(p.extra[e]) : gis::FieldValue());
      writer.add(geometries[i].get(), values, static_cast<std::int64_t>(i + 1));
    }
    transaction.commit();
  } catch (const gis::GisError &e) {
    throw ImportError(path + ": cannot hold the plots for the import: " + e.what());
  }
  return layer;
}

std::string BoundaryPointLayer::describe(std::int64_t fid) const
{
  if (fid < 1 || fid > static_cast<std::int64_t>(m_lines.size()))
    return "plot " + std::to_string(fid);
  const std::size_t i = static_cast<std::size_t>(fid - 1);
  return "plot " + std::to_string(fid) + " '" + m_codes[i] + "' (line " +
         std::to_string(m_lines[i]) + ")";
}

std::vector<FieldMapping> BoundaryPointLayer::suggestedFields()
{
  return {{"code", "地块编号"}, {"name", "地块名称"}, {"land_use", "地类编码"}};
}

} // namespace anzhi::core
