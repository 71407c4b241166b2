#include "core/query/TableExport.h"

#include "core/report/AtomicFile.h"
#include "core/report/CsvRecord.h"
#include "gis/GisError.h"
#include "gis/Spreadsheet.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace anzhi::core {

namespace {

namespace fs = std::filesystem;

void writeCsv(const std::string &path, const TableOut &table)
{
  AtomicFile file(path);
  CsvRecord heading;
  for (const std::string &h : table.headings)
    heading.text(h);
  file.write("\xEF\xBB\xBF" + heading.line());
  std::vector<gis::FieldValue> cells(table.headings.size());
  for (std::size_t r = 0; r < table.rows; ++r) {
    table.row(r, cells);
    CsvRecord record;
    for (const gis::FieldValue &v : cells) {
      if (auto *n = std::get_if<std::int64_t>(&v))
        record.number(*n);
      else if (auto *d = std::get_if<double>(&v))
        record.number(std::optional<double>(*d));
      else if (auto *s = std::get_if<std::string>(&v))
        record.text(*s);
      else if (auto *date = std::get_if<gis::Date>(&v))
        record.text(date->toString());
      else
        record.text("");
    }
    file.write(record.line());
  }
  file.commit();
}

//! A private folder beside the output, removed with whatever is left in it. Not OutputStaging:
//! GDAL's /vsizip/ reads a folder named "x.xlsx.partial-…" as the archive, so the workbook is
//! staged in a folder whose name holds no ".xlsx".
class SheetStaging
{
public:
  explicit SheetStaging(const std::string &path)
  {
    fs::path parent = fs::path(path).parent_path();
    std::string folder =
        ((parent.empty() ? fs::path(".") : parent) / ".anzhi-sheet-XXXXXX").string();
    if (!::mkdtemp(folder.data()))
      throw OutputError(path + ": cannot write beside it: " + std::strerror(errno));
    m_folder = folder;
  }
  ~SheetStaging()
  {
    std::error_code ec;
    fs::remove_all(m_folder, ec);
  }
  std::string staged() const { return m_folder + "/table.xlsx"; }

private:
  std::string m_folder;
};

void writeXlsx(const std::string &path, const std::string &sheet, const TableOut &table)
{
  SheetStaging staging(path);
  try {
    std::vector<gis::FieldDefinition> columns;
    for (std::size_t c = 0; c < table.headings.size(); ++c)
      columns.push_back({table.headings[c], table.types[c]});
    gis::SpreadsheetWriter writer(staging.staged(), sheet, columns);
    std::vector<gis::FieldValue> cells(table.headings.size());
    for (std::size_t r = 0; r < table.rows; ++r) {
      table.row(r, cells);
      writer.add(cells);
    }
    writer.close();
  } catch (const gis::GisError &e) {
    throw OutputError(path + ": " + e.what());
  }
  std::error_code ec;
  fs::rename(staging.staged(), path, ec);
  if (ec)
    throw OutputError(path + ": cannot write it: " + ec.message());
}

} // namespace

TableFormat tableFormatOf(const std::string &path)
{
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == ".csv")
    return TableFormat::Csv;
  if (ext == ".xlsx")
    return TableFormat::Xlsx;
  throw OutputError(path + ": the table is written as .csv or .xlsx");
}

void writeTable(const std::string &path, const std::string &sheet, const TableOut &table)
{
  if (tableFormatOf(path) == TableFormat::Csv)
    writeCsv(path, table);
  else
    writeXlsx(path, sheet, table);
}

} // namespace anzhi::core
