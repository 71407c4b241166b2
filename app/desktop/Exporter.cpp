#include "app/desktop/Exporter.h"

#include "core/report/HtmlReport.h"
#include "core/report/JsonReport.h"
#include "core/report/ViolationLayer.h"

#include <filesystem>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace anzhi::desktop {

namespace {

std::string csv(const std::string &s)
{
  if (s.find_first_of(",\"\n\r") == std::string::npos)
    return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

template<typename T> std::string opt(const std::optional<T> &v)
{
  if (!v)
    return {};
  std::ostringstream o;
  if constexpr (std::is_floating_point_v<T>)
    o << std::fixed << std::setprecision(3);
  o << *v;
  return o.str();
}

void row(std::ostringstream &out, const core::Violation &v, const std::string &lang,
         const core::AcceptedException *e)
{
  const std::string fields[] = {v.rule,
                                std::string(core::severityName(v.severity)),
                                v.clause,
                                v.feature.layer,
                                std::to_string(v.feature.fid),
                                v.feature.code.value_or(""),
                                v.other ? v.other->layer : "",
                                v.other ? std::to_string(v.other->fid) : "",
                                v.other ? v.other->code.value_or("") : "",
                                v.level.value_or(""),
                                opt(v.areaM2),
                                opt(v.areaMu()),
                                opt(v.distanceM),
                                opt(v.shortfallSeats),
                                v.township.value_or(""),
                                v.message(lang),
                                e ? "exception" : "open",
                                e ? e->reason : "",
                                e ? e->approvalNo : "",
                                v.wkt};
  bool first = true;
  for (const std::string &f : fields) {
    out << (first ? "" : ",") << csv(f);
    first = false;
  }
  out << "\r\n";
}

} // namespace

void writeViolationsCsv(const std::string &path, const core::ExceptionSplit &split,
                        const std::string &lang)
{
  std::ostringstream out;
  out << "\xEF\xBB\xBF"
      << "rule,severity,clause,layer,fid,code,other_layer,other_fid,other_code,level,area_m2,"
         "area_mu,distance_m,shortfall_seats,township,message,status,exception_reason,"
         "approval_no,wkt\r\n";
  for (const core::Violation &v : split.open)
    row(out, v, lang, nullptr);
  for (const auto &[v, e] : split.excepted)
    row(out, v, lang, &e);
  core::writeFileAtomically(path, out.str());
}

void exportViolations(const std::string &path, const core::CheckResult &result,
                      const core::ExceptionSplit &split, const std::string &lang)
{
  std::string ext = std::filesystem::path(path).extension().string();
  for (char &c : ext)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  const core::CheckResult open = core::withoutExcepted(result, split);
  if (ext == ".gpkg") {
    std::error_code ec;
    std::filesystem::remove(path, ec); // the user confirmed replacing it
    core::writeViolationLayer(path, open, gis::Crs::fromUserInput(result.workingCrs), lang);
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
