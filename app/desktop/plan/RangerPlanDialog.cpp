#include "app/desktop/plan/RangerPlanDialog.h"

#include "app/desktop/Names.h"
#include "app/desktop/edit/EditSession.h"
#include "app/render/GeometryPath.h"
#include "app/render/MuText.h"
#include "core/edit/RangerTotals.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace anzhi::desktop {

namespace {

//! The phases planRangers reports, in order.
constexpr const char *kPhases[] = {"cells", "reach", "assignment", "contiguity", "plots"};

QString phaseName(int phase)
{
  switch (phase) {
  case 0:
    return RangerPlanDialog::tr("Cutting the forest into cells");
  case 1:
    return RangerPlanDialog::tr("Finding the forest each ranger can reach");
  case 2:
    return RangerPlanDialog::tr("Assigning forest to rangers");
  case 3:
    return RangerPlanDialog::tr("Joining each ranger's land");
  default:
    return RangerPlanDialog::tr("Making the plots");
  }
}

enum Column
{
  Ranger,
  Name,
  Before,
  After,
  Moved,
  Distance,
  Parts,
  Satisfied,
  Locked,
  Columns
};

//! A cell that sorts by a number (Qt::UserRole) rather than by its text.
class NumberItem : public QTableWidgetItem
{
public:
  NumberItem(const QString &text, double value)
      : QTableWidgetItem(text)
  {
    setData(Qt::UserRole, value);
  }
  bool operator<(const QTableWidgetItem &other) const override
  {
    return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
  }
};

const std::set<std::string> kPlanLayers = {"rangers", "ranger_plots", "resettlement_sites",
                                           "forest_land"};
const char *const kRangerErrors[] = {"ranger-area", "ranger-overlap", "ranger-distance"};

} // namespace

//! A small map of ranger plots, each ranger in a colour of its own, the rangers chosen in the
//! table outlined in black. Drawn once into a pixmap per size and data.
class PlanPreview : public QWidget
{
public:
  struct Plot
  {
    std::string rangerCode;
    const GEOSGeometry *geometry;
  };
  PlanPreview(const QString &title, QWidget *parent)
      : QWidget(parent)
      , m_title(title)
  {
    setMinimumSize(220, 220);
  }
  //! `owner` keeps the geometries alive.
  void setPlots(std::vector<Plot> plots, std::shared_ptr<const void> owner,
                std::optional<gis::Envelope> extent)
  {
    m_plots = std::move(plots);
    m_owner = std::move(owner);
    m_extent = extent;
    m_cache = QPixmap();
    update();
  }
  void setHighlighted(std::set<std::string> codes)
  {
    m_highlighted = std::move(codes);
    m_cache = QPixmap();
    update();
  }

protected:
  void paintEvent(QPaintEvent *) override
  {
    if (m_cache.size() != size())
      m_cache = render();
    QPainter(this).drawPixmap(0, 0, m_cache);
  }

private:
  QPixmap render() const
  {
    QPixmap pixmap(size());
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const int titleHeight = fontMetrics().height() + 4;
    p.drawText(QRect(0, 0, width(), titleHeight), Qt::AlignCenter, m_title);
    if (!m_extent)
      return pixmap;
    const QSize mapSize(width(), height() - titleHeight);
    const render::MapTransform t = render::MapTransform::fitting(*m_extent, mapSize, 0.05);
    p.translate(0, titleHeight);
    for (int pass = 0; pass < 2; ++pass)
      for (const Plot &plot : m_plots) {
        const bool highlighted = m_highlighted.count(plot.rangerCode) > 0;
        if (highlighted != (pass == 1)) // highlighted outlines over the others
          continue;
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        render::appendToPath(path, plot.geometry, t);
        const int hue = int(qHash(QString::fromStdString(plot.rangerCode)) % 360);
        p.setBrush(QColor::fromHsv(hue, 110, 235));
        p.setPen(highlighted ? QPen(Qt::black, 2) : QPen(QColor(110, 110, 110), 0.6));
        p.drawPath(path);
      }
    return pixmap;
  }

