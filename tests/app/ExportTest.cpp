// The desktop's 导出 (export violations): a CSV cell of user text that a spreadsheet would run
// as a formula is written with a leading ', numbers the exporter formats stay numbers; an
// export onto the open project or one of its files (by its path, a symbolic link or a hard
// link) is refused with a message naming the file, and the project keeps every byte; a JSON
// export is the anzhi.report/1 document with the project's accepted exceptions apart.

#include "TinyProject.h"
#include "tests/support/Csv.h"

#include "app/desktop/Exporter.h"
#include "app/desktop/MainWindow.h"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace anzhi;
using namespace anzhi::apptest;
using anzhi::test::parseCsv;

namespace {

std::string readAll(const std::string &path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

core::Violation violation(std::int64_t fid, const std::string &code, const std::string &text)
{
  core::Violation v;
  v.rule = "protected-land";
  v.clause = "一";
  v.feature = {"planned_plots", fid, code};
  v.other = core::FeatureRef{"planned_plots", 1, text};
  v.areaM2 = 12.5;
  v.township = text;
  v.messageZh = text;
  v.messageEn = text;
  return v;
}

} // namespace

class ExportTest : public QObject
{
  Q_OBJECT

private:
  QTemporaryDir m_dir;

  //! The label texts of the window's status bar.
  static bool statusSays(const desktop::MainWindow &w, const QString &text)
  {
    for (const QLabel *label : w.statusBar()->findChildren<QLabel *>())
      if (label->text().startsWith(text))
        return true;
    return false;
  }

private slots:
  void initTestCase()
  {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("AnzhiTest");
    QCoreApplication::setApplicationName("anzhi-export-test");
    QVERIFY(m_dir.isValid());
  }

  void csvNeutralisesFormulasInUserTextOnly()
  {
    // Each hostile text in every text column of its row (code, other code, township, message,
    // exception reason and approval number); the expected cells are written out by hand.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"=1+2", "'=1+2"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"-2+3", "'-2+3"},
        {"+86 351", "'+86 351"},
        {"\t=1", "'\t=1"},
        {"\r=1", "'\r=1"},
        {"=HYPERLINK(\"http://example.com\",\"点击\")",
         "'=HYPERLINK(\"http://example.com\",\"点击\")"},
        {"幸福家园 A-1", "幸福家园 A-1"},
        {"a=b", "a=b"},
    };
    core::CheckResult result;
    result.project = m_dir.filePath("p.gpkg").toStdString();
    result.workingCrs = "EPSG:4546";
    core::ExceptionSplit split;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      core::Violation v = violation(-3 - std::int64_t(i), cases[i].first, cases[i].first);
      result.violations.push_back(v);
      core::AcceptedException e;
      e.key = core::exceptionKey(v);
      e.reason = cases[i].first;
      e.approvalNo = cases[i].first;
      split.excepted.emplace_back(v, e);
    }
    const std::string csv = m_dir.filePath("导出 结果.csv").toStdString();
    desktop::exportViolations(csv, result.project, result, split, "en");

