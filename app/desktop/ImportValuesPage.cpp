#include "app/desktop/ImportValuesPage.h"

#include "app/desktop/ImportWizard.h"
#include "app/desktop/Names.h"
#include "core/Schema.h"

#include <QBrush>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace anzhi::desktop {

namespace {

enum Column
{
  FieldColumn,
  ValueColumn,
  RowsColumn,
  CodeColumn
};

QString qs(const std::string &s)
{
  return QString::fromStdString(s);
}

const QColor kUnmapped(255, 214, 214);

} // namespace

ImportValuesPage::ImportValuesPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_info(new QLabel)
    , m_table(new QTableWidget(0, 4))
    , m_nullUnmapped(new QCheckBox(tr("Import values without a code as empty (NULL)")))
{
  setTitle(tr("Coded values"));
  setSubTitle(tr("The code each value of the source stands for, proposed from the usual words "
                 "(小学 → primary). Values without a code are highlighted: the import refuses "
                 "them unless they are imported as empty."));
  m_info->setWordWrap(true);
  m_table->setObjectName("codedValues");
  m_table->setHorizontalHeaderLabels({tr("Field"), tr("Source value"), tr("Rows"), tr("Code")});
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_info);
  layout->addWidget(m_table);
  layout->addWidget(m_nullUnmapped);
}

int ImportValuesPage::nextId() const
{
  return ImportWizard::ConfirmPage;
}

bool ImportValuesPage::isComplete() const
{
  return !m_loading;
}

void ImportValuesPage::initializePage()
{
  m_table->setRowCount(0);
  m_listed.clear();
  const core::ImportRequest r = m_wizard->request();
  m_role = r.role;
  const core::LayerSchema *schema = core::findLayerSchema(r.role);
  if (!schema || !m_wizard->preview())
    return;
  std::vector<int> sources;
  try {
    sources = core::resolveFieldMapping(*schema, m_wizard->preview()->fields, r.fields);
  } catch (const std::exception &e) {
    m_info->setText(qs(e.what()));
    return;
  }
  std::vector<std::string> sourceFields;
  for (std::size_t i = 0; i < schema->fields.size(); ++i) {
    const core::FieldSchema &f = schema->fields[i];
    if ((f.coding == core::Coding::Closed || f.coding == core::Coding::Open) && sources[i] >= 0) {
      m_listed.push_back({&f, m_wizard->preview()->fields[std::size_t(sources[i])]});
      sourceFields.push_back(m_listed.back().sourceField);
    }
  }
  m_loading = true;
  emit completeChanged();
  m_info->setText(tr("Reading the values of the source…"));
  const core::SourceOptions options{r.layer, r.encoding};
  const std::string path = r.source;
  m_task.start([path, options,
                sourceFields] { return core::distinctValueCounts(path, options, sourceFields); },
               [this](std::vector<std::map<std::string, std::int64_t>> counts) {
                 m_loading = false;
                 fill(counts);
                 emit completeChanged();
                 emit valuesReady();
               },
               [this](const QString &error) {
                 m_loading = false;
                 m_info->setText(error);
                 emit completeChanged();
                 emit valuesReady();
               });
}

