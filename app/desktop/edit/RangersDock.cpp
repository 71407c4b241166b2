#include "app/desktop/edit/RangersDock.h"

#include "app/desktop/MapCanvas.h"
#include "app/desktop/Names.h"
#include "app/desktop/edit/EditSession.h"
#include "app/render/MuText.h"
#include "core/edit/GeometryEdits.h"
#include "core/rules/RangerChecks.h"
#include "gis/EllipsoidalArea.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numbers>

namespace anzhi::desktop {

namespace {

//! The minimum the rule set gives ranger-area: what the totals are measured against.
double rangerMinMu(const core::RuleSet &rules)
{
  return rules.parameters<core::rules::RangerAreaParameters>("ranger-area").minMu;
}

enum Column
{
  Name,
  Code,
  Site,
  Total,
  Plots,
  Distance,
  Status,
  Columns
};

} // namespace

RangersDock::RangersDock(EditSession &session, MapCanvas *canvas, QWidget *parent)
    : QDockWidget(tr("Rangers"), parent)
    , m_session(session)
    , m_canvas(canvas)
    , m_filter(new QLineEdit)
    , m_table(new QTableWidget(0, Columns))
    , m_reassign(new QPushButton(tr("Reassign selected plot to this ranger")))
    , m_give(new QPushButton(tr("Give to this ranger")))
    , m_mu(new QDoubleSpinBox)
    , m_side(new QComboBox)
{
  setObjectName("rangersDock");
  m_filter->setPlaceholderText(tr("Filter by code or name"));
  m_table->setHorizontalHeaderLabels({tr("Name"), tr("Code"), tr("Site"), tr("Total (mu)"),
                                      tr("Plots"), tr("Distance to plots"), tr("Status")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_mu->setRange(0.01, 1e6);
  m_mu->setDecimals(2);
  m_mu->setValue(500);
  m_mu->setSuffix(tr(" mu"));
  m_side->addItems({tr("west part"), tr("south part"), tr("east part"), tr("north part")});
  auto *panel = new QWidget(this);
  auto *layout = new QVBoxLayout(panel);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_filter);
  layout->addWidget(m_table);
  layout->addWidget(m_reassign);
  auto *give = new QHBoxLayout;
  give->addWidget(new QLabel(tr("Give"), panel));
  give->addWidget(m_mu);
  give->addWidget(new QLabel(tr("of the selected plot's"), panel));
  give->addWidget(m_side);
  give->addWidget(m_give);
  layout->addLayout(give);
  setWidget(panel);

  connect(m_filter, &QLineEdit::textChanged, this, &RangersDock::fill);
  connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
      return;
    const QString code = m_table->item(rows.front().row(), Code)->text();
    m_current = code.toStdString();
    emit rangerChosen(code);
    // Show the ranger's plots on the map.
    auto project = m_session.project();
    std::vector<gis::Geometry> shapes;
    std::optional<gis::Envelope> extent;
    if (project)
      for (const core::FeatureKey &key :
           core::plotsOfRanger(*project, m_session.buffer(), m_current))
        if (auto s = m_session.state(key); s && s->geometry && !gis::isEmpty(s->geometry.get())) {
          gis::Envelope e = gis::envelope(s->geometry.get());
          extent ? extent->expandToInclude(e) : void(extent = e);
          shapes.push_back(gis::clone(s->geometry.get()));
        }
    if (extent)
      m_canvas->zoomToEnvelope(*extent, 500);
    m_canvas->setSelection(std::move(shapes));
  });
  // After a button the keys (M, Delete, Ctrl+Z) belong to the map again.
  connect(m_reassign, &QPushButton::clicked, this, [this] {
    reassignSelectedPlot();
    m_canvas->setFocus();
  });
  connect(m_give, &QPushButton::clicked, this, [this] {
    giveArea(m_mu->value(), m_side->currentIndex());
    m_canvas->setFocus();
  });
}

