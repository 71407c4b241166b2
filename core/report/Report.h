#pragma once

#include "core/AcceptedExceptions.h"
#include "core/Engine.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anzhi::core {

//! The violations accepted as exceptions (例外), each with its exception, in check order.
using ExceptedViolations = std::vector<std::pair<Violation, AcceptedException>>;

//! A finished check as every report presents it, whichever program writes it.
struct Report
{
  //! The check with only its open violations, each rule counting only those
  //! (core::withoutExcepted): what the HTML, the GeoPackage and the error count show.
  CheckResult open;
  //! Listed apart (JSON "exceptions", CSV status `exception`), never counted as errors.
  ExceptedViolations excepted;
  std::string projectName; //!< as the reports name the project
  std::string lang = "zh"; //!< of the messages: "zh" or "en"
  //! The CRS of the violations' locations, for the GeoPackage; when unset, `open.workingCrs`
  //! (an authority id such as EPSG:4546) is parsed.
  std::optional<gis::Crs> workingCrs;
};

enum class ReportFormat
{
  Json,          //!< anzhi.report/1 (docs/contract.md), streamed
  Html,          //!< self-contained, for reading
  Csv,           //!< one row per violation, open and excepted (Anzhi's extension)
  ViolationLayer //!< GeoPackage layer `violations` in the working CRS
};

//! Where a report written piece by piece goes (a file, a string), in order.
using ReportSink = std::function<void(std::string_view)>;

//! Writes `report` as `format` to `path`, atomically (core/report/AtomicFile.h): a failed write
//! leaves what was at `path`. Throws OutputError or std::runtime_error naming the path. The
//! caller refuses an output over the project first (refuseOutputOverProject). Thread: any.
void writeReport(const Report &report, ReportFormat format, const std::string &path);

} // namespace anzhi::core
