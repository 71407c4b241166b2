// anzhi [PROJECT.gpkg] [--lang zh_CN|en] — the desktop app.
// Hidden flags for scripted runs: --check (run the check once the project is open),
// --screenshot FILE (wait for load, check and render, save the window, quit),
// --measure-ui (report the longest UI-thread stall during load, render and check, quit).

#include "app/desktop/CheckRunner.h"
#include "app/desktop/Language.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/ResultsDock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <map>

using namespace anzhi::desktop;

namespace {

qint64 uiThreadCpuMs()
{
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

//! Drives a scripted run (screenshots, measurements) through the window's public signals.
//! Ownership: owned by main(); lives on the UI thread.
class Automation : public QObject
{
public:
  Automation(MainWindow &w, bool check, QString screenshot, bool measure)
      : m_w(w)
      , m_check(check)
      , m_screenshot(std::move(screenshot))
      , m_measure(measure)
  {
    if (m_measure) {
      m_heartbeat.setInterval(10);
      m_heartbeat.setTimerType(Qt::PreciseTimer);
      connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        const qint64 gap = m_clock.restart();
        qint64 &worst = m_maxGap[m_phase];
        worst = std::max(worst, gap);
        // The UI thread's own CPU time in the gap: what it spent working, without the time a
        // ready thread waits for a core on a loaded machine.
        const qint64 cpu = uiThreadCpuMs();
        qint64 &worstCpu = m_maxBusy[m_phase];
        worstCpu = std::max(worstCpu, cpu - m_lastCpu);
        m_lastCpu = cpu;
      });
      m_lastCpu = uiThreadCpuMs();
      m_clock.start();
      m_heartbeat.start();
      m_phaseClock.start();
    }
    connect(&w, &MainWindow::projectOpened, this, [this] {
      phase("render");
      waitForRender([this] { afterFirstRender(); });
    });
    connect(&w, &MainWindow::projectFailed, this, [this] { finish(1); });
  }
  void start() { phase("load"); }

private:
  void phase(const char *name)
  {
    if (m_measure && !m_phase.empty())
      m_durations[m_phase] = m_phaseClock.restart();
    m_phase = name;
  }
  void waitForRender(std::function<void()> then)
  {
    auto *poll = new QTimer(this);
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [this, poll, then] {
      if (!m_w.canvas()->isRendering() && !m_w.canvas()->image().isNull()) {
        poll->stop();
        poll->deleteLater();
        then();
      }
    });
    poll->start();
  }
  void afterFirstRender()
  {
    if (!m_check && !m_measure) {
      done();
      return;
    }
    phase("check");
    connect(&m_w, &MainWindow::checkFinished, this, [this] {
      phase("render-violations");
      if (!m_screenshot.isEmpty() && !m_measure)
        showAViolation();
      waitForRender([this] { afterCheck(); });
    });
    m_w.runCheck();
  }
  void showAViolation()
  {
    // Show a protected-land encroachment in the context of its site.
    const auto &open = m_w.resultsDock()->split().open;
    for (std::size_t i = 0; i < open.size(); ++i) {
      if (open[i].rule == "protected-land") {
        m_w.resultsDock()->selectOpen(i);
        m_w.canvas()->zoomToEnvelope(
            m_w.canvas()->selectionExtent().value_or(m_w.canvas()->visibleExtent()), 900);
        return;
      }
    }
  }
  void afterCheck()
  {
    if (!m_measure) {
      done();
      return;
    }
    // Interaction: zoom in and out and pan, each step waiting for its render.
    phase("zoom-pan");
    m_steps = 0;
    step();
  }
  void step()
  {
    if (m_steps >= 12) {
      phase("end");
      done();
      return;
    }
    MapCanvas *c = m_w.canvas();
    switch (m_steps % 4) {
    case 0:
      c->zoomBy(2.0);
      break;
    case 1:
      c->setScaleDenominator(c->scaleDenominator() * 0.5);
      break;
    case 2:
      c->zoomToFullExtent();
      break;
    default:
      c->zoomBy(1.5);
      break;
    }
    ++m_steps;
    QTimer::singleShot(200, this, [this] { waitForRender([this] { step(); }); });
  }
  void done()
  {
    // Only a scripted run (screenshot, measurement) ends by itself; a planner's session stays.
    if (m_screenshot.isEmpty() && !m_measure)
      return;
    QTimer::singleShot(400, this, [this] {
      if (!m_screenshot.isEmpty()) {
        QImage image = m_w.grab().toImage();
        if (!image.save(m_screenshot))
          std::fprintf(stderr, "anzhi: cannot write %s\n", qPrintable(m_screenshot));
      }
      if (m_measure) {
        std::printf("ui-stall phase max-gap-ms max-busy-ms duration-ms (heartbeat every 10 ms; "
                    "busy = UI-thread CPU time within one gap)\n");
        for (const char *p : {"load", "render", "check", "render-violations", "zoom-pan"})
          std::printf("ui-stall %-18s %6lld %6lld %8lld\n", p, static_cast<long long>(m_maxGap[p]),
                      static_cast<long long>(m_maxBusy[p]), static_cast<long long>(m_durations[p]));
        std::printf("results %zu violations (%zu errors)\n", m_w.resultsDock()->totalCount(),
                    m_w.resultsDock()->openErrorCount());
        std::fflush(stdout);
      }
      finish(0);
    });
  }
  void finish(int code)
  {
    m_w.close();
    QCoreApplication::exit(code);
  }

  MainWindow &m_w;
  bool m_check;
  QString m_screenshot;
  bool m_measure;
  QTimer m_heartbeat;
  QElapsedTimer m_clock, m_phaseClock;
  std::string m_phase;
  std::map<std::string, qint64> m_maxGap, m_maxBusy, m_durations;
  qint64 m_lastCpu = 0;
  int m_steps = 0;
};

} // namespace

int main(int argc, char **argv)
{
  QApplication app(argc, argv);
  QApplication::setOrganizationName("Anzhi");
  QApplication::setApplicationName("anzhi");
  QApplication::setApplicationVersion(ANZHI_VERSION);

  QCommandLineParser parser;
  parser.setApplicationDescription("Anzhi (安置): resettlement-site checks");
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument("PROJECT", "Project GeoPackage to open");
  QCommandLineOption lang("lang", "Interface language: zh_CN or en", "LANG");
  QCommandLineOption check("check", "Run the check once the project is open");
  QCommandLineOption screenshot("screenshot", "Save the window to FILE once ready, then quit",
                                "FILE");
  QCommandLineOption measure("measure-ui", "Report the longest UI-thread stalls, then quit");
  for (QCommandLineOption *o : {&check, &screenshot, &measure})
    o->setFlags(QCommandLineOption::HiddenFromHelp);
  parser.addOptions({lang, check, screenshot, measure});
  parser.process(app);

  const bool scripted = parser.isSet(screenshot) || parser.isSet(measure);
  QSettings settings;
  const QString language = chooseLanguage(
      parser.isSet(lang) ? parser.value(lang) : settings.value("language").toString());
  installTranslators(app, language);

  MainWindow window(language);
  if (scripted)
    window.setGeometry(0, 0, 1600, 1000);
  window.show();
  Automation automation(window, parser.isSet(check), parser.value(screenshot),
                        parser.isSet(measure));
  const QStringList args = parser.positionalArguments();
  if (!args.isEmpty()) {
    QTimer::singleShot(0, &window, [&] {
      automation.start();
      window.openProject(args.first());
    });
  } else if (scripted) {
    std::fprintf(stderr, "anzhi: --screenshot and --measure-ui need a PROJECT\n");
    return 2;
  }
  return app.exec();
}