  QString m_title;
  std::vector<Plot> m_plots;
  std::shared_ptr<const void> m_owner;
  std::optional<gis::Envelope> m_extent;
  std::set<std::string> m_highlighted;
  QPixmap m_cache;
};

// The worker writes the phase and the fraction; the dialog polls them (no calls back into a
// dialog that may be gone).
RangerPlanDialog::Progress::Progress()
    : progress([this](const std::string &step, double fraction) {
      for (int i = 0; i < int(std::size(kPhases)); ++i)
        if (step == kPhases[i])
          phase.store(i);
      permille.store(int(fraction * 1000));
    })
{
}

RangerPlanDialog::RangerPlanDialog(EditSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_parameters(new QLabel)
    , m_bar(new QProgressBar)
    , m_generate(new QPushButton(tr("Generate")))
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_lock(new QPushButton(tr("Lock selected rangers")))
    , m_unlock(new QPushButton(tr("Unlock selected rangers")))
    , m_lockPlots(new QPushButton(tr("Lock plots selected on the map")))
    , m_clearLocks(new QPushButton(tr("Clear locks")))
    , m_apply(new QPushButton(tr("Apply plan")))
    , m_table(new QTableWidget(0, Columns))
    , m_before(new PlanPreview(tr("Before"), this))
    , m_after(new PlanPreview(tr("After"), this))
    , m_status(new QLabel)
    , m_poll(new QTimer(this))
{
  setObjectName("rangerPlanDialog");
  setWindowTitle(tr("Ranger reallocation plan"));
  m_bar->setRange(0, 1000);
  m_bar->setValue(0);
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_table->setHorizontalHeaderLabels({tr("Ranger"), tr("Name"), tr("Before (mu)"), tr("After (mu)"),
                                      tr("Moved (mu)"), tr("Distance"), tr("Parts"),
                                      tr("Satisfied"), tr("Locked")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->setSortingEnabled(true);

  auto *buttons = new QHBoxLayout;
  for (QPushButton *b : {m_generate, m_cancel, m_lock, m_unlock, m_lockPlots, m_clearLocks})
    buttons->addWidget(b);
  buttons->addStretch();
  buttons->addWidget(m_apply);
  auto *maps = new QWidget;
  auto *mapsLayout = new QHBoxLayout(maps);
  mapsLayout->setContentsMargins(0, 0, 0, 0);
  mapsLayout->addWidget(m_before);
  mapsLayout->addWidget(m_after);
  auto *split = new QSplitter(Qt::Vertical);
  split->addWidget(maps);
  split->addWidget(m_table);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_parameters);
  layout->addWidget(m_bar);
  layout->addLayout(buttons);
  layout->addWidget(split, 1);
  layout->addWidget(m_status);
  resize(960, 720);

  const core::plan::RangerPlanOptions o =
      core::plan::RangerPlanOptions::fromRules(m_session.rules());
  m_parameters->setText(tr("Every ranger at least %1 mu of forest within %2 of home, in at most "
                           "%3 part(s); cells of %4.")
                            .arg(o.minMu)
                            .arg(Names::metres(o.maxDistanceM))
                            .arg(o.maxParts)
                            .arg(Names::metres(o.cellM)));

  connect(m_generate, &QPushButton::clicked, this, &RangerPlanDialog::generate);
  connect(m_cancel, &QPushButton::clicked, this, &RangerPlanDialog::cancel);
  connect(m_lock, &QPushButton::clicked, this, [this] { lockSelectedRangers(true); });
  connect(m_unlock, &QPushButton::clicked, this, [this] { lockSelectedRangers(false); });
  connect(m_lockPlots, &QPushButton::clicked, this, &RangerPlanDialog::lockSelectedPlots);
  connect(m_clearLocks, &QPushButton::clicked, this, &RangerPlanDialog::clearLocks);
  connect(m_apply, &QPushButton::clicked, this, &RangerPlanDialog::applyPlan);
  connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
    std::set<std::string> codes;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
      codes.insert(m_table->item(row.row(), Ranger)->text().toStdString());
    m_before->setHighlighted(codes);
    m_after->setHighlighted(codes);
  });
  connect(m_poll, &QTimer::timeout, this, &RangerPlanDialog::pollProgress);
  connect(&m_session, &EditSession::liveChanged, this, &RangerPlanDialog::onLiveChanged);
  // A failed live check emits liveChanged first: the counts it gave miss the plan's edit.
  connect(&m_session, &EditSession::liveCheckFailed, this, [this](const QString &message) {
    if (!m_remaining)
      return;
    m_remaining.reset();
    setStatus(tr("Plan applied as one edit, but the live check failed: %1").arg(message));
  });
  setStatus(tr("Generate a plan; lock rangers or plots and generate again; apply it as one edit "
               "that can be undone."));
  updateButtons();
}

