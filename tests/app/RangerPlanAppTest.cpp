// 护林员 → 生成调整方案 on the offscreen platform: the dialog plans on a worker, applies the plan
// as one undoable edit that leaves every ranger at or above min_mu (measured here from the
// edited plots, not taken from the plan), undo restores the old plots, locks are honoured and
// 取消 stops the run.
//
// The project lies on the central meridian of EPSG:4546, where ellipsoidal area equals planar
// area to a relative 3e-8 (tests/core/RangerTest.cpp): areas are worked out from coordinates.
// Forest 300 × 100 m; A (home west) holds G-A1 (0–200) and G-A2 (200–250), B (home east) holds
// G-B (250–300). min_mu 15 = 10,000 m²: B can only reach it with land of A's.

#include "app/desktop/BackgroundTask.h"
#include "app/desktop/edit/EditSession.h"
#include "app/desktop/plan/RangerPlanDialog.h"
#include "core/edit/RangerTotals.h"
#include "tests/support/ProjectBuilder.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QUndoStack>
#include <QtTest>

#include <map>

using namespace anzhi;
using gis::FieldValue;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;
constexpr double kFloorM2 = 15 * 10000.0 / 15.0;

core::RuleSet planRules()
{
  return core::RuleSet::fromToml("[rules.ranger-area]\nmin_mu = 15\n"
                                 "[rules.ranger-distance]\nmax_distance_m = 1000\n"
                                 "[plan.rangers]\nmax_parts = 2\ncell_m = 10\n",
                                 "test");
}

std::string writeProject(const std::string &path)
{
  using test::point;
  using test::rect;
  const test::V ranger = {FieldValue("护林员"), test::null, FieldValue("local")};
  test::ProjectBuilder b(path);
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger);
  b.add("rangers", "B", point(X0 + 310, Y0 + 50), ranger);
  b.add("ranger_plots", "G-A1", rect(X0, Y0, X0 + 200, Y0 + 100), {FieldValue("A")});
  b.add("ranger_plots", "G-A2", rect(X0 + 200, Y0, X0 + 250, Y0 + 100), {FieldValue("A")});
  b.add("ranger_plots", "G-B", rect(X0 + 250, Y0, X0 + 300, Y0 + 100), {FieldValue("B")});
  return b.finish();
}

} // namespace

class RangerPlanAppTest : public QObject
{
  Q_OBJECT

  QTemporaryDir m_dir;
  int m_projects = 0;
  std::unique_ptr<desktop::EditSession> m_session;
  std::unique_ptr<desktop::RangerPlanDialog> m_dialog;

  //! The edited project's plots of `code`: their union's planar area, and each plot by fid.
  double areaOf(const std::string &code,
                std::map<std::int64_t, core::FeatureState> *plots = nullptr)
  {
    std::vector<core::FeatureState> states;
    std::vector<const GEOSGeometry *> geometries;
    for (const core::FeatureKey &key :
         core::plotsOfRanger(*m_session->project(), m_session->buffer(), code)) {
      std::optional<core::FeatureState> s = m_session->state(key);
      if (!s || !s->geometry)
        continue;
      geometries.push_back(s->geometry.get());
      if (plots)
        plots->emplace(key.fid, *s);
      states.push_back(std::move(*s));
    }
    return geometries.empty() ? 0 : gis::planarArea(gis::unionAll(geometries).get());
  }
  double overlapM2(const std::string &a, const std::string &b)
  {
    std::map<std::int64_t, core::FeatureState> pa, pb;
    areaOf(a, &pa);
    areaOf(b, &pb);
    double overlap = 0;
    for (const auto &[fa, sa] : pa)
      for (const auto &[fb, sb] : pb)
        overlap += gis::planarArea(gis::intersection(sa.geometry.get(), sb.geometry.get()).get());
    return overlap;
  }
  bool runPlan()
  {
    QSignalSpy finished(m_dialog.get(), &desktop::RangerPlanDialog::planFinished);
    m_dialog->generate();
    return finished.count() > 0 || finished.wait(60000);
  }
  bool applyAndConfirm()
  {
    QSignalSpy confirmed(m_dialog.get(), &desktop::RangerPlanDialog::liveConfirmed);
    if (!m_dialog->applyPlan())
      return false;
    return confirmed.count() > 0 || confirmed.wait(30000);
  }

private slots:
  void init()
  {
    QVERIFY(m_dir.isValid());
    const std::string path =
        writeProject(m_dir.filePath(QString("rangers-%1.gpkg").arg(++m_projects)).toStdString());
    m_session = std::make_unique<desktop::EditSession>();
    m_session->setProject(core::Project::load(path, core::LoadOptions{}),
                          QString::fromStdString(path), planRules());
    m_dialog = std::make_unique<desktop::RangerPlanDialog>(*m_session);
  }
  void cleanup()
  {
    m_dialog.reset();
    desktop::workerPool()->waitForDone();
    m_session.reset();
  }

