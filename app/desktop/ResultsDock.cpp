#include "app/desktop/ResultsDock.h"

#include "app/desktop/Names.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <set>

namespace anzhi::desktop {

ResultsDock::ResultsDock(QWidget *parent)
    : QDockWidget(tr("Check results"), parent)
    , m_rule(new QComboBox)
    , m_severity(new QComboBox)
    , m_township(new QComboBox)
    , m_search(new QLineEdit)
    , m_summary(new QLabel)
    , m_view(new QTreeView)
    , m_why(new QPushButton(tr("Why?")))
    , m_except(new QPushButton(tr("Accept as exception…")))
    , m_unexcept(new QPushButton(tr("Revoke exception")))
    , m_export(new QPushButton(tr("Export…")))
    , m_coverage(new QToolButton)
    , m_model(new ResultsModel(this))
{
  setObjectName("ResultsDock");
  m_view->setModel(m_model);
  m_view->setUniformRowHeights(true);
  m_view->setAlternatingRowColors(true);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->header()->setStretchLastSection(false);
  m_search->setPlaceholderText(tr("Search code, name, message…"));
  m_search->setClearButtonEnabled(true);
  m_severity->addItem(tr("All severities"), -1);
  m_severity->addItem(tr("Error"), int(core::Severity::Error));
  m_severity->addItem(tr("Warning"), int(core::Severity::Warning));
  m_why->setEnabled(false);
  m_why->setToolTip(tr("What the rule checks, its clause and its parameters"));
  m_except->setEnabled(false);
  m_unexcept->setEnabled(false);
  m_export->setEnabled(false);
  m_summary->setWordWrap(true);

  auto *filters = new QHBoxLayout;
  filters->addWidget(m_rule, 2);
  filters->addWidget(m_severity, 1);
  filters->addWidget(m_township, 1);
  auto *actions = new QHBoxLayout;
  actions->addWidget(m_why);
  actions->addWidget(m_except);
  actions->addWidget(m_unexcept);
  actions->addStretch();
  actions->addWidget(m_coverage);
  actions->addWidget(m_export);
  auto *w = new QWidget;
  auto *layout = new QVBoxLayout(w);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(filters);
  layout->addWidget(m_search);
  layout->addWidget(m_summary);
  layout->addWidget(m_view, 1);
  layout->addLayout(actions);
  setWidget(w);
  m_coverage->hide();
  clear();

  auto refilter = [this] { applyFilter(); };
  connect(m_rule, &QComboBox::currentIndexChanged, this, refilter);
  connect(m_severity, &QComboBox::currentIndexChanged, this, refilter);
  connect(m_township, &QComboBox::currentIndexChanged, this, refilter);
  connect(m_search, &QLineEdit::textChanged, this, refilter);
  connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &ResultsDock::onCurrentChanged);
  connect(m_why, &QPushButton::clicked, this, [this] {
    if (const core::Violation *v = m_model->violationAt(m_view->currentIndex()))
      emit explanationRequested(*v);
  });
  connect(m_except, &QPushButton::clicked, this, [this] {
    const auto leaf = m_model->leafAt(m_view->currentIndex());
    if (leaf && !leaf->excepted)
      emit exceptionRequested(split().open[leaf->index]);
  });
  connect(m_unexcept, &QPushButton::clicked, this, [this] {
    const auto leaf = m_model->leafAt(m_view->currentIndex());
    if (leaf && leaf->excepted)
      emit exceptionRemovalRequested(split().excepted[leaf->index].second.key);
  });
  connect(m_export, &QPushButton::clicked, this, &ResultsDock::exportRequested);
}

void ResultsDock::setCoverageAction(QAction *action)
{
  m_coverage->setDefaultAction(action);
  m_coverage->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_coverage->show();
}

void ResultsDock::clear()
{
  m_model->clear();
  m_rule->blockSignals(true);
  m_rule->clear();
  m_rule->addItem(tr("All rules"), QString());
  m_rule->blockSignals(false);
  m_township->blockSignals(true);
  m_township->clear();
  m_township->addItem(tr("All townships"), QString());
  m_township->blockSignals(false);
  m_summary->setText(tr("No check has run yet. Run Check → Run check (F5)."));
  m_export->setEnabled(false);
  m_why->setEnabled(false);
  m_except->setEnabled(false);
  m_unexcept->setEnabled(false);
}