RangerPlanDialog::~RangerPlanDialog()
{
  // The worker holds what it needs (project, progress); it stops at its next poll.
  if (m_progress)
    m_progress->progress.cancel();
}

std::optional<QString> RangerPlanDialog::refusal() const
{
  if (!m_session.project())
    return tr("Open a project first.");
  for (const auto &[key, slot] : m_session.buffer().changes())
    if (kPlanLayers.count(key.layer))
      return tr("Rangers, their plots, sites or forest land have unsaved edits: save or "
                "discard them first (the plan starts from the saved project).");
  return std::nullopt;
}

void RangerPlanDialog::generate()
{
  if (std::optional<QString> why = refusal()) {
    setStatus(*why);
    emit planFinished();
    return;
  }
  core::plan::RangerPlanOptions options =
      core::plan::RangerPlanOptions::fromRules(m_session.rules());
  options.locks = m_locks;
  auto progress = std::make_shared<Progress>();
  m_progress = progress;
  options.progress = &progress->progress;
  m_cancelling = false;
  m_remaining.reset();
  m_plan.reset();
  m_bar->setValue(0);
  setStatus(phaseName(0));
  m_task.start(
      [project = m_session.project(), options, progress] {
        return std::make_shared<core::plan::RangerPlanResult>(
            core::plan::planRangers(*project, options));
      },
      [this](std::shared_ptr<core::plan::RangerPlanResult> plan) {
        m_poll->stop();
        m_plan = std::move(plan);
        m_bar->setValue(1000);
        fillTable();
        showPreview();
        const core::plan::RangerPlanResult &p = *m_plan;
        if (!p.feasible) {
          QStringList set;
          for (const std::string &code : p.hallSet)
            set << QString::fromStdString(code);
          setStatus(tr("No plan exists: rangers %1 ask for %2 mu together but can reach only "
                       "%3 mu of forest.")
                        .arg(set.join(QStringLiteral("、")), render::muText(p.hallDemandMu, 2),
                             render::muText(p.hallSupplyMu, 2)));
        } else {
          setStatus(tr("%1 of %2 rangers satisfied; %3 mu moved between rangers; mean distance "
                       "%4.%5")
                        .arg(p.satisfied())
                        .arg(p.changes.size())
                        .arg(render::muText(p.movedMu(), 2))
                        .arg(Names::metres(p.meanDistanceM()))
                        .arg(p.complete() ? QString()
                                          : tr(" Some rangers stay short or in too many "
                                               "parts (Satisfied: no).")));
        }
        updateButtons();
        emit planFinished();
      },
      [this](const QString &message) {
        m_poll->stop();
        m_bar->setValue(0);
        setStatus(m_cancelling ? tr("Cancelled.") : tr("The plan failed: %1").arg(message));
        fillTable();
        showPreview();
        updateButtons();
        emit planFinished();
      });
  m_poll->start(100);
  updateButtons();
}

void RangerPlanDialog::cancel()
{
  if (!isRunning() || !m_progress)
    return;
  m_cancelling = true;
  m_progress->progress.cancel();
  setStatus(tr("Cancelling…"));
}

