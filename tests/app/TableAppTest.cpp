// 属性表 on the offscreen platform, over a project whose values are written below: sorting,
// the quick filter, select by attribute, editing a cell through the attribute form's rules and
// the undo stack, 批量赋值 as one undo step, CSV and XLSX export of the rows shown, and the
// selection shared with the map both ways.

#include "tests/support/ProjectBuilder.h"

#include "app/desktop/MainWindow.h"
#include "app/desktop/MapCanvas.h"
#include "app/desktop/edit/EditController.h"
#include "app/desktop/edit/EditSession.h"
#include "app/desktop/table/AttributeTableDock.h"
#include "app/desktop/table/AttributeTablePage.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace anzhi;
using gis::FieldValue;
using test::null;
using test::point;
using test::rect;

namespace {

constexpr double X0 = 543000, Y0 = 4284000;

FieldValue n(std::int64_t v)
{
  return FieldValue(v);
}

//! planned_plots                              schools
//! fid code name       land_use   x from     fid code name      level   capacity enrolled
//!   1 P-3  住宅三区   residential  X0           1 XX-1 远山小学  primary   500      100
//!   2 P-1  小学       0804         X0 + 200     2 CZ-1 城关初中  junior    250      200
//!   3 P-4  商业, 综合 commercial   X0 + 400     3 CZ-2 岚城初中  junior    800      null
//!   4 P-2  住宅二区   residential  X0 + 600
//! Plots are 100 m squares from y = Y0.
std::string writeProject(const std::string &path)
{
  test::ProjectBuilder b(path);
  const std::pair<const char *, std::pair<const char *, const char *>> plots[] = {
      {"P-3", {"住宅三区", "residential"}},
      {"P-1", {"小学", "0804"}},
      {"P-4", {"商业, 综合", "commercial"}},
      {"P-2", {"住宅二区", "residential"}}};
  double x = X0;
  for (const auto &[code, values] : plots) {
    b.add("planned_plots", code, rect(x, Y0, x + 100, Y0 + 100),
          {FieldValue(values.first), FieldValue(values.second)});
    x += 200;
  }
  b.add("schools", "XX-1", point(X0 + 1000, Y0),
        {FieldValue("远山小学"), FieldValue("primary"), n(500), n(100)});
  b.add("schools", "CZ-1", point(X0 + 1100, Y0),
        {FieldValue("城关初中"), FieldValue("junior"), n(250), n(200)});
  b.add("schools", "CZ-2", point(X0 + 1200, Y0),
        {FieldValue("岚城初中"), FieldValue("junior"), n(800), null});
  return b.finish();
}

} // namespace

class TableAppTest : public QObject
{
  Q_OBJECT

  QTemporaryDir m_dir;
  std::unique_ptr<desktop::MainWindow> m_w;

  desktop::AttributeTablePage *open(const std::string &layer)
  {
    m_w->openAttributeTable(layer);
    desktop::AttributeTablePage *page = m_w->attributeTables()->page(layer);
    if (page)
      settle(page);
    return page;
  }
  static bool settle(desktop::AttributeTablePage *page)
  {
    return QTest::qWaitFor([&] { return !page->model()->isArranging() && !page->isSelecting(); },
                           10000);
  }
  //! The fids of the rows shown, top to bottom.
  static std::vector<std::int64_t> shown(desktop::AttributeTablePage *page)
  {
    std::vector<std::int64_t> fids;
    for (core::RowId r : page->model()->rows())
      fids.push_back(page->model()->table().fid(r));
    return fids;
  }
  static std::vector<std::int64_t> selected(desktop::AttributeTablePage *page)
  {
    std::vector<std::int64_t> fids;
    for (core::RowId r : page->selectedRows())
      fids.push_back(page->model()->table().fid(r));
    return fids;
  }
  static int column(desktop::AttributeTablePage *page, const std::string &field)
  {
    return int(*page->model()->table().columnOf(field));
  }
  static QModelIndex cell(desktop::AttributeTablePage *page, std::int64_t fid,
                          const std::string &field)
  {
    const auto rows = page->model()->positionsOf({*page->model()->table().rowOf(fid)});
    return page->model()->index(rows.at(0), column(page, field));
  }
  desktop::EditSession *session() const { return m_w->editController()->session(); }
  std::optional<std::string> text(const std::string &layer, std::int64_t fid,
                                  const std::string &field) const
  {
    auto state = session()->state({layer, fid});
    return state ? core::textOf(state->attributes, field) : std::nullopt;
  }

private slots:
  void init()
  {
    QLocale::setDefault(QLocale(QLocale::English));
    // A file of its own per test: edits are journalled beside the project.
    static int serial = 0;
    const std::string path =
        writeProject(m_dir.filePath(QString("p%1.gpkg").arg(++serial)).toStdString());
    m_w = std::make_unique<desktop::MainWindow>("en");
    m_w->editController()->setDialogsEnabled(false);
    m_w->show();
    QSignalSpy opened(m_w.get(), &desktop::MainWindow::projectOpened);
    m_w->openProject(QString::fromStdString(path));
    QVERIFY(opened.wait(20000));
  }
  void cleanup() { m_w.reset(); }

