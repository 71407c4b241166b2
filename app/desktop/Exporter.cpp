#include "app/desktop/Exporter.h"

#include "core/report/AtomicFile.h"
#include "core/report/HtmlReport.h"
#include "core/report/OutputGuard.h"
#include "core/report/ViolationLayer.h"

#include <filesystem>
#include <iomanip>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace anzhi::desktop {

namespace {

//! One CSV record: the only place a CSV cell is written. Text cells hold user data (codes,
//! names, messages, reasons) and are neutralised against formula injection (OWASP: a cell
//! starting with = + - @, tab or carriage return is run as a formula by Excel, WPS and
//! LibreOffice; a leading ' makes it text). Number cells hold numbers formatted here, never
//! user text, and stay bare so that a spreadsheet still reads a negative fid as a number.
class CsvRecord
{
public:
  CsvRecord &text(std::string_view value)
  {
    const bool formula = !value.empty() &&
                         std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
    cell(formula ? "'" + std::string(value) : std::string(value));
    return *this;
  }
  CsvRecord &number(std::int64_t value)
  {
    cell(std::to_string(value));
    return *this;
  }
  template<typename T> CsvRecord &number(const std::optional<T> &value)
  {
    if (!value) {
      cell({});
      return *this;
    }
    std::ostringstream o;
    if constexpr (std::is_floating_point_v<T>)
      o << std::fixed << std::setprecision(3);
    o << *value;
    cell(o.str());
    return *this;
  }
  //! The record with its CRLF (RFC 4180).
  std::string line() const { return m_line + "\r\n"; }

private:
  void cell(const std::string &value)
  {
    if (m_cells++ > 0)
      m_line += ',';
    if (value.find_first_of(",\"\n\r") == std::string::npos) {
      m_line += value;
      return;
    }
    m_line += '"';
    for (char c : value) {
      if (c == '"')
        m_line += '"';
      m_line += c;
    }
    m_line += '"';
  }

  std::string m_line;
  int m_cells = 0;
};

std::string header()
{
  CsvRecord r;
  for (const char *name :
       {"rule",    "severity",    "clause",           "layer",           "fid",
        "code",    "other_layer", "other_fid",        "other_code",      "level",
        "area_m2", "area_mu",     "distance_m",       "shortfall_seats", "township",
        "message", "status",      "exception_reason", "approval_no",     "wkt"})
    r.text(name);
  return r.line();
}

std::string row(const core::Violation &v, const std::string &lang, const core::AcceptedException *e)
{
  CsvRecord r;
  r.text(v.rule)
      .text(core::severityName(v.severity))
      .text(v.clause)
      .text(v.feature.layer)
      .number(v.feature.fid)
      .text(v.feature.code.value_or(""))
      .text(v.other ? v.other->layer : "")
      .number(v.other ? std::optional<std::int64_t>(v.other->fid) : std::nullopt)
      .text(v.other ? v.other->code.value_or("") : "")
      .text(v.level.value_or(""))
      .number(v.areaM2)
      .number(v.areaMu())
      .number(v.distanceM)
      .number(v.shortfallSeats)
      .text(v.township.value_or(""))
      .text(v.message(lang))
      .text(e ? "exception" : "open")
      .text(e ? e->reason : "")
      .text(e ? e->approvalNo : "")
      .text(v.wkt);
  return r.line();
}

} // namespace

void writeViolationsCsv(const std::string &path, const core::ExceptionSplit &split,
                        const std::string &lang)
{
  std::string out = "\xEF\xBB\xBF" + header();
  for (const core::Violation &v : split.open)
    out += row(v, lang, nullptr);
  for (const auto &[v, e] : split.excepted)
    out += row(v, lang, &e);
  core::writeFileAtomically(path, out);
}

void exportViolations(const std::string &path, const std::string &project,
                      const core::CheckResult &result, const core::ExceptionSplit &split,
                      const std::string &lang)
{
  // Whatever the file dialog's overwrite confirmation said: an export never replaces the
  // project it was made from.
  core::refuseOutputOverProject(path, project);
  std::string ext = std::filesystem::path(path).extension().string();
  for (char &c : ext)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  const core::CheckResult open = core::withoutExcepted(result, split);
  if (ext == ".gpkg") {
    // GDAL creates the file by name: written in a private folder, then renamed over `path`,
    // so that a failed export leaves the old file as it was.
    core::OutputStaging staging(path);
    core::writeViolationLayer(staging.stagedPath(), open,
                              gis::Crs::fromUserInput(result.workingCrs), lang);
    staging.commit();
  } else if (ext == ".csv") {
    writeViolationsCsv(path, split, lang);
  } else if (ext == ".html" || ext == ".htm") {
    core::writeFileAtomically(
        path,
        core::toHtmlReport(open, std::filesystem::path(result.project).filename().string(), lang));
  } else {
    throw std::runtime_error(path + ": unknown export format (use .gpkg, .csv or .html)");
  }
}

} // namespace anzhi::desktop