    std::string text = readAll(csv);
    QVERIFY(text.starts_with("\xEF\xBB\xBF"));
    const auto records = parseCsv(text.substr(3));
    QCOMPARE(records.size(), cases.size() + 1);
    std::map<std::string, std::size_t> column;
    for (std::size_t c = 0; c < records[0].size(); ++c)
      column[records[0][c]] = c;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const std::vector<std::string> &r = records[i + 1];
      QCOMPARE(r.size(), records[0].size());
      const std::string &expected = cases[i].second;
      for (const char *name :
           {"code", "other_code", "township", "message", "exception_reason", "approval_no"})
        QCOMPARE(r[column.at(name)], expected);
      // Numbers written by the exporter are not user text: a negative fid stays a number.
      QCOMPARE(r[column.at("fid")], std::to_string(-3 - std::int64_t(i)));
      QCOMPARE(r[column.at("other_fid")], std::string("1"));
      QCOMPARE(r[column.at("area_m2")], std::string("12.500"));
      QCOMPARE(r[column.at("status")], std::string("exception"));
    }
  }

  void jsonExportWritesTheReportWithItsExceptions()
  {
    QTemporaryDir dir(m_dir.filePath("JSON XXXXXX"));
    QVERIFY(dir.isValid());
    const std::string project = writeTinyProject(dir.filePath("项目.gpkg").toStdString());
    // The encroachment of the school plot P-1 (fid 1) by P-2 (fid 2) accepted beforehand.
    core::AcceptedException accepted;
    accepted.key = {"protected-land", "planned_plots", 1, "planned_plots", 2, std::nullopt};
    accepted.reason = "规划调整中";
    accepted.approvalNo = "晋自然资函〔2021〕7号";
    accepted.createdBy = "tester";
    accepted.createdAt = "2024-05-01T08:30:00Z";
    core::saveExceptions(project, {accepted});

    desktop::MainWindow w("en");
    w.show();
    QSignalSpy opened(&w, &desktop::MainWindow::projectOpened);
    w.openProject(QString::fromStdString(project));
    QVERIFY(opened.wait(20000));
    QSignalSpy checked(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    QVERIFY(checked.wait(30000));
    const std::string out = dir.filePath("报告 1.json").toStdString();
    w.exportTo(QString::fromStdString(out));
    QVERIFY(QTest::qWaitFor(
        [&] { return statusSays(w, "Exported ") || statusSays(w, "Export failed"); }, 20000));
    QVERIFY(statusSays(w, "Exported "));

    const auto doc = nlohmann::json::parse(readAll(out));
    QCOMPARE(doc["schema"].get<std::string>(), std::string("anzhi.report/1"));
    QCOMPARE(doc["project"].get<std::string>(), std::string("项目.gpkg"));
    QCOMPARE(doc["working_crs"].get<std::string>(), std::string("EPSG:4546"));
    QCOMPARE(doc["rules"].size(), std::size_t(14));
    // The tiny project has no service points: the large site cannot be checked.
    for (const auto &rule : doc["rules"])
      if (rule["id"] == "large-site-employment")
        QCOMPARE(rule["status"].get<std::string>(), std::string("skipped"));
    // TinyProject.h plants these; the accepted encroachment is listed apart.
    std::set<std::string> rules;
    std::string found;
    for (const auto &v : doc["violations"]) {
      rules.insert(v["rule"].get<std::string>());
      found += v["rule"].get<std::string>() + " ";
    }
    QVERIFY2(rules == (std::set<std::string>{"support-plan", "school-coverage"}), found.c_str());
    QCOMPARE(doc["exceptions"].size(), std::size_t(1));
    const auto &e = doc["exceptions"][0];
    QCOMPARE(e["rule"].get<std::string>(), std::string("protected-land"));
    QCOMPARE(e["code"].get<std::string>(), std::string("P-1"));
    QCOMPARE(e["other"]["code"].get<std::string>(), std::string("P-2"));
    // The overlap of x 150–180 and y 20–180 m: 4800 m² in the plane, the ellipsoid's differs
    // by the projection's scale (about 1e-5 here).
    QVERIFY(std::abs(e["area_m2"].get<double>() - 4800.0) < 1.0);
    QCOMPARE(e["exception"]["reason"].get<std::string>(), std::string("规划调整中"));
    QCOMPARE(e["exception"]["approval_no"].get<std::string>(),
             std::string("晋自然资函〔2021〕7号"));
    QCOMPARE(e["exception"]["created_by"].get<std::string>(), std::string("tester"));
    QVERIFY(e["message"].get<std::string>().find("P-2") != std::string::npos);
  }

  void exportOntoTheProjectIsRefused_data()
  {
    QTest::addColumn<QString>("target"); // file name in the project's folder
    QTest::addColumn<QString>("how");    // path | symlink | hardlink | journal-hardlink | other
    QTest::addColumn<bool>("refused");
    QTest::newRow("the project, as GeoPackage") << "项目.gpkg"
                                                << "path" << true;
    QTest::newRow("symbolic link to the project, as GeoPackage") << "链接.gpkg"
                                                                 << "symlink" << true;
    QTest::newRow("symbolic link to the project, as HTML") << "链接.html"
                                                           << "symlink" << true;
    QTest::newRow("hard link to the project, as CSV") << "硬链接.csv"
                                                      << "hardlink" << true;
    QTest::newRow("hard link to the edit journal, as CSV") << "日志 链接.csv"
                                                           << "journal-hardlink" << true;
    QTest::newRow("another existing file") << "旧 结果.gpkg"
                                           << "other" << false;
  }

  void exportOntoTheProjectIsRefused()
  {
    QFETCH(QString, target);
    QFETCH(QString, how);
    QFETCH(bool, refused);
    namespace fs = std::filesystem;
    QTemporaryDir dir(m_dir.filePath("导出 XXXXXX"));
    QVERIFY(dir.isValid());
    const std::string project = writeTinyProject(dir.filePath("项目.gpkg").toStdString());
    desktop::MainWindow w("en");
    w.show();
    QSignalSpy opened(&w, &desktop::MainWindow::projectOpened);
    w.openProject(QString::fromStdString(project));
    QVERIFY(opened.wait(20000));
    QSignalSpy checked(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    QVERIFY(checked.wait(30000));

    // The edit journal exists only while there are unsaved edits: one is made up here.
    const std::string journal = project + ".anzhi-edits";
    std::ofstream(journal) << "{}\n";
    const std::string out = dir.filePath(target).toStdString();
    if (how == "symlink")
      fs::create_symlink(project, out);
    else if (how == "hardlink")
      fs::create_hard_link(project, out);
    else if (how == "journal-hardlink")
      fs::create_hard_link(journal, out);
    else if (how == "other")
      std::ofstream(out) << "an older export\n";
    const std::string projectBytes = readAll(project), journalBytes = readAll(journal);

    w.exportTo(QString::fromStdString(out));
    QVERIFY(QTest::qWaitFor(
        [&] { return statusSays(w, "Exported ") || statusSays(w, "Export failed"); }, 20000));
    QCOMPARE(readAll(project), projectBytes);
    QCOMPARE(readAll(journal), journalBytes);
    if (!refused) {
      QVERIFY(statusSays(w, "Exported "));
      QVERIFY(readAll(out).starts_with("SQLite format 3"));
      return;
    }
    bool told = false;
    for (const QMessageBox *box : w.findChildren<QMessageBox *>())
      told = told || (box->isVisible() && box->windowTitle() == "Export failed" &&
                      box->text().contains(QString::fromStdString(out)) &&
                      box->text().contains("refusing to write"));
    QVERIFY(told);
    if (how == "symlink")
      QCOMPARE(fs::read_symlink(out).string(), project);
  }
};

QTEST_MAIN(ExportTest)
#include "ExportTest.moc"
