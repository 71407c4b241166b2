#include "app/desktop/table/AttributeTableModel.h"

#include "app/desktop/Names.h"
#include "app/desktop/edit/EditSession.h"
#include "app/desktop/edit/FieldRules.h"

namespace anzhi::desktop {

AttributeTableModel::AttributeTableModel(EditSession &session, std::string layer, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_layer(std::move(layer))
    , m_rows(std::make_shared<std::vector<core::RowId>>())
{
  m_table = std::make_shared<core::LayerTable>(m_session.project(), m_layer, m_session.buffer());
  m_rows = std::make_shared<std::vector<core::RowId>>(m_table->rows());
  connect(&m_session, &EditSession::editsChanged, this, &AttributeTableModel::refresh);
}

bool AttributeTableModel::isEditable() const
{
  return core::layerSpec(m_layer) && !m_session.isSaving();
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
  return parent.isValid() ? 0 : int(m_rows->size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
  return parent.isValid() ? 0 : int(m_table->columnCount());
}

QString AttributeTableModel::displayText(core::RowId row, std::size_t column) const
{
  const gis::FieldValue v = m_table->value(row, column);
  if (std::holds_alternative<std::monostate>(v))
    return {};
  const core::FieldSchema *field = m_table->columnField(column);
  if (field && !field->choices.empty())
    return Names::value(field->name, core::cellText(v));
  return QString::fromStdString(core::cellText(v));
}

QString AttributeTableModel::heading(std::size_t column) const
{
  return Names::field(m_table->columnName(column));
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
  if (!index.isValid() || std::size_t(index.row()) >= m_rows->size())
    return {};
  const core::RowId row = rowId(index.row());
  const std::size_t column = std::size_t(index.column());
  switch (role) {
  case Qt::DisplayRole:
    return displayText(row, column);
  case Qt::EditRole:
    return editText(m_table->value(row, column));
  case Qt::TextAlignmentRole: {
    const gis::FieldType type = m_table->columnType(column);
    const bool number = type == gis::FieldType::Integer || type == gis::FieldType::Real;
    return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
  }
  default:
    return {};
  }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
  if (orientation != Qt::Horizontal || section < 0 ||
      std::size_t(section) >= m_table->columnCount())
    return QAbstractTableModel::headerData(section, orientation, role);
  if (role == Qt::DisplayRole)
    return heading(std::size_t(section));
  if (role == Qt::ToolTipRole)
    return QString::fromStdString(m_table->columnName(std::size_t(section)));
  return {};
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex &index) const
{
  Qt::ItemFlags f = QAbstractTableModel::flags(index);
  if (index.isValid() && index.column() > 0 && isEditable())
    f |= Qt::ItemIsEditable;
  return f;
}

bool AttributeTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
  if (role != Qt::EditRole || !index.isValid() || !(flags(index) & Qt::ItemIsEditable))
    return false;
  return setForRows({rowId(index.row())}, index.column(), value.toString()).isEmpty();
}

QString AttributeTableModel::setForRows(const std::vector<core::RowId> &rows, int column,
                                        const QString &value)
{
  const core::FieldSchema *field = column > 0 ? m_table->columnField(std::size_t(column)) : nullptr;
  QString why;
  const QString text = value.trimmed();
  if (!field || !isEditable())
    why = tr("%1 cannot be edited here.").arg(heading(std::size_t(column)));
  else if (field->name == "code" && rows.size() > 1 && !text.isEmpty())
    why = tr("Codes must be unique: %n features cannot all get code %1.", nullptr, int(rows.size()))
              .arg(text);
  else
    why = fieldProblem(*field, text, [&](const std::string &code) {
      return rows.size() == 1 && m_session.codeTaken(m_layer, code, m_table->key(rows.front()));
    });
  if (!why.isEmpty()) {
    emit editRefused(why);
    return why;
  }
  const gis::FieldValue v = fieldValue(*field, text);
  std::vector<core::Change> changes;
  for (core::RowId row : rows) {
    const core::FeatureKey key = m_table->key(row);
    std::optional<core::FeatureState> state = m_session.state(key);
    if (!state || state->attributes[field->name] == v)
      continue;
    state->attributes[field->name] = v;
    changes.push_back(m_session.changeTo(key, std::move(*state)));
  }
  if (changes.empty())
    return {};
  const QString name =
      changes.size() == 1
          ? tr("Edit %1 of %2")
                .arg(Names::field(field->name),
                     QString::fromStdString(
                         core::textOf(m_session.state(changes.front().key)->attributes, "code")
                             .value_or("#" + std::to_string(changes.front().key.fid))))
          : tr("Set %1 for %n feature(s)", nullptr, int(changes.size()))
                .arg(Names::field(field->name));
  if (!m_session.apply(name, std::move(changes))) {
    why = tr("The project is being saved; edit again once it is saved.");
    emit editRefused(why);
  }
  return why;
}

void AttributeTableModel::sort(int column, Qt::SortOrder order)
{
  m_request.sortColumn =
      column < 0 ? std::nullopt : std::optional<std::size_t>(std::size_t(column));
  m_request.descending = order == Qt::DescendingOrder;
  arrange();
}

void AttributeTableModel::setTextFilter(const QString &text)
{
  m_request.text = text.trimmed().toStdString();
  arrange();
}

void AttributeTableModel::setFilter(std::optional<core::AttributeQuery> filter)
{
  m_request.filter = std::move(filter);
  arrange();
}

void AttributeTableModel::setOnly(std::optional<std::vector<core::RowId>> rows)
{
  if (rows)
    std::sort(rows->begin(), rows->end());
  m_request.only = std::move(rows);
  arrange();
}

std::vector<int> AttributeTableModel::positionsOf(const std::vector<core::RowId> &ids) const
{
  std::vector<bool> wanted(m_table->rowIdCount(), false);
  for (core::RowId id : ids)
    if (id < wanted.size())
      wanted[id] = true;
  std::vector<int> out;
  for (std::size_t i = 0; i < m_rows->size(); ++i)
    if (wanted[(*m_rows)[i]])
      out.push_back(int(i));
  return out;
}

void AttributeTableModel::refresh()
{
  if (!m_session.project())
    return;
  m_table = std::make_shared<core::LayerTable>(m_session.project(), m_layer, m_session.buffer());
  // Until the new order comes, rows that went (a deleted feature, an undone addition) are
  // dropped at once: the view must never ask for them.
  auto kept = std::make_shared<std::vector<core::RowId>>();
  kept->reserve(m_rows->size());
  for (core::RowId r : *m_rows)
    if (r < m_table->rowIdCount() && !m_table->isDeleted(r))
      kept->push_back(r);
  if (kept->size() != m_rows->size()) {
    beginResetModel();
    m_rows = std::move(kept);
    endResetModel();
    emit rowsArranged();
  } else if (!m_rows->empty()) {
    emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
  }
  arrange();
}

void AttributeTableModel::arrange()
{
  m_arrange.start(
      [table = m_table, request = m_request] { return core::arrangeRows(*table, request); },
      [this](std::vector<core::RowId> rows) {
        beginResetModel();
        m_rows = std::make_shared<std::vector<core::RowId>>(std::move(rows));
        endResetModel();
        emit rowsArranged();
      },
      [this](const QString &message) { emit arrangeFailed(message); });
}

} // namespace anzhi::desktop
