#pragma once

#include "core/Exceptions.h"

#include <string>

namespace anzhi::desktop {

//! Writes the open and excepted violations as CSV (UTF-8 with BOM, so that spreadsheet programs
//! read the Chinese text), one row each, with a `status` column (open / exception) and the
//! exception's reason and approval number. A text cell that a spreadsheet would run as a
//! formula (starting with = + - @, tab or carriage return) is written with a leading `'`;
//! numbers the exporter formats itself (fids, areas, distances, seats) are written as they are.
//! Throws std::runtime_error naming the path. Thread: any.
void writeViolationsCsv(const std::string &path, const core::ExceptionSplit &split,
                        const std::string &lang);

//! Writes by extension: .gpkg (core::writeViolationLayer), .csv, .html (core::toHtmlReport).
//! GeoPackage and HTML hold the open violations. Refuses (core::OutputError naming the file,
//! nothing written) an output that is `project` or one of its files (its SQLite side files or
//! edit journal), whether by the same path, a symbolic link or a hard link. Thread: any.
void exportViolations(const std::string &path, const std::string &project,
                      const core::CheckResult &result, const core::ExceptionSplit &split,
                      const std::string &lang);

} // namespace anzhi::desktop
