#include "app/desktop/edit/EditController.h"

#include "app/desktop/MapCanvas.h"
#include "app/desktop/Names.h"
#include "app/desktop/ProjectSession.h"
#include "app/desktop/edit/AttributeForm.h"
#include "app/desktop/edit/EditHost.h"
#include "app/desktop/edit/EditSession.h"
#include "app/desktop/edit/EditTools.h"
#include "app/desktop/edit/RangersDock.h"
#include "app/desktop/plan/RangerPlanDialog.h"
#include "app/render/GeometryPath.h"
#include "app/render/MapStyle.h"
#include "core/edit/GeometryEdits.h"
#include "gis/GisError.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace anzhi::desktop {

//! What the edit painter draws: edited features and live violations, parsed once per change.
struct EditController::Painted
{
  struct Shape
  {
    std::string layer;
    core::SharedGeometry geometry;
    core::LandUseClass cls = core::LandUseClass::Other;
    std::optional<std::string> landUse;
  };
  std::vector<Shape> edited;
  std::vector<std::pair<gis::Geometry, bool>> violations; //!< location, is a warning
};

namespace {

QPainterPath pathOf(const GEOSGeometry *g, const render::MapTransform &t)
{
  QPainterPath path;
  path.setFillRule(Qt::OddEvenFill);
  render::appendToPath(path, g, t);
  return path;
}

bool isPoint(const GEOSGeometry *g)
{
  return gis::typeId(g) == GEOS_POINT || gis::typeId(g) == GEOS_MULTIPOINT;
}

void drawShape(QPainter &p, const GEOSGeometry *g, const render::MapTransform &t)
{
  if (isPoint(g))
    render::forEachPoint(g, t, [&](QPointF at) { p.drawEllipse(at, 7, 7); });
  else
    p.drawPath(pathOf(g, t));
}

} // namespace

