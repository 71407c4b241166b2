// The 统计 dock: opening a project fills it in the background with a row per township and the
// 合计 row, whose figures are the hand-worked ones of tests/support/StatsProject.h.

#include "app/desktop/stats/StatsDock.h"
#include "app/desktop/MainWindow.h"
#include "tests/support/StatsProject.h"

#include <QLocale>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QtTest>

using namespace anzhi;

class StatsDockTest : public QObject
{
  Q_OBJECT

private slots:
  void fillsWithTownshipsAndTotal()
  {
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    test::TempDir dir;
    const std::string path = test::writeStatsProject(dir.file("p.gpkg"));
    desktop::MainWindow w("zh_CN");
    w.resize(1200, 800);
    w.show();
    desktop::StatsDock *dock = w.statsDock();
    QVERIFY(dock);
    QSignalSpy shown(dock, &desktop::StatsDock::statsShown);
    w.openProject(QString::fromStdString(path));
    QVERIFY(shown.wait(30000));
    const QAbstractItemModel *model = dock->table()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, 0).data().toString(), QString::fromUtf8("乙镇"));
    QCOMPARE(model->index(1, 0).data().toString(), QString::fromUtf8("甲镇"));
    QCOMPARE(model->index(2, 0).data().toString(), QString::fromUtf8("合计"));
    auto column = [&](const QString &header) {
      for (int c = 0; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString().endsWith(header))
          return c;
      return -1;
    };
    const int sites = column(QString::fromUtf8("\n安置区"));
    const int population = column(QString::fromUtf8("\n人口"));
    const int deficit = column(QString::fromUtf8("\n面积缺口（亩）"));
    QVERIFY(sites > 0 && population > 0 && deficit > 0);
    QCOMPARE(model->index(2, sites).data(Qt::UserRole).toDouble(), 3.0);
    QCOMPARE(model->index(2, population).data(Qt::UserRole).toDouble(), 1629.0);
    // 甲镇: R2 manages 360 mu, 140 short of 500.
    QVERIFY(std::abs(model->index(1, deficit).data(Qt::UserRole).toDouble() - 140.0) < 1e-4);
    QVERIFY(model->index(2, 0).data(Qt::FontRole).value<QFont>().bold());
    QLocale::setDefault(before);
  }
};

QTEST_MAIN(StatsDockTest)
#include "StatsDockTest.moc"