void RangersDock::reset()
{
  m_totals = {};
  m_touched.clear();
  m_current.clear();
  m_table->setRowCount(0);
  auto project = m_session.project();
  if (!project || !project->hasLayer("rangers")) {
    m_totalsTask.drop(); // the previous project's totals
    setEnabled(false);
    return;
  }
  setEnabled(true);
  // The ranked table is built on the worker too: a national project's 595 k totals took the
  // UI thread about 1.5 s to insert and sort.
  m_totalsTask.start(
      [project] {
        auto totals = std::make_shared<core::RankedRangerTotals>();
        for (core::RangerTotal &t : core::rangerTotals(*project, core::EditBuffer()))
          totals->put(std::move(t));
        return totals;
      },
      [this](std::shared_ptr<core::RankedRangerTotals> totals) {
        m_totals = std::move(*totals);
        refresh(); // edits made while computing
      },
      [this](const QString &message) {
        emit problem(tr("The rangers' totals could not be computed: %1").arg(message));
      });
}

std::set<std::string> RangersDock::touchedCodes() const
{
  std::set<std::string> codes = m_touched;
  auto project = m_session.project();
  for (const auto &[key, slot] : m_session.buffer().changes()) {
    const char *field = key.layer == "ranger_plots" ? "ranger_code"
                        : key.layer == "rangers"    ? "code"
                                                    : nullptr;
    if (!field)
      continue;
    if (slot.kind == core::Slot::Kind::State)
      if (auto c = core::textOf(slot.state->attributes, field))
        codes.insert(*c);
    // The stored feature's ranger loses it.
    if (auto i = core::findFid(*project, key.layer, key.fid))
      if (auto c = core::textOf(core::attributesOf(*project, key.layer, *i), field))
        codes.insert(*c);
  }
  return codes;
}

void RangersDock::refresh()
{
  auto project = m_session.project();
  if (!project || isComputing() || !project->hasLayer("rangers"))
    return;
  std::set<std::string> codes = touchedCodes();
  for (const std::string &code : codes)
    m_totals.erase(code);
  for (core::RangerTotal &t : core::rangerTotals(*project, m_session.buffer(), &codes))
    m_totals.put(std::move(t));
  m_touched = std::move(codes);
  fill();
}

void RangersDock::fill()
{
  const double minMu = rangerMinMu(m_session.rules());
  const QString filter = m_filter->text().trimmed();
  // Lowest totals first, and only as many as are listed: without a filter that is kMaxRows
  // rangers, not the whole project.
  std::vector<const core::RangerTotal *> rows;
  m_totals.forEachLowestFirst([&](const core::RangerTotal &t) {
    if (filter.isEmpty() || QString::fromStdString(t.code).contains(filter, Qt::CaseInsensitive) ||
        QString::fromStdString(t.name.value_or("")).contains(filter, Qt::CaseInsensitive))
      rows.push_back(&t);
    return rows.size() < std::size_t(kMaxRows);
  });
  m_table->blockSignals(true);
  m_table->setRowCount(int(rows.size()));
  int selected = -1;
  for (int r = 0; r < int(rows.size()); ++r) {
    const core::RangerTotal &t = *rows[std::size_t(r)];
    const bool enough = t.plots > 0 && t.mu() >= minMu;
    const QString status = t.plots == 0 ? tr("no plot")
                           : enough     ? tr("OK")
                                        : tr("below %1 mu").arg(minMu);
    const QStringList cells = {QString::fromStdString(t.name.value_or("")),
                               QString::fromStdString(t.code),
                               QString::fromStdString(t.siteCode.value_or("")),
                               render::muText(t.mu(), 2),
                               QString::number(t.plots),
                               t.distanceM ? Names::metres(*t.distanceM) : QString(),
                               status};
    for (int c = 0; c < Columns; ++c) {
      auto *item = new QTableWidgetItem(cells[c]);
      if (c == Total || c == Status)
        item->setForeground(enough ? QColor(0, 130, 0) : QColor(200, 0, 0));
      m_table->setItem(r, c, item);
    }
    if (t.code == m_current)
      selected = r;
  }
  if (selected >= 0)
    m_table->selectRow(selected);
  m_table->blockSignals(false);
}