EditController::EditController(QMainWindow *window, EditHost &host)
    : QObject(window)
    , m_window(window)
    , m_host(host)
    , m_session(new EditSession(this))
    , m_snapper(std::make_unique<Snapper>(*m_session))
    , m_draw(std::make_unique<DrawTool>(*m_snapper))
    , m_split(std::make_unique<DrawTool>(*m_snapper))
    , m_modify(std::make_unique<ModifyTool>(*m_session, *m_snapper))
    , m_painted(std::make_shared<Painted>())
    , m_canvas(host.canvas())
{
  m_split->setShape(DrawTool::Shape::Line);
  // Snap to what the map shows now: the editable layers that are visible.
  m_snapper->setLayers([this] {
    std::vector<std::string> layers;
    for (const std::string &name : m_host.canvas()->visibleLayersTopDown())
      if (core::layerSpec(name))
        layers.push_back(name);
    return layers;
  });
  m_draw->onFinished = [this](gis::Geometry g) { onDrawn(std::move(g)); };
  m_split->onFinished = [this](gis::Geometry g) { onSplitLine(std::move(g)); };
  m_modify->onSelectionChanged = [this] { updateActions(); };
  m_modify->onDeleteSelected = [this] { deleteSelected(); };

  m_liveDock = new QDockWidget(tr("Live check"), window);
  m_liveDock->setObjectName("liveCheckDock");
  auto *panel = new QWidget(m_liveDock);
  auto *layout = new QVBoxLayout(panel);
  layout->setContentsMargins(4, 4, 4, 4);
  m_liveStatus = new QLabel(tr("Edit a layer to see its rules re-checked here at once."), panel);
  m_liveStatus->setWordWrap(true);
  m_liveList = new QListWidget(panel);
  m_liveList->setWordWrap(true);
  layout->addWidget(m_liveStatus);
  layout->addWidget(m_liveList);
  m_liveDock->setWidget(panel);
  window->addDockWidget(Qt::RightDockWidgetArea, m_liveDock);
  connect(m_liveList, &QListWidget::currentRowChanged, this, [this](int row) {
    const auto list = openLiveViolations();
    if (row >= 0 && row < int(list.size()))
      m_host.showViolation(list[std::size_t(row)]);
  });

  m_rangers = new RangersDock(*m_session, host.canvas(), window);
  window->addDockWidget(Qt::RightDockWidgetArea, m_rangers);
  window->tabifyDockWidget(m_liveDock, m_rangers);
  m_liveDock->raise();
  m_rangers->setSelectionSource([this] { return m_modify->selection(); });
  connect(m_rangers, &RangersDock::problem, this, &EditController::report);
  connect(m_rangers, &RangersDock::rangerChosen, this, [this](const QString &code) {
    m_draw->liveLabel = m_rangers->liveLabelFor(code.toStdString());
  });

  createActions();
  MapCanvas *canvas = host.canvas();
  canvas->setEditPainter([painted = m_painted, style = render::MapStyle::defaults()](
                             QPainter &p, const render::MapTransform &t) {
    // Unsaved features: their layer's fill under a dashed blue outline.
    for (const auto &shape : painted->edited) {
      QColor fill = shape.layer == "planned_plots" ? style.landUseFill(shape.cls, shape.landUse)
                                                   : QColor(0, 90, 220, 40);
      fill.setAlpha(std::min(fill.alpha(), 170));
      p.setBrush(fill);
      p.setPen(QPen(QColor(0, 90, 220), 2, Qt::DashLine));
      drawShape(p, shape.geometry.get(), t);
    }
    // Live violations: errors hatched red, warnings orange.
    for (const auto &[g, warning] : painted->violations) {
      const QColor c = warning ? style.violationWarning : style.violationError;
      if (isPoint(g.get())) {
        p.setPen(QPen(c, 2));
        p.setBrush(QBrush(c, Qt::BDiagPattern));
        drawShape(p, g.get(), t);
      } else {
        render::drawHatched(p, pathOf(g.get(), t), c, c, Qt::BDiagPattern);
      }
    }
  });
  connect(canvas, &MapCanvas::mapToolChanged, this, [this, canvas] {
    MapTool *tool = canvas->mapTool();
    m_add->setChecked(tool == m_draw.get());
    m_modifyAction->setChecked(tool == m_modify.get());
    m_splitAction->setChecked(tool == m_split.get());
  });
  connect(m_session, &EditSession::editsChanged, this, &EditController::onEditsChanged);
  connect(m_session, &EditSession::liveChanged, this, &EditController::onLiveChanged);
  connect(host.session(), &ProjectSession::exceptionsChanged, this, &EditController::onLiveChanged);
  connect(m_session, &EditSession::saveFailed, this, [this](const QString &message) {
    report(message);
    if (m_dialogs)
      QMessageBox::critical(m_window, tr("Edits not saved"), message);
    updateActions();
  });
  connect(m_layer, &QComboBox::activated, m_host.canvas(), qOverload<>(&QWidget::setFocus));
  connect(m_session, &EditSession::journalFailed, this, &EditController::report);
  connect(m_session, &EditSession::liveCheckFailed, this, &EditController::report);
  connect(m_session, &EditSession::recoveryFailed, this, [this](const QString &error) {
    const QString text =
        tr("The unsaved edits cannot be recovered: %1. The journal file is kept as it is; "
           "edits made now are not journalled until it is moved away.")
            .arg(error);
    report(text);
    if (m_dialogs)
      QMessageBox::warning(m_window, tr("Recover unsaved edits"), text);
  });
  connect(m_session, &EditSession::recovered, this, [this](int edits) {
    m_window->statusBar()->showMessage(tr("Recovered %n unsaved edit(s)", nullptr, edits), 8000);
  });
  connect(m_session, &EditSession::savedAs, this, [this](const QString &path, int written) {
    m_window->statusBar()->showMessage(
        tr("Saved %n edited feature(s) in %1", nullptr, written).arg(QFileInfo(path).fileName()),
        8000);
    m_host.reopenKeepingSession(path);
  });
  connect(m_session, &EditSession::saved, this, [this](int written) {
    m_window->statusBar()->showMessage(tr("Saved %n edited feature(s)", nullptr, written), 8000);
    // Reopen from the file so that the snapshot holds the saved features with their fids;
    // exceptions changed meanwhile are written first, or the reopen would drop them.
    ProjectSession *project = m_host.session();
    const QString path = m_session->path();
    if (project->isDirty()) {
      auto *once = new QObject(this);
      connect(project, &ProjectSession::saved, once, [this, path, once] {
        once->deleteLater();
        m_host.reopenKeepingSession(path);
      });
      project->save();
    } else {
      m_host.reopenKeepingSession(path);
    }
  });
}

