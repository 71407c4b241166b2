#pragma once

#include "core/report/Report.h"

namespace anzhi::core {

//! The violations as CSV (Anzhi's extension to docs/contract.md's outputs), for a spreadsheet:
//! UTF-8 with a byte order mark (without it Excel in a Chinese locale reads the text as GBK), a
//! header, then one CsvRecord per violation: the open ones in check order with status `open`,
//! then the accepted exceptions with status `exception`, their reason and approval number.
//! Columns: rule, clause, severity, layer, fid, code, township, level, other_layer, other_fid,
//! other_code, area_m2, area_mu, distance_m, minutes, shortfall_seats, value, message (in
//! `report.lang`),
//! status, exception_reason, approval_no, wkt. Handed to `sink` one record at a time.
void streamCsvReport(const Report &report, const ReportSink &sink);

} // namespace anzhi::core