void RangersDock::setCurrentRanger(const std::string &code)
{
  m_current = code;
  m_filter->setText(QString::fromStdString(code));
  fill();
  emit rangerChosen(QString::fromStdString(code));
}

std::optional<core::RangerTotal> RangersDock::total(const std::string &code) const
{
  if (const core::RangerTotal *t = m_totals.find(code))
    return *t;
  return std::nullopt;
}

std::function<std::pair<QString, QColor>(const GEOSGeometry *)>
RangersDock::liveLabelFor(const std::string &code) const
{
  const EditSession *session = &m_session;
  return [session, code](const GEOSGeometry *drawn) -> std::pair<QString, QColor> {
    auto project = session->project();
    if (code.empty() || !project)
      return {tr("Choose a ranger in the Rangers panel to see the total"), QColor(90, 90, 90)};
    const double mu =
        gis::EllipsoidalArea::toMu(core::rangerAreaM2(*project, session->buffer(), code, drawn));
    const double minMu = rangerMinMu(session->rules());
    return {tr("%1: %2 mu").arg(QString::fromStdString(code), render::muText(mu)),
            mu >= minMu ? QColor(0, 140, 0) : QColor(210, 0, 0)};
  };
}

std::optional<core::FeatureKey> RangersDock::selectedPlot()
{
  std::vector<core::FeatureKey> keys =
      m_selection ? m_selection() : std::vector<core::FeatureKey>{};
  if (keys.size() != 1 || keys.front().layer != "ranger_plots") {
    emit problem(tr("Select one ranger plot on the map (Modify tool, edit layer: ranger plots)."));
    return std::nullopt;
  }
  if (m_current.empty()) {
    emit problem(tr("Choose the ranger in the Rangers table first."));
    return std::nullopt;
  }
  return keys.front();
}

void RangersDock::reassignSelectedPlot()
{
  std::optional<core::FeatureKey> key = selectedPlot();
  if (!key)
    return;
  std::optional<core::FeatureState> s = m_session.state(*key);
  if (!s)
    return;
  s->attributes["ranger_code"] = m_current;
  m_session.apply(tr("Reassign plot to %1").arg(QString::fromStdString(m_current)),
                  {m_session.changeTo(*key, std::move(*s))});
}

void RangersDock::giveArea(double mu, int side)
{
  std::optional<core::FeatureKey> key = selectedPlot();
  if (!key)
    return;
  std::optional<core::FeatureState> s = m_session.state(*key);
  if (!s || !s->geometry)
    return;
  // The part towards `side` is given: a cut perpendicular to the axis pointing away from it.
  const double direction = std::numbers::pi / 2 * side;
  try {
    core::AreaCut cut = core::cutAtArea(s->geometry.get(), m_session.project()->workingCrs,
                                        mu * gis::kSquareMetresPerMu, direction);
    core::FeatureState kept{core::share(std::move(cut.remainder)), s->attributes};
    core::Attributes attributes = s->attributes;
    const std::string base = core::textOf(s->attributes, "code").value_or("plot");
    std::string code;
    for (int n = 2;; ++n) {
      code = base + "-" + std::to_string(n);
      if (!m_session.codeTaken("ranger_plots", code, std::nullopt))
        break;
    }
    attributes["code"] = code;
    attributes["ranger_code"] = m_current;
    core::FeatureKey fresh{"ranger_plots", m_session.newFid()};
    m_session.apply(
        tr("Give %1 mu to %2").arg(mu, 0, 'f', 2).arg(QString::fromStdString(m_current)),
        {m_session.changeTo(*key, std::move(kept)),
         {fresh, core::Slot::deleted(),
          core::Slot::of({core::share(std::move(cut.given)), attributes})}});
  } catch (const std::exception &e) {
    emit problem(tr("Cannot cut the plot: %1").arg(QString::fromStdString(e.what())));
  }
}

} // namespace anzhi::desktop
