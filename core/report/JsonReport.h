#pragma once

#include "core/report/Report.h"

namespace anzhi::core {

//! The anzhi.report/1 document of docs/contract.md, with Anzhi's "exceptions" array after
//! "violations" (each accepted exception a violation object with an "exception" member), handed
//! to `sink` one violation at a time: a national report (135 MB) is never held in memory whole.
//! The bytes are those of nlohmann's dump(2) of the whole document, then a newline.
void streamJsonReport(const Report &report, const ReportSink &sink);

} // namespace anzhi::core
