#pragma once

#include "core/Exceptions.h"

#include <QDockWidget>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QToolButton;
class QTreeView;

namespace anzhi::desktop {

//! Filters the results tree by rule, severity, township and a search text; rule groups are
//! shown when one of their violations is (recursive filtering). Thread: UI only.
class ResultsFilter : public QSortFilterProxyModel
{
  Q_OBJECT
public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void setCriteria(const QString &rule, int severity, const QString &township,
                   const QString &search);
  bool isActive() const;

protected:
  bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
  QString m_rule, m_township, m_search;
  int m_severity = -1; //!< -1 all, else int(core::Severity)
};

//! The check results: violations grouped by rule (with clause, severity and count), filters
//! (rule, severity, township) and a search box; accepted exceptions (例外) listed apart and not
//! counted as errors. Selecting a violation emits violationSelected (the MainWindow zooms to
//! it). Ownership: a dock owned by the MainWindow; keeps its own copy of the result.
//! Thread: UI only.
class ResultsDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit ResultsDock(QWidget *parent = nullptr);

  void setResult(const core::CheckResult &result,
                 const std::vector<core::AcceptedException> &exceptions);
  void setExceptions(const std::vector<core::AcceptedException> &exceptions);
  void clear();
  void setRunning(bool running);
  bool hasResult() const { return m_result.has_value(); }
  const std::optional<core::CheckResult> &result() const { return m_result; }
  const core::ExceptionSplit &split() const { return m_split; }

  std::size_t totalCount() const { return m_split.open.size() + m_split.excepted.size(); }
  std::size_t openErrorCount() const { return m_split.openErrorCount(); }
  //! Violations shown under the current filters (open and excepted).
  int visibleCount() const;
  //! Makes the i-th open violation current (as a click would).
  bool selectOpen(std::size_t i);
  std::optional<core::Violation> currentViolation() const;
  QTreeView *view() const { return m_view; }
  void setCoverageAction(QAction *action);

signals:
  void violationSelected(const anzhi::core::Violation &v);
  void exceptionRequested(const anzhi::core::Violation &v);
  void exceptionRemovalRequested(const anzhi::core::ExceptionKey &key);
  void exportRequested();

private:
  void rebuild();
  void applyFilter();
  void onCurrentChanged();
  QModelIndex sourceIndexOfOpen(std::size_t i) const;

  QComboBox *m_rule;
  QComboBox *m_severity;
  QComboBox *m_township;
  QLineEdit *m_search;
  QLabel *m_summary;
  QTreeView *m_view;
  QPushButton *m_except;
  QPushButton *m_unexcept;
  QPushButton *m_export;
  QToolButton *m_coverage;
  QStandardItemModel *m_model;
  ResultsFilter *m_filter;
  std::optional<core::CheckResult> m_result;
  core::ExceptionSplit m_split;
};

} // namespace anzhi::desktop
