#include "app/desktop/ResultsModel.h"

#include "app/desktop/Names.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QStyle>

#include <map>

namespace anzhi::desktop {

namespace {
constexpr quintptr kGroupRow = 0; //!< internalId of a group row; a leaf's is its group + 1

QString measureOf(const core::Violation &v)
{
  if (v.areaM2)
    return Names::area(*v.areaM2);
  // By road the time is what the rule judged; the straight line is what the map shows.
  if (v.minutes && v.distanceM)
    return ResultsModel::tr("%1 min by road (%2)")
        .arg(QLocale().toString(*v.minutes, 'f', 1), Names::metres(*v.distanceM));
  if (v.distanceM)
    return Names::metres(*v.distanceM);
  // shortfall_seats is shared: seats of a school, beds of an elderly-care facility.
  if (v.shortfallSeats && v.feature.layer == "elderly_care")
    return ResultsModel::tr("%1 beds short").arg(QLocale().toString(qlonglong(*v.shortfallSeats)));
  if (v.shortfallSeats)
    return ResultsModel::tr("%1 seats short").arg(QLocale().toString(qlonglong(*v.shortfallSeats)));
  if (v.value)
    return ResultsModel::tr("mean slope %1°").arg(QLocale().toString(*v.value, 'f', 1));
  return {};
}

QString codeOf(const core::Violation &v)
{
  return QString::fromStdString(v.feature.code.value_or("#" + std::to_string(v.feature.fid)));
}

QString ruleTitle(const core::RuleOutcome &r, const QString &count)
{
  const QString rule = Names::rule(r.id);
  const QString clause = QString::fromStdString(r.clause);
  if (r.skipped && r.reason.rfind("missing layer: ", 0) == 0) {
    QStringList names;
    for (const QString &l :
         QString::fromStdString(r.reason.substr(15)).split(", ", Qt::SkipEmptyParts))
      names << Names::layer(l.toStdString());
    return ResultsModel::tr("%1 · %2 · skipped (layer missing): %3")
        .arg(rule, clause, names.join(ResultsModel::tr(", ")));
  }
  if (r.skipped && r.reason.find("disabled") != std::string::npos)
    return ResultsModel::tr("%1 · %2 · disabled in the rule set").arg(rule, clause);
  if (r.skipped)
    return ResultsModel::tr("%1 · %2 · skipped: %3")
        .arg(rule, clause, QString::fromStdString(r.reason));
  return ResultsModel::tr("%1 · %2 · %3 (%4)")
      .arg(rule, clause, Names::severity(r.severity), count);
}
} // namespace

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_errorIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical))
    , m_warningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
    , m_exceptedIcon(QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton))
{
}

void ResultsModel::setResult(std::shared_ptr<const core::CheckResult> result,
                             std::shared_ptr<const core::ExceptionSplit> split)
{
  beginResetModel();
  m_result = std::move(result);
  m_split = std::move(split);
  m_language = Names::messageLanguage();
  m_searchOpen.clear();
  m_searchExcepted.clear();
  buildGroups();
  applyFilter();
  endResetModel();
}

void ResultsModel::clear()
{
  beginResetModel();
  m_result.reset();
  m_split.reset();
  m_groups.clear();
  m_shownGroups.clear();
  m_searchOpen.clear();
  m_searchExcepted.clear();
  endResetModel();
}

void ResultsModel::setFilter(ResultsFilter filter)
{
  beginResetModel();
  m_filter = std::move(filter);
  applyFilter();
  endResetModel();
}