EditController::~EditController()
{
  // The window may have deleted the canvas already (children go in creation order).
  if (MapCanvas *canvas = m_canvas.data()) {
    canvas->setMapTool(nullptr);
    canvas->setEditPainter({});
  }
}

void EditController::createActions()
{
  QUndoStack *stack = m_session->undoStack();
  m_undo = stack->createUndoAction(this, tr("&Undo"));
  m_undo->setShortcut(QKeySequence::Undo);
  m_redo = stack->createRedoAction(this, tr("&Redo"));
  m_redo->setShortcut(QKeySequence::Redo);
  auto make = [this](const QString &text, const QKeySequence &key = {}) {
    auto *a = new QAction(text, this);
    if (!key.isEmpty())
      a->setShortcut(key);
    return a;
  };
  m_tools = new QActionGroup(this);
  m_tools->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
  m_add = make(tr("&Add feature"), QKeySequence(Qt::CTRL | Qt::Key_Period));
  m_modifyAction = make(tr("&Modify features"), QKeySequence(Qt::Key_M));
  m_splitAction = make(tr("S&plit polygon"));
  for (QAction *a : {m_add, m_modifyAction, m_splitAction}) {
    a->setCheckable(true);
    m_tools->addAction(a);
  }
  m_add->setToolTip(tr("Click the vertices; double-click or Enter finishes, Backspace removes the "
                       "last vertex, Esc cancels"));
  m_splitAction->setToolTip(tr("Select one polygon, then draw a line across it"));
  m_delete = make(tr("&Delete selected features"));
  m_merge = make(tr("M&erge selected polygons"));
  m_copy = make(tr("&Copy attributes"));
  m_paste = make(tr("&Paste attributes to selected"));
  m_attributes = make(tr("Edit a&ttributes…"));
  m_snap = make(tr("S&napping"));
  m_snap->setCheckable(true);
  m_snap->setChecked(true);
  m_snap->setToolTip(tr("Snap to vertices and edges of visible layers within %1 pixels")
                         .arg(m_snapper->tolerancePixels()));
  m_discard = make(tr("Disca&rd edits…"));

  connect(m_add, &QAction::triggered, this,
          [this](bool on) { on ? startDrawing() : m_host.canvas()->setMapTool(nullptr); });
  connect(m_modifyAction, &QAction::triggered, this,
          [this](bool on) { on ? startModifying() : m_host.canvas()->setMapTool(nullptr); });
  connect(m_splitAction, &QAction::triggered, this,
          [this](bool on) { on ? startSplitting() : m_host.canvas()->setMapTool(nullptr); });
  connect(m_delete, &QAction::triggered, this, &EditController::deleteSelected);
  connect(m_merge, &QAction::triggered, this, &EditController::mergeSelected);
  connect(m_copy, &QAction::triggered, this, &EditController::copyAttributes);
  connect(m_paste, &QAction::triggered, this, &EditController::pasteAttributes);
  connect(m_attributes, &QAction::triggered, this, &EditController::editAttributes);
  connect(m_snap, &QAction::toggled, this, [this](bool on) { m_snapper->setEnabled(on); });
  connect(m_discard, &QAction::triggered, this, [this] {
    if (m_dialogs &&
        QMessageBox::question(m_window, tr("Discard edits"),
                              tr("Discard all %n unsaved edited feature(s)? This cannot be undone.",
                                 nullptr, int(m_session->buffer().size()))) != QMessageBox::Yes)
      return;
    m_session->discard();
  });

  m_layer = new QComboBox;
  m_layer->setToolTip(tr("The layer the edit tools draw into"));
  connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
    const std::string layer = editLayer();
    m_modify->setLayer(layer);
    const core::LayerSpec *spec = core::layerSpec(layer);
    m_draw->setShape(spec && spec->kind == gis::GeometryKind::Point ? DrawTool::Shape::Point
                                                                    : DrawTool::Shape::Polygon);
    m_draw->liveLabel =
        layer == "ranger_plots" ? m_rangers->liveLabelFor(m_rangers->currentRanger()) : nullptr;
    updateActions();
  });

  m_menu = new QMenu(tr("&Edit"), m_window);
  m_menu->addAction(m_undo);
  m_menu->addAction(m_redo);
  m_menu->addSeparator();
  m_menu->addActions({m_add, m_modifyAction, m_splitAction});
  m_menu->addSeparator();
  m_menu->addActions({m_delete, m_merge, m_attributes, m_copy, m_paste});
  m_menu->addSeparator();
  m_menu->addAction(m_snap);
  m_menu->addAction(m_discard);
  m_menu->addSeparator();
  m_menu->addAction(m_liveDock->toggleViewAction());
  m_menu->addAction(m_rangers->toggleViewAction());
  const QList<QAction *> menus = m_window->menuBar()->actions();
  m_window->menuBar()->insertMenu(menus.size() > 1 ? menus[1] : nullptr, m_menu);

  // 护林员, after 编辑: the panel and the reallocation plan.
  auto *rangers = new QMenu(tr("&Rangers"), m_window);
  rangers->addAction(m_rangers->toggleViewAction());
  QAction *plan = rangers->addAction(tr("Generate reallocation plan…"));
  plan->setObjectName("rangerPlanAction");
  connect(plan, &QAction::triggered, this, &EditController::openRangerPlan);
  m_window->menuBar()->insertMenu(menus.size() > 1 ? menus[1] : nullptr, rangers);

  QToolBar *bar = m_window->addToolBar(tr("Edit tool bar"));
  bar->setObjectName("editToolBar");
  bar->addWidget(new QLabel(tr("Edit layer:")));
  bar->addWidget(m_layer);
  bar->addActions(
      {m_undo, m_redo, m_add, m_modifyAction, m_splitAction, m_delete, m_merge, m_snap});
  updateActions();
}