  void sortsByAColumnOnAWorker()
  {
    auto *page = open("planned_plots");
    QVERIFY(page);
    QCOMPARE(shown(page), (std::vector<std::int64_t>{1, 2, 3, 4}));
    page->view()->sortByColumn(column(page, "code"), Qt::AscendingOrder);
    QVERIFY(settle(page));
    QCOMPARE(shown(page), (std::vector<std::int64_t>{2, 4, 1, 3}));
    // Raw values: the code 0804 before the class names; equal values in stored order.
    page->view()->sortByColumn(column(page, "land_use"), Qt::AscendingOrder);
    QVERIFY(settle(page));
    QCOMPARE(shown(page), (std::vector<std::int64_t>{2, 3, 1, 4}));
    page->view()->sortByColumn(column(page, "land_use"), Qt::DescendingOrder);
    QVERIFY(settle(page));
    QCOMPARE(shown(page), (std::vector<std::int64_t>{1, 4, 3, 2}));
  }

  void filtersByTextAndSelectsByExpression()
  {
    auto *plots = open("planned_plots");
    plots->quickFilter()->setText("住宅");
    QVERIFY(settle(plots));
    QCOMPARE(shown(plots), (std::vector<std::int64_t>{1, 4}));
    plots->quickFilter()->setText("P-4");
    QVERIFY(settle(plots));
    QCOMPARE(shown(plots), (std::vector<std::int64_t>{3}));

    auto *schools = open("schools");
    QVERIFY(schools->selectWhere("level = 'junior' AND capacity < 300").isEmpty());
    QVERIFY(settle(schools));
    QCOMPARE(selected(schools), (std::vector<std::int64_t>{2}));
    QCOMPARE(m_w->selectedFeatures(),
             (std::vector<std::pair<std::string, std::int64_t>>{{"schools", 2}}));
    // Coded values are shown in words, and the quick filter finds them by their words.
    QCOMPARE(schools->model()->data(cell(schools, 2, "level")).toString(), QString("Junior"));
    schools->quickFilter()->setText("junior");
    QVERIFY(settle(schools));
    QCOMPARE(shown(schools), (std::vector<std::int64_t>{2, 3}));
    QVERIFY(schools->filterWhere("enrolled is empty OR capacity = 500").isEmpty());
    schools->quickFilter()->clear();
    QVERIFY(settle(schools));
    QCOMPARE(shown(schools), (std::vector<std::int64_t>{1, 3}));

    const QString error = schools->selectWhere("capacity < lots");
    QCOMPARE(error, QString("position 12, 'lots': capacity takes a whole number"));
    QVERIFY(schools->status()->text().contains("position 12"));
  }

  void editsACellAsAnUndoableEdit()
  {
    auto *page = open("planned_plots");
    QUndoStack *undo = session()->undoStack();
    QVERIFY(page->model()->setData(cell(page, 1, "land_use"), "commercial"));
    QCOMPARE(text("planned_plots", 1, "land_use"), std::optional<std::string>("commercial"));
    QCOMPARE(undo->count(), 1);
    QVERIFY(settle(page));
    QCOMPARE(page->model()->data(cell(page, 1, "land_use")).toString(), QString("commercial"));
    undo->undo();
    QCOMPARE(text("planned_plots", 1, "land_use"), std::optional<std::string>("residential"));
    QVERIFY(settle(page));
    QCOMPARE(page->model()->data(cell(page, 1, "land_use")).toString(), QString("residential"));
  }

  void refusesWhatTheAttributeFormRefuses()
  {
    auto *schools = open("schools");
    QSignalSpy refused(schools->model(), &desktop::AttributeTableModel::editRefused);
    QVERIFY(!schools->model()->setData(cell(schools, 1, "level"), "college"));
    QVERIFY(!schools->model()->setData(cell(schools, 1, "capacity"), "many"));
    QVERIFY(!schools->model()->setData(cell(schools, 1, "code"), "CZ-1")); // another's code
    QVERIFY(!schools->model()->setData(cell(schools, 1, "code"), ""));     // required
    QCOMPARE(refused.count(), 4);
    QVERIFY(refused.at(0).at(0).toString().contains("college"));
    QVERIFY(refused.at(2).at(0).toString().contains("CZ-1"));
    QCOMPARE(session()->undoStack()->count(), 0);
    QCOMPARE(text("schools", 1, "level"), std::optional<std::string>("primary"));
    QVERIFY(schools->model()->setData(cell(schools, 1, "level"), "junior"));
    QCOMPARE(text("schools", 1, "level"), std::optional<std::string>("junior"));
  }