void ResultsModel::buildGroups()
{
  m_groups.clear();
  if (!m_result || !m_split)
    return;
  std::map<std::string, std::size_t> groupOfRule;
  for (const core::RuleOutcome &r : m_result->rules) {
    groupOfRule[r.id] = m_groups.size();
    Group g;
    g.tooltip = QString::fromStdString(r.id);
    if (r.skipped)
      g.colour = QColor(120, 120, 120);
    else
      g.colour = r.severity == core::Severity::Error ? QColor(190, 0, 0) : QColor(200, 110, 0);
    m_groups.push_back(std::move(g));
  }
  for (std::size_t i = 0; i < m_split->open.size(); ++i) {
    auto it = groupOfRule.find(m_split->open[i].rule);
    if (it != groupOfRule.end())
      m_groups[it->second].leaves.push_back({false, i});
  }
  for (const core::RuleOutcome &r : m_result->rules) {
    Group &g = m_groups[groupOfRule[r.id]];
    g.outcome = &r;
    if (g.leaves.empty())
      g.colour = QColor(120, 120, 120);
  }
  if (!m_split->excepted.empty()) {
    Group g;
    g.colour = QColor(40, 110, 40);
    for (std::size_t i = 0; i < m_split->excepted.size(); ++i)
      g.leaves.push_back({true, i});
    m_groups.push_back(std::move(g));
  }
}

QString ResultsModel::title(const Group &g) const
{
  const QString count = m_filter.isActive()
                            ? tr("%1 of %2").arg(g.shown.size()).arg(g.leaves.size())
                            : QString::number(g.leaves.size());
  return g.outcome ? ruleTitle(*g.outcome, count)
                   : tr("Accepted exceptions, not counted (%1)").arg(count);
}

void ResultsModel::applyFilter()
{
  m_shownGroups.clear();
  for (std::size_t gi = 0; gi < m_groups.size(); ++gi) {
    Group &g = m_groups[gi];
    g.shown.clear();
    for (std::size_t i = 0; i < g.leaves.size(); ++i)
      if (accepts(g.leaves[i]))
        g.shown.push_back(i);
    // A group is shown through its violations; an empty one (a skipped or clean rule) only
    // when nothing filters, so that the list still says which rules ran.
    if (!g.shown.empty() || (g.leaves.empty() && !m_filter.isActive()))
      m_shownGroups.push_back(gi);
  }
}

const core::Violation &ResultsModel::violation(const Leaf &leaf) const
{
  return leaf.excepted ? m_split->excepted[leaf.index].first : m_split->open[leaf.index];
}

bool ResultsModel::accepts(const Leaf &leaf) const
{
  const core::Violation &v = violation(leaf);
  if (!m_filter.rule.isEmpty() && QString::fromStdString(v.rule) != m_filter.rule)
    return false;
  if (m_filter.severity >= 0 && int(v.severity) != m_filter.severity)
    return false;
  if (!m_filter.township.isEmpty() &&
      (!v.township || QString::fromStdString(*v.township) != m_filter.township))
    return false;
  return m_filter.search.isEmpty() || searchText(leaf).contains(m_filter.search);
}

QString ResultsModel::message(const Leaf &leaf) const
{
  return QString::fromStdString(violation(leaf).message(m_language));
}

QString ResultsModel::issueText(const Leaf &leaf) const
{
  if (!leaf.excepted)
    return message(leaf);
  const core::AcceptedException &e = m_split->excepted[leaf.index].second;
  QString note = tr("Exception: %1").arg(QString::fromStdString(e.reason));
  if (!e.approvalNo.empty())
    note += tr(" [%1]").arg(QString::fromStdString(e.approvalNo));
  return note + " — " + message(leaf);
}

const QString &ResultsModel::searchText(const Leaf &leaf) const
{
  std::vector<QString> &cache = leaf.excepted ? m_searchExcepted : m_searchOpen;
  if (cache.empty())
    cache.resize(leaf.excepted ? m_split->excepted.size() : m_split->open.size());
  QString &text = cache[leaf.index];
  if (text.isEmpty()) {
    const core::Violation &v = violation(leaf);
    text = QStringList{issueText(leaf), codeOf(v),
                       v.township ? QString::fromStdString(*v.township) : QString(),
                       QString::fromStdString(v.rule),
                       QString::fromStdString(v.other && v.other->code ? *v.other->code : "")}
               .join(' ')
               .toLower();
  }
  return text;
}

