// The desktop app on the offscreen platform: open a project and list its layers, render known
// pixels, check from the UI against core::checkProject, select a result and see it, open a
// project with a broken layer, accept an exception and keep it in the project, import a layer
// through the wizard; the layers list shows the hillshade row only for a project with a DEM, and
// a DEM that cannot be read is named in the status bar once; a
// project given on the command line that cannot be opened leaves the window open, with no project
// and a message naming the file and the reason.

#include "TinyProject.h"
#include "WizardSupport.h"

#include "app/desktop/AttributesDock.h"
#include "app/desktop/Automation.h"
#include "app/desktop/Basemaps.h"
#include "app/desktop/CheckRunner.h"
#include "app/desktop/CoverageLegend.h"
#include "app/desktop/Help.h"
#include "app/desktop/ImportValuesPage.h"
#include "app/desktop/ImportWizard.h"
#include "app/desktop/LayersDock.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/Names.h"
#include "app/desktop/OffThreadRelease.h"
#include "app/desktop/ProjectSession.h"
#include "app/desktop/ResultsDock.h"
#include "app/desktop/ResultsModel.h"
#include "app/desktop/RuleExplanation.h"
#include "app/desktop/find/FindDock.h"
#include "app/render/MapRenderer.h"
#include "core/AcceptedExceptions.h"
#include "core/Engine.h"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUrl>
#include <QtTest>

#include <map>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <tuple>

using namespace anzhi;
using namespace anzhi::apptest;

class AppTest : public QObject
{
  Q_OBJECT

private:
  QTemporaryDir m_dir;
  std::string m_good, m_broken;

  static bool openIn(desktop::MainWindow &w, const std::string &path)
  {
    QSignalSpy opened(&w, &desktop::MainWindow::projectOpened);
    w.openProject(QString::fromStdString(path));
    return opened.wait(20000);
  }
  static bool waitForRender(desktop::MainWindow &w)
  {
    return QTest::qWaitFor(
        [&] { return !w.canvas()->isRendering() && !w.canvas()->image().isNull(); }, 20000);
  }

