#pragma once

#include "app/desktop/BackgroundTask.h"
#include "app/desktop/find/FindIndex.h"

#include <QDockWidget>
#include <QTimer>

#include <memory>
#include <vector>

class QLineEdit;
class QListWidget;

namespace anzhi::desktop {

//! 查找: type a site, school, ranger, plot or township by name, code or pinyin initials and
//! jump there. The index is built and every query is answered on a worker (a national project
//! has millions of features); the list shows the latest query's results as they come.
//! Ownership: a dock owned by the MainWindow. Thread: UI only.
class FindDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit FindDock(QWidget *parent = nullptr);
  //! Indexes `project` in the background (nothing: forgets the last one).
  void setProject(std::shared_ptr<const core::Project> project);
  //! Types `text` into the search box (as the planner does).
  void search(const QString &text);
  //! Puts the keyboard in the search box (Ctrl+F).
  void focusSearch();
  QListWidget *results() const { return m_list; }
  bool isBusy() const;

signals:
  //! The planner chose a result (click or Enter).
  void resultChosen(const anzhi::desktop::FindResult &result);
  //! The results of a query are listed.
  void resultsShown();

private:
  void runQuery();
  void showResults(std::vector<FindResult> results);

  QLineEdit *m_edit;
  QListWidget *m_list;
  QTimer m_typing;
  std::shared_ptr<const FindIndex> m_index;
  std::vector<FindResult> m_results;
  BackgroundTask<std::shared_ptr<const FindIndex>> m_indexTask{this};
  BackgroundTask<std::vector<FindResult>> m_queryTask{this};
  bool m_queryPending = false;
};

} // namespace anzhi::desktop
