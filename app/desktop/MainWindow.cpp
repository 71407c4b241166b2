#include "app/desktop/MainWindow.h"

#include "app/desktop/AttributesDock.h"
#include "app/desktop/CheckRunner.h"
#include "app/desktop/ExceptionDialog.h"
#include "app/desktop/Exporter.h"
#include "app/desktop/Help.h"
#include "app/desktop/ImportWizard.h"
#include "app/desktop/LayerIcons.h"
#include "app/desktop/LayersDock.h"
#include "app/desktop/Names.h"
#include "app/desktop/ProjectLayers.h"
#include "app/desktop/ProjectSession.h"
#include "app/desktop/ResultsDock.h"
#include "app/desktop/RuleExplanation.h"
#include "app/desktop/StatusText.h"
#include "app/desktop/edit/EditController.h"
#include "app/desktop/edit/EditSession.h"
#include "app/desktop/find/FindDock.h"
#include "app/desktop/stats/StatsDock.h"
#include "app/desktop/table/AttributeTableDock.h"
#include "core/edit/FeatureSchema.h"
#include "gis/Crs.h"
#include "gis/DataFile.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QThreadPool>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace anzhi::desktop {

namespace {
constexpr int kMaxRecent = 8;
}

MainWindow::MainWindow(const QString &language, QWidget *parent)
    : QMainWindow(parent)
    , m_language(language)
    , m_session(new ProjectSession(this))
    , m_checker(new CheckRunner(this))
    , m_canvas(new MapCanvas)
    , m_layers(new LayersDock(this))
    , m_results(new ResultsDock(this))
    , m_attributes(new AttributesDock(this))
    , m_find(new FindDock(this))
    , m_stats(new StatsDock(this))
    , m_lonlatPool(new QThreadPool(this))
{
  m_lonlatPool->setMaxThreadCount(1);
  m_lonlatPool->setExpiryTimeout(-1); // keep the thread, its PROJ context and transform
  setObjectName("MainWindow");
  setCentralWidget(m_canvas);
  addDockWidget(Qt::LeftDockWidgetArea, m_layers);
  addDockWidget(Qt::LeftDockWidgetArea, m_find);
  addDockWidget(Qt::RightDockWidgetArea, m_attributes);
  addDockWidget(Qt::BottomDockWidgetArea, m_results);
  addDockWidget(Qt::BottomDockWidgetArea, m_stats);
  tabifyDockWidget(m_results, m_stats);
  m_results->raise();
  createActions();
  createMenus();
  createToolBar();
  m_edit = new EditController(this, *this);
  connect(this, &MainWindow::projectOpened, m_edit, &EditController::onProjectOpened);
  connect(m_edit, &EditController::dirtyChanged, this, &MainWindow::updateTitle);
  m_tables = new AttributeTableDock(*m_edit->session(), this);
  addDockWidget(Qt::BottomDockWidgetArea, m_tables);
  m_tables->hide();
  m_panels->addAction(m_tables->toggleViewAction());
  connect(m_tables, &AttributeTableDock::selectionEdited, this, &MainWindow::selectFeatures);
  connect(m_tables, &AttributeTableDock::zoomToSelectionRequested, m_canvas,
          &MapCanvas::zoomToSelection);
  connect(m_layers, &LayersDock::attributeTableRequested, this, &MainWindow::openAttributeTable);
  createStatusBar();
  m_results->setCoverageAction(m_coverage);
  resize(1500, 950);
  restoreSettings();
  updateTitle();

  connect(m_session, &ProjectSession::loadingStarted, this, [this](const QString &path) {
    setBusy(true, tr("Opening %1…").arg(QFileInfo(path).fileName()));
  });
  connect(m_session, &ProjectSession::opened, this, &MainWindow::onOpened);
  connect(m_session, &ProjectSession::failed, this,
          [this](const QString &path, const QString &message) {
            m_reopen = SessionView{};
            setBusy(false, QString());
            m_status->setText(tr("Could not open %1").arg(path));
            showMessage(QMessageBox::Critical, tr("Could not open the project"),
                        tr("%1\n\n%2").arg(path, message));
            emit projectFailed(message);
          });
  connect(m_session, &ProjectSession::dirtyChanged, this, [this] { updateTitle(); });
  connect(m_session, &ProjectSession::saved, this,
          [this] { m_status->setText(tr("Saved %1").arg(m_session->path())); });
  connect(m_session, &ProjectSession::saveFailed, this, [this](const QString &message) {
    showMessage(QMessageBox::Warning, tr("Accepted exceptions"), message);
  });
  connect(m_session, &ProjectSession::exceptionsChanged, this, [this] {
    m_results->setExceptions(m_session->exceptions());
    refreshOverlays();
  });

  connect(m_checker, &CheckRunner::started, this, [this] {
    m_results->setRunning(true);
    m_check->setEnabled(false);
    m_cancel->setEnabled(true);
    setBusy(true, tr("Checking…"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
  });
  connect(m_checker, &CheckRunner::progress, this, [this](int percent, const QString &step) {
    m_progress->setValue(percent);
    m_status->setText(tr("Checking: %1").arg(Names::rule(step.toStdString())));
  });
  connect(m_checker, &CheckRunner::finished, this, &MainWindow::onCheckFinished);
  connect(m_checker, &CheckRunner::cancelled, this, [this] {
    setBusy(false, tr("Check cancelled"));
    m_check->setEnabled(true);
    m_cancel->setEnabled(false);
    m_results->clear();
  });
  connect(m_checker, &CheckRunner::failed, this, [this](const QString &message) {
    setBusy(false, tr("Check failed"));
    m_check->setEnabled(true);
    m_cancel->setEnabled(false);
    showMessage(QMessageBox::Critical, tr("Check failed"), message);
  });

  connect(m_find, &FindDock::resultChosen, this, [this](const FindResult &r) {
    auto p = m_session->project();
    if (!p)
      return;
    m_canvas->zoomToEnvelope(r.extent, 300);
    if (r.index) {
      selectFeature(*p, {r.layer, *r.index});
      m_attributes->showFeature(*p, {r.layer, *r.index});
    }
    m_canvas->setFocus();
  });
  connect(m_attributes, &AttributesDock::featureChosen, this, [this](const FeatureHit &hit) {
    if (auto p = m_session->project()) {
      m_attributes->showFeature(*p, hit);
      selectFeature(*p, hit);
    }
  });
  connect(m_layers, &LayersDock::layersChanged, m_canvas, &MapCanvas::setLayers);
  connect(m_layers, &LayersDock::hillshadeToggled, m_canvas, &MapCanvas::setHillshadeVisible);
  connect(m_layers, &LayersDock::basemapToggled, this, [this](int index, bool visible) {
    m_basemaps.at(std::size_t(index)).visible = visible;
    applyBasemaps(false); // the row that changed is in the middle of telling so
  });
  connect(m_layers, &LayersDock::basemapOpacityChosen, this, [this](int index, double opacity) {
    m_basemaps.at(std::size_t(index)).opacity = opacity;
    applyBasemaps();
  });
  connect(m_layers, &LayersDock::basemapRemoveRequested, this, [this](int index) {
    m_basemaps.erase(m_basemaps.begin() + index);
    applyBasemaps();
  });
  connect(m_layers, &LayersDock::zoomToLayerRequested, this, [this](const std::string &layer) {
    if (auto p = m_session->project())
      if (auto e = layerExtent(*p, layer))
        m_canvas->zoomToEnvelope(*e, 100);
    m_canvas->setFocus();
  });
  connect(m_results, &ResultsDock::violationSelected, this, &MainWindow::showViolation);
  connect(m_results, &ResultsDock::exportRequested, this, &MainWindow::exportResults);
  connect(m_results, &ResultsDock::exceptionRequested, this, [this](const core::Violation &v) {
    ExceptionDialog dialog(v, this);
    if (dialog.exec() == QDialog::Accepted) {
      m_session->addException(dialog.exception());
      m_status->setText(tr("Exception recorded; save the project (Ctrl+S) to keep it."));
    }
    m_canvas->setFocus();
  });
  connect(m_results, &ResultsDock::explanationRequested, this, [this](const core::Violation &v) {
    showMessage(QMessageBox::Information, tr("Why?"), ruleExplanation(v, m_rules));
    m_canvas->setFocus();
  });
  connect(m_results, &ResultsDock::exceptionRemovalRequested, this,
          [this](const core::ExceptionKey &key) {
            m_session->removeException(key);
            m_canvas->setFocus();
          });

  connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::updateCursor);
  connect(m_canvas, &MapCanvas::scaleChanged, this, &MainWindow::updateScale);
  connect(m_canvas, &MapCanvas::scaleChanged, m_layers, &LayersDock::setScale);
  connect(m_canvas, &MapCanvas::identifyRequested, this, &MainWindow::identifyAt);
  connect(m_canvas, &MapCanvas::selectRequested, this, &MainWindow::selectIn);
  connect(m_canvas, &MapCanvas::measured, m_measure, &QLabel::setText);
  connect(m_canvas, &MapCanvas::renderFailed, this, [this](const QString &message) {
    m_status->setText(tr("The map could not be drawn: %1").arg(message));
  });
  connect(m_canvas, &MapCanvas::hillshadeFailed, this, [this](const QString &message) {
    m_status->setText(tr("The hillshade could not be drawn: %1").arg(message));
  });
  connect(m_canvas, &MapCanvas::basemapFailed, this, [this](const QString &message) {
    m_status->setText(tr("The basemap could not be drawn: %1").arg(message));
  });
  connect(m_canvas, &MapCanvas::tileServicesUnreachable, this, [this](const QStringList &hosts) {
    m_status->setText(
        tr("Cannot reach the tile service %1: showing the cached tiles").arg(hosts.join(", ")));
  });

  // A project left half-written by a crash is rolled back by the loader (on a pool thread)
  // before it is read: the user is told, in the status bar.
  QPointer<QLabel> status = m_status;
  gis::setRecoveryNotice([status](const std::string &notice) {
    QMetaObject::invokeMethod(qApp, [status, text = QString::fromStdString(notice)] {
      if (status)
        status->setText(MainWindow::tr("Recovered before opening: %1").arg(text));
    });
  });
}

MainWindow::~MainWindow()
{
  // The children outlive this part of the window: what they signal must not reach it.
  m_canvas->disconnect(this);
  gis::setRecoveryNotice(nullptr);
  m_lonlatPool->clear();
  m_lonlatPool->waitForDone();
}

void MainWindow::createActions()
{
  auto make = [this](const QString &text, const QKeySequence &key = {}, const QIcon &icon = {}) {
    auto *a = new QAction(icon, text, this);
    if (!key.isEmpty())
      a->setShortcut(key);
    return a;
  };
  m_open = make(tr("&Open project…"), QKeySequence::Open,
                style()->standardIcon(QStyle::SP_DialogOpenButton));
  m_save =
      make(tr("&Save"), QKeySequence::Save, style()->standardIcon(QStyle::SP_DialogSaveButton));
  m_saveAs = make(tr("Save &as…"), QKeySequence::SaveAs);
  m_import = make(tr("&Import layer…"));
  m_export = make(tr("&Export violations…"));
  m_exportFeatures = make(tr("Export selected &features…"));
  m_exportFeatures->setToolTip(
      tr("The selected features of the current layer (all of it when none is selected) as a "
         "boundary-point TXT or a File Geodatabase"));
  m_quit = make(tr("&Quit"), QKeySequence::Quit);
  m_fullExtent =
      make(tr("&Full extent"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), toolIcon("full"));
  m_zoomIn = make(tr("Zoom &in"), QKeySequence::ZoomIn, toolIcon("zoom-in"));
  m_zoomOut = make(tr("Zoom &out"), QKeySequence::ZoomOut, toolIcon("zoom-out"));
  m_zoomSelection =
      make(tr("Zoom to &selection"), QKeySequence(Qt::CTRL | Qt::Key_J), toolIcon("zoom-sel"));
  m_pan = make(tr("&Pan"), QKeySequence(Qt::Key_P), toolIcon("pan"));
  m_zoomBox = make(tr("&Box zoom"), QKeySequence(Qt::Key_Z), toolIcon("zoom-box"));
  m_identify = make(tr("&Identify"), QKeySequence(Qt::Key_I), toolIcon("identify"));
  m_select = make(tr("Se&lect"), QKeySequence(Qt::Key_S), toolIcon("select"));
  m_measureLine = make(tr("Measure &distance"), QKeySequence(Qt::Key_D), toolIcon("measure-line"));
  m_measureArea = make(tr("Measure &area"), QKeySequence(Qt::Key_A), toolIcon("measure-area"));
  m_coverage = make(tr("&Coverage view"), {}, toolIcon("coverage"));
  m_coverage->setCheckable(true);
  m_coverage->setToolTip(tr("Service radii of schools and clinics; uncovered sites in red"));
  m_showViolations = make(tr("Show &violations on the map"));
  m_showViolations->setCheckable(true);
  m_showViolations->setChecked(true);
  m_showLabels = make(tr("Show &labels"));
  m_showLabels->setCheckable(true);
  m_showLabels->setChecked(true);
  m_check = make(tr("&Run check"), QKeySequence(Qt::Key_F5), toolIcon("check"));
  m_cancel =
      make(tr("&Cancel check"), QKeySequence(Qt::Key_Escape | Qt::SHIFT), toolIcon("cancel"));
  m_cancel->setEnabled(false);
  m_ruleSet = make(tr("Rule &set…"));
  m_builtInRules = make(tr("&Built-in rule set (Shanxi 2020)"));
  m_langZh = make(QStringLiteral("中文（简体）"));
  m_langEn = make(QStringLiteral("English"));
  m_langZh->setCheckable(true);
  m_langEn->setCheckable(true);
  (m_language == "en" ? m_langEn : m_langZh)->setChecked(true);
  auto *languages = new QActionGroup(this);
  languages->addAction(m_langZh);
  languages->addAction(m_langEn);
  m_about = make(tr("&About Anzhi"));

  m_tools = new QActionGroup(this);
  m_tools->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
  for (auto [a, tool] : mapToolActions()) {
    a->setCheckable(true);
    m_tools->addAction(a);
  }
  m_pan->setChecked(true);
  m_canvas->setTool(MapCanvas::Tool::Pan);

  connect(m_open, &QAction::triggered, this, [this] {
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"),
                                                      settings.value("lastDirectory").toString(),
                                                      tr("Anzhi project (*.gpkg);;All files (*)"));
    if (!path.isEmpty()) {
      settings.setValue("lastDirectory", QFileInfo(path).absolutePath());
      openProject(path);
    }
  });
  // Edits first (the controller then writes the exceptions too), else the exceptions alone.
  connect(m_save, &QAction::triggered, this,
          [this] { m_edit->hasEdits() ? m_edit->save() : m_session->save(); });
  connect(m_saveAs, &QAction::triggered, this, [this] {
    if (m_session->path().isEmpty())
      return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save project as"),
                                                      QFileInfo(m_session->path()).absolutePath(),
                                                      tr("Anzhi project (*.gpkg)"));
    if (!path.isEmpty() &&
        QFileInfo(path).absoluteFilePath() != QFileInfo(m_session->path()).absoluteFilePath()) {
      // With unsaved edits the copy gets them too (and the original stays as last saved).
      if (m_edit->hasEdits())
        m_edit->saveAs(path);
      else
        m_session->saveAs(path, m_rules);
      addRecent(path);
    }
  });
  connect(m_import, &QAction::triggered, this, &MainWindow::importLayer);
  connect(m_export, &QAction::triggered, this, &MainWindow::exportResults);
  connect(m_exportFeatures, &QAction::triggered, this, &MainWindow::exportFeaturesDialog);
  connect(m_quit, &QAction::triggered, this, &QWidget::close);
  connect(m_fullExtent, &QAction::triggered, m_canvas, &MapCanvas::zoomToFullExtent);
  connect(m_zoomIn, &QAction::triggered, this, [this] { m_canvas->zoomBy(2.0); });
  connect(m_zoomOut, &QAction::triggered, this, [this] { m_canvas->zoomBy(0.5); });
  connect(m_zoomSelection, &QAction::triggered, m_canvas, &MapCanvas::zoomToSelection);
  for (auto [action, tool] : mapToolActions())
    connect(action, &QAction::triggered, this, [this, tool = tool] {
      m_canvas->setTool(tool);
      syncToolButtons();
      m_canvas->setFocus();
    });
  // An edit tool and a map tool are never shown pressed together.
  connect(m_canvas, &MapCanvas::mapToolChanged, this, &MainWindow::syncToolButtons);
  connect(m_coverage, &QAction::toggled, this, &MainWindow::updateCoverage);
  connect(m_showViolations, &QAction::toggled, this, &MainWindow::refreshOverlays);
  connect(m_showLabels, &QAction::toggled, m_canvas, &MapCanvas::setLabelsVisible);
  connect(m_check, &QAction::triggered, this, &MainWindow::runCheck);
  connect(m_cancel, &QAction::triggered, this, &MainWindow::cancelCheck);
  connect(m_ruleSet, &QAction::triggered, this, &MainWindow::chooseRuleSet);
  connect(m_builtInRules, &QAction::triggered, this, &MainWindow::useBuiltInRules);
  connect(m_langZh, &QAction::triggered, this, [this] { setLanguage("zh_CN"); });
  connect(m_langEn, &QAction::triggered, this, [this] { setLanguage("en"); });
  connect(m_about, &QAction::triggered, this, [this] {
    QMessageBox::about(
        this, tr("About Anzhi"),
        tr("<h3>Anzhi (安置) %1</h3><p>Checks poverty-alleviation resettlement sites against "
           "晋脱贫攻坚组〔2020〕12号: protected land, school and clinic coverage, seats, "
           "ecological forest rangers, demolition and reclamation.</p>"
           "<p>Qt %2 · GDAL · PROJ · GEOS</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
  });
}

void MainWindow::createMenus()
{
  QMenu *file = menuBar()->addMenu(tr("&File"));
  file->addAction(m_open);
  m_recentMenu = file->addMenu(tr("&Recent projects"));
  file->addAction(m_save);
  file->addAction(m_saveAs);
  file->addSeparator();
  file->addAction(m_import);
  file->addAction(m_export);
  file->addAction(m_exportFeatures);
  file->addSeparator();
  file->addAction(m_quit);

  QMenu *view = menuBar()->addMenu(tr("&View"));
  view->addAction(m_fullExtent);
  view->addAction(m_zoomIn);
  view->addAction(m_zoomOut);
  view->addAction(m_zoomSelection);
  view->addSeparator();
  view->addActions(m_tools->actions());
  view->addSeparator();
  view->addAction(m_coverage);
  view->addAction(m_showViolations);
  view->addAction(m_showLabels);
  view->addSeparator();
  auto *find = view->addAction(tr("&Find…"));
  find->setShortcut(QKeySequence::Find);
  connect(find, &QAction::triggered, m_find, &FindDock::focusSearch);
  auto *table = view->addAction(tr("Open &attribute table"));
  table->setShortcut(QKeySequence(Qt::Key_F6));
  connect(table, &QAction::triggered, this, [this] {
    const std::string layer = featuresToExport().first;
    if (layer.empty())
      m_status->setText(tr("Choose a layer in the Layers panel to open its attribute table."));
    else
      openAttributeTable(layer);
  });
  QMenu *docks = view->addMenu(tr("&Panels"));
  docks->addAction(m_layers->toggleViewAction());
  docks->addAction(m_results->toggleViewAction());
  docks->addAction(m_attributes->toggleViewAction());
  docks->addAction(m_find->toggleViewAction());
  docks->addAction(m_stats->toggleViewAction());
  auto *statistics = view->addAction(tr("&Statistics"));
  connect(statistics, &QAction::triggered, this, [this] {
    m_stats->show();
    m_stats->raise();
  });
  m_panels = docks;
  QMenu *language = view->addMenu(tr("&Language"));
  language->addAction(m_langZh);
  language->addAction(m_langEn);

  QMenu *layers = menuBar()->addMenu(tr("&Layers"));
  QMenu *basemap = layers->addMenu(tr("Add &basemap"));
  connect(basemap->addAction(tr("&Local imagery (GeoTIFF)…")), &QAction::triggered, this,
          &MainWindow::addLocalImagery);
  connect(basemap->addAction(tr("&Tile service…")), &QAction::triggered, this,
          &MainWindow::addTileService);

  QMenu *check = menuBar()->addMenu(tr("&Check"));
  check->addAction(m_check);
  check->addAction(m_cancel);
  check->addSeparator();
  check->addAction(m_ruleSet);
  check->addAction(m_builtInRules);
  check->addSeparator();
  check->addAction(m_export);

  QMenu *help = menuBar()->addMenu(tr("&Help"));
  auto *manual = help->addAction(tr("User &manual"));
  manual->setShortcut(QKeySequence::HelpContents);
  connect(manual, &QAction::triggered, this, [this] { showManual(this, m_language); });
  connect(help->addAction(tr("&Keyboard shortcuts")), &QAction::triggered, this,
          [this] { showShortcuts(this); });
  help->addSeparator();
  help->addAction(m_about);
}

void MainWindow::createToolBar()
{
  QToolBar *bar = addToolBar(tr("Main tool bar"));
  bar->setObjectName("MainToolBar");
  bar->setIconSize(QSize(24, 24));
  bar->addAction(m_open);
  bar->addAction(m_save);
  bar->addSeparator();
  bar->addAction(m_fullExtent);
  bar->addAction(m_zoomIn);
  bar->addAction(m_zoomOut);
  bar->addAction(m_zoomSelection);
  bar->addSeparator();
  bar->addActions(m_tools->actions());
  bar->addSeparator();
  bar->addAction(m_coverage);
  bar->addSeparator();
  bar->addAction(m_check);
  bar->addAction(m_cancel);
  if (auto *b = qobject_cast<QToolButton *>(bar->widgetForAction(m_check)))
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void MainWindow::createStatusBar()
{
  m_status = new StatusText;
  m_measure = new QLabel;
  m_coords = new QLabel;
  m_lonlat = new QLabel;
  m_scale = new QLineEdit;
  m_crs = new QLabel;
  m_progress = new QProgressBar;
  m_cancelButton = new QToolButton;
  m_cancelButton->setDefaultAction(m_cancel);
  m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_progress->setMaximumWidth(180);
  m_progress->hide();
  m_cancelButton->hide();
  m_coords->setMinimumWidth(210);
  m_status->setObjectName("statusText");
  m_coords->setObjectName("cursorCoordinates");
  m_lonlat->setMinimumWidth(190);
  m_scale->setMinimumWidth(110);
  m_scale->setMaximumWidth(140);
  m_scale->setToolTip(tr("Map scale; type e.g. 1:10000 and press Enter"));
  m_coords->setToolTip(tr("Cursor position in the working CRS (metres)"));
  m_lonlat->setToolTip(tr("Cursor position in longitude and latitude (CGCS2000)"));
  statusBar()->addWidget(m_status, 1);
  statusBar()->addWidget(m_measure);
  statusBar()->addPermanentWidget(m_progress);
  statusBar()->addPermanentWidget(m_cancelButton);
  statusBar()->addPermanentWidget(m_coords);
  statusBar()->addPermanentWidget(m_lonlat);
  statusBar()->addPermanentWidget(new QLabel(tr("Scale")));
  statusBar()->addPermanentWidget(m_scale);
  statusBar()->addPermanentWidget(m_crs);
  connect(m_scale, &QLineEdit::editingFinished, this, [this] {
    QString text = m_scale->text().trimmed().remove(',').remove(' ');
    if (text.contains(':'))
      text = text.section(':', 1);
    bool ok = false;
    const double n = text.toDouble(&ok);
    if (ok && n >= 1)
      m_canvas->setScaleDenominator(n);
    else
      updateScale(m_canvas->scaleDenominator());
  });
}

void MainWindow::restoreSettings()
{
  QSettings settings;
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
  m_recent = settings.value("recentProjects").toStringList();
  updateRecentMenu();
  m_basemaps = loadBasemaps(settings);
  m_layers->setBasemaps(m_basemaps);
  m_rulesPath = settings.value("ruleSet").toString();
  if (!m_rulesPath.isEmpty()) {
    try {
      // A small local file read once at start-up, before any project is opened.
      m_rules = core::RuleSet::fromFile(m_rulesPath.toStdString());
    } catch (const std::exception &e) {
      m_rulesPath.clear();
      m_rules = core::RuleSet::defaults();
    }
  }
}

void MainWindow::closeEvent(QCloseEvent *e)
{
  if (!m_edit->confirmClose()) {
    e->ignore();
    return;
  }
  if (m_session->isDirty() && m_session->isReadOnly()) {
    const auto answer = QMessageBox::question(
        this, tr("Unsaved exceptions"),
        tr("The project is read-only, so the changed accepted exceptions cannot be saved in it. "
           "Discard them, or cancel and use Save as… to keep them in a copy?"),
        QMessageBox::Discard | QMessageBox::Cancel);
    if (answer != QMessageBox::Discard) {
      e->ignore();
      return;
    }
  } else if (m_session->isDirty()) {
    const auto answer = QMessageBox::question(
        this, tr("Unsaved exceptions"),
        tr("Accepted exceptions have changed. Save them in the project before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) {
      e->ignore();
      return;
    }
    if (answer == QMessageBox::Save) {
      // Closing: this one write may block briefly, on purpose, so nothing is lost.
      try {
        core::saveExceptions(m_session->path().toStdString(), m_session->exceptions());
      } catch (const std::exception &ex) {
        QMessageBox::critical(this, tr("Could not save"), QString::fromStdString(ex.what()));
        e->ignore();
        return;
      }
    }
  }
  m_checker->cancel();
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  e->accept();
}

void MainWindow::updateRecentMenu()
{
  if (!m_recentMenu)
    return;
  m_recentMenu->clear();
  for (const QString &path : m_recent) {
    QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName());
    a->setToolTip(path);
    a->setStatusTip(path);
    connect(a, &QAction::triggered, this, [this, path] { openProject(path); });
  }
  m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void MainWindow::addRecent(const QString &path)
{
  const QString abs = QFileInfo(path).absoluteFilePath();
  m_recent.removeAll(abs);
  m_recent.prepend(abs);
  while (m_recent.size() > kMaxRecent)
    m_recent.removeLast();
  QSettings().setValue("recentProjects", m_recent);
  updateRecentMenu();
}

void MainWindow::updateTitle()
{
  const bool dirty = m_session->isDirty() || (m_edit && m_edit->hasEdits());
  QString title = tr("Anzhi");
  if (!m_session->path().isEmpty())
    title = QStringLiteral("%1%2%3 — %4")
                .arg(QFileInfo(m_session->path()).fileName(), dirty ? "*" : "",
                     m_session->isReadOnly() ? " " + tr("[read-only]") : QString(), title);
  setWindowTitle(title);
  // A read-only project cannot take exceptions or edits: Save is off, Save as… stays.
  m_save->setEnabled(dirty && !m_session->isReadOnly());
}

void MainWindow::setBusy(bool busy, const QString &text)
{
  m_progress->setVisible(busy);
  m_cancelButton->setVisible(busy && m_checker->isRunning());
  if (busy)
    m_progress->setRange(0, 0); // a busy indicator until a percentage arrives
  if (!text.isNull())
    m_status->setText(text);
}

void MainWindow::showMessage(int icon, const QString &title, const QString &text)
{
  // Never modal: the UI stays usable (and scripted runs never hang on a dialog).
  auto *box = new QMessageBox(QMessageBox::Icon(icon), title, text, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setModal(false);
  box->show();
}

void MainWindow::importLayer()
{
  QString project = m_session->path();
  if (project.isEmpty()) {
    QSettings settings;
    project = QFileDialog::getSaveFileName(
        this, tr("Import into project"), settings.value("lastDirectory").toString(),
        tr("Anzhi project (*.gpkg)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (project.isEmpty())
      return;
    if (QFileInfo(project).suffix().isEmpty())
      project += ".gpkg";
  } else if (m_session->isDirty()) {
    // The project is reopened after the import: unsaved exceptions would be lost.
    showMessage(QMessageBox::Warning, tr("Import layer"),
                tr("Save the project first (Ctrl+S): it is reopened after the import."));
    return;
  }
  auto *wizard = new ImportWizard(project, this);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  connect(wizard, &ImportWizard::imported, this, [this, project](bool ok) {
    if (ok)
      openProject(project);
  });
  wizard->show();
}

void MainWindow::openProject(const QString &path)
{
  openProject(path, SessionView{});
}

void MainWindow::openProject(const QString &path, SessionView view)
{
  m_checker->cancel();
  m_reopen = std::move(view);
  m_session->open(path, m_rules);
}

void MainWindow::reopenKeepingSession(const QString &path)
{
  openProject(path, sessionView());
}

SessionView MainWindow::sessionView() const
{
  SessionView view;
  if (m_session->project())
    view.extent = m_canvas->visibleExtent();
  view.selected = m_selected;
  view.check = m_results->hasResult() || m_checker->isRunning();
  return view;
}

QStringList MainWindow::restartArguments(const QString &language) const
{
  QStringList args{"--lang", language};
  if (m_session->path().isEmpty())
    return args;
  const SessionView view = sessionView();
  if (view.extent)
    args << "--extent"
         << QStringLiteral("%1,%2,%3,%4")
                .arg(view.extent->minX, 0, 'f', 3)
                .arg(view.extent->minY, 0, 'f', 3)
                .arg(view.extent->maxX, 0, 'f', 3)
                .arg(view.extent->maxY, 0, 'f', 3);
  QStringList selected;
  for (const auto &[layer, fid] : view.selected)
    selected << QString::fromStdString(layer) + ":" + QString::number(fid);
  if (!selected.isEmpty())
    args << "--select" << selected.join(',');
  if (view.check)
    args << "--check";
  return args << m_session->path();
}

void MainWindow::restoreSelection(const core::Project &project,
                                  const std::vector<std::pair<std::string, std::int64_t>> &selected)
{
  std::vector<gis::Geometry> geometries;
  bool shown = false;
  for (const auto &[layer, fid] : selected) {
    auto index = core::findFid(project, layer, fid);
    if (!index)
      continue;
    m_selected.emplace_back(layer, fid);
    if (const GEOSGeometry *g = geometryOf(project, {layer, *index}))
      geometries.push_back(gis::clone(g));
    if (!shown)
      m_attributes->showFeature(project, {layer, *index});
    shown = true;
  }
  m_canvas->setSelection(std::move(geometries));
  selectionShown();
}

void MainWindow::selectionShown()
{
  m_tables->showSelection(m_selected);
}

void MainWindow::selectFeatures(const std::string &layer, const std::vector<std::int64_t> &fids)
{
  auto project = m_session->project();
  if (!project)
    return;
  const EditSession &edits = *m_edit->session();
  m_selected.clear();
  std::vector<gis::Geometry> geometries;
  for (std::int64_t fid : fids) {
    m_selected.emplace_back(layer, fid);
    const core::FeatureKey key{layer, fid};
    if (edits.buffer().changes().count(key)) {
      if (auto state = edits.state(key); state && state->geometry)
        geometries.push_back(gis::clone(state->geometry.get()));
    } else if (auto index = core::findFid(*project, layer, fid)) {
      if (const GEOSGeometry *g = geometryOf(*project, {layer, *index}))
        geometries.push_back(gis::clone(g));
      if (fids.size() == 1)
        m_attributes->showFeature(*project, {layer, *index});
    }
  }
  m_canvas->setSelection(std::move(geometries));
  selectionShown();
  m_status->setText(tr("%n feature(s) selected", nullptr, int(fids.size())));
}

void MainWindow::openAttributeTable(const std::string &layer)
{
  if (!m_session->project() || !m_session->project()->hasLayer(layer)) {
    m_status->setText(tr("Open a project with this layer first."));
    return;
  }
  m_tables->open(layer);
}

void MainWindow::onOpened()
{
  setBusy(false, QString());
  auto project = m_session->project();
  addRecent(m_session->path());
  updateTitle();
  m_results->clear();
  m_attributes->clear();
  m_selected.clear();
  m_canvas->setProject(project);
  const SessionView keep = std::exchange(m_reopen, SessionView{});
  if (keep.extent)
    m_canvas->showExtent(*keep.extent);
  restoreSelection(*project, keep.selected);
  m_layers->setProject(project, m_canvas->layers());
  m_layers->setScale(m_canvas->scaleDenominator());
  m_find->setProject(project);
  m_stats->setProject(project, m_rules);
  const auto hillshade = m_session->hillshade();
  m_canvas->setHillshade(hillshade);
  m_layers->setHillshade(hillshade ? std::optional(m_canvas->hillshadeVisible()) : std::nullopt,
                         hillshade ? QString::fromStdString(hillshade->openString()) : QString());
  applyBasemaps();
  m_crs->setText(QString::fromStdString(project->workingCrs.authId()));
  m_crs->setToolTip(QString::fromStdString(project->workingCrs.name()));
  std::size_t features = 0;
  for (const std::string &name : core::Project::canonicalLayers())
    features += featureCount(*project, name);
  m_status->setText(
      tr("Opened %1: %2 features").arg(QFileInfo(m_session->path()).fileName()).arg(features));
  m_problems.clear();
  for (const core::LayerProblem &p : project->problems)
    m_problems +=
        (p.layer.empty() ? tr("Project")
                         : Names::layer(p.layer) + " (" + QString::fromStdString(p.layer) + ")") +
        ": " + QString::fromStdString(p.message) + "\n";
  if (!m_problems.isEmpty()) {
    m_status->setText(tr("Opened with problems: some layers could not be loaded"));
    showMessage(QMessageBox::Warning, tr("Some layers could not be loaded"),
                tr("These layers were left out; the rest of the project is open. Rules that "
                   "need them will be skipped.\n\n%1")
                    .arg(m_problems.trimmed()));
  }
  if (m_session->isReadOnly()) {
    m_status->setText(tr("Opened read-only: %1").arg(QFileInfo(m_session->path()).fileName()));
    showMessage(QMessageBox::Information, tr("Read-only project"),
                tr("%1 is read-only (no write permission on the file or its folder). It is "
                   "open for viewing and checking; accepted exceptions cannot be saved in it — "
                   "use Save as… to keep them in a copy.")
                    .arg(m_session->path()));
  }
  m_check->setEnabled(true);
  const gis::Envelope view = m_canvas->visibleExtent();
  updateCursor(view.centerX(), view.centerY());
  updateScale(m_canvas->scaleDenominator());
  if (m_coverage->isChecked())
    updateCoverage();
  if (keep.check)
    runCheck();
  emit projectOpened();
}

void MainWindow::runCheck()
{
  auto project = m_session->project();
  if (!project || m_session->isLoading())
    return;
  m_checker->start(project, m_rules, m_session->exceptions());
}

void MainWindow::cancelCheck()
{
  m_checker->cancel();
}

void MainWindow::onCheckFinished(const FinishedCheck &check)
{
  m_check->setEnabled(true);
  m_cancel->setEnabled(false);
  m_results->setResult(check.result, check.split);
  const auto sameKeys = [](const std::vector<core::AcceptedException> &a,
                           const std::vector<core::AcceptedException> &b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const auto &x, const auto &y) { return x.key == y.key; });
  };
  if (!sameKeys(check.exceptions, m_session->exceptions())) // changed while it ran
    m_results->setExceptions(m_session->exceptions());
  m_results->show();
  m_results->raise();
  setBusy(false, tr("Check done in %1 s: %2 errors, %3 warnings, %4 accepted exceptions")
                     .arg(check.result->checkSeconds, 0, 'f', 2)
                     .arg(m_results->openErrorCount())
                     .arg(m_results->split().open.size() - m_results->openErrorCount())
                     .arg(m_results->split().excepted.size()));
  refreshOverlays();
  updateCoverage();
  emit checkFinished();
}

void MainWindow::refreshOverlays()
{
  if (!m_results->hasResult() || !m_showViolations->isChecked()) {
    m_canvas->setViolations(nullptr);
    return;
  }
  // Parsing every violation's WKT is work: done on a worker, delivered to the UI thread.
  // The open violations are shared with the worker, not copied (a national check has
  // thousands, with their WKT: copying them on the UI thread cost tens of ms).
  std::shared_ptr<const core::ExceptionSplit> split = m_results->sharedSplit();
  m_overlayTask.start([split] { return render::ViolationOverlay::fromViolations(split->open); },
                      [this](std::shared_ptr<const render::ViolationOverlay> overlay) {
                        if (m_results->hasResult() && m_showViolations->isChecked())
                          m_canvas->setViolations(std::move(overlay));
                      },
                      [this](const QString &message) {
                        m_status->setText(tr("The violations could not be drawn: %1").arg(message));
                      });
}

void MainWindow::updateCoverage()
{
  if (!m_coverage->isChecked()) {
    m_canvas->setCoverage(std::nullopt);
    return;
  }
  m_canvas->setCoverage(render::CoverageOverlay::fromCheck(m_rules, m_results->split().open));
  if (!m_results->hasResult())
    m_status->setText(tr("Coverage view: run the check to see which sites are not covered"));
}

void MainWindow::showViolation(const core::Violation &v)
{
  auto project = m_session->project();
  if (!project)
    return;
  gis::Geometry g;
  try {
    if (!v.wkt.empty())
      g = gis::fromWkt(v.wkt);
  } catch (const std::exception &) {
    g.reset();
  }
  if (!g || gis::isEmpty(g.get())) {
    // No location of its own: the feature's geometry.
    if (auto index = core::findFid(*project, v.feature.layer, v.feature.fid))
      if (const GEOSGeometry *fg = geometryOf(*project, {v.feature.layer, *index}))
        g = gis::clone(fg);
  }
  if (g && !gis::isEmpty(g.get())) {
    m_canvas->zoomToEnvelope(gis::envelope(g.get()), 300);
    m_canvas->setHighlight(std::move(g));
  } else {
    m_canvas->setHighlight(nullptr);
  }
  if (auto index = core::findFid(*project, v.feature.layer, v.feature.fid))
    m_attributes->showFeature(*project, {v.feature.layer, *index});
  m_status->setText(QString::fromStdString(v.message(Names::messageLanguage())));
}

std::vector<std::pair<QAction *, MapCanvas::Tool>> MainWindow::mapToolActions() const
{
  return {{m_pan, MapCanvas::Tool::Pan},
          {m_zoomBox, MapCanvas::Tool::ZoomBox},
          {m_identify, MapCanvas::Tool::Identify},
          {m_select, MapCanvas::Tool::Select},
          {m_measureLine, MapCanvas::Tool::MeasureDistance},
          {m_measureArea, MapCanvas::Tool::MeasureArea}};
}

void MainWindow::syncToolButtons()
{
  const bool editing = m_canvas->mapTool() != nullptr;
  for (auto [action, tool] : mapToolActions())
    action->setChecked(!editing && m_canvas->tool() == tool);
}

void MainWindow::identifyAt(double x, double y, double tolerance)
{
  auto project = m_session->project();
  if (!project)
    return;
  auto hits = featuresAt(*project, m_canvas->visibleLayersTopDown(), x, y, tolerance);
  if (hits.empty()) {
    m_selected.clear();
    m_attributes->clear();
    m_canvas->setSelection({});
    selectionShown();
    m_status->setText(tr("No feature here"));
    return;
  }
  if (hits.size() > 1)
    m_status->setText(
        tr("%n feature(s) here: pick one in the Attributes list", nullptr, int(hits.size())));
  selectFeature(*project, hits.front());
  m_attributes->showFeatures(*project, std::move(hits));
  m_attributes->show();
  m_attributes->raise();
}

void MainWindow::selectFeature(const core::Project &project, const FeatureHit &hit)
{
  m_selected.assign(1, {hit.layer, fidOf(project, hit)});
  std::vector<gis::Geometry> selection;
  if (const GEOSGeometry *g = geometryOf(project, hit))
    selection.push_back(gis::clone(g));
  m_canvas->setSelection(std::move(selection));
  selectionShown();
}

void MainWindow::selectIn(const gis::Envelope &box, bool)
{
  auto project = m_session->project();
  if (!project)
    return;
  const auto hits = featuresIn(*project, m_canvas->visibleLayersTopDown(), box, 2000);
  std::vector<gis::Geometry> selection;
  m_selected.clear();
  for (const FeatureHit &h : hits) {
    m_selected.emplace_back(h.layer, fidOf(*project, h));
    if (const GEOSGeometry *g = geometryOf(*project, h))
      selection.push_back(gis::clone(g));
  }
  m_canvas->setSelection(std::move(selection));
  selectionShown();
  if (hits.size() >= 1)
    m_attributes->showFeature(*project, hits.front());
  m_status->setText(tr("%n feature(s) selected", nullptr, int(hits.size())));
}

void MainWindow::exportResults()
{
  if (!m_results->hasResult()) {
    showMessage(QMessageBox::Information, tr("Export violations"),
                tr("Run the check first (Check → Run check)."));
    return;
  }
  QString selected;
  const QString base = QFileInfo(m_session->path()).completeBaseName() + "-violations";
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export violations"), QFileInfo(m_session->path()).absolutePath() + "/" + base,
      tr("GeoPackage (*.gpkg);;CSV (*.csv);;HTML report (*.html);;JSON report (*.json)"),
      &selected);
  if (path.isEmpty())
    return;
  QString file = path;
  if (QFileInfo(file).suffix().isEmpty())
    file += selected.contains("gpkg")   ? ".gpkg"
            : selected.contains("csv")  ? ".csv"
            : selected.contains("json") ? ".json"
                                        : ".html";
  exportTo(file);
}

void MainWindow::exportTo(const QString &file)
{
  if (!m_results->hasResult())
    return;
  const std::string project = m_session->path().toStdString();
  std::shared_ptr<const core::CheckResult> result = m_results->result();
  std::shared_ptr<const core::ExceptionSplit> split = m_results->sharedSplit();
  const std::string lang = Names::messageLanguage();
  setBusy(true, tr("Exporting %1…").arg(QFileInfo(file).fileName()));
  BackgroundTask<void>::run(
      this,
      [file, project, result, split, lang] {
        exportViolations(file.toStdString(), project, *result, *split, lang);
      },
      [this, file] { setBusy(false, tr("Exported %1").arg(file)); },
      [this, file](const QString &error) {
        setBusy(false, tr("Export failed"));
        showMessage(QMessageBox::Critical, tr("Export failed"),
                    tr("%1 was not written.\n\n%2").arg(file, error));
      });
}

std::pair<std::string, std::vector<std::int64_t>> MainWindow::featuresToExport() const
{
  std::string layer = m_layers->currentLayer();
  const bool selectedInCurrent =
      std::any_of(m_selected.begin(), m_selected.end(),
                  [&](const std::pair<std::string, std::int64_t> &s) { return s.first == layer; });
  if (!selectedInCurrent && !m_selected.empty())
    layer = m_selected.front().first;
  std::vector<std::int64_t> fids;
  for (const auto &[l, fid] : m_selected)
    if (l == layer)
      fids.push_back(fid);
  return {layer, fids};
}

void MainWindow::exportFeaturesDialog()
{
  if (!m_session->project()) {
    showMessage(QMessageBox::Information, tr("Export selected features"),
                tr("Open a project first."));
    return;
  }
  const auto [layer, fids] = featuresToExport();
  if (layer.empty()) {
    showMessage(QMessageBox::Information, tr("Export selected features"),
                tr("Select features on the map, or a layer in the Layers panel."));
    return;
  }
  QString selected;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export selected features"),
      QFileInfo(m_session->path()).absolutePath() + "/" + QString::fromStdString(layer),
      tr("Boundary-point file (*.txt);;File Geodatabase (*.gdb)"), &selected);
  if (path.isEmpty())
    return;
  QString file = path;
  if (QFileInfo(file).suffix().isEmpty())
    file += selected.contains("gdb") ? ".gdb" : ".txt";
  exportFeaturesTo(file);
}

void MainWindow::exportFeaturesTo(const QString &file)
{
  const std::string project = m_session->path().toStdString();
  const auto [layer, fids] = featuresToExport();
  if (project.empty() || layer.empty()) {
    emit featuresExported(false);
    return;
  }
  // The export reads the project file: edits not saved yet are not in it.
  const QString unsaved =
      m_edit->hasEdits() ? " " + tr("(as last saved; unsaved edits are not exported)") : QString();
  setBusy(true, tr("Exporting %1…").arg(QFileInfo(file).fileName()) + unsaved);
  BackgroundTask<core::ExportSummary>::run(
      this,
      [file, project, layer = layer, fids = fids] {
        return exportFeatures(file.toStdString(), project, layer, fids);
      },
      [this, file, unsaved](core::ExportSummary summary) {
        std::int64_t count = 0;
        for (const core::ExportedLayer &l : summary.layers)
          count += l.features;
        setBusy(false, tr("Exported %n feature(s) to %1", nullptr, int(count)).arg(file) + unsaved);
        emit featuresExported(true);
      },
      [this, file](const QString &error) {
        setBusy(false, tr("Export failed"));
        showMessage(QMessageBox::Critical, tr("Export failed"),
                    tr("%1 was not written.\n\n%2").arg(file, error));
        emit featuresExported(false);
      });
}

void MainWindow::chooseRuleSet()
{
  const QString path = QFileDialog::getOpenFileName(this, tr("Rule set"), m_rulesPath,
                                                    tr("Rule set (*.toml);;All files (*)"));
  if (path.isEmpty())
    return;
  m_ruleSetTask.start(
      [path] { return core::RuleSet::fromFile(path.toStdString()); },
      [this, path](core::RuleSet rules) {
        m_rules = std::move(rules);
        m_rulesPath = path;
        QSettings().setValue("ruleSet", path);
        m_status->setText(tr("Rule set: %1").arg(QString::fromStdString(m_rules.name)));
        if (!m_session->path().isEmpty()) // land-use mapping may differ: reload
          reopenKeepingSession(m_session->path());
      },
      [this](const QString &error) { showMessage(QMessageBox::Critical, tr("Rule set"), error); });
}

void MainWindow::useBuiltInRules()
{
  m_rules = core::RuleSet::defaults();
  m_rulesPath.clear();
  QSettings().remove("ruleSet");
  m_status->setText(tr("Rule set: built-in"));
  if (!m_session->path().isEmpty())
    reopenKeepingSession(m_session->path());
}

void MainWindow::setLanguage(const QString &language)
{
  QSettings().setValue("language", language);
  if (language == m_language)
    return;
  const auto answer = QMessageBox::question(
      this, tr("Language"), tr("The language changes when Anzhi restarts. Restart now?"),
      QMessageBox::Yes | QMessageBox::No);
  if (answer != QMessageBox::Yes)
    return;
  const QStringList args = restartArguments(language);
  if (close())
    QProcess::startDetached(QApplication::applicationFilePath(), args);
}

void MainWindow::updateCursor(double x, double y)
{
  m_coords->setText(QStringLiteral("X %1  Y %2").arg(x, 0, 'f', 1).arg(y, 0, 'f', 1));
  auto project = m_session->project();
  if (!project)
    return;
  // The lon/lat on the readout thread (PROJ off the UI thread); only the latest position is
  // converted and shown, so that a fast mouse never queues work.
  const quint64 serial = ++*m_lonlatSerial;
  auto latest = m_lonlatSerial;
  const QString east = tr("E"), west = tr("W"), north = tr("N"), south = tr("S");
  m_lonlatPool->start([this, project, x, y, serial, latest, east, west, north, south] {
    if (latest->load() != serial)
      return;
    QString text;
    try {
      static thread_local std::optional<gis::Crs> geographic;
      static thread_local std::string forCrs;
      if (!geographic || forCrs != project->workingCrs.definition()) {
        geographic = project->workingCrs.geographicBase();
        forCrs = project->workingCrs.definition();
      }
      double lon = x, lat = y;
      if (gis::CoordinateTransform::forThread(project->workingCrs, *geographic).transform(lon, lat))
        text = QStringLiteral("%1°%2  %3°%4")
                   .arg(std::abs(lon), 0, 'f', 5)
                   .arg(lon >= 0 ? east : west)
                   .arg(std::abs(lat), 0, 'f', 5)
                   .arg(lat >= 0 ? north : south);
    } catch (const std::exception &) {
    }
    QMetaObject::invokeMethod(
        this,
        [this, text, serial, latest] {
          if (latest->load() == serial)
            m_lonlat->setText(text);
        },
        Qt::QueuedConnection);
  });
}

void MainWindow::updateScale(double denominator)
{
  if (!m_scale->hasFocus())
    m_scale->setText(
        QStringLiteral("1:%1").arg(QLocale::c().toString(std::round(denominator), 'f', 0)));
}

} // namespace anzhi::desktop

namespace anzhi::desktop {

void MainWindow::addBasemap(const render::BasemapSpec &spec)
{
  m_basemaps.push_back({spec});
  applyBasemaps();
}

void MainWindow::addLocalImagery()
{
  const QString file = QFileDialog::getOpenFileName(
      this, tr("Add local imagery"), QString(),
      tr("Rasters (*.tif *.tiff *.img *.jp2 *.vrt *.gpkg);;All files (*)"));
  if (file.isEmpty())
    return;
  render::BasemapSpec spec;
  spec.name = QFileInfo(file).completeBaseName().toStdString();
  spec.kind = render::BasemapSpec::Kind::File;
  spec.source = QDir::toNativeSeparators(file).toStdString();
  addBasemap(spec);
}

void MainWindow::addTileService()
{
  TileServiceDialog dialog(this);
  if (dialog.exec() == QDialog::Accepted)
    addBasemap(dialog.spec());
}

void MainWindow::applyBasemaps(bool relist)
{
  QSettings settings;
  saveBasemaps(settings, m_basemaps);
  if (relist)
    m_layers->setBasemaps(m_basemaps);
  if (auto project = m_session->project())
    m_canvas->setBasemaps(basemapLayers(m_basemaps, project->workingCrs));
}

} // namespace anzhi::desktop
