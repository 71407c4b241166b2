#pragma once

#include "app/desktop/BackgroundTask.h"
#include "app/desktop/Basemaps.h"
#include "app/desktop/CheckRunner.h"
#include "app/desktop/MapCanvas.h"
#include "app/desktop/ProjectLayers.h"
#include "app/desktop/SessionView.h"
#include "app/desktop/edit/EditHost.h"
#include "core/AcceptedExceptions.h"
#include "core/RuleSet.h"

#include <QMainWindow>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QThreadPool;
class QToolButton;

namespace anzhi::desktop {

class AttributeTableDock;
class AttributesDock;
class FindDock;
class StatsDock;
class EditController;
class LayersDock;
class ProjectSession;
class ResultsDock;

//! The main window: the map in the centre, the layers, results and attributes docks, menus
//! (文件/视图/检查/帮助), tool bar and status bar (coordinates in the working CRS and lon/lat,
//! editable scale, CRS). It wires the workers together: ProjectSession loads, CheckRunner
//! checks, MapCanvas renders — none of them on the UI thread. Layout and recent projects
//! persist in QSettings. Ownership: owns its docks, canvas, session and runner (Qt parent).
//! Thread: UI only.
class MainWindow : public QMainWindow, public EditHost
{
  Q_OBJECT
public:
  explicit MainWindow(const QString &language, QWidget *parent = nullptr);
  ~MainWindow() override;

  void openProject(const QString &path) override;
  //! Opens `path` and, once it is open, restores `view` (features no longer there are left
  //! out of the selection).
  void openProject(const QString &path, SessionView view);
  void reopenKeepingSession(const QString &path) override;
  //! The view, selection and check a reopen or a restart keeps.
  SessionView sessionView() const;
  //! The command line that restarts Anzhi in `language` on the open project with this session.
  QStringList restartArguments(const QString &language) const;
  //! 文件 → 导入图层: the import wizard into the open project (or a new one); the project is
  //! reopened when rows were imported.
  void importLayer();
  void runCheck();
  void cancelCheck();
  //! Exports the last check's violations to `file` on a worker (the format by extension, see
  //! exportViolations; never over the open project): the status bar says it is done, a
  //! non-modal message says why it failed. What 导出 does once the file is chosen.
  void exportTo(const QString &file);
  //! 文件 → 导出选中要素 once the file is chosen: the selected features of the current layer (the
  //! Layers panel's current row, else the layer of the first selected feature), or the whole
  //! current layer when none of it is selected, from the saved project, on a worker: .txt a
  //! 界址点坐标 TXT, .gdb a File Geodatabase (exportFeatures). featuresExported tells the outcome.
  void exportFeaturesTo(const QString &file);
  //! The layer and fids 导出选中要素 would export now (no layer: nothing to export).
  std::pair<std::string, std::vector<std::int64_t>> featuresToExport() const;
  //! Selects these features of `layer` on the map (the attribute table's selection), the edited
  //! state's geometry for an edited or new one.
  void selectFeatures(const std::string &layer, const std::vector<std::int64_t> &fids);
  //! The features selected on the map, by layer and fid.
  const std::vector<std::pair<std::string, std::int64_t>> &selectedFeatures() const
  {
    return m_selected;
  }
  //! 打开属性表: the layer's attribute table (F6: the Layers panel's current layer, else the
  //! layer of the selection).
  void openAttributeTable(const std::string &layer);
  AttributeTableDock *attributeTables() const { return m_tables; }
  //! Zooms to a violation and highlights its location (what selecting it in the list does).
  void showViolation(const core::Violation &v) override;