RangerPlanDialog *EditController::openRangerPlan()
{
  if (!m_planDialog) {
    m_planDialog = new RangerPlanDialog(*m_session, m_window);
    m_planDialog->setSelectionSource([this] { return m_modify->selection(); });
  }
  m_planDialog->show();
  m_planDialog->raise();
  return m_planDialog;
}

bool EditController::hasEdits() const
{
  return m_session->hasEdits();
}

void EditController::setEditLayer(const std::string &layer)
{
  const int index = m_layer->findData(QString::fromStdString(layer));
  if (index >= 0)
    m_layer->setCurrentIndex(index);
}

std::string EditController::editLayer() const
{
  return m_layer->currentData().toString().toStdString();
}

void EditController::startDrawing()
{
  if (editLayer().empty())
    return;
  m_host.canvas()->setMapTool(m_draw.get());
}

void EditController::startModifying()
{
  if (editLayer().empty())
    return;
  m_host.canvas()->setMapTool(m_modify.get());
}

void EditController::startSplitting()
{
  if (editLayer().empty())
    return;
  m_host.canvas()->setMapTool(m_split.get());
}

void EditController::onProjectOpened()
{
  // A plan belongs to the project it was made from.
  if (m_planDialog)
    m_planDialog->deleteLater();
  auto project = m_host.session()->project();
  m_host.canvas()->setMapTool(nullptr);
  if (m_form)
    m_form->reject();
  const std::string previous = editLayer();
  m_session->setProject(project, m_host.session()->path(), m_host.rules());
  m_layer->blockSignals(true);
  m_layer->clear();
  for (const core::LayerSpec &spec : core::editableLayers())
    if (project->hasLayer(spec.name))
      m_layer->addItem(Names::layer(spec.name), QString::fromStdString(spec.name));
  m_layer->blockSignals(false);
  const int keep = m_layer->findData(QString::fromStdString(previous));
  const int plots = m_layer->findData(QStringLiteral("planned_plots"));
  m_layer->setCurrentIndex(keep >= 0 ? keep : plots >= 0 ? plots : 0);
  emit m_layer->currentIndexChanged(m_layer->currentIndex());
  m_rangers->reset();

  if (!m_session->hasJournal())
    return;
  bool recover = m_recoverOnOpen;
  if (m_dialogs) {
    const auto answer = QMessageBox::question(
        m_window, tr("Recover unsaved edits"),
        tr("This project has edits that were not saved (the program was closed or stopped "
           "before saving). Recover them? Choose No to discard them."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    recover = answer == QMessageBox::Yes;
    if (!recover)
      m_session->discard();
  }
  if (recover)
    m_session->recover();
}

void EditController::onEditsChanged()
{
  m_painted->edited.clear();
  for (const auto &[key, slot] : m_session->buffer().changes()) {
    if (slot.kind != core::Slot::Kind::State || !slot.state->geometry)
      continue;
    Painted::Shape shape;
    shape.layer = key.layer;
    shape.geometry = slot.state->geometry;
    if (key.layer == "planned_plots" && m_host.rules().landUse) {
      shape.landUse = core::textOf(slot.state->attributes, "land_use");
      shape.cls = m_host.rules().landUse->classify(shape.landUse);
    }
    m_painted->edited.push_back(std::move(shape));
  }
  m_host.canvas()->setHiddenFeatures(
      std::make_shared<const HiddenFeatures>(m_session->hiddenFeatures()));
  m_modify->pruneSelection();
  m_host.canvas()->update();
  m_rangers->refresh();
  updateActions();
  emit dirtyChanged();
}

std::vector<core::Violation> EditController::openLiveViolations() const
{
  return core::withoutAccepted(m_session->live().list(), m_host.session()->exceptions());
}

void EditController::onLiveChanged()
{
  const auto list = openLiveViolations();
  m_painted->violations.clear();
  m_liveList->blockSignals(true);
  m_liveList->clear();
  const std::string lang = Names::messageLanguage();
  for (const core::Violation &v : list) {
    auto *item =
        new QListWidgetItem(Names::rule(v.rule) + ": " + QString::fromStdString(v.message(lang)));
    item->setForeground(v.severity == core::Severity::Error ? QColor(190, 0, 0)
                                                            : QColor(200, 110, 0));
    m_liveList->addItem(item);
    try {
      if (!v.wkt.empty())
        m_painted->violations.emplace_back(gis::fromWkt(v.wkt),
                                           v.severity != core::Severity::Error);
    } catch (const gis::GisError &) {
      // A location that does not parse is listed, not drawn.
    }
  }
  m_liveList->blockSignals(false);
  if (m_session->hasEdits() || !list.empty())
    m_liveStatus->setText(tr("%n violation(s) around the edits (%1 errors); last re-check %2 ms",
                             nullptr, int(list.size()))
                              .arg(core::errorCount(list))
                              .arg(m_session->lastLiveMs(), 0, 'f', 1));
  m_host.canvas()->update();
  m_rangers->refresh();
}

void EditController::onDrawn(gis::Geometry geometry)
{
  const std::string layer = editLayer();
  const core::LayerSpec *spec = core::layerSpec(layer);
  if (!spec)
    return;
  core::FeatureState state;
  state.geometry = core::share(std::move(geometry));
  for (const core::FieldSchema &f : spec->fields)
    state.attributes[f.name] = {};
  if (layer == "ranger_plots" && !m_rangers->currentRanger().empty())
    state.attributes["ranger_code"] = m_rangers->currentRanger();
  openForm({layer, m_session->newFid()}, std::move(state), tr("Add %1").arg(layerNoun()));
}

void EditController::openForm(const core::FeatureKey &key, core::FeatureState state,
                              const QString &editName)
{
  const core::LayerSpec *spec = core::layerSpec(key.layer);
  if (!spec || m_form)
    return;
  auto codeTaken = [this, key](const std::string &code) {
    return m_session->codeTaken(key.layer, code, key);
  };
  m_form = new AttributeForm(*spec, state.attributes, codeTaken, m_window);
  m_form->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_form, &QDialog::finished, this, [this, key, state, editName](int result) {
    AttributeForm *form = m_form;
    m_form = nullptr;
    if (result != QDialog::Accepted)
      return; // a cancelled new feature is not added
    core::FeatureState after{state.geometry, form->values()};
    m_session->apply(editName, {m_session->changeTo(key, std::move(after))});
  });
  m_form->open();
}

void EditController::onSplitLine(gis::Geometry line)
{
  const auto &selection = m_modify->selection();
  if (selection.size() != 1) {
    report(tr("Select exactly one polygon (Modify tool) before drawing the split line."));
    return;
  }
  const core::FeatureKey key = selection.front();
  std::optional<core::FeatureState> s = m_session->state(key);
  if (!s || !s->geometry)
    return;
  try {
    std::vector<gis::Geometry> parts = core::splitPolygon(s->geometry.get(), line.get());
    // The largest part keeps the feature (and its code); the others are new features with
    // the same attributes and a derived code, so codes stay unique.
    std::sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) {
      return gis::planarArea(a.get()) > gis::planarArea(b.get());
    });
    std::vector<core::Change> changes;
    changes.push_back(m_session->changeTo(
        key, core::FeatureState{core::share(std::move(parts[0])), s->attributes}));
    const std::string code = core::textOf(s->attributes, "code").value_or("");
    std::vector<core::FeatureKey> created{key};
    for (std::size_t i = 1; i < parts.size(); ++i) {
      core::Attributes attributes = s->attributes;
      std::string derived;
      for (int n = int(i) + 1;; ++n) {
        derived = code + "-" + std::to_string(n);
        if (!m_session->codeTaken(key.layer, derived, std::nullopt))
          break;
      }
      attributes["code"] = derived;
      core::FeatureKey fresh{key.layer, m_session->newFid()};
      changes.push_back({fresh, core::Slot::deleted(),
                         core::Slot::of({core::share(std::move(parts[i])), attributes})});
      created.push_back(fresh);
    }
    m_session->apply(tr("Split %1").arg(layerNoun()), std::move(changes));
    m_modify->setSelection(created);
    m_host.canvas()->setMapTool(m_modify.get());
  } catch (const std::exception &e) {
    report(tr("Cannot split: %1").arg(QString::fromStdString(e.what())));
  }
}

