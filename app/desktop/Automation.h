#pragma once

#include "app/desktop/SessionView.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QTimer>

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace anzhi::desktop {

class MainWindow;

//! What the command line asks of the window: a project to open, and for scripted runs a
//! check, a screenshot or a UI-stall measurement.
struct StartOptions
{
  QString project;
  bool check = false;   //!< run the check once the project is open
  QString screenshot;   //!< save the window there once ready, then quit
  bool measure = false; //!< report the longest UI-thread stalls, then quit
  //! A layer whose attribute table opens once the project is open (screenshots of it).
  QString table;
  //! The view and selection to restore once the project is open (a language restart's).
  SessionView view;
  //! Before a screenshot: text typed into 查找, and a map point (working CRS) identified.
  QString find;
  std::optional<QPointF> identify;
  //! A run that ends by itself (screenshot, measurement): nobody is there to read a message.
  bool scripted() const { return !screenshot.isEmpty() || measure; }
};

//! Opens the command line's project and drives a scripted run (screenshots, measurements)
//! through the window's public signals. A project that cannot be opened ends only a scripted
//! run (exit status 1); a planner's session stays open with no project and the window's
//! message naming the file and the reason.
//! Ownership: owned by main() (or a test), beside the window it drives. Thread: UI.
class Automation : public QObject
{
public:
  Automation(MainWindow &w, StartOptions options);
  //! Opens the project, if one was given.
  void start();

private:
  void phase(const char *name);
  void waitForRender(std::function<void()> then);
  void afterFirstRender();
  void showAViolation();
  void afterCheck();
  void step();
  void findStep();
  //! The attribute-table phase of a measurement: open the plots' table, scroll, sort, filter
  //! and select by an expression, each step once the one before has finished.
  void tableSteps();
  //! Runs `then` once `ready` holds (polled every 20 ms).
  void waitUntil(std::function<bool()> ready, std::function<void()> then);
  void done();
  void prepareShot(std::function<void()> then);
  void saveAndReport();
  void finish(int code);

  MainWindow &m_w;
  StartOptions m_options;
  QTimer m_heartbeat;
  QElapsedTimer m_clock, m_phaseClock;
  std::string m_phase;
  std::map<std::string, qint64> m_maxGap, m_maxBusy, m_durations;
  qint64 m_lastCpu = 0;
  int m_steps = 0;
};

} // namespace anzhi::desktop
