#include "gis/FileGdb.h"

#include "gis/GdalSupport.h"
#include "gis/GisError.h"

#include <ogrsf_frmts.h>

#include <limits>

namespace anzhi::gis {

using detail::lastGdalError;

namespace {

OGRwkbGeometryType gdbType(GeometryKind kind)
{
  switch (kind) {
  case GeometryKind::None:
    return wkbNone;
  case GeometryKind::Point:
    return wkbPoint;
  case GeometryKind::Line:
    return wkbMultiLineString;
  case GeometryKind::Polygon:
  case GeometryKind::MultiPolygon:
    return wkbMultiPolygon;
  case GeometryKind::Any:
    break;
  }
  return wkbUnknown;
}

OGRFieldType gdbType(FieldType type)
{
  switch (type) {
  case FieldType::Integer:
    return OFTInteger;
  case FieldType::Real:
    return OFTReal;
  case FieldType::String:
    return OFTString;
  case FieldType::Date:
    return OFTDate;
  }
  return OFTString;
}

} // namespace

FileGdbWriter::FileGdbWriter(const std::string &path)
    : m_path(path)
{
  m_dataset = detail::createVectorFile(path, "OpenFileGDB", "a File Geodatabase");
}

FileGdbWriter::~FileGdbWriter() = default;

void FileGdbWriter::createLayer(const std::string &name, const std::string &alias,
                                GeometryKind kind, const std::optional<Crs> &crs,
                                const std::vector<GdbField> &fields)
{
  if (kind == GeometryKind::Any)
    throw GisError(m_path + ": layer '" + name +
                   "': a File Geodatabase layer holds one kind of geometry");
  OGRSpatialReference srs;
  const bool spatial = kind != GeometryKind::None && crs;
  if (spatial) {
    if (srs.SetFromUserInput(crs->definition().c_str()) != OGRERR_NONE)
      throw GisError(m_path + ": layer '" + name + "': cannot use CRS " + crs->authId());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  const std::string aliasOption = "LAYER_ALIAS=" + alias;
  std::vector<const char *> options;
  if (!alias.empty())
    options.push_back(aliasOption.c_str());
  options.push_back(nullptr);
  CPLErrorReset();
  m_layer = m_dataset->CreateLayer(name.c_str(), spatial ? &srs : nullptr, gdbType(kind),
                                   const_cast<char **>(options.data()));
  if (!m_layer)
    throw GisError(m_path + ": cannot create layer '" + name + "': " + lastGdalError());
  m_layerName = name;
  for (const GdbField &f : fields) {
    OGRFieldDefn defn(f.name.c_str(), gdbType(f.type));
    if (!f.alias.empty())
      defn.SetAlternativeName(f.alias.c_str());
    if (m_layer->CreateField(&defn) != OGRERR_NONE)
      throw GisError(m_path + ": layer '" + name + "': cannot create field '" + f.name +
                     "': " + lastGdalError());
  }
}

void FileGdbWriter::add(const GEOSGeometry *geometry, const std::vector<FieldValue> &values)
{
  if (!m_layer)
    throw GisError(m_path + ": no layer to write to");
  OGRFeature feature(m_layer->GetLayerDefn());
  if (geometry) {
    std::vector<unsigned char> wkb = toWkb(geometry);
    OGRGeometry *g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), m_layer->GetSpatialRef(), &g, wkb.size()) !=
        OGRERR_NONE)
      throw GisError(m_path + ": layer '" + m_layerName + "': cannot convert a geometry");
    feature.SetGeometryDirectly(g);
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int field = static_cast<int>(i);
    const FieldValue &v = values[i];
    if (const auto *n = std::get_if<std::int64_t>(&v)) {
      if (*n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max())
        throw GisError(m_path + ": layer '" + m_layerName + "', field '" +
                       m_layer->GetLayerDefn()->GetFieldDefn(field)->GetNameRef() + "': " +
                       std::to_string(*n) + " does not fit a File Geodatabase integer (32 bits)");
      feature.SetField(field, static_cast<int>(*n));
    } else if (const auto *d = std::get_if<double>(&v)) {
      feature.SetField(field, *d);
    } else if (const auto *s = std::get_if<std::string>(&v)) {
      feature.SetField(field, s->c_str());
    } else if (const auto *date = std::get_if<Date>(&v)) {
      feature.SetField(field, date->year, date->month, date->day);
    } else {
      feature.SetFieldNull(field);
    }
  }
  CPLErrorReset();
  if (m_layer->CreateFeature(&feature) != OGRERR_NONE)
    throw GisError(m_path + ": layer '" + m_layerName +
                   "': cannot write a feature: " + lastGdalError());
}

void FileGdbWriter::close()
{
  if (!m_dataset)
    return;
  m_layer = nullptr;
  CPLErrorReset();
  GDALClose(GDALDataset::ToHandle(m_dataset.release())); // GDAL 3.6: no status, only the error
  if (CPLGetLastErrorType() >= CE_Failure)
    throw GisError(m_path + ": cannot finish the File Geodatabase: " + lastGdalError());
}

} // namespace anzhi::gis