  void appliedPlanBringsEveryRangerToTheFloorAndUndoRestoresThePlots()
  {
    QVERIFY(runPlan());
    QVERIFY2(m_dialog->plan(), qPrintable(m_dialog->statusText()));
    QVERIFY(m_dialog->plan()->complete());
    QCOMPARE(m_dialog->table()->rowCount(), 2);
    QVERIFY(areaOf("B") < kFloorM2); // before: B is short

    QVERIFY(applyAndConfirm());
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY2(areaOf("A") >= kFloorM2, qPrintable(QString::number(areaOf("A"))));
    QVERIFY2(areaOf("B") >= kFloorM2, qPrintable(QString::number(areaOf("B"))));
    QVERIFY(overlapM2("A", "B") < 1e-6);
    // The live check confirms: no ranger-area, ranger-overlap or ranger-distance error.
    QVERIFY(m_dialog->remainingErrors());
    for (const auto &[rule, count] : *m_dialog->remainingErrors())
      QVERIFY2(count == 0, rule.c_str());

    m_session->undoStack()->undo();
    std::map<std::int64_t, core::FeatureState> a, b;
    QVERIFY(std::abs(areaOf("A", &a) - 25000) < 1e-6);
    QVERIFY(std::abs(areaOf("B", &b) - 5000) < 1e-6);
    QCOMPARE(a.size(), std::size_t(2));
    QVERIFY(a.count(1) && a.count(2) && b.count(3));
    QVERIFY(m_session->buffer().empty());
  }

  void lockedPlotStaysWithItsRanger()
  {
    // Unlocked, B takes G-A2 (nearest its home); locked, G-A2 stays A's as it is.
    m_dialog->setSelectionSource([] { return std::vector<core::FeatureKey>{{"ranger_plots", 2}}; });
    m_dialog->lockSelectedPlots();
    QCOMPARE(m_dialog->locks().plotFids, (std::set<std::int64_t>{2}));
    QVERIFY(runPlan());
    QVERIFY2(m_dialog->plan() && m_dialog->plan()->complete(), qPrintable(m_dialog->statusText()));
    QVERIFY(applyAndConfirm());
    std::map<std::int64_t, core::FeatureState> a;
    areaOf("A", &a);
    QVERIFY(a.count(2));
    QVERIFY(m_session->buffer().slot({"ranger_plots", 2}).kind == core::Slot::Kind::Base);
    QVERIFY(areaOf("A") >= kFloorM2);
    QVERIFY(areaOf("B") >= kFloorM2);
    QVERIFY(overlapM2("A", "B") < 1e-6);
  }

  void lockedRangerIsNotReplanned()
  {
    // A locked: its land is not B's to take and there is no other forest: no plan, B alone
    // asks 15 mu of the 5,000 m² (7.5 mu) it can reach.
    QTableWidget *table = m_dialog->table();
    QVERIFY(runPlan());
    for (int row = 0; row < table->rowCount(); ++row)
      if (table->item(row, 0)->text() == "A")
        table->selectRow(row);
    m_dialog->lockSelectedRangers(true);
    QCOMPARE(m_dialog->locks().rangers, (std::set<std::string>{"A"}));
    QVERIFY(runPlan());
    QVERIFY(m_dialog->plan());
    QVERIFY(!m_dialog->plan()->feasible);
    QCOMPARE(m_dialog->plan()->hallSet, (std::vector<std::string>{"B"}));
    QVERIFY(std::abs(m_dialog->plan()->hallSupplyMu - 7.5) < 1e-3);
    QVERIFY(!m_dialog->applyPlan());
    QVERIFY(m_session->buffer().empty());
  }

  void cancelStopsTheRun()
  {
    // The pool's only thread is held while the plan is queued and cancelled: the plan then
    // starts already cancelled and stops at its first poll.
    QThreadPool *pool = desktop::workerPool();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    QSemaphore release;
    pool->start([&release] { release.acquire(); });
    QSignalSpy finished(m_dialog.get(), &desktop::RangerPlanDialog::planFinished);
    m_dialog->generate();
    QVERIFY(m_dialog->isRunning());
    m_dialog->cancel();
    release.release();
    QVERIFY(finished.wait(60000));
    pool->setMaxThreadCount(threads);
    QVERIFY(!m_dialog->plan());
    QVERIFY(!m_dialog->isRunning());
    QCOMPARE(m_dialog->statusText(), desktop::RangerPlanDialog::tr("Cancelled."));
  }
};

QTEST_MAIN(RangerPlanAppTest)
#include "RangerPlanAppTest.moc"
