#include "app/desktop/Exporter.h"

#include "core/report/OutputGuard.h"
#include "core/report/Report.h"

#include <cctype>
#include <filesystem>
#include <stdexcept>

namespace anzhi::desktop {

namespace {

core::ReportFormat formatOf(const std::string &path)
{
  std::string ext = std::filesystem::path(path).extension().string();
  for (char &c : ext)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".gpkg")
    return core::ReportFormat::ViolationLayer;
  if (ext == ".csv")
    return core::ReportFormat::Csv;
  if (ext == ".html" || ext == ".htm")
    return core::ReportFormat::Html;
  if (ext == ".json")
    return core::ReportFormat::Json;
  throw std::runtime_error(path + ": unknown export format (use .gpkg, .csv, .html or .json)");
}

} // namespace

void exportViolations(const std::string &path, const std::string &project,
                      const core::CheckResult &result, const core::ExceptionSplit &split,
                      const std::string &lang)
{
  // Whatever the file dialog's overwrite confirmation said: an export never replaces the
  // project it was made from.
  core::refuseOutputOverProject(path, project);
  const core::ReportFormat format = formatOf(path);
  core::Report report;
  report.open = core::withoutExcepted(result, split);
  report.excepted = split.excepted;
  report.projectName = std::filesystem::path(result.project).filename().string();
  report.lang = lang;
  core::writeReport(report, format, path);
}

core::ExportSummary exportFeatures(const std::string &path, const std::string &project,
                                   const std::string &layer, const std::vector<std::int64_t> &fids)
{
  std::string ext = std::filesystem::path(path).extension().string();
  for (char &c : ext)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  core::ExportSelection selection;
  selection.fids = fids;
  if (ext == ".txt") {
    core::TxtExportRequest request;
    request.project = project;
    request.layer = layer;
    request.out = path;
    request.selection = selection;
    request.force = true;
    return core::exportBoundaryPoints(request);
  }
  if (ext == ".gdb") {
    core::GdbExportRequest request;
    request.project = project;
    request.layer = layer;
    request.out = path;
    request.selection = selection;
    request.force = true;
    return core::exportFileGdb(request);
  }
  throw core::ExportError(path + ": unknown export format (use .txt or .gdb)");
}

} // namespace anzhi::desktop
