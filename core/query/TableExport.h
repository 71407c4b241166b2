#pragma once

#include "gis/Vector.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace anzhi::core {

//! A table to write: its column headings and types, and its rows read one at a time (so that
//! 1.7 M rows are never all in memory as values).
struct TableOut
{
  std::vector<std::string> headings;
  std::vector<gis::FieldType> types;
  std::size_t rows = 0;
  //! Fills `cells` (one per heading) with row `row`'s values.
  std::function<void(std::size_t row, std::vector<gis::FieldValue> &cells)> row;
};

enum class TableFormat
{
  Csv, //!< UTF-8 with BOM, RFC 4180 records (CsvRecord), as `anzhi-cli check --csv`
  Xlsx //!< one sheet through GDAL's XLSX driver
};

//! The format `path`'s extension names (.csv, .xlsx, any case); throws OutputError naming the
//! file for another one.
TableFormat tableFormatOf(const std::string &path);

//! Writes the table to `path`, replacing it only once complete (a failed export leaves what was
//! there); the sheet of an XLSX is named `sheet`. Throws OutputError naming the file.
void writeTable(const std::string &path, const std::string &sheet, const TableOut &table);

} // namespace anzhi::core
