#pragma once

#include "core/AcceptedExceptions.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QIcon>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::desktop {

//! What the results list shows: all criteria empty or -1 means everything.
struct ResultsFilter
{
  QString rule;
  int severity = -1; //!< -1 all, else int(core::Severity)
  QString township;
  QString search; //!< lower case, trimmed
  bool isActive() const
  {
    return !rule.isEmpty() || severity >= 0 || !township.isEmpty() || !search.isEmpty();
  }
};

//! The check results as a two-level tree: a row per rule (with its clause, severity and open
//! count) and one for the accepted exceptions, the violations under them; four columns (issue,
//! feature, township, value). Lazy on purpose: a violation's texts are made only when the view
//! asks for a visible row, and filtering works on indices, so handing a national check's
//! thousands of violations to the list costs the UI thread a model reset, not thousands of
//! items (it used to stall it ≈ 140 ms). Thread: UI only.
class ResultsModel : public QAbstractItemModel
{
  Q_OBJECT
public:
  enum Column
  {
    IssueColumn,
    FeatureColumn,
    TownshipColumn,
    ValueColumn,
    ColumnCount
  };
  //! A violation row: index into split().open, or into split().excepted when `excepted`.
  struct Leaf
  {
    bool excepted = false;
    std::size_t index = 0;
    bool operator==(const Leaf &) const = default;
  };

  explicit ResultsModel(QObject *parent = nullptr);

  void setResult(std::shared_ptr<const core::CheckResult> result,
                 std::shared_ptr<const core::ExceptionSplit> split);
  void clear();
  void setFilter(ResultsFilter filter);

  const std::shared_ptr<const core::CheckResult> &result() const { return m_result; }
  const std::shared_ptr<const core::ExceptionSplit> &split() const { return m_split; }
  //! Violations shown under the current filter (open and excepted).
  std::size_t visibleLeafCount() const;
  //! The row of the i-th open violation, invalid when it is filtered out.
  QModelIndex indexOfOpen(std::size_t i) const;
  std::optional<Leaf> leafAt(const QModelIndex &index) const;
  const core::Violation *violationAt(const QModelIndex &index) const;

  QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
  QModelIndex parent(const QModelIndex &child) const override;
  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

private:
  struct Group
  {
    const core::RuleOutcome *outcome = nullptr; //!< null for the accepted exceptions' group
    QString tooltip;
    QColor colour;
    std::vector<Leaf> leaves;
    std::vector<std::size_t> shown; //!< positions in leaves that pass the filter
  };
  void buildGroups();
  void applyFilter();
  //! The rule, clause, severity and count; under a filter the count is "shown of all".
  QString title(const Group &g) const;
  bool accepts(const Leaf &leaf) const;
  const core::Violation &violation(const Leaf &leaf) const;
  QString message(const Leaf &leaf) const;
  QString issueText(const Leaf &leaf) const;
  const QString &searchText(const Leaf &leaf) const;

  std::shared_ptr<const core::CheckResult> m_result;
  std::shared_ptr<const core::ExceptionSplit> m_split;
  std::string m_language;
  ResultsFilter m_filter;
  std::vector<Group> m_groups;
  std::vector<std::size_t> m_shownGroups;
  //! Lower-case search texts, made on the first search and kept (open, then excepted).
  mutable std::vector<QString> m_searchOpen, m_searchExcepted;
  QIcon m_errorIcon, m_warningIcon, m_exceptedIcon;
};

} // namespace anzhi::desktop