void RangerPlanDialog::pollProgress()
{
  if (!m_progress || m_cancelling)
    return;
  m_bar->setValue(m_progress->permille.load());
  setStatus(phaseName(m_progress->phase.load()));
}

void RangerPlanDialog::lockSelectedRangers(bool locked)
{
  for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
    const std::string code = m_table->item(row.row(), Ranger)->text().toStdString();
    if (locked)
      m_locks.rangers.insert(code);
    else
      m_locks.rangers.erase(code);
  }
  fillTable();
  setStatus(tr("%1 ranger(s) and %2 plot(s) locked: generate again to plan around them.")
                .arg(m_locks.rangers.size())
                .arg(m_locks.plotFids.size()));
}

void RangerPlanDialog::lockSelectedPlots()
{
  int added = 0;
  if (m_selection)
    for (const core::FeatureKey &key : m_selection())
      if (key.layer == "ranger_plots" && key.fid > 0)
        added += int(m_locks.plotFids.insert(key.fid).second);
  if (added == 0) {
    setStatus(tr("Select ranger plots on the map first (Modify tool, edit layer: ranger plots)."));
    return;
  }
  setStatus(tr("%1 ranger(s) and %2 plot(s) locked: generate again to plan around them.")
                .arg(m_locks.rangers.size())
                .arg(m_locks.plotFids.size()));
}

void RangerPlanDialog::clearLocks()
{
  m_locks = {};
  fillTable();
  setStatus(tr("No locks."));
}

bool RangerPlanDialog::applyPlan()
{
  if (!m_plan || !m_plan->feasible) {
    setStatus(tr("There is no plan to apply."));
    return false;
  }
  if (std::optional<QString> why = refusal()) {
    setStatus(*why);
    return false;
  }
  auto project = m_session.project();
  // The planned rangers' plots go, but for those the plan keeps (locked); the plan's new plots
  // come in.
  std::set<std::int64_t> kept;
  for (const core::plan::PlannedPlot &plot : m_plan->plots)
    if (plot.keptFid)
      kept.insert(*plot.keptFid);
  std::vector<core::Change> changes;
  for (const core::plan::RangerChange &c : m_plan->changes)
    for (const core::FeatureKey &key :
         core::plotsOfRanger(*project, m_session.buffer(), c.rangerCode))
      if (!kept.count(key.fid))
        changes.push_back(m_session.changeTo(key, std::nullopt));
  for (const core::plan::PlannedPlot &plot : m_plan->plots) {
    if (plot.keptFid)
      continue;
    core::Attributes attributes{{"code", gis::FieldValue(plot.code)},
                                {"ranger_code", gis::FieldValue(plot.rangerCode)}};
    changes.push_back(
        {{"ranger_plots", m_session.newFid()},
         core::Slot::deleted(),
         core::Slot::of({core::share(gis::clone(plot.geometry.get())), std::move(attributes)})});
  }
  m_remaining.reset();
  if (!m_session.apply(tr("Apply ranger reallocation plan"), std::move(changes))) {
    setStatus(tr("The plan cannot be applied while the project is being saved."));
    return false;
  }
  m_awaitingLive = true;
  setStatus(tr("Plan applied as one edit (Undo takes it back); the live check is running…"));
  updateButtons();
  if (!m_session.isChecking())
    onLiveChanged();
  return true;
}

void RangerPlanDialog::onLiveChanged()
{
  if (!m_awaitingLive || m_session.isChecking())
    return;
  m_awaitingLive = false;
  std::map<std::string, int> counts;
  for (const char *rule : kRangerErrors)
    counts[rule] = 0;
  for (const core::Violation &v : m_session.live().list())
    if (v.severity == core::Severity::Error && counts.count(v.rule))
      ++counts[v.rule];
  m_remaining = counts;
  setStatus(tr("Plan applied as one edit (Undo takes it back). The live check finds %1 "
               "ranger-area, %2 ranger-overlap and %3 ranger-distance errors.")
                .arg(counts["ranger-area"])
                .arg(counts["ranger-overlap"])
                .arg(counts["ranger-distance"]));
  updateButtons();
  emit liveConfirmed();
}

