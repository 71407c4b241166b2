#include "core/report/Report.h"

#include "core/report/AtomicFile.h"
#include "core/report/CsvReport.h"
#include "core/report/HtmlReport.h"
#include "core/report/JsonReport.h"
#include "core/report/ViolationLayer.h"

namespace anzhi::core {

namespace {

template<typename Stream> void writeStreamed(const std::string &path, Stream stream)
{
  AtomicFile file(path);
  stream([&file](std::string_view piece) { file.write(piece); });
  file.commit();
}

} // namespace

void writeReport(const Report &report, ReportFormat format, const std::string &path)
{
  switch (format) {
  case ReportFormat::Json:
    writeStreamed(path, [&](const ReportSink &sink) { streamJsonReport(report, sink); });
    return;
  case ReportFormat::Csv:
    writeStreamed(path, [&](const ReportSink &sink) { streamCsvReport(report, sink); });
    return;
  case ReportFormat::Html:
    writeFileAtomically(path, toHtmlReport(report.open, report.projectName, report.lang));
    return;
  case ReportFormat::ViolationLayer:
    writeViolationLayer(path, report.open,
                        report.workingCrs ? *report.workingCrs
                                          : gis::Crs::fromUserInput(report.open.workingCrs),
                        report.lang);
    return;
  }
}

} // namespace anzhi::core
