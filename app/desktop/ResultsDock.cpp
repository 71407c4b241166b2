#include "app/desktop/ResultsDock.h"

#include "app/desktop/Names.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace anzhi::desktop {

namespace {
constexpr int kKindRole = Qt::UserRole + 1; //!< 0 group, 1 open violation, 2 excepted
constexpr int kIndexRole = Qt::UserRole + 2;
constexpr int kRuleRole = Qt::UserRole + 3;
constexpr int kSeverityRole = Qt::UserRole + 4;
constexpr int kTownshipRole = Qt::UserRole + 5;
constexpr int kSearchRole = Qt::UserRole + 6;

QString measureOf(const core::Violation &v)
{
  QLocale l;
  if (v.areaM2)
    return Names::area(*v.areaM2);
  if (v.distanceM)
    return Names::metres(*v.distanceM);
  if (v.shortfallSeats)
    return ResultsDock::tr("%1 seats short").arg(l.toString(qlonglong(*v.shortfallSeats)));
  return {};
}
} // namespace

void ResultsFilter::setCriteria(const QString &rule, int severity, const QString &township,
                                const QString &search)
{
  m_rule = rule;
  m_severity = severity;
  m_township = township;
  m_search = search.trimmed().toLower();
  invalidateFilter();
}

bool ResultsFilter::isActive() const
{
  return !m_rule.isEmpty() || m_severity >= 0 || !m_township.isEmpty() || !m_search.isEmpty();
}

bool ResultsFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
  const QModelIndex idx = sourceModel()->index(row, 0, parent);
  const int kind = idx.data(kKindRole).toInt();
  if (kind == 0) // a group: shown through its children, or when empty and nothing filters
    return !isActive() && sourceModel()->rowCount(idx) == 0 && !parent.isValid();
  if (!m_rule.isEmpty() && idx.data(kRuleRole).toString() != m_rule)
    return false;
  if (m_severity >= 0 && idx.data(kSeverityRole).toInt() != m_severity)
    return false;
  if (!m_township.isEmpty() && idx.data(kTownshipRole).toString() != m_township)
    return false;
  if (!m_search.isEmpty() && !idx.data(kSearchRole).toString().contains(m_search))
    return false;
  return true;
}

