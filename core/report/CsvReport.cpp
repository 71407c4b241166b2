#include "core/report/CsvReport.h"

#include "core/report/CsvRecord.h"

namespace anzhi::core {

namespace {

std::string header()
{
  CsvRecord r;
  for (const char *name : {"rule",        "clause",     "severity",   "layer",
                           "fid",         "code",       "township",   "level",
                           "other_layer", "other_fid",  "other_code", "area_m2",
                           "area_mu",     "distance_m", "minutes",    "shortfall_seats",
                           "value",       "message",    "status",     "exception_reason",
                           "approval_no", "wkt"})
    r.text(name);
  return r.line();
}

std::string row(const Violation &v, const std::string &lang, const AcceptedException *e)
{
  CsvRecord r;
  r.text(v.rule)
      .text(v.clause)
      .text(severityName(v.severity))
      .text(v.feature.layer)
      .number(v.feature.fid)
      .text(v.feature.code.value_or(""))
      .text(v.township.value_or(""))
      .text(v.level.value_or(""))
      .text(v.other ? v.other->layer : "")
      .number(v.other ? std::optional<std::int64_t>(v.other->fid) : std::nullopt)
      .text(v.other ? v.other->code.value_or("") : "")
      .number(v.areaM2)
      .number(v.areaMu())
      .number(v.distanceM)
      .number(v.minutes)
      .number(v.shortfallSeats)
      .number(v.value)
      .text(v.message(lang))
      .text(e ? "exception" : "open")
      .text(e ? e->reason : "")
      .text(e ? e->approvalNo : "")
      .text(v.wkt);
  return r.line();
}

} // namespace

void streamCsvReport(const Report &report, const ReportSink &sink)
{
  sink("\xEF\xBB\xBF" + header());
  for (const Violation &v : report.open.violations)
    sink(row(v, report.lang, nullptr));
  for (const auto &[v, e] : report.excepted)
    sink(row(v, report.lang, &e));
}

} // namespace anzhi::core
