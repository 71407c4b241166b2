#include "app/desktop/table/AttributeTablePage.h"

#include "app/desktop/Names.h"
#include "app/desktop/edit/EditSession.h"
#include "app/desktop/edit/FieldRules.h"
#include "core/query/TableExport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

namespace anzhi::desktop {

namespace {

//! Edits a cell with the attribute form's editors: a list for coded fields, a line otherwise.
class FieldDelegate : public QStyledItemDelegate
{
public:
  FieldDelegate(const AttributeTableModel &model, QObject *parent)
      : QStyledItemDelegate(parent)
      , m_model(model)
  {
  }
  QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const override
  {
    if (const core::FieldSchema *f = m_model.table().columnField(std::size_t(index.column())))
      if (QComboBox *combo = fieldCombo(*f, index.data(Qt::EditRole).toString(), parent))
        return combo;
    return QStyledItemDelegate::createEditor(parent, option, index);
  }
  void setEditorData(QWidget *editor, const QModelIndex &index) const override
  {
    if (auto *combo = qobject_cast<QComboBox *>(editor))
      setComboCode(*combo, index.data(Qt::EditRole).toString());
    else
      QStyledItemDelegate::setEditorData(editor, index);
  }
  void setModelData(QWidget *editor, QAbstractItemModel *model,
                    const QModelIndex &index) const override
  {
    if (auto *combo = qobject_cast<QComboBox *>(editor))
      model->setData(index, comboCode(*combo), Qt::EditRole);
    else
      QStyledItemDelegate::setModelData(editor, model, index);
  }

private:
  const AttributeTableModel &m_model;
};

struct OpChoice
{
  core::CompareOp op;
  const char *label;
};
const OpChoice kOps[] = {
    {core::CompareOp::Equal, "="},
    {core::CompareOp::NotEqual, "≠"},
    {core::CompareOp::Less, "<"},
    {core::CompareOp::LessEqual, "≤"},
    {core::CompareOp::Greater, ">"},
    {core::CompareOp::GreaterEqual, "≥"},
    {core::CompareOp::Contains, QT_TRANSLATE_NOOP("AttributeTablePage", "contains")},
    {core::CompareOp::IsEmpty, QT_TRANSLATE_NOOP("AttributeTablePage", "is empty")},
};

} // namespace

AttributeTablePage::AttributeTablePage(EditSession &session, const std::string &layer,
                                       QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new AttributeTableModel(session, layer, this))
    , m_view(new QTableView(this))
    , m_quick(new QLineEdit(this))
    , m_expression(new QLineEdit(this))
    , m_field(new QComboBox(this))
    , m_op(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_selectedOnly(new QCheckBox(tr("Show selected only"), this))
    , m_status(new QLabel(this))
{
  setObjectName(QString::fromStdString(layer));
  m_view->setModel(m_model);
  m_view->setItemDelegate(new FieldDelegate(*m_model, m_view));
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  m_view->setAlternatingRowColors(true);
  m_view->setWordWrap(false);
  // Rows of one height: the view asks only for the rows it shows, never measures 1.7 M.
  m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  m_view->verticalHeader()->hide();
  m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  m_view->horizontalHeader()->setSortIndicatorShown(true);
  m_view->setSortingEnabled(true);

  m_quick->setPlaceholderText(tr("Filter: any cell contains…"));
  m_quick->setClearButtonEnabled(true);
  m_expression->setPlaceholderText(tr("Expression, e.g. level = 'junior' AND capacity < 300"));
  m_expression->setObjectName("expression");
  auto *selectExpr = new QPushButton(tr("Select"), this);
  auto *filterExpr = new QPushButton(tr("Filter"), this);
  for (std::size_t c = 0; c < m_model->table().columnCount(); ++c)
    m_field->addItem(m_model->heading(c), int(c));
  for (const OpChoice &o : kOps)
    m_op->addItem(tr(o.label), int(o.op));
  m_value->setPlaceholderText(tr("value"));
  auto *selectForm = new QPushButton(tr("Select"), this);
  auto *zoom = new QPushButton(tr("Zoom to selection"), this);
  auto *bulk = new QPushButton(tr("Set field for selection…"), this);
  auto *exportButton = new QPushButton(tr("Export…"), this);
  bulk->setEnabled(m_model->isEditable());

  auto *top = new QHBoxLayout;
  top->addWidget(m_quick, 1);
  top->addWidget(m_expression, 2);
  top->addWidget(selectExpr);
  top->addWidget(filterExpr);
  auto *second = new QHBoxLayout;
  second->addWidget(m_field);
  second->addWidget(m_op);
  second->addWidget(m_value, 1);
  second->addWidget(selectForm);
  second->addSpacing(12);
  second->addWidget(m_selectedOnly);
  second->addWidget(zoom);
  second->addWidget(bulk);
  second->addWidget(exportButton);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(top);
  layout->addLayout(second);
  layout->addWidget(m_view, 1);
  layout->addWidget(m_status);

  connect(m_quick, &QLineEdit::textChanged, m_model, &AttributeTableModel::setTextFilter);
  connect(selectExpr, &QPushButton::clicked, this, [this] { selectWhere(m_expression->text()); });
  connect(m_expression, &QLineEdit::returnPressed, this,
          [this] { selectWhere(m_expression->text()); });
  connect(filterExpr, &QPushButton::clicked, this, [this] { filterWhere(m_expression->text()); });
  connect(selectForm, &QPushButton::clicked, this, [this] {
    selectByForm(m_field->currentData().toInt(), core::CompareOp(m_op->currentData().toInt()),
                 m_value->text());
  });
  connect(m_selectedOnly, &QCheckBox::toggled, this, [this] { applySelectedOnly(); });
  connect(zoom, &QPushButton::clicked, this, &AttributeTablePage::zoomToSelectionRequested);
  connect(bulk, &QPushButton::clicked, this, &AttributeTablePage::openBulkSet);
  connect(exportButton, &QPushButton::clicked, this, &AttributeTablePage::chooseExport);
  connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &AttributeTablePage::onViewSelection);
  connect(m_model, &AttributeTableModel::rowsArranged, this, [this] {
    // The new order reset the view's selection: show the features selected again.
    const QSignalBlocker quiet(m_view->selectionModel());
    std::vector<core::RowId> rows;
    for (std::int64_t fid : m_selectedFids)
      if (auto r = m_model->table().rowOf(fid))
        rows.push_back(*r);
    selectRows(rows);
    updateStatus();
  });
  connect(m_model, &AttributeTableModel::editRefused, this, &AttributeTablePage::showProblem);
  connect(m_model, &AttributeTableModel::arrangeFailed, this, &AttributeTablePage::showProblem);
  updateStatus();
}

std::vector<core::RowId> AttributeTablePage::selectedRows() const
{
  std::vector<core::RowId> rows;
  // Ranges, not indexes: a select-all of 1.7 M rows is one range.
  for (const QItemSelectionRange &range : m_view->selectionModel()->selection())
    for (int r = range.top(); r <= range.bottom(); ++r)
      rows.push_back(m_model->rowId(r));
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

std::vector<std::int64_t> AttributeTablePage::fidsOf(const std::vector<core::RowId> &rows) const
{
  std::vector<std::int64_t> fids;
  fids.reserve(rows.size());
  for (core::RowId r : rows)
    fids.push_back(m_model->table().fid(r));
  return fids;
}

void AttributeTablePage::onViewSelection()
{
  if (!m_syncing)
    publishSelection(fidsOf(selectedRows()));
}

void AttributeTablePage::publishSelection(std::vector<std::int64_t> fids)
{
  m_selectedFids = std::move(fids);
  updateStatus();
  std::vector<std::int64_t> toMap = m_selectedFids;
  if (toMap.size() > kMapSelectionLimit) {
    toMap.resize(kMapSelectionLimit);
    m_status->setText(m_status->text() + " " +
                      tr("(the map highlights the first %1)").arg(kMapSelectionLimit));
  }
  m_syncing = true;
  emit selectionEdited(layer(), toMap);
  m_syncing = false;
}

void AttributeTablePage::selectRows(const std::vector<core::RowId> &rows)
{
  QItemSelection selection;
  const std::vector<int> positions = m_model->positionsOf(rows);
  const int last = m_model->columnCount() - 1;
  for (std::size_t i = 0; i < positions.size();) {
    std::size_t j = i;
    while (j + 1 < positions.size() && positions[j + 1] == positions[j] + 1)
      ++j;
    selection.select(m_model->index(positions[i], 0), m_model->index(positions[j], last));
    i = j + 1;
  }
  m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  if (!positions.empty())
    m_view->scrollTo(m_model->index(positions.front(), 0));
}

void AttributeTablePage::showSelection(const std::vector<std::int64_t> &fids)
{
  if (m_syncing)
    return;
  m_selectedFids = fids;
  m_syncing = true;
  std::vector<core::RowId> rows;
  for (std::int64_t fid : fids)
    if (auto r = m_model->table().rowOf(fid))
      rows.push_back(*r);
  selectRows(rows);
  m_syncing = false;
  if (m_selectedOnly->isChecked())
    applySelectedOnly();
  updateStatus();
}

void AttributeTablePage::applySelectedOnly()
{
  if (!m_selectedOnly->isChecked()) {
    m_model->setOnly(std::nullopt);
    return;
  }
  std::vector<core::RowId> rows;
  for (std::int64_t fid : m_selectedFids)
    if (auto r = m_model->table().rowOf(fid))
      rows.push_back(*r);
  m_model->setOnly(std::move(rows));
}

void AttributeTablePage::setSelectedOnly(bool on)
{
  m_selectedOnly->setChecked(on);
}

void AttributeTablePage::selectMatches(const std::vector<core::RowId> &rows)
{
  {
    const QSignalBlocker quiet(m_view->selectionModel());
    selectRows(rows);
  }
  publishSelection(fidsOf(rows));
  if (m_selectedOnly->isChecked())
    applySelectedOnly();
}

QString AttributeTablePage::selectWhere(const QString &expression)
{
  try {
    auto query = core::AttributeQuery::parse(expression.toStdString(), m_model->table());
    m_status->setText(tr("Selecting…"));
    startSelect(std::move(query));
    return {};
  } catch (const core::QueryError &e) {
    showProblem(tr("The expression does not parse: %1").arg(QString::fromStdString(e.what())));
    return QString::fromStdString(e.what());
  }
}

void AttributeTablePage::startSelect(core::AttributeQuery query)
{
  auto table = m_model->sharedTable();
  m_select.start([table, query = std::move(
                             query)] { return core::matchingRows(*table, table->rows(), query); },
                 [this](std::vector<core::RowId> rows) { selectMatches(rows); },
                 [this](const QString &message) { showProblem(message); });
}

QString AttributeTablePage::selectByForm(int column, core::CompareOp op, const QString &value)
{
  try {
    auto query = core::AttributeQuery::single(m_model->table(), std::size_t(column), op,
                                              value.trimmed().toStdString());
    startSelect(std::move(query));
    return {};
  } catch (const core::QueryError &e) {
    showProblem(QString::fromStdString(e.what()));
    return QString::fromStdString(e.what());
  }
}

QString AttributeTablePage::filterWhere(const QString &expression)
{
  if (expression.trimmed().isEmpty()) {
    m_model->setFilter(std::nullopt);
    return {};
  }
  try {
    m_model->setFilter(core::AttributeQuery::parse(expression.toStdString(), m_model->table()));
    return {};
  } catch (const core::QueryError &e) {
    showProblem(tr("The expression does not parse: %1").arg(QString::fromStdString(e.what())));
    return QString::fromStdString(e.what());
  }
}

QString AttributeTablePage::bulkSet(int column, const QString &value)
{
  const std::vector<core::RowId> rows = selectedRows();
  if (rows.empty()) {
    showProblem(tr("Select the rows to set first."));
    return m_status->text();
  }
  return m_model->setForRows(rows, column, value);
}

void AttributeTablePage::openBulkSet()
{
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Set field for selection"));
  auto *field = new QComboBox(&dialog);
  for (std::size_t c = 1; c < m_model->table().columnCount(); ++c)
    field->addItem(m_model->heading(c), int(c));
  auto *form = new QFormLayout;
  form->addRow(tr("Field"), field);
  QWidget *editor = nullptr;
  auto makeEditor = [&] {
    delete editor;
    const auto *f = m_model->table().columnField(std::size_t(field->currentData().toInt()));
    editor = fieldCombo(*f, QString(), &dialog);
    if (!editor)
      editor = new QLineEdit(&dialog);
    form->addRow(tr("Value"), editor);
  };
  makeEditor();
  connect(field, &QComboBox::currentIndexChanged, &dialog, [&] {
    form->removeRow(1);
    editor = nullptr;
    makeEditor();
  });
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto *layout = new QVBoxLayout(&dialog);
  layout->addWidget(new QLabel(tr("%n selected feature(s)", nullptr, int(selectedRows().size()))));
  layout->addLayout(form);
  layout->addWidget(buttons);
  if (dialog.exec() != QDialog::Accepted)
    return;
  auto *combo = qobject_cast<QComboBox *>(editor);
  bulkSet(field->currentData().toInt(),
          combo ? comboCode(*combo) : qobject_cast<QLineEdit *>(editor)->text());
}

void AttributeTablePage::chooseExport()
{
  QString selected;
  QString file = QFileDialog::getSaveFileName(
      this, tr("Export attribute table"),
      QFileInfo(m_session.path()).absolutePath() + "/" + QString::fromStdString(layer()),
      tr("CSV (*.csv);;Excel workbook (*.xlsx)"), &selected);
  if (file.isEmpty())
    return;
  if (QFileInfo(file).suffix().isEmpty())
    file += selected.contains("xlsx") ? ".xlsx" : ".csv";
  exportTo(file);
}

void AttributeTablePage::exportTo(const QString &file)
{
  auto table = m_model->sharedTable();
  auto rows = std::make_shared<const std::vector<core::RowId>>(m_model->rows());
  // Words for coded values are looked up here, on the UI thread where the translators are.
  std::vector<std::map<std::string, std::string>> words(table->columnCount());
  core::TableOut out;
  for (std::size_t c = 0; c < table->columnCount(); ++c) {
    out.headings.push_back(m_model->heading(c).toStdString());
    const core::FieldSchema *f = table->columnField(c);
    out.types.push_back(f && !f->choices.empty() ? gis::FieldType::String : table->columnType(c));
    if (f)
      for (const core::Choice &choice : f->choices)
        words[c][choice.value] = Names::value(f->name, choice.value).toStdString();
  }
  out.rows = rows->size();
  out.row = [table, rows, words](std::size_t r, std::vector<gis::FieldValue> &cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      cells[c] = table->value((*rows)[r], c);
      if (!words[c].empty() && !std::holds_alternative<std::monostate>(cells[c]))
        if (auto it = words[c].find(core::cellText(cells[c])); it != words[c].end())
          cells[c] = it->second;
    }
  };
  const std::string path = file.toStdString();
  const std::string sheet = Names::layer(layer()).toStdString();
  m_status->setText(tr("Exporting %1…").arg(QFileInfo(file).fileName()));
  BackgroundTask<void>::run(
      this, [path, sheet, out] { core::writeTable(path, sheet, out); },
      [this, file, n = out.rows] {
        const QString text = tr("Exported %n row(s) to %1", nullptr, int(n)).arg(file);
        m_status->setText(text);
        emit exported(true, text);
      },
      [this, file](const QString &error) {
        const QString text = tr("%1 was not written: %2").arg(file, error);
        showProblem(text);
        emit exported(false, text);
      });
}

void AttributeTablePage::updateStatus()
{
  m_status->setStyleSheet({});
  m_status->setText(tr("%1 of %2 rows shown, %3 selected")
                        .arg(m_model->rowCount())
                        .arg(m_model->table().rowCount())
                        .arg(m_selectedFids.size()));
}

void AttributeTablePage::showProblem(const QString &text)
{
  m_status->setStyleSheet("color: #c00000");
  m_status->setText(text);
}

} // namespace anzhi::desktop