ResultsDock::ResultsDock(QWidget *parent)
    : QDockWidget(tr("Check results"), parent)
    , m_rule(new QComboBox)
    , m_severity(new QComboBox)
    , m_township(new QComboBox)
    , m_search(new QLineEdit)
    , m_summary(new QLabel)
    , m_view(new QTreeView)
    , m_except(new QPushButton(tr("Accept as exception…")))
    , m_unexcept(new QPushButton(tr("Revoke exception")))
    , m_export(new QPushButton(tr("Export…")))
    , m_coverage(new QToolButton)
    , m_model(new QStandardItemModel(this))
    , m_filter(new ResultsFilter(this))
{
  setObjectName("ResultsDock");
  m_filter->setSourceModel(m_model);
  m_filter->setRecursiveFilteringEnabled(true);
  m_view->setModel(m_filter);
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
  m_except->setEnabled(false);
  m_unexcept->setEnabled(false);
  m_export->setEnabled(false);
  m_summary->setWordWrap(true);

  auto *filters = new QHBoxLayout;
  filters->addWidget(m_rule, 2);
  filters->addWidget(m_severity, 1);
  filters->addWidget(m_township, 1);
  auto *actions = new QHBoxLayout;
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
  connect(m_except, &QPushButton::clicked, this, [this] {
    const QModelIndex idx = m_filter->mapToSource(m_view->currentIndex().siblingAtColumn(0));
    if (idx.data(kKindRole).toInt() == 1)
      emit exceptionRequested(m_split.open[std::size_t(idx.data(kIndexRole).toInt())]);
  });
  connect(m_unexcept, &QPushButton::clicked, this, [this] {
    const QModelIndex idx = m_filter->mapToSource(m_view->currentIndex().siblingAtColumn(0));
    if (idx.data(kKindRole).toInt() == 2)
      emit exceptionRemovalRequested(
          m_split.excepted[std::size_t(idx.data(kIndexRole).toInt())].second.key);
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
  m_result.reset();
  m_split = {};
  m_model->clear();
  m_model->setHorizontalHeaderLabels({tr("Issue"), tr("Feature"), tr("Township"), tr("Value")});
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
  m_except->setEnabled(false);
  m_unexcept->setEnabled(false);
}

void ResultsDock::setRunning(bool running)
{
  if (running)
    m_summary->setText(tr("Checking…"));
}

void ResultsDock::setResult(const core::CheckResult &result,
                            const std::vector<core::AcceptedException> &exceptions)
{
  m_result = result;
  // Filters: the rules and townships of this result.
  m_rule->blockSignals(true);
  m_rule->clear();
  m_rule->addItem(tr("All rules"), QString());
  for (const core::RuleOutcome &r : result.rules)
    m_rule->addItem(Names::rule(r.id), QString::fromStdString(r.id));
  m_rule->blockSignals(false);
  std::set<QString> townships;
  for (const core::Violation &v : result.violations)
    if (v.township)
      townships.insert(QString::fromStdString(*v.township));
  m_township->blockSignals(true);
  m_township->clear();
  m_township->addItem(tr("All townships"), QString());
  for (const QString &t : townships)
    m_township->addItem(t, t);
  m_township->blockSignals(false);
  m_export->setEnabled(true);
  setExceptions(exceptions);
}

void ResultsDock::setExceptions(const std::vector<core::AcceptedException> &exceptions)
{
  if (!m_result)
    return;
  m_split = core::splitExceptions(*m_result, exceptions);
  rebuild();
}

void ResultsDock::rebuild()
{
  const std::string lang = Names::messageLanguage();
  m_model->clear();
  m_model->setHorizontalHeaderLabels({tr("Issue"), tr("Feature"), tr("Township"), tr("Value")});
  std::map<std::string, std::size_t> openByRule;
  for (const core::Violation &v : m_split.open)
    ++openByRule[v.rule];
  std::map<std::string, QStandardItem *> groups;
  std::vector<QList<QStandardItem *>> groupRows;
  QFont bold = m_view->font();
  bold.setBold(true);
  for (const core::RuleOutcome &r : m_result->rules) {
    QString text;
    if (r.skipped && r.reason.rfind("missing layer: ", 0) == 0)
      text = tr("%1 · %2 · skipped (layer missing): %3")
                 .arg(Names::rule(r.id), QString::fromStdString(r.clause), [&] {
                   QStringList names;
                   for (const QString &l :
                        QString::fromStdString(r.reason.substr(15)).split(", ", Qt::SkipEmptyParts))
                     names << Names::layer(l.toStdString());
                   return names.join(tr(", "));
                 }());
    else if (r.skipped && r.reason.find("disabled") != std::string::npos)
      text = tr("%1 · %2 · disabled in the rule set")
                 .arg(Names::rule(r.id), QString::fromStdString(r.clause));
    else if (r.skipped)
      text = tr("%1 · %2 · skipped: %3")
                 .arg(Names::rule(r.id), QString::fromStdString(r.clause),
                      QString::fromStdString(r.reason));
    else
      text =
          tr("%1 · %2 · %3 (%4)")
              .arg(Names::rule(r.id), QString::fromStdString(r.clause), Names::severity(r.severity))
              .arg(openByRule[r.id]);
    auto *group = new QStandardItem(text);
    group->setData(0, kKindRole);
    group->setFont(bold);
    group->setToolTip(QString::fromStdString(r.id));
    if (r.skipped || openByRule[r.id] == 0)
      group->setForeground(QColor(120, 120, 120));
    else
      group->setForeground(r.severity == core::Severity::Error ? QColor(190, 0, 0)
                                                               : QColor(200, 110, 0));
    QList<QStandardItem *> row{group, new QStandardItem, new QStandardItem, new QStandardItem};
    for (auto *item : row)
      item->setData(0, kKindRole);
    // Into the model after their leaves: a row appended under an item that is not yet in the
    // model signals nothing, so thousands of violations cost no per-row view/proxy updates
    // (a national check: hundreds of ms on the UI thread otherwise).
    groupRows.push_back(row);
    groups[r.id] = group;
  }
  const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
  const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
  const QIcon exceptedIcon = style()->standardIcon(QStyle::SP_DialogApplyButton);
  auto leaf = [&](const core::Violation &v, int kind, std::size_t index, const QString &extra) {
    const QString message = QString::fromStdString(v.message(lang));
    const QString code =
        QString::fromStdString(v.feature.code.value_or("#" + std::to_string(v.feature.fid)));
    const QString township = v.township ? QString::fromStdString(*v.township) : QString();
    auto *first = new QStandardItem(extra.isEmpty() ? message : extra + " — " + message);
    first->setToolTip(message);
    QList<QStandardItem *> row{first, new QStandardItem(code), new QStandardItem(township),
                               new QStandardItem(measureOf(v))};
    const QString search =
        (message + " " + code + " " + township + " " + QString::fromStdString(v.rule) + " " +
         QString::fromStdString(v.other && v.other->code ? *v.other->code : ""))
            .toLower();
    for (auto *item : row) {
      item->setData(kind, kKindRole);
      item->setData(int(index), kIndexRole);
      item->setData(QString::fromStdString(v.rule), kRuleRole);
      item->setData(int(v.severity), kSeverityRole);
      item->setData(township, kTownshipRole);
      item->setData(search, kSearchRole);
    }
    first->setIcon(v.severity == core::Severity::Error ? errorIcon : warningIcon);
    return row;
  };
  for (std::size_t i = 0; i < m_split.open.size(); ++i) {
    const core::Violation &v = m_split.open[i];
    auto it = groups.find(v.rule);
    if (it != groups.end())
      it->second->appendRow(leaf(v, 1, i, QString()));
  }
  for (const QList<QStandardItem *> &row : groupRows)
    m_model->appendRow(row);
  if (!m_split.excepted.empty()) {
    auto *group =
        new QStandardItem(tr("Accepted exceptions, not counted (%1)").arg(m_split.excepted.size()));
    group->setData(0, kKindRole);
    group->setFont(bold);
    group->setForeground(QColor(40, 110, 40));
    QList<QStandardItem *> row{group, new QStandardItem, new QStandardItem, new QStandardItem};
    for (auto *item : row)
      item->setData(0, kKindRole);
    for (std::size_t i = 0; i < m_split.excepted.size(); ++i) {
      const auto &[v, e] = m_split.excepted[i];
      QString note = tr("Exception: %1").arg(QString::fromStdString(e.reason));
      if (!e.approvalNo.empty())
        note += tr(" [%1]").arg(QString::fromStdString(e.approvalNo));
      auto leafRow = leaf(v, 2, i, note);
      leafRow[0]->setIcon(exceptedIcon);
      group->appendRow(leafRow);
    }
    m_model->appendRow(row);
  }
  m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_view->header()->setSectionResizeMode(1, QHeaderView::Interactive);
  m_view->header()->setSectionResizeMode(2, QHeaderView::Interactive);
  m_view->header()->setSectionResizeMode(3, QHeaderView::Interactive);
  m_view->setColumnWidth(1, 120);
  m_view->setColumnWidth(2, 90);
  m_view->setColumnWidth(3, 190);
  applyFilter();
  m_view->expandAll();
}

void ResultsDock::applyFilter()
{
  m_filter->setCriteria(m_rule->currentData().toString(), m_severity->currentData().toInt(),
                        m_township->currentData().toString(), m_search->text());
  m_view->expandAll();
  if (!m_result)
    return;
  const std::size_t errors = m_split.openErrorCount();
  m_summary->setText(tr("Errors: %1 · warnings: %2 · accepted exceptions: %3 · shown: %4")
                         .arg(errors)
                         .arg(m_split.open.size() - errors)
                         .arg(m_split.excepted.size())
                         .arg(visibleCount()));
}

int ResultsDock::visibleCount() const
{
  int n = 0;
  for (int g = 0; g < m_filter->rowCount(); ++g) {
    const QModelIndex group = m_filter->index(g, 0);
    n += m_filter->rowCount(group);
  }
  return n;
}

QModelIndex ResultsDock::sourceIndexOfOpen(std::size_t i) const
{
  for (int g = 0; g < m_model->rowCount(); ++g) {
    QStandardItem *group = m_model->item(g);
    for (int r = 0; r < group->rowCount(); ++r) {
      QStandardItem *item = group->child(r);
      if (item->data(kKindRole).toInt() == 1 && item->data(kIndexRole).toInt() == int(i))
        return item->index();
    }
  }
  return {};
}

bool ResultsDock::selectOpen(std::size_t i)
{
  const QModelIndex proxy = m_filter->mapFromSource(sourceIndexOfOpen(i));
  if (!proxy.isValid())
    return false;
  m_view->setCurrentIndex(proxy);
  m_view->scrollTo(proxy);
  return true;
}

std::optional<core::Violation> ResultsDock::currentViolation() const
{
  const QModelIndex idx = m_filter->mapToSource(m_view->currentIndex().siblingAtColumn(0));
  const int kind = idx.data(kKindRole).toInt();
  const std::size_t i = std::size_t(idx.data(kIndexRole).toInt());
  if (kind == 1 && i < m_split.open.size())
    return m_split.open[i];
  if (kind == 2 && i < m_split.excepted.size())
    return m_split.excepted[i].first;
  return std::nullopt;
}

void ResultsDock::onCurrentChanged()
{
  const QModelIndex idx = m_filter->mapToSource(m_view->currentIndex().siblingAtColumn(0));
  const int kind = idx.data(kKindRole).toInt();
  m_except->setEnabled(kind == 1);
  m_unexcept->setEnabled(kind == 2);
  if (auto v = currentViolation())
    emit violationSelected(*v);
}

} // namespace anzhi::desktop