void ResultsDock::setRunning(bool running)
{
  if (running)
    m_summary->setText(tr("Checking…"));
}

const core::ExceptionSplit &ResultsDock::split() const
{
  static const core::ExceptionSplit none;
  return m_model->split() ? *m_model->split() : none;
}

void ResultsDock::setResult(std::shared_ptr<const core::CheckResult> result,
                            std::shared_ptr<const core::ExceptionSplit> split)
{
  // Filters: the rules and townships of this result.
  m_rule->blockSignals(true);
  m_rule->clear();
  m_rule->addItem(tr("All rules"), QString());
  for (const core::RuleOutcome &r : result->rules)
    m_rule->addItem(Names::rule(r.id), QString::fromStdString(r.id));
  m_rule->blockSignals(false);
  std::set<std::string> townships;
  for (const core::Violation &v : result->violations)
    if (v.township)
      townships.insert(*v.township);
  m_township->blockSignals(true);
  m_township->clear();
  m_township->addItem(tr("All townships"), QString());
  for (const std::string &t : townships)
    m_township->addItem(QString::fromStdString(t), QString::fromStdString(t));
  m_township->blockSignals(false);
  m_export->setEnabled(true);
  m_model->setResult(std::move(result), std::move(split));
  m_view->header()->setSectionResizeMode(ResultsModel::IssueColumn, QHeaderView::Stretch);
  for (int c :
       {ResultsModel::FeatureColumn, ResultsModel::TownshipColumn, ResultsModel::ValueColumn})
    m_view->header()->setSectionResizeMode(c, QHeaderView::Interactive);
  m_view->setColumnWidth(ResultsModel::FeatureColumn, 120);
  m_view->setColumnWidth(ResultsModel::TownshipColumn, 90);
  m_view->setColumnWidth(ResultsModel::ValueColumn, 190);
  applyFilter();
}

void ResultsDock::setExceptions(const std::vector<core::AcceptedException> &exceptions)
{
  if (!hasResult())
    return;
  auto result = m_model->result();
  auto split =
      std::make_shared<const core::ExceptionSplit>(core::splitExceptions(*result, exceptions));
  m_model->setResult(std::move(result), std::move(split));
  applyFilter();
}

void ResultsDock::applyFilter()
{
  ResultsFilter filter;
  filter.rule = m_rule->currentData().toString();
  filter.severity = m_severity->currentData().toInt();
  filter.township = m_township->currentData().toString();
  filter.search = m_search->text().trimmed().toLower();
  m_model->setFilter(std::move(filter));
  m_view->expandAll();
  updateSummary();
}

void ResultsDock::updateSummary()
{
  if (!hasResult())
    return;
  const std::size_t errors = openErrorCount();
  m_summary->setText(tr("Errors: %1 · warnings: %2 · accepted exceptions: %3 · shown: %4")
                         .arg(errors)
                         .arg(split().open.size() - errors)
                         .arg(split().excepted.size())
                         .arg(visibleCount()));
}

int ResultsDock::visibleCount() const
{
  return int(m_model->visibleLeafCount());
}

void ResultsDock::setSearchText(const QString &text)
{
  m_search->setText(text);
}

void ResultsDock::setRuleFilter(const QString &ruleId)
{
  const int i = m_rule->findData(ruleId);
  m_rule->setCurrentIndex(i < 0 ? 0 : i);
}

bool ResultsDock::selectOpen(std::size_t i)
{
  const QModelIndex index = m_model->indexOfOpen(i);
  if (!index.isValid())
    return false;
  m_view->setCurrentIndex(index);
  m_view->scrollTo(index);
  return true;
}

std::optional<core::Violation> ResultsDock::currentViolation() const
{
  if (const core::Violation *v = m_model->violationAt(m_view->currentIndex()))
    return *v;
  return std::nullopt;
}

void ResultsDock::onCurrentChanged()
{
  const auto leaf = m_model->leafAt(m_view->currentIndex());
  m_why->setEnabled(leaf.has_value());
  m_except->setEnabled(leaf && !leaf->excepted);
  m_unexcept->setEnabled(leaf && leaf->excepted);
  if (const core::Violation *v = m_model->violationAt(m_view->currentIndex()))
    emit violationSelected(*v);
}

} // namespace anzhi::desktop