  MapCanvas *canvas() const override { return m_canvas; }
  LayersDock *layersDock() const { return m_layers; }
  //! 图层 → 添加底图: adds a basemap on top of the others (kept in the user's settings).
  void addBasemap(const render::BasemapSpec &spec);
  const std::vector<BasemapEntry> &basemaps() const { return m_basemaps; }
  ResultsDock *resultsDock() const { return m_results; }
  AttributesDock *attributesDock() const { return m_attributes; }
  FindDock *findDock() const { return m_find; }
  StatsDock *statsDock() const { return m_stats; }
  ProjectSession *session() const override { return m_session; }
  CheckRunner *checkRunner() const { return m_checker; }
  EditController *editController() const { return m_edit; }
  //! Pan, zoom box, identify, select and the two measures: at most one of them pressed.
  QActionGroup *mapTools() const { return m_tools; }
  //! The problems of the last open (broken layers, unreadable exceptions), one per line.
  QString problemsText() const { return m_problems; }
  const core::RuleSet &rules() const override { return m_rules; }
  QStringList recentProjects() const { return m_recent; }

signals:
  void projectOpened();
  void projectFailed(const QString &message);
  void checkFinished();
  //! An export of 导出选中要素 finished; ok when the file was written.
  void featuresExported(bool ok);

protected:
  void closeEvent(QCloseEvent *e) override;

private:
  void createActions();
  void createMenus();
  void createToolBar();
  void createStatusBar();
  void restoreSettings();
  void updateRecentMenu();
  void addRecent(const QString &path);
  void updateTitle();
  void setBusy(bool busy, const QString &text);
  void onOpened();
  void restoreSelection(const core::Project &project,
                        const std::vector<std::pair<std::string, std::int64_t>> &selected);
  void onCheckFinished(const FinishedCheck &check);
  void refreshOverlays();
  void updateCoverage();
  void identifyAt(double x, double y, double tolerance);
  void selectFeature(const core::Project &project, const FeatureHit &hit);
  std::vector<std::pair<QAction *, MapCanvas::Tool>> mapToolActions() const;
  void syncToolButtons();
  void selectIn(const gis::Envelope &box, bool add);
  //! Shows the map's new selection in the attribute tables.
  void selectionShown();
  void exportResults();
  void exportFeaturesDialog();
  void chooseRuleSet();
  void useBuiltInRules();
  void setLanguage(const QString &language);
  void showMessage(int icon, const QString &title, const QString &text);
  void updateCursor(double x, double y);
  void updateScale(double denominator);
  void addLocalImagery();
  void addTileService();
  //! Saves the basemaps and shows them on the map over a project and, with `relist`, lists
  //! them again in the layers dock.
  void applyBasemaps(bool relist = true);

  QString m_language;
  std::vector<BasemapEntry> m_basemaps;
  core::RuleSet m_rules = core::RuleSet::defaults();
  QString m_rulesPath;
  QStringList m_recent;
  QString m_problems;
  //! What the open under way restores once the project is open.
  SessionView m_reopen;
  //! The features selected on the map (identify or select), by layer and fid.
  std::vector<std::pair<std::string, std::int64_t>> m_selected;

  ProjectSession *m_session;
  CheckRunner *m_checker;
  MapCanvas *m_canvas;
  LayersDock *m_layers;
  ResultsDock *m_results;
  AttributesDock *m_attributes;
  FindDock *m_find;
  StatsDock *m_stats;
  EditController *m_edit = nullptr;
  AttributeTableDock *m_tables = nullptr;

  QAction *m_open, *m_save, *m_saveAs, *m_import, *m_export, *m_exportFeatures, *m_quit;
  QAction *m_fullExtent, *m_zoomIn, *m_zoomOut, *m_zoomSelection;
  QAction *m_pan, *m_zoomBox, *m_identify, *m_select, *m_measureLine, *m_measureArea;
  QAction *m_coverage, *m_showViolations, *m_showLabels;
  QAction *m_check, *m_cancel, *m_ruleSet, *m_builtInRules;
  QAction *m_langZh, *m_langEn, *m_about;
  QActionGroup *m_tools;
  QMenu *m_recentMenu = nullptr;
  QMenu *m_panels = nullptr;

  QLabel *m_status;
  QLabel *m_measure;
  QLabel *m_coords;
  QLabel *m_lonlat;
  //! One long-lived thread for the lon/lat readout: PROJ's transform is created (tens of ms
  //! the first time) and used there, never on the UI thread; its thread_local PROJ context
  //! lives as long as the window.
  QThreadPool *m_lonlatPool;
  std::shared_ptr<std::atomic<quint64>> m_lonlatSerial = std::make_shared<std::atomic<quint64>>(0);
  QLineEdit *m_scale;
  QLabel *m_crs;
  QProgressBar *m_progress;
  QToolButton *m_cancelButton;
  BackgroundTask<std::shared_ptr<const render::ViolationOverlay>> m_overlayTask{this};
  BackgroundTask<core::RuleSet> m_ruleSetTask{this};
};

} // namespace anzhi::desktop
