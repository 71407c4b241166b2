#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/query/AttributeQuery.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::desktop {

class EditSession;

//! 属性表 of one layer: a table model over the edited project (core::LayerTable over the
//! snapshot and the EditSession's buffer). It holds only the order of the rows shown (a vector
//! of row ids); a cell is formatted when the view asks for it, so 1.7 M plots scroll as fast
//! as 17. Filtering and sorting run on a worker and the new order is swapped in when it comes
//! (rowsArranged). Coded values are shown in words and sorted by code. Cells are edited
//! through the attribute form's rules (FieldRules) as undoable edits of the EditSession.
//! Ownership: a QObject with a parent; the session must outlive it. Thread: UI only.
class AttributeTableModel : public QAbstractTableModel
{
  Q_OBJECT

public:
  AttributeTableModel(EditSession &session, std::string layer, QObject *parent = nullptr);

  const std::string &layer() const { return m_layer; }
  const core::LayerTable &table() const { return *m_table; }
  //! Whether the layer can be edited (a polygon or point layer with a session not saving).
  bool isEditable() const;

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  //! Sets a cell from its raw text (a code for a coded field) as one undoable edit; refused
  //! (false, editRefused) when the attribute form would refuse it.
  bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
  //! Sorts on a worker; column -1: stored order.
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

  void setTextFilter(const QString &text);
  //! Keeps only the rows `filter` matches (nothing: every row).
  void setFilter(std::optional<core::AttributeQuery> filter);
  //! Keeps only these rows (nothing: every row): 只显示选中.
  void setOnly(std::optional<std::vector<core::RowId>> rows);
  bool isFiltered() const { return m_request.filter.has_value(); }

  core::RowId rowId(int row) const { return (*m_rows)[std::size_t(row)]; }
  //! The rows shown, in order.
  const std::vector<core::RowId> &rows() const { return *m_rows; }
  //! The shown positions of these row ids, ascending (ids not shown are left out).
  std::vector<int> positionsOf(const std::vector<core::RowId> &ids) const;
  //! The table as it is now, for a worker (select by attribute, export).
  std::shared_ptr<const core::LayerTable> sharedTable() const { return m_table; }

  //! 批量赋值: sets the column's field to `text` (a raw value) for every row as one undoable
  //! edit. Returns why it was refused (FieldRules; one code for several features), or empty.
  QString setForRows(const std::vector<core::RowId> &rows, int column, const QString &text);

  //! Whether a new order is being computed.
  bool isArranging() const { return m_arrange.isRunning(); }
  //! What a cell shows: coded values in words, numbers and dates as stored.
  QString displayText(core::RowId row, std::size_t column) const;
  //! The column headings as shown (the fields' names in the UI language).
  QString heading(std::size_t column) const;

signals:
  //! A new order or filter is shown (the view's selection was reset with it).
  void rowsArranged();
  void editRefused(const QString &why);
  void arrangeFailed(const QString &message);

private:
  //! Rebuilds the table from the session (after an edit, undo or a new project) and re-runs
  //! the filter and sort in the background.
  void refresh();
  void arrange();

  EditSession &m_session;
  std::string m_layer;
  std::shared_ptr<const core::LayerTable> m_table;
  std::shared_ptr<const std::vector<core::RowId>> m_rows;
  core::RowRequest m_request;
  BackgroundTask<std::vector<core::RowId>> m_arrange{this};
};

} // namespace anzhi::desktop
