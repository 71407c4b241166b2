#pragma once

// Writes a table to an Excel workbook (.xlsx) with GDAL's XLSX driver.

#include "gis/Vector.h"

#include <string>
#include <vector>

namespace anzhi::gis {

//! A new .xlsx workbook with one sheet, written row after row. Owns its GDAL dataset; the
//! driver writes the file when close() is called. Thread: one thread.
class SpreadsheetWriter
{
public:
  //! Creates the workbook `path` with the sheet `sheet` and these columns (headings in the
  //! first row); throws GisError naming the file when it exists or GDAL cannot create it.
  SpreadsheetWriter(const std::string &path, const std::string &sheet,
                    const std::vector<FieldDefinition> &columns);
  ~SpreadsheetWriter();
  SpreadsheetWriter(const SpreadsheetWriter &) = delete;
  SpreadsheetWriter &operator=(const SpreadsheetWriter &) = delete;

  //! Appends a row (a value per column; null leaves the cell empty).
  void add(const std::vector<FieldValue> &values);
  //! Writes and closes the workbook; throws GisError naming the file when GDAL could not.
  void close();

private:
  std::string m_path;
  GDALDatasetUniquePtr m_dataset;
  OGRLayer *m_layer = nullptr;
};

} // namespace anzhi::gis