void EditController::deleteSelected()
{
  std::vector<core::Change> changes;
  for (const core::FeatureKey &key : m_modify->selection())
    changes.push_back(m_session->changeTo(key, std::nullopt));
  if (changes.empty())
    return;
  m_modify->setSelection({});
  m_session->apply(tr("Delete %n feature(s)", nullptr, int(changes.size())), std::move(changes));
}

void EditController::mergeSelected()
{
  const auto selection = m_modify->selection();
  std::vector<core::FeatureState> states;
  std::vector<const GEOSGeometry *> geometries;
  for (const core::FeatureKey &key : selection)
    if (auto s = m_session->state(key); s && s->geometry)
      states.push_back(*s);
  for (const auto &s : states)
    geometries.push_back(s.geometry.get());
  try {
    gis::Geometry merged = core::mergePolygons(geometries, false);
    // The first selected feature keeps its attributes and takes the union; the others go.
    std::vector<core::Change> changes;
    changes.push_back(
        m_session->changeTo(selection.front(), core::FeatureState{core::share(std::move(merged)),
                                                                  states.front().attributes}));
    for (std::size_t i = 1; i < selection.size(); ++i)
      changes.push_back(m_session->changeTo(selection[i], std::nullopt));
    m_session->apply(tr("Merge %n feature(s)", nullptr, int(selection.size())), std::move(changes));
    m_modify->setSelection({selection.front()});
  } catch (const std::exception &e) {
    report(tr("Cannot merge: %1").arg(QString::fromStdString(e.what())));
  }
}

