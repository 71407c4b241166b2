// 文件 → 导出选中要素 and the import wizard's boundary-point files on the offscreen platform: the
// selected plot of the current layer goes to a 界址点坐标 TXT, the whole layer to a File
// Geodatabase when nothing is selected; the wizard takes a TXT as planned plots with 地块编号,
// 地块名称 and 地类编码 mapped, and imports it.

#include "TinyProject.h"
#include "WizardSupport.h"
#include "tests/support/BoundaryPoints.h"
#include "tests/support/Files.h"

#include "app/desktop/ImportWizard.h"
#include "app/desktop/LayersDock.h"
#include "app/desktop/MainWindow.h"
#include "core/import/BoundaryPointFile.h"

#include <QCoreApplication>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace anzhi;
using namespace anzhi::apptest;

class ExportFeaturesTest : public QObject
{
  Q_OBJECT

private:
  QTemporaryDir m_dir;

  static bool openIn(desktop::MainWindow &w, const std::string &path)
  {
    QSignalSpy opened(&w, &desktop::MainWindow::projectOpened);
    w.openProject(QString::fromStdString(path));
    return opened.wait(20000);
  }

  static bool exportTo(desktop::MainWindow &w, const QString &file)
  {
    QSignalSpy done(&w, &desktop::MainWindow::featuresExported);
    w.exportFeaturesTo(file);
    return (done.size() > 0 || done.wait(30000)) && done.at(0).at(0).toBool();
  }

private slots:
  void initTestCase()
  {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("AnzhiTest");
    QCoreApplication::setApplicationName("anzhi-export-features-test");
    QVERIFY(m_dir.isValid());
  }

  void exportsTheSelectedPlotsOrTheWholeLayer()
  {
    const std::string project = writeTinyProject(m_dir.filePath("tiny.gpkg").toStdString());
    desktop::MainWindow w("zh_CN");
    w.show();
    QVERIFY(openIn(w, project));
    desktop::LayersDock *layers = w.layersDock();
    layers->list()->setCurrentRow(layers->rowOf("planned_plots"));

    // A box inside P-2 only (and the site around it): the plot of the current layer is taken.
    emit w.canvas()->selectRequested({X0 + 250, Y0 + 90, X0 + 260, Y0 + 100}, false);
    auto [layer, fids] = w.featuresToExport();
    QCOMPARE(layer, std::string("planned_plots"));
    QCOMPARE(fids, std::vector<std::int64_t>{2});
    const QString txt = m_dir.filePath("选中.txt");
    QVERIFY(exportTo(w, txt));
    const std::string bytes = test::slurp(txt.toStdString());
    const core::BoundaryPointFile file = core::parseBoundaryPointFile(bytes, "选中.txt");
    QCOMPARE(file.encoding, gis::TextEncoding::Gbk);
    QCOMPARE(file.plots.size(), std::size_t(1));
    QCOMPARE(file.plots[0].code, std::string("P-2"));
    QCOMPARE(file.item("带号")->value, std::string("37"));

    // Nothing selected (a click on empty ground): the whole current layer, here to a .gdb.
    emit w.canvas()->identifyRequested(X0 - 5000, Y0 - 5000, 1);
    QVERIFY(w.featuresToExport().second.empty());
    const QString gdb = m_dir.filePath("全部.gdb");
    QVERIFY(exportTo(w, gdb));
    GDALAllRegister();
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(gdb.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QVERIFY(ds);
    OGRLayer *plots = ds->GetLayerByName("planned_plots");
    QVERIFY(plots);
    QCOMPARE(plots->GetFeatureCount(), GIntBig(2));
    QCOMPARE(ds->GetLayerCount(), 1);

    // A point layer cannot be a 界址点 file: refused, nothing written.
    layers->list()->setCurrentRow(layers->rowOf("schools"));
    QSignalSpy done(&w, &desktop::MainWindow::featuresExported);
    w.exportFeaturesTo(m_dir.filePath("schools.txt"));
    QVERIFY(done.wait(30000));
    QCOMPARE(done.at(0).at(0).toBool(), false);
    QVERIFY(!QFile::exists(m_dir.filePath("schools.txt")));
  }

  void importWizardTakesABoundaryPointFile()
  {
    const QString source = m_dir.filePath("界址点.txt");
    QFile file(source);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const std::string gbk = test::toGbk(test::joinLines(test::sampleLines()));
    file.write(gbk.data(), qint64(gbk.size()));
    file.close();
    const QString project = m_dir.filePath("from-txt.gpkg");

    desktop::ImportWizard w(project);
    QVERIFY(test::showWithSource(w, source));
    QVERIFY(w.preview());
    QCOMPARE(w.preview()->features, 3);
    QCOMPARE(w.preview()->crs, std::string("EPSG:4525"));
    QCOMPARE(w.request().role, std::string("planned_plots"));
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::RolePage));
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::FieldsPage));
    std::map<std::string, std::string> mapped;
    for (const core::FieldMapping &m : w.request().fields)
      mapped[m.ours] = m.theirs;
    QCOMPARE(mapped, (std::map<std::string, std::string>{
                         {"code", "地块编号"}, {"name", "地块名称"}, {"land_use", "地类编码"}}));
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::LandUsePage));
    QSignalSpy imported(&w, &desktop::ImportWizard::imported);
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::ConfirmPage));
    w.next();
    QCOMPARE(w.currentId(), int(desktop::ImportWizard::SummaryPage));
    QVERIFY(imported.wait(20000));
    QCOMPARE(imported.at(0).at(0).toBool(), true);
    QCOMPARE(w.summary()->imported, 3);
  }
};

QTEST_MAIN(ExportFeaturesTest)
#include "ExportFeaturesTest.moc"
