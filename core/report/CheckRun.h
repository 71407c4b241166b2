#pragma once

#include "core/Progress.h"
#include "core/report/Report.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace anzhi::core {

//! What to check and which outputs to write: `anzhi-cli check`'s arguments (docs/contract.md
//! "Command line contract"), parsed.
struct CheckOptions
{
  std::string project;
  std::optional<std::string> rulesFile;  //!< TOML rule set; the built-in one when unset
  std::optional<std::string> workingCrs; //!< as the user wrote it (EPSG:4546); overrides the sites'
  std::string lang = "zh";               //!< of messages and reports: "zh" or "en"
  //! A DEM raster overriding the project's (core/Terrain.h, locateDem).
  std::optional<std::string> dem;
  //! The outputs, each written atomically; an unset one is not written.
  std::optional<std::string> json, html, csv, violations;
  //! Hears, before the check runs, what it will not do although asked to (a rule set that
  //! disables every rule). Optional.
  std::function<void(const std::string &)> warn;
};

//! A check that ran and wrote its outputs.
struct CheckRun
{
  //! What the outputs hold: the open violations, the accepted exceptions apart.
  Report report;
  //! The loaded project. A process about to exit may leave it unreleased: freeing millions of
  //! geometries one by one only costs time.
  std::shared_ptr<const Project> project;
};

//! `anzhi-cli check` without the command line, as GDAL keeps ogr2ogr in a library: refuses an
//! output that is the project or one of its files (before anything is read), loads the rule
//! set and the project, checks it, sets apart the violations accepted as exceptions (例外)
//! stored in the project, and writes the JSON, HTML, CSV and GeoPackage outputs asked for, in
//! that order. Throws, with a message naming the file, layer, feature or field at fault, when
//! the check cannot run or an output cannot be written (the outputs written before it stay);
//! Cancelled through `progress`.
CheckRun runCheck(const CheckOptions &options, const Progress *progress = nullptr);

} // namespace anzhi::core
