// 按比例尺显示… in the desktop: a scale range set in the layers dock's dialog reaches the
// canvas (the layer is no longer drawn at the current scale), greys the layer in the dock,
// survives a restart (QSettings by layer name) and goes back to the default.

#include "TinyProject.h"

#include "app/desktop/LayersDock.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/MapCanvas.h"
#include "app/desktop/ScaleRangeDialog.h"

#include <QCheckBox>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace anzhi;
using namespace anzhi::apptest;

class ScaleRangeAppTest : public QObject
{
  Q_OBJECT

private:
  QTemporaryDir m_dir;
  std::string m_project;

  static bool open(desktop::MainWindow &w, const std::string &path)
  {
    QSignalSpy opened(&w, &desktop::MainWindow::projectOpened);
    w.openProject(QString::fromStdString(path));
    return opened.wait(20000);
  }
  static bool rendered(desktop::MainWindow &w)
  {
    return QTest::qWaitFor(
        [&] { return !w.canvas()->isRendering() && !w.canvas()->image().isNull(); }, 20000);
  }
  static std::optional<render::ScaleRange> canvasRange(desktop::MainWindow &w,
                                                       const std::string &layer)
  {
    for (const render::LayerState &l : w.canvas()->layers())
      if (l.name == layer)
        return l.userScale;
    return std::nullopt;
  }

private slots:
  void initTestCase()
  {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("AnzhiTest");
    QCoreApplication::setApplicationName("anzhi-scale-test");
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_project = writeTinyProject(m_dir.filePath("tiny.gpkg").toStdString());
  }

  void dialogRangeReachesTheCanvas()
  {
    desktop::MainWindow w("en");
    w.resize(1200, 800);
    w.show();
    QVERIFY(open(w, m_project));
    QVERIFY(rendered(w));
    desktop::LayersDock *dock = w.layersDock();
    QVERIFY(!dock->outOfScale("schools"));
    const int drawnBefore = w.canvas()->lastStats().features;
    const double scale = w.canvas()->scaleDenominator();
    QVERIFY(scale > 2000); // the whole project: a few km

    // The user draws schools only from 1:1,000 in: not at the current scale.
    bool answered = false;
    QTimer::singleShot(0, this, [&] {
      auto *dialog = dock->findChild<desktop::ScaleRangeDialog *>("ScaleRangeDialog");
      QVERIFY(dialog);
      QVERIFY(dialog->useDefaultBox()->isChecked());
      QVERIFY(!dialog->minScaleBox()->isEnabled());
      dialog->useDefaultBox()->setChecked(false);
      dialog->minScaleBox()->setValue(1000);
      dialog->maxScaleBox()->setValue(0);
      answered = true;
      dialog->accept();
    });
    dock->editScaleRange("schools");
    QVERIFY(answered);
    const std::optional<render::ScaleRange> set = canvasRange(w, "schools");
    QVERIFY(set);
    QCOMPARE(set->minScale, 1000.0);
    QCOMPARE(set->maxScale, 0.0);
    QVERIFY(dock->outOfScale("schools"));
    QVERIFY(dock->list()->item(dock->rowOf("schools"))->toolTip().contains("1:1"));
    QVERIFY(rendered(w));
    // The tiny project has one school: one marker fewer.
    QCOMPARE(w.canvas()->lastStats().features, drawnBefore - 1);

    // Zoomed in to 1:800 the layer is in range again.
    w.canvas()->setScaleDenominator(800);
    QVERIFY(!dock->outOfScale("schools"));
  }

  void userRangeSurvivesARestartAndGoesBackToTheDefault()
  {
    {
      desktop::MainWindow w("en");
      w.show();
      QVERIFY(open(w, m_project));
      const std::optional<render::ScaleRange> kept = canvasRange(w, "schools");
      QVERIFY(kept); // from QSettings, by layer name
      QCOMPARE(kept->minScale, 1000.0);
      QVERIFY(w.layersDock()->outOfScale("schools"));

      // "Use the default" in the dialog drops the user's range.
      QTimer::singleShot(0, this, [&] {
        auto *dialog = w.layersDock()->findChild<desktop::ScaleRangeDialog *>("ScaleRangeDialog");
        QVERIFY(dialog);
        QVERIFY(!dialog->useDefaultBox()->isChecked());
        QCOMPARE(dialog->minScaleBox()->value(), 1000);
        dialog->useDefaultBox()->setChecked(true);
        dialog->accept();
      });
      w.layersDock()->editScaleRange("schools");
      QVERIFY(!canvasRange(w, "schools"));
      QVERIFY(!w.layersDock()->outOfScale("schools"));
    }
    desktop::MainWindow w("en");
    w.show();
    QVERIFY(open(w, m_project));
    QVERIFY(!canvasRange(w, "schools"));
  }
};

QTEST_MAIN(ScaleRangeAppTest)
#include "ScaleRangeAppTest.moc"