std::size_t ResultsModel::visibleLeafCount() const
{
  std::size_t n = 0;
  for (std::size_t gi : m_shownGroups)
    n += m_groups[gi].shown.size();
  return n;
}

QModelIndex ResultsModel::indexOfOpen(std::size_t i) const
{
  const Leaf want{false, i};
  for (std::size_t gi : m_shownGroups) {
    const Group &g = m_groups[gi];
    for (std::size_t row = 0; row < g.shown.size(); ++row)
      if (g.leaves[g.shown[row]] == want)
        return createIndex(int(row), 0, quintptr(gi + 1));
  }
  return {};
}

std::optional<ResultsModel::Leaf> ResultsModel::leafAt(const QModelIndex &index) const
{
  if (!index.isValid() || index.internalId() == kGroupRow)
    return std::nullopt;
  const Group &g = m_groups[index.internalId() - 1];
  return g.leaves[g.shown[std::size_t(index.row())]];
}

const core::Violation *ResultsModel::violationAt(const QModelIndex &index) const
{
  const auto leaf = leafAt(index);
  return leaf ? &violation(*leaf) : nullptr;
}

QModelIndex ResultsModel::index(int row, int column, const QModelIndex &parent) const
{
  if (row < 0 || column < 0 || column >= ColumnCount)
    return {};
  if (!parent.isValid())
    return std::size_t(row) < m_shownGroups.size() ? createIndex(row, column, kGroupRow)
                                                   : QModelIndex();
  if (parent.internalId() != kGroupRow)
    return {};
  const std::size_t gi = m_shownGroups[std::size_t(parent.row())];
  return std::size_t(row) < m_groups[gi].shown.size() ? createIndex(row, column, quintptr(gi + 1))
                                                      : QModelIndex();
}

QModelIndex ResultsModel::parent(const QModelIndex &child) const
{
  if (!child.isValid() || child.internalId() == kGroupRow)
    return {};
  const std::size_t gi = child.internalId() - 1;
  for (std::size_t row = 0; row < m_shownGroups.size(); ++row)
    if (m_shownGroups[row] == gi)
      return createIndex(int(row), 0, kGroupRow);
  return {};
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
  if (!parent.isValid())
    return int(m_shownGroups.size());
  if (parent.internalId() != kGroupRow || parent.column() != 0)
    return 0;
  return int(m_groups[m_shownGroups[std::size_t(parent.row())]].shown.size());
}

int ResultsModel::columnCount(const QModelIndex &) const
{
  return ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
  if (!index.isValid())
    return {};
  if (index.internalId() == kGroupRow) {
    const Group &g = m_groups[m_shownGroups[std::size_t(index.row())]];
    if (index.column() != IssueColumn)
      return {};
    switch (role) {
    case Qt::DisplayRole:
      return title(g);
    case Qt::ToolTipRole:
      return g.tooltip;
    case Qt::ForegroundRole:
      return g.colour;
    case Qt::FontRole: {
      QFont bold;
      bold.setBold(true);
      return bold;
    }
    default:
      return {};
    }
  }
  const Leaf leaf = *leafAt(index);
  const core::Violation &v = violation(leaf);
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
    case IssueColumn:
      return issueText(leaf);
    case FeatureColumn:
      return codeOf(v);
    case TownshipColumn:
      return v.township ? QString::fromStdString(*v.township) : QString();
    case ValueColumn:
      return measureOf(v);
    default:
      return {};
    }
  }
  if (role == Qt::ToolTipRole && index.column() == IssueColumn)
    return message(leaf);
  if (role == Qt::DecorationRole && index.column() == IssueColumn)
    return leaf.excepted                         ? m_exceptedIcon
           : v.severity == core::Severity::Error ? m_errorIcon
                                                 : m_warningIcon;
  return {};
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return {};
  switch (section) {
  case IssueColumn:
    return tr("Issue");
  case FeatureColumn:
    return tr("Feature");
  case TownshipColumn:
    return tr("Township");
  case ValueColumn:
    return tr("Value");
  default:
    return {};
  }
}

} // namespace anzhi::desktop