  //! Adds a `dem` raster table (Float32, a plane rising to the east) around the tiny project.
  static void addDemTable(const std::string &project)
  {
    GDALAllRegister();
    const int cols = 140, rows = 80;
    GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr dem(mem->Create("", cols, rows, 1, GDT_Float32, nullptr));
    double gt[6] = {X0 - 2000, 100, 0, Y0 + 4000, 0, -100};
    dem->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4546);
    dem->SetSpatialRef(&srs);
    std::vector<float> z(std::size_t(cols) * rows);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c)
        z[std::size_t(r) * cols + c] = float(1000 + c * 100 * 0.577);
    QCOMPARE(dem->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, cols, rows, z.data(), cols, rows,
                                             GDT_Float32, 0, 0, nullptr),
             CE_None);
    const char *options[] = {"APPEND_SUBDATASET=YES", "RASTER_TABLE=dem", "TILE_FORMAT=TIFF",
                             nullptr};
    GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr copy(gpkg->CreateCopy(project.c_str(), dem.get(), false,
                                               const_cast<char **>(options), nullptr, nullptr));
    QVERIFY(copy);
  }

  //! Shows `w` at 1200 × 800 with the good project open and checked.
  bool openAndCheck(desktop::MainWindow &w)
  {
    w.resize(1200, 800);
    w.show();
    if (!openIn(w, m_good))
      return false;
    QSignalSpy done(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    return done.wait(30000);
  }

private slots:
  void initTestCase()
  {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("AnzhiTest");
    QCoreApplication::setApplicationName("anzhi-test");
    QVERIFY(m_dir.isValid());
    m_good = writeTinyProject(m_dir.filePath("good.gpkg").toStdString());
    m_broken = writeTinyProject(m_dir.filePath("broken.gpkg").toStdString(), true);
  }

  void lastReleaseDestroysOnAPoolThread()
  {
    std::atomic<bool> destroyed{false};
    std::thread::id destroyedOn;
    const std::thread::id ui = std::this_thread::get_id();
    {
      std::shared_ptr<int> owner(new int(7), [&](int *p) {
        destroyedOn = std::this_thread::get_id();
        delete p;
        destroyed = true;
      });
      std::shared_ptr<int> shared = desktop::releasedOffThread(std::move(owner));
      QCOMPARE(*shared, 7);
      std::shared_ptr<int> copy = shared;
      shared.reset();
      QTest::qWait(50);
      QVERIFY(!destroyed); // a copy still holds it
    }                      // the last release, here on the UI thread
    QVERIFY(QTest::qWaitFor([&] { return destroyed.load(); }, 5000));
    QVERIFY(destroyedOn != ui);
  }

  void namesOfLayersAndFieldsAreTheTranslationsWords()
  {
    // The words anzhi_zh_CN.ts and the English source strings gave before the table held them.
    const std::vector<std::tuple<std::string, const char *, const char *>> layers = {
        {"resettlement_sites", "安置区", "Resettlement sites"},
        {"planned_plots", "规划地块", "Planned plots"},
        {"buildings", "建筑", "Buildings"},
        {"schools", "学校", "Schools"},
        {"school_catchments", "学区", "School catchments"},
        {"clinics", "医疗机构", "Clinics"},
        {"elderly_care", "养老机构", "Elderly-care homes"},
        {"service_points", "服务站点", "Service points"},
        {"industrial_parks", "产业园区", "Industrial parks"},
        {"reclaimed_homesteads", "腾退宅基地", "Vacated homesteads"},
        {"forest_land", "林地", "Forest land"},
        {"rangers", "生态护林员", "Ecological forest rangers"},
        {"ranger_plots", "管护责任区", "Responsibility plots"},
        {"roads", "道路", "Roads"}};
    const std::vector<std::tuple<std::string, const char *, const char *>> fields = {
        {"code", "编号", "Code"},
        {"name", "名称", "Name"},
        {"county", "县", "County"},
        {"township", "乡镇", "Township"},
        {"setting", "安置方式", "Resettlement type"},
        {"households", "搬迁户", "Relocated households"},
        {"population", "搬迁人口", "Relocated population"},
        {"pupils_primary", "适龄子女（小学）", "School-age children (primary)"},
        {"pupils_junior", "适龄子女（初中）", "School-age children (junior)"},
        {"support_plan", "后续扶持实施方案", "Follow-up support plan"},
        {"land_use", "用地性质", "Land use"},
        {"use", "用途", "Use"},
        {"level", "级别", "Level"},
        {"capacity", "学位", "Seats"},
        {"enrolled", "在校生", "Enrolled pupils"},
        {"school_code", "学校编号", "School code"},
        {"beds", "床位", "Beds"},
        {"kind", "类型", "Kind"},
        {"jobs", "就业岗位", "Jobs"},
        {"household_code", "搬迁户编号", "Household code"},
        {"village", "村", "Village"},
        {"site_code", "安置区编号", "Resettlement site code"},
        {"status", "状态", "Status"},
        {"target_use", "复垦为", "Reclaim to"},
        {"done_date", "完成日期", "Completion date"},
        {"ranger_code", "护林员编号", "Ranger code"},
        {"class", "道路等级", "Road class"}};
    const QLocale before;
    for (bool zh : {true, false}) {
      QLocale::setDefault(zh ? QLocale(QLocale::Chinese, QLocale::China)
                             : QLocale(QLocale::English, QLocale::UnitedStates));
      for (const auto &[name, inZh, inEn] : layers)
        QCOMPARE(desktop::Names::layer(name), QString::fromUtf8(zh ? inZh : inEn));
      for (const auto &[name, inZh, inEn] : fields)
        QCOMPARE(desktop::Names::field(name), QString::fromUtf8(zh ? inZh : inEn));
      QCOMPARE(desktop::Names::layer("violations"), QString("violations"));
    }
    QLocale::setDefault(before);
  }

  void opensProjectAndListsLayers()
  {
    desktop::MainWindow w("en");
    w.show();
    QVERIFY(openIn(w, m_good));
    std::vector<std::string> listed = w.layersDock()->listedLayers();
    std::sort(listed.begin(), listed.end());
    const std::vector<std::string> expected = {"clinics", "planned_plots", "resettlement_sites",
                                               "schools"};
    QCOMPARE(listed, expected);
    // Counts are shown; the top of the list is drawn on top (points above areas).
    const QListWidget *list = w.layersDock()->list();
    const int plots = w.layersDock()->rowOf("planned_plots");
    QVERIFY(list->item(plots)->text().contains("(2)"));
    QVERIFY(w.layersDock()->rowOf("schools") < plots);
    QVERIFY(w.problemsText().isEmpty());
    QVERIFY(w.recentProjects().size() >= 1);
  }

  void layersListShowsTheHillshadeOnlyWithADem()
  {
    const std::string withDem = writeTinyProject(m_dir.filePath("dem.gpkg").toStdString());
    addDemTable(withDem);
    desktop::MainWindow w("en");
    w.show();
    QVERIFY(openIn(w, m_good));
    QCOMPARE(w.layersDock()->hillshadeRow(), -1);

    QVERIFY(openIn(w, withDem));
    const QListWidget *list = w.layersDock()->list();
    const int row = w.layersDock()->hillshadeRow();
    QCOMPARE(row, list->count() - 1); // at the bottom: drawn under every layer
    QCOMPARE(list->item(row)->text(), QString("Hillshade"));
    QCOMPARE(list->item(row)->checkState(), Qt::Checked);
    QCOMPARE(w.layersDock()->listedLayers().size(), std::size_t(4)); // not a layer
    QVERIFY(waitForRender(w));
    QVERIFY2(w.canvas()->lastStats().hillshadeError.empty(),
             w.canvas()->lastStats().hillshadeError.c_str());
    // Outside every feature the map shows the relief, not the white background.
    auto pixel = [&] {
      const QPointF p = w.canvas()->transform().toScreen(X0 + 5000, Y0 - 200);
      return w.canvas()->image().pixelColor(p.toPoint());
    };
    QVERIFY(pixel() != QColor(Qt::white));

    list->item(row)->setCheckState(Qt::Unchecked);
    QVERIFY(!w.canvas()->hillshadeVisible());
    QVERIFY(waitForRender(w));
    QCOMPARE(pixel(), QColor(Qt::white));
  }

  void anUnreadableDemIsReportedOnce()
  {
    const std::string project = writeTinyProject(m_dir.filePath("bad-dem.gpkg").toStdString());
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(project.c_str(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db,
                          "CREATE TABLE anzhi_settings(key TEXT PRIMARY KEY, value TEXT);"
                          "INSERT INTO anzhi_settings VALUES ('dem_path', 'no-such-dem.tif')",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(db);
    desktop::MainWindow w("en");
    w.show();
    QSignalSpy failed(w.canvas(), &desktop::MapCanvas::hillshadeFailed);
    QVERIFY(openIn(w, project));
    QVERIFY(w.layersDock()->hillshadeRow() >= 0); // listed: the user may fix the file
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY(failed.at(0).at(0).toString().contains("no-such-dem.tif"));
    bool inStatusBar = false;
    for (const QLabel *label : w.statusBar()->findChildren<QLabel *>())
      inStatusBar = inStatusBar || label->text().contains("no-such-dem.tif");
    QVERIFY(inStatusBar);
    QVERIFY(waitForRender(w));
    w.canvas()->zoomBy(2);
    QVERIFY(waitForRender(w));
    QCOMPARE(failed.size(), 1);
  }

  void aBasemapAddedInTheDesktopIsDrawnUnderThePlan()
  {
    QSettings().remove("basemaps");
    // A green "orthophoto" in the project's CRS around the site.
    const std::string ortho = m_dir.filePath("ortho.tif").toStdString();
    {
      GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
      GDALDatasetUniquePtr ds(gtiff->Create(ortho.c_str(), 400, 400, 3, GDT_Byte, nullptr));
      QVERIFY(ds);
      double gt[6] = {X0 - 2000, 10, 0, Y0 + 2000, 0, -10};
      ds->SetGeoTransform(gt);
      OGRSpatialReference srs;
      srs.importFromEPSG(4546);
      ds->SetSpatialRef(&srs);
      const int green[] = {20, 140, 60};
      for (int b = 1; b <= 3; ++b)
        QCOMPARE(ds->GetRasterBand(b)->Fill(green[b - 1]), CE_None);
    }
    desktop::MainWindow w("en");
    w.resize(1200, 800);
    w.show();
    QVERIFY(openIn(w, m_good));
    QVERIFY(waitForRender(w));
    auto pixel = [&] {
      const QPointF p = w.canvas()->transform().toScreen(X0 - 300, Y0 - 300); // off every feature
      return w.canvas()->image().pixelColor(p.toPoint());
    };
    QCOMPARE(pixel(), QColor(Qt::white));

    render::BasemapSpec spec;
    spec.name = "ortho";
    spec.kind = render::BasemapSpec::Kind::File;
    spec.source = ortho;
    w.addBasemap(spec);
    QVERIFY(waitForRender(w));
    QVERIFY2(w.canvas()->lastStats().basemapError.empty(),
             w.canvas()->lastStats().basemapError.c_str());
    QCOMPARE(pixel(), QColor(20, 140, 60));
    // Listed under the layers, not a layer; kept in the user's settings.
    const QListWidget *list = w.layersDock()->list();
    const int row = w.layersDock()->basemapRow(0);
    QCOMPARE(row, list->count() - 1);
    QCOMPARE(list->item(row)->text(), QString("ortho"));
    QCOMPARE(w.layersDock()->listedLayers().size(), std::size_t(4));
    QSettings settings;
    const auto kept = desktop::loadBasemaps(settings);
    QCOMPARE(kept.size(), std::size_t(1));
    QCOMPARE(kept[0].spec.source, ortho);

    // A tile service through the dialog, on top of it: a file:// template to a folder with no
    // tiles draws nothing over the orthophoto and names the service in the status bar.
    desktop::TileServiceDialog dialog;
    dialog.choosePreset(0);
    dialog.setKey("my-key");
    QVERIFY(dialog.spec().source.find("img_w") != std::string::npos);
    QCOMPARE(dialog.spec().key, std::string("my-key"));
    dialog.choosePreset(2);
    const QString missing = m_dir.filePath("no-tiles-here");
    dialog.setTemplate(QUrl::fromLocalFile(missing).toString() + "/{z}/{x}/{y}.png");
    dialog.setName("local tiles");
    QSignalSpy unreachable(w.canvas(), &desktop::MapCanvas::tileServicesUnreachable);
    w.addBasemap(dialog.spec());
    QCOMPARE(w.basemaps().size(), std::size_t(2));
    QCOMPARE(w.layersDock()->basemapRow(1), list->count() - 2); // drawn over the first
    QTRY_COMPARE_WITH_TIMEOUT(unreachable.size(), 1, 20000);
    QVERIFY(unreachable.at(0).at(0).toStringList().join(",").contains("no-tiles-here"));
    bool inStatusBar = false;
    for (const QLabel *label : w.statusBar()->findChildren<QLabel *>())
      inStatusBar = inStatusBar || label->text().contains("no-tiles-here");
    QVERIFY(inStatusBar);
    QVERIFY(waitForRender(w));
    QCOMPARE(pixel(), QColor(20, 140, 60));

    // Hidden from the layers dock: the white background again.
    list->item(w.layersDock()->basemapRow(0))->setCheckState(Qt::Unchecked);
    QVERIFY(!w.basemaps()[0].visible);
    QVERIFY(waitForRender(w));
    QCOMPARE(pixel(), QColor(Qt::white));
    QSettings().remove("basemaps");
  }

  void rendersKnownPixels()
  {
    core::LoadOptions options;
    auto project = core::Project::load(m_good, options);
    render::RenderRequest request;
    request.project = project;
    request.labels = false;
    request.transform =
        render::MapTransform::fitting({X0 - 100, Y0 - 100, X0 + 500, Y0 + 400}, QSize(600, 500));
    render::RenderStats stats;
    const QImage image = render::MapRenderer().render(request, nullptr, &stats);
    QCOMPARE(image.size(), QSize(600, 500));
    QVERIFY(!stats.cancelled);
    QVERIFY(stats.features >= 4);
    auto pixel = [&](double x, double y) {
      const QPointF p = request.transform.toScreen(x, y);
      return image.pixelColor(int(p.x()), int(p.y())).name(QColor::HexRgb).toUpper();
    };
    QCOMPARE(pixel(X0 + 60, Y0 + 100), QString("#FF85C9"));  // education plot P-1
    QCOMPARE(pixel(X0 + 250, Y0 + 100), QString("#FFFF2D")); // residential plot P-2
    QCOMPARE(pixel(X0 + 60, Y0 + 250), QString("#FFFFFF"));  // inside the site, no plot
    QCOMPARE(pixel(X0 - 60, Y0 - 60), QString("#FFFFFF"));   // outside everything
    QCOMPARE(pixel(X0 + 200, Y0), QString("#8B0000"));       // the site's dark red outline

    // Level of detail: at a county scale the plots are dots, not paths (drawn at 1:620,000
    // only because the user's range says so: by default they appear from 1:250,000 in).
    request.transform = render::MapTransform::fitting(
        {X0 - 40000, Y0 - 40000, X0 + 40000, Y0 + 40000}, QSize(600, 500));
    for (render::LayerState &layer : request.layers)
      if (layer.name == "planned_plots")
        layer.userScale = render::ScaleRange{};
    render::MapRenderer().render(request, nullptr, &stats);
    QVERIFY(stats.dots >= 2);

    // A cancelled job stops and says so.
    std::atomic<bool> cancel{true};
    render::MapRenderer().render(request, &cancel, &stats);
    QVERIFY(stats.cancelled);
  }

  void canvasRendersOffTheUiThread()
  {
    desktop::MainWindow w("en");
    w.show();
    QVERIFY(openIn(w, m_good));
    QVERIFY(waitForRender(w));
    w.canvas()->setLabelsVisible(false);
    w.canvas()->zoomToEnvelope({X0, Y0, X0 + 400, Y0 + 300});
    QVERIFY(waitForRender(w));
    const QImage image = w.canvas()->image();
    const QPointF p = w.canvas()->transform().toScreen(X0 + 60, Y0 + 100);
    const qreal dpr = image.devicePixelRatio();
    QCOMPARE(image.pixelColor(int(p.x() * dpr), int(p.y() * dpr)).name().toUpper(),
             QString("#FF85C9"));
  }

  void checkFromTheUiMatchesTheEngine()
  {
    desktop::MainWindow w("en");
    w.show();
    QVERIFY(openIn(w, m_good));
    QSignalSpy done(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    QVERIFY(w.checkRunner()->isRunning());
    QVERIFY(done.wait(30000));
    const core::CheckResult expected = core::checkProject(m_good, core::RuleSet::defaults());
    QVERIFY(expected.violations.size() >= 4);
    QCOMPARE(w.resultsDock()->totalCount(), expected.violations.size());
    QCOMPARE(std::size_t(w.resultsDock()->visibleCount()), expected.violations.size());
    QCOMPARE(w.resultsDock()->openErrorCount(), expected.errorCount());
  }

  void aLanguageRestartCarriesTheViewTheSelectionAndTheCheck()
  {
    desktop::MainWindow w("en");
    w.resize(1200, 800);
    w.show();
    QVERIFY(openIn(w, m_good));
    w.canvas()->zoomToEnvelope({X0 + 100, Y0 + 50, X0 + 300, Y0 + 200});
    QSignalSpy done(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    QVERIFY(done.wait(30000));
    emit w.canvas()->selectRequested({X0 + 250, Y0 + 90, X0 + 260, Y0 + 100}, false);
    const auto selected = w.sessionView().selected;
    QVERIFY(!selected.empty());

    const QStringList args = w.restartArguments("zh_CN");
    QCOMPARE(args.mid(0, 2), QStringList({"--lang", "zh_CN"}));
    QVERIFY(args.contains("--check"));
    QCOMPARE(args.last(), QString::fromStdString(m_good));
    const auto valueOf = [&](const char *option) {
      const qsizetype at = args.indexOf(option);
      return at >= 0 && at + 1 < args.size() ? args[at + 1] : QString();
    };
    desktop::StartOptions options;
    options.project = args.last();
    options.view = desktop::sessionViewFromArguments(valueOf("--extent"), valueOf("--select"));

    desktop::MainWindow restarted("zh_CN");
    restarted.resize(1200, 800);
    restarted.show();
    desktop::Automation automation(restarted, options);
    QSignalSpy opened(&restarted, &desktop::MainWindow::projectOpened);
    automation.start();
    QVERIFY(opened.wait(20000));
    const gis::Envelope a = w.canvas()->visibleExtent(), b = restarted.canvas()->visibleExtent();
    QVERIFY(std::abs(a.minX - b.minX) < 0.01 && std::abs(a.maxY - b.maxY) < 0.01);
    QCOMPARE(restarted.sessionView().selected, selected);
  }

  void aRestartLineThatDoesNotParseNamesTheOption()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             desktop::sessionViewFromArguments("1,2,3", QString()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             desktop::sessionViewFromArguments("3,0,1,4", QString()));
    try {
      desktop::sessionViewFromArguments(QString(), "planned_plots:x");
      QFAIL("a fid that is no number was taken");
    } catch (const std::invalid_argument &e) {
      QVERIFY(std::string(e.what()).find("--select") != std::string::npos);
    }
    const auto view = desktop::sessionViewFromArguments("1,2,3,4", "planned_plots:2,schools:7");
    QCOMPARE(view.extent->maxX, 3.0);
    QCOMPARE(view.selected.size(), std::size_t(2));
    QCOMPARE(view.selected[1], (std::pair<std::string, std::int64_t>("schools", 7)));
  }

  void identifyListsEveryStackedFeatureAndSelectsThePickedOne()
  {
    desktop::MainWindow w("en");
    w.resize(1200, 800);
    w.show();
    QVERIFY(openIn(w, m_good));
    // (X0+250, Y0+100) lies in P-2 (x 150–300) and in the site AZQ-1, not in P-1 (x 20–180).
    emit w.canvas()->identifyRequested(X0 + 250, Y0 + 100, 1);
    QListWidget *stack = w.attributesDock()->stack();
    QCOMPARE(stack->count(), 2);
    QVERIFY(!stack->isHidden());
    QStringList rows;
    for (int i = 0; i < stack->count(); ++i)
      rows << stack->item(i)->text();
    const auto row = [&](const QString &code) {
      for (int i = 0; i < rows.size(); ++i)
        if (rows[i].contains(code))
          return i;
      return -1;
    };
    QVERIFY2(row("P-2") >= 0 && row("AZQ-1") >= 0, qPrintable(rows.join(" | ")));
    QVERIFY(rows[row("AZQ-1")].contains("幸福家园安置区"));
    stack->setCurrentRow(row("AZQ-1"));
    QCOMPARE(w.sessionView().selected,
             (std::vector<std::pair<std::string, std::int64_t>>{{"resettlement_sites", 1}}));
    stack->setCurrentRow(row("P-2"));
    QCOMPARE(w.sessionView().selected,
             (std::vector<std::pair<std::string, std::int64_t>>{{"planned_plots", 2}}));
    // Only the site under the cursor (east of both plots, far from the clinic): no list.
    emit w.canvas()->identifyRequested(X0 + 350, Y0 + 50, 1);
    QVERIFY(stack->isHidden());
    QCOMPARE(w.sessionView().selected,
             (std::vector<std::pair<std::string, std::int64_t>>{{"resettlement_sites", 1}}));
  }

  void aLongStatusMessageLeavesTheCoordinatesInView()
  {
    desktop::MainWindow w("en");
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *status = w.findChild<QLabel *>("statusText");
    auto *coords = w.findChild<QLabel *>("cursorCoordinates");
    QVERIFY(status && coords);
    coords->setText("X 37,500,000.00  Y 4,250,000.00");
    status->setText(QString("安置区检查完成，").repeated(40));
    // The message asks for no width of its own: the window does not grow and the coordinates
    // keep their room.
    QVERIFY(status->minimumSizeHint().width() < coords->minimumWidth());
    QTRY_VERIFY(status->geometry().right() < coords->geometry().left());
    QVERIFY(coords->width() >= coords->minimumWidth());
    QVERIFY(coords->geometry().right() <= w.statusBar()->width());
  }

  void selectingAResultShowsIt()
  {
    desktop::MainWindow w("en");
    QVERIFY(openAndCheck(w));
    w.canvas()->zoomToEnvelope({X0 + 9000, Y0 - 500, X0 + 11000, Y0 + 500}); // elsewhere
    const auto &open = w.resultsDock()->split().open;
    const auto it = std::find_if(open.begin(), open.end(), [](const core::Violation &v) {
      return v.rule == "protected-land";
    });
    QVERIFY(it != open.end());
    QVERIFY(w.resultsDock()->selectOpen(std::size_t(it - open.begin())));
    const gis::Envelope want = gis::envelope(gis::fromWkt(it->wkt).get());
    const gis::Envelope seen = w.canvas()->visibleExtent();
    QVERIFY(seen.minX <= want.minX && seen.maxX >= want.maxX);
    QVERIFY(seen.minY <= want.minY && seen.maxY >= want.maxY);
    // The filters. By rule: exactly that rule's violations, counted from the dock's own list.
    const auto ruleCount = std::count_if(open.begin(), open.end(), [](const core::Violation &v) {
      return v.rule == "protected-land";
    });
    QVERIFY(std::size_t(ruleCount) < open.size());
    w.resultsDock()->setRuleFilter("protected-land");
    QCOMPARE(w.resultsDock()->visibleCount(), int(ruleCount));
    QVERIFY(w.resultsDock()->selectOpen(std::size_t(it - open.begin())));
    w.resultsDock()->setRuleFilter(QString());
    QCOMPARE(std::size_t(w.resultsDock()->visibleCount()), open.size());
    // By search text: a feature's code finds at least its own violations; nonsense finds none.
    const std::string code = *it->feature.code;
    const auto withCode = std::count_if(
        open.begin(), open.end(), [&](const core::Violation &v) { return v.feature.code == code; });
    w.resultsDock()->setSearchText(QString::fromStdString(code).toLower());
    QVERIFY(w.resultsDock()->visibleCount() >= int(withCode));
    QVERIFY(std::size_t(w.resultsDock()->visibleCount()) < open.size());
    w.resultsDock()->setSearchText("no-such-code-anywhere");
    QCOMPARE(w.resultsDock()->visibleCount(), 0);
    QVERIFY(!w.resultsDock()->selectOpen(std::size_t(it - open.begin())));
  }

  void theCoverageViewExplainsItsCircles()
  {
    desktop::MainWindow w("en");
    w.resize(1200, 800);
    w.show();
    QVERIFY(openIn(w, m_good));
    auto *legend = w.canvas()->findChild<desktop::CoverageLegend *>();
    QVERIFY(legend);
    QVERIFY(legend->isHidden());
    QAction *coverage = nullptr;
    for (QAction *a : w.findChildren<QAction *>())
      if (a->text().remove('&') == "Coverage view")
        coverage = a;
    QVERIFY(coverage);
    coverage->trigger();
    QVERIFY(!legend->isHidden());
    // The built-in rule set's radii (resources/rules, 一（四）): primary 500 m urban, 2,500 m
    // rural; junior 1,000 m and 5,000 m.
    QStringList texts;
    for (const auto &e : legend->entries())
      texts << e.text;
    const QString all = texts.join('\n');
    QVERIFY2(texts.size() == 6, qPrintable(all));
    QVERIFY2(texts[0].contains("500") && texts[0].contains("1,000"), qPrintable(all));
    QVERIFY2(texts[1].contains("2,500") && texts[1].contains("5,000"), qPrintable(all));
    QCOMPARE(legend->entries()[1].symbol, desktop::CoverageLegend::Symbol::DashedCircle);
    // In the map's bottom-left corner, whole.
    QVERIFY(legend->geometry().bottom() < w.canvas()->height());
    QVERIFY(legend->x() >= 0 && legend->x() < 20);
    coverage->trigger();
    QVERIFY(legend->isHidden());
  }

  void findJumpsToNamesCodesAndPinyin()
  {
    desktop::MainWindow w("en");
    w.resize(1200, 800);
    w.show();
    QVERIFY(openIn(w, m_good));
    desktop::FindDock *find = w.findDock();
    const auto results = [&](const QString &text) {
      QSignalSpy shown(find, &desktop::FindDock::resultsShown);
      find->search(text);
      QStringList rows;
      if (!shown.wait(20000))
        return QStringList{"(no answer)"};
      for (int i = 0; i < find->results()->count(); ++i)
        rows << find->results()->item(i)->text();
      return rows;
    };
    // 幸福家园安置区 is xìng fú jiā yuán ān zhì qū: initials xfjyazq.
    QStringList rows = results("xfjy");
    QVERIFY2(rows.size() == 1 && rows[0].contains("AZQ-1"), qPrintable(rows.join(" | ")));
    rows = results("XingFu");
    QVERIFY2(rows.size() == 1 && rows[0].contains("幸福家园安置区"), qPrintable(rows.join(" | ")));
    // Codes in any case; a plot is found by its code, exact before partial.
    rows = results("p-2");
    QVERIFY2(rows.size() == 1 && rows[0].contains("P-2"), qPrintable(rows.join(" | ")));
    rows = results("P-");
    QCOMPARE(rows.size(), 2);
    // The site's township, 岚城镇 (lán chéng zhèn), as a place of its own.
    rows = results("lcz");
    QVERIFY2(rows.size() == 1 && rows[0].contains("岚城镇"), qPrintable(rows.join(" | ")));
    QVERIFY(results("no-such-thing").isEmpty());
    // Choosing the site selects it and shows it.
    results("幸福");
    w.canvas()->zoomToEnvelope({X0 + 9000, Y0 - 500, X0 + 11000, Y0 + 500}); // elsewhere
    emit find->results()->itemActivated(find->results()->item(0));
    QCOMPARE(w.sessionView().selected,
             (std::vector<std::pair<std::string, std::int64_t>>{{"resettlement_sites", 1}}));
    const gis::Envelope seen = w.canvas()->visibleExtent();
    QVERIFY(seen.minX <= X0 && seen.maxX >= X0 + 400 && seen.minY <= Y0 && seen.maxY >= Y0 + 300);
  }

  void whyExplainsTheRuleOfAViolation()
  {
    desktop::MainWindow w("en");
    QVERIFY(openAndCheck(w));
    // P-2 (residential) takes 30 m × 160 m of the school plot P-1: protected-land.
    const auto &open = w.resultsDock()->split().open;
    const auto it = std::find_if(open.begin(), open.end(), [](const core::Violation &v) {
      return v.rule == "protected-land";
    });
    QVERIFY(it != open.end());
    QVERIFY(w.resultsDock()->selectOpen(std::size_t(it - open.begin())));
    QPushButton *why = nullptr;
    for (QPushButton *b : w.resultsDock()->findChildren<QPushButton *>())
      if (b->text() == "Why?")
        why = b;
    QVERIFY(why && why->isEnabled());
    why->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = w.findChild<QMessageBox *>()) != nullptr);
    const QString text = box->text();
    QVERIFY2(text.contains("protected-land") && text.contains("一（一）") &&
                 text.contains("education, medical, elderly-care or industrial land") &&
                 text.contains("no parameters") && text.contains("P-1"),
             qPrintable(text));
    // A rule with parameters lists each with its value and where it comes from.
    core::Violation ranger;
    ranger.rule = "ranger-area";
    ranger.clause = "三（十）";
    const QString explained = desktop::ruleExplanation(ranger, core::RuleSet::defaults());
    QVERIFY2(explained.contains("min_mu = 500") && explained.contains("default:"),
             qPrintable(explained));
  }

  void helpShowsTheManualAndTheShortcuts()
  {
    // The manual is docs/manual_*.md, built in: the Chinese one for zh_CN, else English.
    const QString zh = desktop::manualMarkdown("zh_CN");
    const QString en = desktop::manualMarkdown("en");
    QVERIFY2(zh.startsWith("# 安置 使用手册") && zh.contains("查找"), qPrintable(zh.left(80)));
    QVERIFY2(en.startsWith("# Anzhi user manual") && en.contains("Find"), qPrintable(en.left(80)));
    desktop::MainWindow w("en");
    w.show();
    // Every shortcut the window's actions have, and no action without one.
    std::map<QString, QString> keys;
    for (const auto &[command, key] : desktop::shortcutList(w))
      keys[command] = key;
    QCOMPARE(keys["Find"], QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
    QVERIFY(keys.count("Run check") == 1);
    QVERIFY(keys.count("Keyboard shortcuts") == 0);
    for (QAction *a : w.findChildren<QAction *>())
      if (a->text().remove('&') == "User manual")
        a->trigger();
    QTextBrowser *manual = nullptr;
    QTRY_VERIFY((manual = w.findChild<QTextBrowser *>("manual")) != nullptr);
    QVERIFY(manual->toPlainText().contains("Opening a project"));
  }

  void groupCountsFollowTheFilter()
  {
    // Three protected-land violations, one in 岚城镇 and two in 东村镇; one clinic warning.
    auto result = std::make_shared<core::CheckResult>();
    for (auto [id, severity] : {std::pair("protected-land", core::Severity::Error),
                                std::pair("clinic-coverage", core::Severity::Warning)}) {
      core::RuleOutcome r;
      r.id = id;
      r.severity = severity;
      result->rules.push_back(r);
    }
    const auto violation = [](const char *rule, core::Severity s, const char *township) {
      core::Violation v;
      v.rule = rule;
      v.severity = s;
      v.township = township;
      return v;
    };
    auto split = std::make_shared<core::ExceptionSplit>();
    split->open = {violation("protected-land", core::Severity::Error, "岚城镇"),
                   violation("protected-land", core::Severity::Error, "东村镇"),
                   violation("protected-land", core::Severity::Error, "东村镇"),
                   violation("clinic-coverage", core::Severity::Warning, "东村镇")};
    split->open[0].distanceM = 1200.0;
    split->open[0].minutes = 37.5; // school coverage by road: the time first
    desktop::ResultsModel model;
    model.setResult(result, split);
    const QString measure =
        model.index(0, desktop::ResultsModel::ValueColumn, model.index(0, 0)).data().toString();
    QVERIFY2(measure.contains("37.5 min") && measure.contains("1.200 km"), qPrintable(measure));
    const auto titles = [&] {
      QStringList out;
      for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data().toString();
      return out;
    };
    QCOMPARE(titles().size(), 2);
    QVERIFY2(titles()[0].endsWith("(3)"), qPrintable(titles()[0]));
    desktop::ResultsFilter filter;
    filter.township = "东村镇";
    model.setFilter(filter);
    QVERIFY2(titles()[0].endsWith("(2 of 3)"), qPrintable(titles().join(" | ")));
    QVERIFY2(titles()[1].endsWith("(1 of 1)"), qPrintable(titles().join(" | ")));
    filter.township = "岚城镇";
    model.setFilter(filter);
    QCOMPARE(titles().size(), 1); // the clinic group has nothing left to show
    QVERIFY2(titles()[0].endsWith("(1 of 3)"), qPrintable(titles()[0]));
  }

  void brokenLayerIsReportedAndTheRestOpens()
  {
    desktop::MainWindow w("en");
    w.show();
    QVERIFY(openIn(w, m_broken));
    const std::vector<std::string> listed = w.layersDock()->listedLayers();
    QVERIFY(std::find(listed.begin(), listed.end(), "resettlement_sites") != listed.end());
    QVERIFY(std::find(listed.begin(), listed.end(), "planned_plots") != listed.end());
    QVERIFY(std::find(listed.begin(), listed.end(), "schools") == listed.end());
    QVERIFY(w.layersDock()->rowOf("schools") >= 0); // listed as broken, with the reason
    QVERIFY(w.problemsText().contains("schools"));
    QVERIFY(w.problemsText().contains("level"));
    QVERIFY(waitForRender(w));
    // The check runs on what opened; rules needing schools are skipped.
    QSignalSpy done(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    QVERIFY(done.wait(30000));
    QVERIFY(w.resultsDock()->totalCount() >= 2);
  }

  void acceptedExceptionIsKeptAndNotCounted()
  {
    const std::string path = m_dir.filePath("exceptions.gpkg").toStdString();
    writeTinyProject(path);
    desktop::MainWindow w("en");
    w.show();
    QVERIFY(openIn(w, path));
    QSignalSpy done(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    QVERIFY(done.wait(30000));
    const std::size_t errors = w.resultsDock()->openErrorCount();
    const auto open = w.resultsDock()->split().open;
    const auto it = std::find_if(open.begin(), open.end(), [](const core::Violation &v) {
      return v.rule == "protected-land";
    });
    QVERIFY(it != open.end());
    core::AcceptedException e;
    e.key = core::exceptionKey(*it);
    e.reason = "规划调整已批复";
    e.approvalNo = "岚自然资函〔2021〕3号";
    w.session()->addException(e);
    QVERIFY(w.session()->isDirty());
    QCOMPARE(w.resultsDock()->split().excepted.size(), std::size_t(1));
    QCOMPARE(w.resultsDock()->openErrorCount(), errors - 1);
    QSignalSpy saved(w.session(), &desktop::ProjectSession::saved);
    w.session()->save();
    QVERIFY(saved.wait(10000));
    QCOMPARE(core::loadExceptions(path).size(), std::size_t(1));
    // Reopen and check again: matched to the same violation.
    QVERIFY(openIn(w, path));
    w.runCheck();
    QVERIFY(done.wait(30000));
    QCOMPARE(w.resultsDock()->split().excepted.size(), std::size_t(1));
    QCOMPARE(w.resultsDock()->openErrorCount(), errors - 1);
  }

  void readOnlyProjectOpensWithNoticeAndNeverSavesSilently()
  {
    // chmod 0444: respected even when the tests run as root (who could write it anyway).
    const QString path = m_dir.filePath("只读 项目.gpkg");
    writeTinyProject(path.toStdString());
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadUser |
                                            QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    desktop::MainWindow w("en");
    w.show();
    QVERIFY(openIn(w, path.toStdString()));
    QVERIFY(w.session()->isReadOnly());
    QVERIFY(w.windowTitle().contains("[read-only]"));
    // The notice is shown (non-modal) and names the file.
    bool noticed = false;
    for (const QMessageBox *box : w.findChildren<QMessageBox *>())
      noticed = noticed || (box->windowTitle() == "Read-only project" && box->isVisible() &&
                            box->text().contains(path));
    QVERIFY(noticed);

    // An exception accepted in the session: Save says why it cannot, and writes nothing.
    QSignalSpy done(&w, &desktop::MainWindow::checkFinished);
    w.runCheck();
    QVERIFY(done.wait(30000));
    const auto open = w.resultsDock()->split().open;
    QVERIFY(!open.empty());
    core::AcceptedException e;
    e.key = core::exceptionKey(open.front());
    e.reason = "只读测试";
    w.session()->addException(e);
    QVERIFY(w.session()->isDirty());
    QSignalSpy saved(w.session(), &desktop::ProjectSession::saved);
    QSignalSpy failed(w.session(), &desktop::ProjectSession::saveFailed);
    w.session()->save();
    QVERIFY(failed.count() == 1 || failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains("read-only"));
    QCOMPARE(saved.count(), 0);
    QVERIFY(w.session()->isDirty());
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    original.close();

    // Save as… keeps them in a writable copy, which then opens read-write.
    const QString copy = m_dir.filePath("只读 项目 副本.gpkg");
    QSignalSpy reopened(&w, &desktop::MainWindow::projectOpened);
    w.session()->saveAs(copy, w.rules());
    QVERIFY(reopened.wait(20000));
    QCOMPARE(core::loadExceptions(copy.toStdString()).size(), std::size_t(1));
    QVERIFY(!w.session()->isReadOnly());
    QVERIFY(!w.windowTitle().contains("[read-only]"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);
    original.close();
  }

  void badProjectOnTheCommandLineLeavesTheWindowOpenWithTheError_data()
  {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    // The reasons are those anzhi-cli check gives (docs/bad-input.md).
    QFile good(QString::fromStdString(m_good));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QTest::newRow("missing") << "不存在 的 项目.gpkg" << QByteArray() << "file not found";
    QTest::newRow("text renamed .gpkg") << "文本 项目.gpkg" << QByteArray("not a project\n")
                                        << "not recognized as a supported file format";
    QTest::newRow("empty") << "空 项目.gpkg" << QByteArray("") << "the file is empty";
    QTest::newRow("cut inside the SQLite header")
        << "损坏 项目.gpkg" << good.read(50) << "not recognized as a supported file format";
  }

  void badProjectOnTheCommandLineLeavesTheWindowOpenWithTheError()
  {
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(file);
    if (QTest::currentDataTag() != QByteArray("missing")) {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(bytes);
    }

    // What `anzhi PATH` does (main.cpp): the window, then the automation opens the project.
    desktop::MainWindow w("en");
    w.show();
    desktop::StartOptions options;
    options.project = path;
    desktop::Automation automation(w, options);
    QSignalSpy failed(&w, &desktop::MainWindow::projectFailed);
    automation.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY(failed.first().first().toString().contains(reason, Qt::CaseInsensitive));
    QCoreApplication::processEvents(); // whatever the failure queued runs before we look

    QVERIFY(w.isVisible());
    QVERIFY(!w.session()->project());
    QVERIFY(w.session()->path().isEmpty());
    bool shown = false;
    for (const QMessageBox *box : w.findChildren<QMessageBox *>())
      shown = shown || (box->isVisible() && !box->isModal() && box->text().contains(path) &&
                        box->text().contains(reason, Qt::CaseInsensitive));
    QVERIFY(shown);
    bool inStatusBar = false;
    for (const QLabel *label : w.statusBar()->findChildren<QLabel *>())
      inStatusBar = inStatusBar || label->text().contains(path);
    QVERIFY(inStatusBar);
  }

  void importWizardImportsGeoJson()
  {
    // Two schools in GeoJSON (lon/lat, EPSG:4326), with Chinese names, into a new project.
    const QString source = m_dir.filePath("学校.geojson");
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"XX-1","name":"第一小学","level":"primary",
       "capacity":500},"geometry":{"type":"Point","coordinates":[111.5,38.25]}},
      {"type":"Feature","properties":{"code":"XX-2","name":"城关中学","level":"junior",
       "capacity":800},"geometry":{"type":"Point","coordinates":[111.75,38.5]}}]})");
    file.close();
    const QString project = m_dir.filePath("imported.gpkg");

    desktop::ImportWizard w(project);
    QVERIFY(test::showWithSource(w, source));
    QVERIFY(w.preview());
    QCOMPARE(w.preview()->features, 2);
    QCOMPARE(w.preview()->rows.size(), std::size_t(2));
    // Proposed from the file's name, 学校, and its point geometry: no choice needed.
    QCOMPARE(w.request().role, std::string("schools"));
    QVERIFY(w.findChild<QLabel *>("roleNote")->text().contains("学校"));
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::RolePage));
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::FieldsPage));
    // Same-named fields are mapped without help.
    const core::ImportRequest request = w.request();
    QCOMPARE(request.fields.size(), std::size_t(4));
    QSignalSpy imported(&w, &desktop::ImportWizard::imported);
    auto *values =
        dynamic_cast<desktop::ImportValuesPage *>(w.page(desktop::ImportWizard::ValuesPage));
    QVERIFY(values);
    QSignalSpy listed(values, &desktop::ImportValuesPage::valuesReady);
    w.next(); // schools have a coded field, level: its values
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::ValuesPage));
    QVERIFY(listed.wait(20000));
    QCOMPARE(values->code("level", "primary"), QString("primary"));
    QCOMPARE(values->code("level", "junior"), QString("junior"));
    w.next();
    // The confirmation names the target and the fields, and nothing is written yet.
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::ConfirmPage));
    const QString confirmation = w.findChild<QLabel *>("confirmation")->text();
    QVERIFY2(confirmation.contains("Schools") && confirmation.contains("imported.gpkg") &&
                 confirmation.contains("学校.geojson") && confirmation.contains("Features: 2") &&
                 confirmation.contains("capacity"),
             qPrintable(confirmation));
    QVERIFY(!QFile::exists(project));
    QCOMPARE(imported.size(), 0);
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::SummaryPage));
    QVERIFY(imported.wait(20000));
    QCOMPARE(imported.at(0).at(0).toBool(), true);
    QVERIFY(w.summary() && !w.summary()->refusal);
    QCOMPARE(w.summary()->imported, 2);

    gis::VectorDataset ds = gis::VectorDataset::open(project.toStdString());
    gis::VectorLayer schools = ds.layer("schools");
    QCOMPARE(schools.crs()->authId(), std::string("EPSG:4326"));
    const int name = schools.requireField("name", gis::FieldType::String);
    const int capacity = schools.requireField("capacity", gis::FieldType::Integer);
    std::vector<std::string> names;
    std::vector<std::int64_t> capacities;
    std::vector<std::pair<double, double>> points;
    schools.forEach([&](const gis::FeatureRow &r) {
      names.push_back(*r.string(name));
      capacities.push_back(*r.integer(capacity));
      points.push_back(gis::pointXY(r.geometry().get()));
      return true;
    });
    QCOMPARE(names, (std::vector<std::string>{"第一小学", "城关中学"}));
    QCOMPARE(capacities, (std::vector<std::int64_t>{500, 800}));
    QCOMPARE(points, (std::vector<std::pair<double, double>>{{111.5, 38.25}, {111.75, 38.5}}));
  }

  void importWizardShiftsAnOldDatum()
  {
    // A school in Xian 1980 / 3-degree GK zone 37 (EPSG:2361), typed into the role page with
    // seven parameters; the reference position is cs2cs's with the same +towgs84
    // (tests/import/DatumShiftTest.cpp): 37512368.9510 4283999.7822 in EPSG:4525.
    const QString source = m_dir.filePath("西安80学校.csv");
    QVERIFY(test::writeBytes(
        source, "code,name,level,capacity,X,Y\nXX-1,第一小学,primary,500,37512345.5,4284000.25\n"));
    const QString project = m_dir.filePath("xian80.gpkg");
    desktop::ImportWizard w(project);
    QVERIFY(test::showWithSource(w, source));
    w.setRole("schools");
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::RolePage));
    auto *crs = w.findChild<QLineEdit *>("sourceCrs");
    auto *towgs84 = w.findChild<QLineEdit *>("towgs84");
    QVERIFY(crs && towgs84);
    crs->setText("EPSG:2361");
    towgs84->setText("24,-123,-94,0.02,-0.25"); // five numbers: the page stays
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::RolePage));
    towgs84->setText("24,-123,-94,0.02,-0.25,-0.13,1.1");
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::FieldsPage));
    QSignalSpy imported(&w, &desktop::ImportWizard::imported);
    while (w.currentId() != int(desktop::ImportWizard::SummaryPage)) {
      const int before = w.currentId();
      w.next();
      if (w.currentId() == before)
        QTest::qWait(200); // a page still reading its values
    }
    QVERIFY(imported.wait(20000));
    QVERIFY(w.summary() && !w.summary()->refusal);
    QVERIFY(w.summary()->datumShift);
    gis::VectorDataset ds = gis::VectorDataset::open(project.toStdString());
    gis::VectorLayer schools = ds.layer("schools");
    QCOMPARE(schools.crs()->authId(), std::string("EPSG:4525"));
    std::pair<double, double> at;
    schools.forEach([&](const gis::FeatureRow &r) {
      at = gis::pointXY(r.geometry().get());
      return true;
    });
    QVERIFY(std::fabs(at.first - 37512368.9510) < 0.001);
    QVERIFY(std::fabs(at.second - 4283999.7822) < 0.001);
  }

  void importWizardMapsCodedValues()
  {
    // Schools whose 学段 says 小学, 初中, 九年一贯制 and once something no table knows.
    const QString source = m_dir.filePath("学段.geojson");
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // (Plain string literals: moc's tokenizer reads this file too.)
    auto school = [](const char *code, const char *level, double x) {
      return QString("{\"type\":\"Feature\",\"properties\":{\"code\":\"%1\",\"学段\":\"%2\","
                     "\"capacity\":300},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                     "[%3,38.5]}}")
          .arg(code, QString::fromUtf8(level), QString::number(x));
    };
    const QString features = school("XX-1", "小学", 111.1) + "," + school("XX-2", "初中", 111.2) +
                             "," + school("XX-3", "九年一贯制", 111.3) + "," +
                             school("XX-4", " 小学 ", 111.4) + "," + school("XX-5", "培智", 111.5);
    file.write(("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}").toUtf8());
    file.close();
    const QString project = m_dir.filePath("coded.gpkg");

    desktop::ImportWizard w(project);
    QVERIFY(test::showWithSource(w, source));
    w.setRole("schools");
    w.next();
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::FieldsPage));
    QVERIFY(w.setFieldMapping("level", "学段"));
    auto *values =
        dynamic_cast<desktop::ImportValuesPage *>(w.page(desktop::ImportWizard::ValuesPage));
    QVERIFY(values);
    QSignalSpy listed(values, &desktop::ImportValuesPage::valuesReady);
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::ValuesPage));
    QVERIFY(listed.wait(20000));
    // Every distinct value once, trimmed, with its rows, and the code the built-in table gives.
    QCOMPARE(values->rows("level", "小学"), std::int64_t(2));
    QCOMPARE(values->rows("level", "初中"), std::int64_t(1));
    QCOMPARE(values->rows("level", " 小学 "), std::int64_t(-1));
    QCOMPARE(values->code("level", "小学"), QString("primary"));
    QCOMPARE(values->code("level", "初中"), QString("junior"));
    QCOMPARE(values->code("level", "九年一贯制"), QString("nine_year"));
    QVERIFY(values->code("level", "培智").isNull());
    QVERIFY(values->isHighlighted("level", "培智"));
    QVERIFY(!values->isHighlighted("level", "小学"));

    // Left without a code, 培智 refuses the import, naming the field and the value.
    QSignalSpy imported(&w, &desktop::ImportWizard::imported);
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::ConfirmPage));
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::SummaryPage));
    QVERIFY(imported.wait(20000));
    QCOMPARE(imported.at(0).at(0).toBool(), false);
    QVERIFY(w.summary() && w.summary()->refusal);
    QVERIFY2(w.summary()->refusal->find("'level'") != std::string::npos &&
                 w.summary()->refusal->find("'培智'") != std::string::npos,
             w.summary()->refusal->c_str());
    QVERIFY(!QFile::exists(project));

    // A code chosen for it: imported, every value as its code.
    w.back();
    w.back();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::ValuesPage));
    QVERIFY(values->setCode("level", "培智", "vocational"));
    QVERIFY(!values->isHighlighted("level", "培智"));
    w.next();
    w.next();
    QVERIFY(imported.wait(20000));
    QCOMPARE(imported.at(1).at(0).toBool(), true);
    QCOMPARE(w.summary()->imported, 5);

    gis::VectorDataset ds = gis::VectorDataset::open(project.toStdString());
    gis::VectorLayer schools = ds.layer("schools");
    const int code = schools.requireField("code", gis::FieldType::String);
    const int level = schools.requireField("level", gis::FieldType::String);
    std::map<std::string, std::string> levels;
    schools.forEach([&](const gis::FeatureRow &r) {
      levels[*r.string(code)] = r.string(level).value_or("NULL");
      return true;
    });
    QCOMPARE(levels, (std::map<std::string, std::string>{{"XX-1", "primary"},
                                                         {"XX-2", "junior"},
                                                         {"XX-3", "nine_year"},
                                                         {"XX-4", "primary"},
                                                         {"XX-5", "vocational"}}));
  }
};

QTEST_MAIN(AppTest)
#include "AppTest.moc"
