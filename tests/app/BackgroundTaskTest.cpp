// BackgroundTask's stale-result rule: a task superseded by a newer start() of its slot, or by
// drop(), never reaches the UI; the latest one does, on the UI thread; what a task throws
// reaches the error handler; a task in a slot of its own (run()) is not superseded by others.

#include "app/desktop/BackgroundTask.h"

#include <QImage>
#include <QPainter>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <QtTest>

#include <stdexcept>
#include <vector>

using anzhi::desktop::BackgroundTask;

namespace {

//! Lets the finished signals of every task on `pool` reach the UI thread.
void settle(QThreadPool &pool)
{
  pool.waitForDone();
  QTest::qWait(50);
  QCoreApplication::processEvents();
}

} // namespace

class BackgroundTaskTest : public QObject
{
  Q_OBJECT

private slots:
  void supersededResultIsNotDelivered()
  {
    QObject context;
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    BackgroundTask<int> slot(&context, &pool);
    QSemaphore gate;
    std::vector<int> delivered;
    QStringList errors;
    const auto failed = [&](const QString &message) { errors << message; };
    // The first is still running when the second supersedes it, and finishes after it.
    slot.start(
        [&gate] {
          gate.acquire();
          return 1;
        },
        [&](int v) { delivered.push_back(v); }, failed);
    slot.start([] { return 2; },
               [&](int v) {
                 QCOMPARE(QThread::currentThread(), context.thread());
                 delivered.push_back(v);
               },
               failed);
    QTRY_VERIFY(!slot.isRunning());
    gate.release();
    settle(pool);
    QCOMPARE(delivered, std::vector<int>{2});
    QVERIFY(errors.isEmpty());
  }

  void droppedTaskIsNotDelivered()
  {
    QObject context;
    QThreadPool pool;
    BackgroundTask<int> slot(&context, &pool);
    QSemaphore gate;
    bool delivered = false, failedToo = false;
    slot.start(
        [&gate]() -> int {
          gate.acquire();
          throw std::runtime_error("dropped");
        },
        [&](int) { delivered = true; }, [&](const QString &) { failedToo = true; });
    QVERIFY(slot.isRunning());
    slot.drop();
    QVERIFY(!slot.isRunning());
    gate.release();
    settle(pool);
    QVERIFY(!delivered);
    QVERIFY(!failedToo);
  }

  void queuedTasksAreAllDelivered()
  {
    QObject context;
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    BackgroundTask<int> slot(&context, &pool);
    std::vector<int> delivered;
    for (int i = 0; i < 3; ++i)
      slot.queue([i] { return i; }, [&](int v) { delivered.push_back(v); },
                 [](const QString &) { QFAIL("no error expected"); });
    QTRY_VERIFY(!slot.isRunning());
    QCOMPARE(delivered, (std::vector<int>{0, 1, 2}));
  }

  void exceptionReachesTheErrorHandler()
  {
    QObject context;
    BackgroundTask<int> slot(&context);
    bool delivered = false;
    QString error;
    slot.start([]() -> int { throw std::runtime_error("the file is locked"); },
               [&](int) { delivered = true; }, [&](const QString &message) { error = message; });
    QTRY_COMPARE(error, QString("the file is locked"));
    QVERIFY(!delivered);
    QVERIFY(!slot.isRunning());
  }

  void ownSlotIsNotSuperseded()
  {
    QObject context;
    int done = 0;
    QString error;
    for (int i = 0; i < 3; ++i)
      BackgroundTask<void>::run(
          &context, [] {}, [&] { ++done; }, [&](const QString &message) { error = message; });
    BackgroundTask<void>::run(
        &context, [] { throw std::runtime_error("disk full"); }, [&] { ++done; },
        [&](const QString &message) { error = message; });
    QTRY_COMPARE(done, 3);
    QTRY_COMPARE(error, QString("disk full"));
  }

  void paintingIsNotHeldUpByBackgroundWork()
  {
    // Qt's raster engine hands parts of a large fill to the global pool and waits for them:
    // background work must leave that pool free, or the window stops painting until it ends.
    QObject context;
    QThreadPool *workers = anzhi::desktop::workerPool();
    QSemaphore gate;
    std::vector<bool> releasedByUs;
    std::vector<BackgroundTask<bool>> tasks;
    tasks.reserve(std::size_t(workers->maxThreadCount()));
    for (int i = 0; i < workers->maxThreadCount(); ++i) {
      tasks.emplace_back(&context);
      tasks.back().start([&gate] { return gate.tryAcquire(1, 15000); },
                         [&](bool released) { releasedByUs.push_back(released); },
                         [](const QString &) {});
    }
    QTRY_COMPARE(workers->activeThreadCount(), workers->maxThreadCount());
    // Translucent: blended span by span, the path Qt splits into jobs (an opaque fill is a
    // plain memory fill on the calling thread).
    const QColor translucent(200, 30, 30, 128);
    const auto paint = [&](int side) {
      QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
      image.fill(Qt::white);
      QPainter painter(&image);
      painter.fillRect(image.rect(), translucent);
      return image;
    };
    const QImage image = paint(4000);
    gate.release(workers->maxThreadCount());
    QVERIFY(workers->waitForDone(20000));
    QTRY_COMPARE(releasedByUs.size(), std::size_t(workers->maxThreadCount()));
    for (bool released : releasedByUs)
      QVERIFY2(released, "the fill waited until the background work timed out");
    QCOMPARE(image.pixelColor(3999, 3999), paint(8).pixelColor(7, 7));
  }

  void nothingIsDeliveredAfterTheContextIsGone()
  {
    QThreadPool pool;
    QSemaphore gate;
    bool delivered = false;
    {
      QObject context;
      BackgroundTask<int>(&context, &pool)
          .start(
              [&gate] {
                gate.acquire();
                return 1;
              },
              [&](int) { delivered = true; }, [](const QString &) {});
    }
    gate.release();
    settle(pool);
    QVERIFY(!delivered);
  }
};

QTEST_MAIN(BackgroundTaskTest)
#include "BackgroundTaskTest.moc"
