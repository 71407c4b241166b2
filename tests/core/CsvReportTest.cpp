// The CSV report: RFC 4180 quoting, a byte order mark for Excel in a Chinese locale, text cells
// that a spreadsheet would run as formulas neutralised with a leading ', numbers left bare, the
// open violations then the accepted exceptions. Expected bytes are written out by hand.

#include "core/report/CsvReport.h"
#include "core/report/CsvRecord.h"

#include <gtest/gtest.h>

using namespace anzhi;

namespace {

std::string csvOf(const core::Report &report)
{
  std::string text;
  core::streamCsvReport(report, [&](std::string_view piece) { text += piece; });
  return text;
}

const char *const kHeader =
    "rule,clause,severity,layer,fid,code,township,level,other_layer,other_fid,other_code,"
    "area_m2,area_mu,distance_m,minutes,shortfall_seats,value,message,status,exception_reason,"
    "approval_no,"
    "wkt\r\n";

} // namespace

TEST(CsvRecord, QuotesOnlyWhatRfc4180Requires)
{
  core::CsvRecord r;
  r.text("plain")
      .text("a,b")
      .text("say \"hi\"")
      .text("two\nlines")
      .text("cr\rhere")
      .text("")
      .text("中文 名称");
  EXPECT_EQ(r.line(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,中文 名称\r\n");
}

TEST(CsvRecord, NeutralisesFormulasInTextButNotInNumbers)
{
  core::CsvRecord r;
  r.text("=1+2")
      .text("+86 351")
      .text("-2+3")
      .text("@SUM(A1)")
      .text("\t=1")
      .text("\r=1")
      .text("a=b")
      .text("A-1")
      .number(std::int64_t(-5))
      .number(std::optional<double>(-0.25))
      .number(std::optional<std::int64_t>())
      .number(std::optional<double>());
  EXPECT_EQ(r.line(), "'=1+2,'+86 351,'-2+3,'@SUM(A1),'\t=1,\"'\r=1\",a=b,A-1,-5,-0.250,,\r\n");
}

TEST(CsvReport, OpenRowsThenExceptionsWithBom)
{
  core::Report report;
  report.lang = "en";
  report.projectName = "county.gpkg";

  core::Violation plot;
  plot.rule = "protected-land";
  plot.clause = "一（一）";
  plot.feature = {"planned_plots", 12, "P-012"};
  plot.other = core::FeatureRef{"planned_plots", 7, "P-007"};
  plot.areaM2 = 1000.0; // 1.5 mu
  plot.township = "岚城镇";
  plot.messageZh = "规划地块 P-012 占用教育用地";
  plot.messageEn = "Plot P-012, \"residential\", takes education land";
  plot.wkt = "POLYGON ((0 0,1 0,1 1,0 0))";
  report.open.violations.push_back(plot);

  core::Violation site;
  site.rule = "school-coverage";
  site.severity = core::Severity::Warning;
  site.clause = "三（一）";
  site.feature = {"resettlement_sites", -3, "=HYPERLINK(\"http://example.com\")"};
  site.level = "junior";
  site.distanceM = 10234.5678;
  site.minutes = 42.25;
  site.shortfallSeats = 40;
  site.value = 31.25;
  site.township = "@SUM(A1)";
  site.messageEn = "-2+3 first line\r\nsecond line";
  report.open.violations.push_back(site);

  core::Violation plan;
  plan.rule = "support-plan";
  plan.severity = core::Severity::Warning;
  plan.clause = "七（二十二）";
  plan.feature = {"resettlement_sites", 1, std::nullopt};
  plan.messageEn = "No support plan";
  plan.wkt = "POINT (1 2)";
  core::AcceptedException e;
  e.reason = "+86 351 approved by phone";
  e.approvalNo = "晋〔2021〕7号";
  report.excepted.emplace_back(plan, e);

  const std::string expected =
      std::string("\xEF\xBB\xBF") + kHeader +
      "protected-land,一（一）,error,planned_plots,12,P-012,岚城镇,,planned_plots,7,P-007,"
      "1000.000,1.500,,,,,\"Plot P-012, \"\"residential\"\", takes education land\",open,,,"
      "\"POLYGON ((0 0,1 0,1 1,0 0))\"\r\n"
      "school-coverage,三（一）,warning,resettlement_sites,-3,"
      "\"'=HYPERLINK(\"\"http://"
      "example.com\"\")\",'@SUM(A1),junior,,,,,,10234.568,42.250,40,31.250,"
      "\"'-2+3 first line\r\nsecond line\",open,,,\r\n"
      "support-plan,七（二十二）,warning,resettlement_sites,1,,,,,,,,,,,,,No support plan,"
      "exception,'+86 351 approved by phone,晋〔2021〕7号,POINT (1 2)\r\n";
  EXPECT_EQ(csvOf(report), expected);
}

TEST(CsvReport, NoViolationsIsTheHeaderAlone)
{
  EXPECT_EQ(csvOf(core::Report{}), std::string("\xEF\xBB\xBF") + kHeader);
}
