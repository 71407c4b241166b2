#pragma once

#include "core/Exceptions.h"

#include <string>

namespace anzhi::desktop {

//! Writes the open and excepted violations as CSV (UTF-8 with BOM, so that spreadsheet programs
//! read the Chinese text), one row each, with a `status` column (open / exception) and the
//! exception's reason and approval number. Throws std::runtime_error naming the path.
//! Thread: any.
void writeViolationsCsv(const std::string &path, const core::ExceptionSplit &split,
                        const std::string &lang);

//! Writes by extension: .gpkg (core::writeViolationLayer), .csv, .html (core::toHtmlReport).
//! GeoPackage and HTML hold the open violations. Thread: any.
void exportViolations(const std::string &path, const core::CheckResult &result,
                      const core::ExceptionSplit &split, const std::string &lang);

} // namespace anzhi::desktop
