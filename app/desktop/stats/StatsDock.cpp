#include "app/desktop/stats/StatsDock.h"

#include "app/desktop/Names.h"
#include "app/desktop/stats/StatsChart.h"
#include "core/report/AtomicFile.h"
#include "core/stats/StatsColumns.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace anzhi::desktop {

namespace {

QString inUiLanguage(const std::string &zh, const std::string &en)
{
  return QString::fromStdString(Names::messageLanguage() == "zh" ? zh : en);
}

} // namespace

StatsDock::StatsDock(QWidget *parent)
    : QDockWidget(tr("Statistics"), parent)
    , m_status(new QLabel)
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_chart(new StatsChart)
    , m_export(new QPushButton(tr("Export CSV…")))
{
  setObjectName("StatsDock");
  m_table->setModel(m_model);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->verticalHeader()->hide();
  m_export->setEnabled(false);
  auto *top = new QHBoxLayout;
  top->addWidget(m_status, 1);
  top->addWidget(m_export);
  auto *splitter = new QSplitter(Qt::Horizontal);
  splitter->addWidget(m_table);
  splitter->addWidget(m_chart);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto *w = new QWidget;
  auto *layout = new QVBoxLayout(w);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(top);
  layout->addWidget(splitter, 1);
  setWidget(w);
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex &current) { showRow(current.row()); });
  connect(m_export, &QPushButton::clicked, this, &StatsDock::exportCsv);
}

void StatsDock::setProject(std::shared_ptr<const core::Project> project, const core::RuleSet &rules)
{
  m_stats.reset();
  m_model->clear();
  m_chart->setFigures(nullptr, {});
  m_export->setEnabled(false);
  if (!project) {
    m_task.drop();
    m_status->clear();
    return;
  }
  m_status->setText(tr("Computing…"));
  m_task.start([project, rules] { return core::computeStats(*project, rules); },
               [this](core::ProjectStats stats) { showStats(std::move(stats)); },
               [this](const QString &message) {
                 m_status->setText(tr("Statistics are not available: %1").arg(message));
               });
}

void StatsDock::showStats(core::ProjectStats stats)
{
  m_stats = std::move(stats);
  const std::string lang = Names::messageLanguage();
  const auto &columns = core::statsColumns();
  m_model->clear();
  m_model->setColumnCount(int(columns.size()) + 1);
  m_model->setHeaderData(0, Qt::Horizontal, tr("Township"));
  for (std::size_t c = 0; c < columns.size(); ++c)
    m_model->setHeaderData(int(c) + 1, Qt::Horizontal,
                           inUiLanguage(columns[c].groupZh, columns[c].groupEn) + "\n" +
                               inUiLanguage(columns[c].nameZh, columns[c].nameEn));
  const QLocale locale;
  auto addRow = [&](const std::string &label, const core::StatsFigures &f, bool total) {
    QList<QStandardItem *> items{new QStandardItem(QString::fromStdString(label))};
    for (const core::StatsColumn &column : columns) {
      auto *item = new QStandardItem(locale.toString(column.value(f), 'f', column.decimals));
      item->setData(column.value(f), Qt::UserRole);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      items.push_back(item);
    }
    if (total)
      for (QStandardItem *item : items) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
      }
    m_model->appendRow(items);
  };
  for (const core::TownshipStats &t : m_stats->townships)
    addRow(core::townshipLabel(t, lang), t.figures, false);
  addRow(core::totalLabel(lang), m_stats->total, true);
  m_table->resizeColumnsToContents();
  m_status->setText(
      tr("%n township(s); minimum managed area %1 mu", nullptr, int(m_stats->townships.size()))
          .arg(m_stats->minMu));
  m_export->setEnabled(true);
  m_table->selectRow(m_model->rowCount() - 1); // the total, in the chart
  showRow(m_model->rowCount() - 1);
  emit statsShown();
}

void StatsDock::showRow(int row)
{
  if (!m_stats || row < 0 || row >= m_model->rowCount())
    return;
  const bool total = std::size_t(row) >= m_stats->townships.size();
  m_chart->setFigures(total ? &m_stats->total : &m_stats->townships[std::size_t(row)].figures,
                      m_model->item(row, 0)->text());
}

void StatsDock::exportCsv()
{
  if (!m_stats)
    return;
  const QString path = QFileDialog::getSaveFileName(this, tr("Export statistics"),
                                                    tr("statistics.csv"), tr("CSV (*.csv)"));
  if (path.isEmpty())
    return;
  try {
    core::writeFileAtomically(path.toStdString(),
                              core::statsCsv(*m_stats, Names::messageLanguage()));
  } catch (const std::exception &e) {
    QMessageBox::warning(this, tr("Export statistics"), QString::fromStdString(e.what()));
  }
}

} // namespace anzhi::desktop