void EditController::copyAttributes()
{
  if (m_modify->selection().empty())
    return;
  if (auto s = m_session->state(m_modify->selection().front())) {
    m_clipboard = s->attributes;
    m_clipboard->erase("code"); // codes stay unique: never pasted
    updateActions();
  }
}

void EditController::pasteAttributes()
{
  if (!m_clipboard)
    return;
  std::vector<core::Change> changes;
  for (const core::FeatureKey &key : m_modify->selection())
    if (auto s = m_session->state(key)) {
      core::Attributes attributes = s->attributes;
      for (const auto &[name, value] : *m_clipboard)
        if (attributes.count(name))
          attributes[name] = value;
      changes.push_back(m_session->changeTo(key, core::FeatureState{s->geometry, attributes}));
    }
  m_session->apply(tr("Paste attributes"), std::move(changes));
}

void EditController::editAttributes()
{
  if (m_modify->selection().size() != 1)
    return;
  const core::FeatureKey key = m_modify->selection().front();
  if (auto s = m_session->state(key))
    openForm(key, *s, tr("Edit attributes of %1").arg(layerNoun()));
}

void EditController::save()
{
  if (!m_session->hasEdits() || m_session->isSaving())
    return;
  if (m_dialogs) {
    const auto live = openLiveViolations();
    const auto counts = m_session->buffer().counts();
    QString text = tr("Save %1 new, %2 changed and %3 deleted feature(s) into the project?")
                       .arg(counts.inserted)
                       .arg(counts.updated)
                       .arg(counts.deleted);
    if (live.size() > 0)
      text += "\n\n" + tr("The live check shows %n violation(s) around your edits (%1 errors). "
                          "You may save a layout with violations and fix them later.",
                          nullptr, int(live.size()))
                           .arg(core::errorCount(live));
    if (QMessageBox::question(m_window, tr("Save edits"), text) != QMessageBox::Yes)
      return;
  }
  m_session->save();
  updateActions();
}

