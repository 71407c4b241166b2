#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/RuleSet.h"
#include "core/stats/ProjectStats.h"

#include <QDockWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace anzhi::desktop {

class StatsChart;

//! 统计: the statistics of docs/statistics.md per township and in total, in a table with the
//! column groups of core::statsColumns() and a chart of the selected row's planned land. They
//! are computed on a worker when a project is opened (a save reopens it); 导出 CSV writes the
//! table. Ownership: a dock owned by the MainWindow. Thread: UI only.
class StatsDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit StatsDock(QWidget *parent = nullptr);
  //! Computes the statistics of `project` under `rules` in the background (nothing: clears).
  void setProject(std::shared_ptr<const core::Project> project, const core::RuleSet &rules);
  QTableView *table() const { return m_table; }
  bool isBusy() const { return m_task.isRunning(); }

signals:
  //! The table holds a project's statistics.
  void statsShown();

private:
  void showStats(core::ProjectStats stats);
  void showRow(int row);
  void exportCsv();

  QLabel *m_status;
  QTableView *m_table;
  QStandardItemModel *m_model;
  StatsChart *m_chart;
  QPushButton *m_export;
  std::optional<core::ProjectStats> m_stats;
  BackgroundTask<core::ProjectStats> m_task{this};
};

} // namespace anzhi::desktop