void ImportValuesPage::fill(const std::vector<std::map<std::string, std::int64_t>> &counts)
{
  const core::LayerSchema &schema = *core::findLayerSchema(m_role);
  int unmapped = 0;
  for (std::size_t k = 0; k < m_listed.size() && k < counts.size(); ++k) {
    const core::FieldSchema &field = *m_listed[k].field;
    const core::CodeMapper defaults(schema, field, {});
    for (const auto &[value, rows] : counts[k]) {
      const int row = m_table->rowCount();
      m_table->insertRow(row);
      auto *fieldItem = new QTableWidgetItem(Names::field(field.name) + " (" + qs(field.name) +
                                             " ← " + qs(m_listed[k].sourceField) + ")");
      fieldItem->setData(Qt::UserRole, qs(field.name));
      m_table->setItem(row, FieldColumn, fieldItem);
      m_table->setItem(row, ValueColumn, new QTableWidgetItem(qs(value)));
      auto *rowsItem = new QTableWidgetItem(QString::number(rows));
      rowsItem->setData(Qt::UserRole, qlonglong(rows));
      rowsItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_table->setItem(row, RowsColumn, rowsItem);
      auto *combo = new QComboBox;
      // Item 0: no code. A closed field's value is then refused (or NULL); an open field's
      // (service kinds) is kept as it is.
      combo->addItem(field.coding == core::Coding::Closed ? tr("No code") : tr("Keep as it is"),
                     QVariant());
      for (const std::string &c : core::fieldCodes(field))
        combo->addItem(Names::value(field.name, c) + " (" + qs(c) + ")", qs(c));
      combo->addItem(tr("Empty (NULL)"), QString(""));
      const core::CodeMapper::Result proposed = defaults.map(value);
      if (proposed.value && (proposed.how == core::CodeMapper::How::Code ||
                             proposed.how == core::CodeMapper::How::Default))
        combo->setCurrentIndex(combo->findData(qs(*proposed.value)));
      m_table->setCellWidget(row, CodeColumn, combo);
      connect(combo, &QComboBox::currentIndexChanged, this, [this, combo] {
        for (int r = 0; r < m_table->rowCount(); ++r)
          if (m_table->cellWidget(r, CodeColumn) == combo)
            highlight(r);
      });
      highlight(row);
      if (field.coding == core::Coding::Closed && combo->currentIndex() == 0)
        ++unmapped;
    }
  }
  m_table->resizeColumnsToContents();
  m_info->setText(m_table->rowCount() == 0 ? tr("The source has no values in the coded fields.")
                                           : tr("%n value(s) without a code.", nullptr, unmapped));
}

void ImportValuesPage::highlight(int row)
{
  const QString field = m_table->item(row, FieldColumn)->data(Qt::UserRole).toString();
  const core::FieldSchema *schema = core::findLayerSchema(m_role)->field(field.toStdString());
  const bool none =
      schema && schema->coding == core::Coding::Closed && !comboAt(row)->currentData().isValid();
  for (int c : {FieldColumn, ValueColumn, RowsColumn})
    m_table->item(row, c)->setBackground(none ? QBrush(kUnmapped) : QBrush());
}

QComboBox *ImportValuesPage::comboAt(int row) const
{
  return qobject_cast<QComboBox *>(m_table->cellWidget(row, CodeColumn));
}

int ImportValuesPage::rowOf(const QString &field, const QString &value) const
{
  for (int row = 0; row < m_table->rowCount(); ++row)
    if (m_table->item(row, FieldColumn)->data(Qt::UserRole).toString() == field &&
        m_table->item(row, ValueColumn)->text() == value)
      return row;
  return -1;
}

core::ValueMaps ImportValuesPage::values(const std::string &role) const
{
  core::ValueMaps maps;
  if (role != m_role || m_loading)
    return maps;
  for (int row = 0; row < m_table->rowCount(); ++row) {
    const QVariant chosen = comboAt(row)->currentData();
    if (!chosen.isValid())
      continue;
    const std::string field =
        m_table->item(row, FieldColumn)->data(Qt::UserRole).toString().toStdString();
    const std::string value = m_table->item(row, ValueColumn)->text().toStdString();
    maps.fields[field][core::codeKey(value)] = {chosen.toString().toStdString(),
                                                "the wizard's choice for '" + value + "'", true};
  }
  return maps;
}

bool ImportValuesPage::unmappedAsNull() const
{
  return m_nullUnmapped->isChecked();
}

QString ImportValuesPage::code(const QString &field, const QString &value) const
{
  const int row = rowOf(field, value);
  if (row < 0)
    return {};
  const QVariant chosen = comboAt(row)->currentData();
  return chosen.isValid() ? chosen.toString() : QString();
}

bool ImportValuesPage::setCode(const QString &field, const QString &value, const QString &code)
{
  const int row = rowOf(field, value);
  if (row < 0)
    return false;
  QComboBox *combo = comboAt(row);
  const int index = code.isNull() ? 0 : combo->findData(code);
  if (index < 0)
    return false;
  combo->setCurrentIndex(index);
  return true;
}

bool ImportValuesPage::isHighlighted(const QString &field, const QString &value) const
{
  const int row = rowOf(field, value);
  return row >= 0 && m_table->item(row, ValueColumn)->background().color() == kUnmapped &&
         m_table->item(row, ValueColumn)->background().style() != Qt::NoBrush;
}

std::int64_t ImportValuesPage::rows(const QString &field, const QString &value) const
{
  const int row = rowOf(field, value);
  return row < 0 ? -1 : m_table->item(row, RowsColumn)->data(Qt::UserRole).toLongLong();
}

} // namespace anzhi::desktop