void EditController::saveAs(const QString &path)
{
  if (!m_session->hasEdits() || m_session->isSaving())
    return;
  m_session->saveAs(path, m_host.session()->copyWriter());
  updateActions();
}

bool EditController::confirmClose()
{
  if (!m_session->hasEdits() || !m_dialogs)
    return true;
  const auto answer = QMessageBox::question(
      m_window, tr("Unsaved edits"),
      tr("You have %n unsaved edited feature(s). Discard them? Choose No to keep them: they "
         "are offered for recovery the next time this project opens.",
         nullptr, int(m_session->buffer().size())),
      QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::No);
  if (answer == QMessageBox::Cancel)
    return false;
  if (answer == QMessageBox::Yes)
    m_session->discard();
  return true;
}

void EditController::updateActions()
{
  const bool open = m_session->project() != nullptr && !editLayer().empty();
  const bool saving = m_session->isSaving();
  const auto &selection = m_modify->selection();
  const core::LayerSpec *spec = core::layerSpec(editLayer());
  const bool polygons = spec && spec->kind != gis::GeometryKind::Point;
  for (QAction *a : {m_add, m_modifyAction})
    a->setEnabled(open && !saving);
  m_splitAction->setEnabled(open && !saving && polygons);
  m_delete->setEnabled(!saving && !selection.empty());
  m_merge->setEnabled(!saving && polygons && selection.size() >= 2);
  m_attributes->setEnabled(!saving && selection.size() == 1);
  m_copy->setEnabled(!selection.empty());
  m_paste->setEnabled(!saving && m_clipboard && !selection.empty());
  m_discard->setEnabled(!saving && m_session->hasEdits());
}

void EditController::report(const QString &text)
{
  m_window->statusBar()->showMessage(text, 10000);
  emit problem(text);
}

QString EditController::layerNoun() const
{
  return Names::layer(editLayer());
}

} // namespace anzhi::desktop