  void bulkSetIsOneUndoStep()
  {
    auto *page = open("planned_plots");
    m_w->selectFeatures("planned_plots", {1, 4});
    QCOMPARE(selected(page), (std::vector<std::int64_t>{1, 4}));
    QVERIFY(page->bulkSet(column(page, "land_use"), "green").isEmpty());
    QCOMPARE(text("planned_plots", 1, "land_use"), std::optional<std::string>("green"));
    QCOMPARE(text("planned_plots", 4, "land_use"), std::optional<std::string>("green"));
    QCOMPARE(text("planned_plots", 2, "land_use"), std::optional<std::string>("0804"));
    QCOMPARE(session()->undoStack()->count(), 1);
    // One code for two features would break their uniqueness.
    QVERIFY(!page->bulkSet(column(page, "code"), "P-9").isEmpty());
    QCOMPARE(session()->undoStack()->count(), 1);
    session()->undoStack()->undo();
    QCOMPARE(text("planned_plots", 1, "land_use"), std::optional<std::string>("residential"));
    QCOMPARE(text("planned_plots", 4, "land_use"), std::optional<std::string>("residential"));
  }

  void exportsTheRowsShownAsCsv()
  {
    auto *page = open("planned_plots");
    page->view()->sortByColumn(column(page, "code"), Qt::AscendingOrder);
    QVERIFY(settle(page));
    const QString file = m_dir.filePath("plots.csv");
    QSignalSpy done(page, &desktop::AttributeTablePage::exported);
    page->exportTo(file);
    QVERIFY(done.wait(10000));
    QVERIFY(done.at(0).at(0).toBool());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray expected = "\xEF\xBB\xBF"
                                "Feature ID,Code,Name,Land use\r\n"
                                "2,P-1,小学,0804\r\n"
                                "4,P-2,住宅二区,residential\r\n"
                                "1,P-3,住宅三区,residential\r\n"
                                "3,P-4,\"商业, 综合\",commercial\r\n";
    QCOMPARE(f.readAll(), expected);
  }

  void exportsTheRowsShownAsXlsx()
  {
    auto *page = open("schools");
    QVERIFY(page->filterWhere("capacity >= 300").isEmpty());
    page->view()->sortByColumn(column(page, "capacity"), Qt::DescendingOrder);
    QVERIFY(settle(page));
    const QString file = m_dir.filePath("schools.xlsx");
    QSignalSpy done(page, &desktop::AttributeTablePage::exported);
    page->exportTo(file);
    QVERIFY(done.wait(10000));
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.toUtf8().constData(), GDAL_OF_VECTOR));
    QVERIFY(ds);
    QCOMPARE(ds->GetLayerCount(), 1);
    OGRLayer *sheet = ds->GetLayer(0);
    QCOMPARE(QString(sheet->GetName()), QString("Schools"));
    QStringList rows;
    for (auto &feature : *sheet) {
      // GetFieldAsString's text lives only until its next call: take each at once.
      QStringList cells;
      for (const char *column : {"Code", "Name", "Level", "Seats", "Enrolled pupils"})
        cells << QString::fromUtf8(feature->GetFieldAsString(column));
      rows << cells.join('|');
    }
    QCOMPARE(rows, (QStringList{"CZ-2|岚城初中|Junior|800|", "XX-1|远山小学|Primary|500|100"}));
  }

  void sharesTheSelectionWithTheMap()
  {
    auto *page = open("planned_plots");
    // Map → table: identify P-4 (fid 3) on the map.
    emit m_w->canvas()->identifyRequested(X0 + 450, Y0 + 50, 1);
    QCOMPARE(selected(page), (std::vector<std::int64_t>{3}));
    // Table → map: pick the row of P-1 (fid 2).
    page->view()->selectionModel()->select(
        cell(page, 2, "code"), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(m_w->selectedFeatures(),
             (std::vector<std::pair<std::string, std::int64_t>>{{"planned_plots", 2}}));
    const auto extent = m_w->canvas()->selectionExtent();
    QVERIFY(extent);
    QCOMPARE(extent->minX, X0 + 200);
    QCOMPARE(extent->maxX, X0 + 300);
    // 只显示选中 keeps the selected row only.
    page->setSelectedOnly(true);
    QVERIFY(settle(page));
    QCOMPARE(shown(page), (std::vector<std::int64_t>{2}));
    page->setSelectedOnly(false);
    QVERIFY(settle(page));
    QCOMPARE(shown(page).size(), std::size_t(4));
  }
};

QTEST_MAIN(TableAppTest)
#include "TableAppTest.moc"
