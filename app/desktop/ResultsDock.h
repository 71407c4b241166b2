#pragma once

#include "app/desktop/ResultsModel.h"
#include "core/AcceptedExceptions.h"

#include <QDockWidget>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QTreeView;

namespace anzhi::desktop {

//! The check results: violations grouped by rule (with clause, severity and count), filters
//! (rule, severity, township) and a search box; accepted exceptions (例外) listed apart and not
//! counted as errors. Selecting a violation emits violationSelected (the MainWindow zooms to
//! it). Ownership: a dock owned by the MainWindow; shares the result (immutable) with whoever
//! handed it over. Thread: UI only.
class ResultsDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit ResultsDock(QWidget *parent = nullptr);

  //! Shows a check's result, split by the exceptions (computed where the check ran, so that
  //! the UI thread does not copy thousands of violations).
  void setResult(std::shared_ptr<const core::CheckResult> result,
                 std::shared_ptr<const core::ExceptionSplit> split);
  void setExceptions(const std::vector<core::AcceptedException> &exceptions);
  void clear();
  void setRunning(bool running);
  bool hasResult() const { return m_model->result() != nullptr; }
  const std::shared_ptr<const core::CheckResult> &result() const { return m_model->result(); }
  //! The result split by the exceptions; empty before a check.
  const core::ExceptionSplit &split() const;
  const std::shared_ptr<const core::ExceptionSplit> &sharedSplit() const
  {
    return m_model->split();
  }

  std::size_t totalCount() const { return split().open.size() + split().excepted.size(); }
  std::size_t openErrorCount() const { return split().openErrorCount(); }
  //! Violations shown under the current filters (open and excepted).
  int visibleCount() const;
  //! Sets the search box's text (as typing it would).
  void setSearchText(const QString &text);
  //! Shows only the violations of one rule (an id), or all with an empty id.
  void setRuleFilter(const QString &ruleId);
  //! Makes the i-th open violation current (as a click would).
  bool selectOpen(std::size_t i);
  std::optional<core::Violation> currentViolation() const;
  QTreeView *view() const { return m_view; }
  void setCoverageAction(QAction *action);

signals:
  void violationSelected(const anzhi::core::Violation &v);
  void exceptionRequested(const anzhi::core::Violation &v);
  //! 为什么? for the current violation: its rule's text, clause and parameters.
  void explanationRequested(const anzhi::core::Violation &v);
  void exceptionRemovalRequested(const anzhi::core::ExceptionKey &key);
  void exportRequested();

private:
  void applyFilter();
  void updateSummary();
  void onCurrentChanged();

  QComboBox *m_rule;
  QComboBox *m_severity;
  QComboBox *m_township;
  QLineEdit *m_search;
  QLabel *m_summary;
  QTreeView *m_view;
  QPushButton *m_why;
  QPushButton *m_except;
  QPushButton *m_unexcept;
  QPushButton *m_export;
  QToolButton *m_coverage;
  ResultsModel *m_model;
};

} // namespace anzhi::desktop