void RangerPlanDialog::fillTable()
{
  m_table->setSortingEnabled(false);
  m_table->setRowCount(0);
  if (m_plan) {
    const auto &changes = m_plan->changes;
    m_table->setRowCount(int(changes.size() + m_plan->leftOut.size()));
    int row = 0;
    for (const core::plan::RangerChange &c : changes) {
      const std::vector<QTableWidgetItem *> items = {
          new QTableWidgetItem(QString::fromStdString(c.rangerCode)),
          new QTableWidgetItem(QString::fromStdString(c.name.value_or(""))),
          new NumberItem(render::muText(c.beforeMu, 2), c.beforeMu),
          new NumberItem(render::muText(c.afterMu, 2), c.afterMu),
          new NumberItem(render::muText(c.movedMu, 2), c.movedMu),
          new NumberItem(Names::metres(c.distanceM), c.distanceM),
          new NumberItem(QString::number(c.parts), c.parts),
          new QTableWidgetItem(c.satisfied ? tr("yes") : tr("no")),
          new QTableWidgetItem(m_locks.rangers.count(c.rangerCode) ? tr("locked") : QString())};
      items[Satisfied]->setForeground(c.satisfied ? QColor(0, 130, 0) : QColor(200, 0, 0));
      for (int col = 0; col < Columns; ++col)
        m_table->setItem(row, col, items[std::size_t(col)]);
      ++row;
    }
    // Rangers left out (locked ones among them) keep their plots: listed with why.
    for (const core::plan::LeftOutRanger &out : m_plan->leftOut) {
      m_table->setItem(row, Ranger, new QTableWidgetItem(QString::fromStdString(out.label)));
      m_table->setItem(
          row, Satisfied,
          new QTableWidgetItem(tr("not planned: %1").arg(QString::fromStdString(out.reason))));
      m_table->setItem(
          row, Locked,
          new QTableWidgetItem(m_locks.rangers.count(out.label) ? tr("locked") : QString()));
      ++row;
    }
  }
  m_table->setSortingEnabled(true);
  m_table->resizeColumnsToContents();
}

void RangerPlanDialog::showPreview()
{
  auto project = m_session.project();
  std::optional<gis::Envelope> extent;
  auto include = [&](const GEOSGeometry *g) {
    const gis::Envelope e = gis::envelope(g);
    extent ? extent->expandToInclude(e) : void(extent = e);
  };
  std::vector<PlanPreview::Plot> before, after;
  if (project)
    for (const core::RangerPlot &plot : project->rangerPlots.features)
      if (plot.hasGeometry() && plot.rangerCode) {
        before.push_back({*plot.rangerCode, plot.geometry.get()});
        include(plot.geometry.get());
      }
  if (m_plan)
    for (const core::plan::PlannedPlot &plot : m_plan->plots) {
      after.push_back({plot.rangerCode, plot.geometry.get()});
      include(plot.geometry.get());
    }
  m_before->setPlots(std::move(before), project, extent);
  m_after->setPlots(std::move(after), m_plan, extent);
}

void RangerPlanDialog::setStatus(const QString &text)
{
  m_status->setText(text);
}

QString RangerPlanDialog::statusText() const
{
  return m_status->text();
}

void RangerPlanDialog::updateButtons()
{
  const bool running = isRunning();
  m_generate->setText(m_plan ? tr("Generate again") : tr("Generate"));
  m_generate->setEnabled(!running);
  m_cancel->setEnabled(running);
  for (QPushButton *b : {m_lock, m_unlock, m_lockPlots, m_clearLocks})
    b->setEnabled(!running);
  m_apply->setEnabled(!running && m_plan && m_plan->feasible && !m_awaitingLive);
}

} // namespace anzhi::desktop
