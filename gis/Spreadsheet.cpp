#include "gis/Spreadsheet.h"

#include "gis/GdalSupport.h"
#include "gis/GisError.h"

#include <ogrsf_frmts.h>

namespace anzhi::gis {

using detail::lastGdalError;
using detail::ogrFieldType;

SpreadsheetWriter::SpreadsheetWriter(const std::string &path, const std::string &sheet,
                                     const std::vector<FieldDefinition> &columns)
    : m_path(path)
{
  m_dataset = detail::createVectorFile(path, "XLSX", "the workbook");
  m_layer = m_dataset->CreateLayer(sheet.c_str(), nullptr, wkbNone, nullptr);
  if (!m_layer)
    throw GisError(path + ": cannot create sheet '" + sheet + "': " + lastGdalError());
  for (const FieldDefinition &c : columns) {
    OGRFieldDefn defn(c.name.c_str(), ogrFieldType(c.type));
    if (m_layer->CreateField(&defn) != OGRERR_NONE)
      throw GisError(path + ": sheet '" + sheet + "': cannot create column '" + c.name +
                     "': " + lastGdalError());
  }
}

SpreadsheetWriter::~SpreadsheetWriter() = default;

void SpreadsheetWriter::add(const std::vector<FieldValue> &values)
{
  OGRFeature feature(m_layer->GetLayerDefn());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int field = static_cast<int>(i);
    const FieldValue &v = values[i];
    if (const auto *n = std::get_if<std::int64_t>(&v))
      feature.SetField(field, static_cast<GIntBig>(*n));
    else if (const auto *d = std::get_if<double>(&v))
      feature.SetField(field, *d);
    else if (const auto *s = std::get_if<std::string>(&v))
      feature.SetField(field, s->c_str());
    else if (const auto *date = std::get_if<Date>(&v))
      feature.SetField(field, date->year, date->month, date->day);
    else
      feature.SetFieldNull(field);
  }
  CPLErrorReset();
  if (m_layer->CreateFeature(&feature) != OGRERR_NONE)
    throw GisError(m_path + ": cannot write a row: " + lastGdalError());
}

void SpreadsheetWriter::close()
{
  if (!m_dataset)
    return;
  CPLErrorReset();
  m_dataset.reset(); // the XLSX driver writes the workbook as it closes
  m_layer = nullptr;
  if (CPLGetLastErrorType() >= CE_Failure)
    throw GisError(m_path + ": cannot write the workbook: " + lastGdalError());
}

} // namespace anzhi::gis
