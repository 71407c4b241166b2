#include "app/desktop/Automation.h"

#include "app/desktop/MainWindow.h"
#include "app/desktop/ResultsDock.h"
#include "app/desktop/find/FindDock.h"
#include "app/desktop/table/AttributeTableDock.h"
#include "app/desktop/table/AttributeTablePage.h"

#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>

#include <QCoreApplication>
#include <QListWidget>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace anzhi::desktop {

namespace {

qint64 uiThreadCpuMs()
{
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

} // namespace

Automation::Automation(MainWindow &w, StartOptions options)
    : m_w(w)
    , m_options(std::move(options))
{
  if (m_options.measure) {
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
    if (!m_options.table.isEmpty())
      m_w.openAttributeTable(m_options.table.toStdString());
    phase("render");
    waitForRender([this] { afterFirstRender(); });
  });
  // The window has shown the error (file and reason); a planner goes on from there with
  // 文件 → 打开. Only a run nobody watches ends, so that its script sees the failure.
  if (m_options.scripted())
    connect(&w, &MainWindow::projectFailed, this, [this] { finish(1); });
}

void Automation::start()
{
  phase("load");
  if (!m_options.project.isEmpty())
    m_w.openProject(m_options.project, m_options.view);
}

void Automation::phase(const char *name)
{
  if (m_options.measure && !m_phase.empty())
    m_durations[m_phase] = m_phaseClock.restart();
  m_phase = name;
}

void Automation::waitForRender(std::function<void()> then)
{
  waitUntil([this] { return !m_w.canvas()->isRendering() && !m_w.canvas()->image().isNull(); },
            std::move(then));
}

void Automation::waitUntil(std::function<bool()> ready, std::function<void()> then)
{
  auto *poll = new QTimer(this);
  poll->setInterval(20);
  connect(poll, &QTimer::timeout, this, [poll, ready, then] {
    if (ready()) {
      poll->stop();
      poll->deleteLater();
      then();
    }
  });
  poll->start();
}

void Automation::afterFirstRender()
{
  if (!m_options.check && !m_options.measure) {
    done();
    return;
  }
  phase("check");
  connect(&m_w, &MainWindow::checkFinished, this, [this] {
    phase("render-violations");
    if (!m_options.screenshot.isEmpty() && !m_options.measure)
      showAViolation();
    waitForRender([this] { afterCheck(); });
  });
  m_w.runCheck();
}

void Automation::showAViolation()
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

void Automation::afterCheck()
{
  if (!m_options.measure) {
    done();
    return;
  }
  // Interaction: zoom in and out and pan, each step waiting for its render.
  phase("zoom-pan");
  m_steps = 0;
  step();
}

void Automation::step()
{
  if (m_steps >= 12) {
    phase("find");
    m_steps = 0;
    findStep();
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

void Automation::findStep()
{
  // A planner types a name character by character, by pinyin initials and by code, then jumps
  // to the first result; each query waits for its list.
  static const QStringList queries{"岚", "岚漪",    "lyz",     "幸福", "幸福家园",
                                   "xf", "P-00001", "AZQ-001", "XX-0"};
  FindDock *find = m_w.findDock();
  if (m_steps == 0)
    find->show();
  waitUntil([find] { return !find->isBusy(); },
            [this, find] {
              if (m_steps >= int(queries.size())) {
                if (find->results()->count() > 0)
                  emit find->results()->itemActivated(find->results()->item(0));
                waitForRender([this] {
                  phase("attribute-table");
                  m_steps = 0;
                  tableSteps();
                });
                return;
              }
              find->search(queries[m_steps++]);
              QTimer::singleShot(200, this, [this] { findStep(); });
            });
}

void Automation::tableSteps()
{
  m_w.openAttributeTable("planned_plots");
  AttributeTablePage *page = m_w.attributeTables()->page("planned_plots");
  if (!page) {
    phase("end");
    done();
    return;
  }
  AttributeTableModel *model = page->model();
  auto idle = [model, page] { return !model->isArranging() && !page->isSelecting(); };
  auto next = [this, page, idle](std::function<void()> action, std::function<void()> then) {
    QTimer::singleShot(200, this, [this, page, idle, action, then] {
      action();
      waitUntil(idle, then);
    });
  };
  QScrollBar *scroll = page->view()->verticalScrollBar();
  if (m_steps < 10) { // scroll through the table a tenth at a time
    next([scroll, s = m_steps] { scroll->setValue(scroll->maximum() * (s + 1) / 10); },
         [this] {
           ++m_steps;
           tableSteps();
         });
    return;
  }
  next([page] { page->view()->sortByColumn(1, Qt::DescendingOrder); },
       [this, page, next] {
         next([page] { page->quickFilter()->setText("residential"); },
              [this, page, next] {
                next([page] { page->selectWhere("land_use = 'education'"); },
                     [this] {
                       phase("end");
                       done();
                     });
              });
       });
}

void Automation::done()
{
  // Only a scripted run (screenshot, measurement) ends by itself; a planner's session stays.
  if (!m_options.scripted())
    return;
  prepareShot([this] { QTimer::singleShot(400, this, [this] { saveAndReport(); }); });
}

void Automation::prepareShot(std::function<void()> then)
{
  if (m_options.identify) {
    // What a click of the identify tool sends.
    MapCanvas *c = m_w.canvas();
    emit c->identifyRequested(m_options.identify->x(), m_options.identify->y(),
                              4 * c->transform().unitsPerPixel());
  }
  if (m_options.find.isEmpty()) {
    then();
    return;
  }
  FindDock *find = m_w.findDock();
  find->show();
  find->raise();
  find->search(m_options.find);
  waitUntil([find] { return !find->isBusy(); }, then);
}

void Automation::saveAndReport()
{
  if (!m_options.screenshot.isEmpty()) {
    QImage image = m_w.grab().toImage();
    if (!image.save(m_options.screenshot))
      std::fprintf(stderr, "anzhi: cannot write %s\n", qPrintable(m_options.screenshot));
  }
  if (m_options.measure) {
    std::printf("ui-stall phase max-gap-ms max-busy-ms duration-ms (heartbeat every 10 ms; "
                "busy = UI-thread CPU time within one gap)\n");
    for (const char *p :
         {"load", "render", "check", "render-violations", "zoom-pan", "find", "attribute-table"})
      std::printf("ui-stall %-18s %6lld %6lld %8lld\n", p, static_cast<long long>(m_maxGap[p]),
                  static_cast<long long>(m_maxBusy[p]), static_cast<long long>(m_durations[p]));
    std::printf("results %zu violations (%zu errors)\n", m_w.resultsDock()->totalCount(),
                m_w.resultsDock()->openErrorCount());
    std::fflush(stdout);
  }
  finish(0);
}

void Automation::finish(int code)
{
  m_w.close();
  QCoreApplication::exit(code);
}

} // namespace anzhi::desktop
