#pragma once

#include "app/desktop/BackgroundTask.h"
#include "app/desktop/table/AttributeTableModel.h"

#include <QWidget>

#include <cstdint>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QTableView;

namespace anzhi::desktop {

class EditSession;

//! The 属性表 of one layer: the table (sortable by its headings), a quick filter (any cell
//! contains), 按属性选择 by an expression or a field / operator / value form, a filter by the
//! same expression, 只显示选中, 缩放到选中, 批量赋值 and 导出 (CSV or XLSX of the rows shown).
//! Its selection is the map's: selecting rows asks for them to be selected on the map
//! (selectionEdited), and showSelection() shows the map's. Ownership: a tab of the
//! AttributeTableDock. Thread: UI only.
class AttributeTablePage : public QWidget
{
  Q_OBJECT

public:
  //! At most this many features go from the table to the map's selection at once (each is
  //! drawn highlighted); the table keeps the rest selected.
  static constexpr std::size_t kMapSelectionLimit = 10000;

  AttributeTablePage(EditSession &session, const std::string &layer, QWidget *parent = nullptr);

  const std::string &layer() const { return m_model->layer(); }
  AttributeTableModel *model() const { return m_model; }
  QTableView *view() const { return m_view; }
  QLineEdit *quickFilter() const { return m_quick; }
  QLabel *status() const { return m_status; }

  //! Selects the rows of these features (the map's selection of this layer).
  void showSelection(const std::vector<std::int64_t> &fids);
  //! 按属性选择: selects the features `expression` matches (on a worker; selectionEdited once
  //! done). Returns the parse error, or empty.
  QString selectWhere(const QString &expression);
  //! Shows only the rows `expression` matches (empty: every row). Returns the parse error.
  QString filterWhere(const QString &expression);
  //! The field / operator / value form: selects what the condition matches.
  QString selectByForm(int column, core::CompareOp op, const QString &value);
  void setSelectedOnly(bool on);
  //! 批量赋值 of the selected rows; returns why it was refused, or empty.
  QString bulkSet(int column, const QString &value);
  //! Writes the rows shown to `file` (.csv or .xlsx) on a worker; exported() tells the outcome.
  void exportTo(const QString &file);
  //! The row ids selected in the view.
  std::vector<core::RowId> selectedRows() const;
  //! Whether a selection by attribute is being computed.
  bool isSelecting() const { return m_select.isRunning(); }

signals:
  //! The planner selected these features in the table.
  void selectionEdited(const std::string &layer, const std::vector<std::int64_t> &fids);
  void zoomToSelectionRequested();
  void exported(bool ok, const QString &message);

private:
  void onViewSelection();
  //! Takes these features as the selection and sends them to the map (at most
  //! kMapSelectionLimit of them).
  void publishSelection(std::vector<std::int64_t> fids);
  //! Selects the rows a query matched (shown or not).
  //! Selects the rows `query` matches, found on a worker.
  void startSelect(core::AttributeQuery query);
  void selectMatches(const std::vector<core::RowId> &rows);
  void selectRows(const std::vector<core::RowId> &rows);
  void applySelectedOnly();
  void openBulkSet();
  void chooseExport();
  void updateStatus();
  void showProblem(const QString &text);
  std::vector<std::int64_t> fidsOf(const std::vector<core::RowId> &rows) const;

  EditSession &m_session;
  AttributeTableModel *m_model;
  QTableView *m_view;
  QLineEdit *m_quick;
  QLineEdit *m_expression;
  QComboBox *m_field;
  QComboBox *m_op;
  QLineEdit *m_value;
  QCheckBox *m_selectedOnly;
  QLabel *m_status;
  //! The map's selection of this layer, as fids (what the rows selected stand for).
  std::vector<std::int64_t> m_selectedFids;
  bool m_syncing = false;
  BackgroundTask<std::vector<core::RowId>> m_select{this};
};

} // namespace anzhi::desktop
