#pragma once

#include "core/Violation.h"
#include "core/edit/EditBuffer.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QActionGroup;
class QComboBox;
class QListWidget;
class QLabel;
class QMenu;
class QDockWidget;
class QMainWindow;

namespace anzhi::desktop {

class AttributeForm;
class DrawTool;
class EditHost;
class EditSession;
class MapCanvas;
class ModifyTool;
class RangerPlanDialog;
class RangersDock;
class Snapper;

//! Editing in the main window: the 编辑 menu and tool bar (undo/redo with the edit's name,
//! the edit layer, add / modify / split tools, delete, merge, copy attributes, snapping,
//! discard), the attribute form after drawing, the live-check dock and the map's drawing of
//! edits and live violations, saving with the violation count, and the offer to recover
//! journalled edits when a project opens. The edit logic lives in EditSession and the tools;
//! this class wires them to the window.
//! It reaches the rest of the application through an EditHost only.
//! Ownership: a QObject child of the main window; owns the session, tools and docks (the docks
//! through the window). Thread: UI only.
class EditController : public QObject
{
  Q_OBJECT

public:
  //! `window` carries the menu, tool bar, docks and dialogs; `host` (which must outlive this,
  //! as the window does) gives the map, the project and the rules.
  EditController(QMainWindow *window, EditHost &host);
  ~EditController() override;

  EditSession *session() const { return m_session; }
  bool hasEdits() const;
  //! Asks (unless dialogs are off) and saves edits, then exceptions, then reopens the project.
  void save();
  //! Save as… with unsaved edits: a copy of the project with the exceptions and the edits, which
  //! then opens; the original file stays as it was last saved.
  void saveAs(const QString &path);
  //! On closing the window: false when the user cancels. Unsaved edits stay in the journal
  //! when the user chooses to keep them.
  bool confirmClose();
  //! The host opened a project (or reopened it after a save).
  void onProjectOpened();

  // For tests and scripted use.
  void setEditLayer(const std::string &layer);
  std::string editLayer() const;
  void startDrawing();
  void startModifying();
  void startSplitting();
  DrawTool *drawTool() const { return m_draw.get(); }
  ModifyTool *modifyTool() const { return m_modify.get(); }
  Snapper *snapper() const { return m_snapper.get(); }
  //! The attribute form open for a new or edited feature, if any.
  AttributeForm *openForm() const { return m_form; }
  QListWidget *liveList() const { return m_liveList; }
  RangersDock *rangersDock() const { return m_rangers; }
  //! 护林员 → 生成调整方案…: shows the plan dialog (made on first use; one per project).
  RangerPlanDialog *openRangerPlan();
  //! Off: no message boxes (tests); the open-time recovery then follows `recoverOnOpen`.
  void setDialogsEnabled(bool on) { m_dialogs = on; }
  void setRecoverOnOpen(bool on) { m_recoverOnOpen = on; }
  void deleteSelected();
  void mergeSelected();
  void copyAttributes();
  void pasteAttributes();
  void editAttributes();

signals:
  void dirtyChanged();
  //! An edit was refused or failed; the text says why.
  void problem(const QString &text);

private:
  void createActions();
  void onEditsChanged();
  void onLiveChanged();
  //! The live check's violations less those the project accepts as exceptions: what the live
  //! list shows and draws and what the save summary counts, as the full check does.
  std::vector<core::Violation> openLiveViolations() const;
  void onDrawn(gis::Geometry geometry);
  void onSplitLine(gis::Geometry line);
  //! Opens the attribute form for a new feature (negative fid) or an existing one; on OK the
  //! edit is applied under `editName`, on Cancel nothing changes.
  void openForm(const core::FeatureKey &key, core::FeatureState state, const QString &editName);
  void updateActions();
  void report(const QString &text);
  QString layerNoun() const;

  QMainWindow *m_window;
  EditHost &m_host;
  EditSession *m_session;
  std::unique_ptr<Snapper> m_snapper;
  std::unique_ptr<DrawTool> m_draw;
  std::unique_ptr<DrawTool> m_split;
  std::unique_ptr<ModifyTool> m_modify;
  struct Painted;
  std::shared_ptr<Painted> m_painted; //!< live violation shapes parsed once per change
  QPointer<MapCanvas> m_canvas;
  AttributeForm *m_form = nullptr;
  QMenu *m_menu = nullptr;
  QComboBox *m_layer = nullptr;
  QAction *m_undo = nullptr, *m_redo = nullptr;
  QActionGroup *m_tools = nullptr;
  QAction *m_add = nullptr, *m_modifyAction = nullptr, *m_splitAction = nullptr;
  QAction *m_delete = nullptr, *m_merge = nullptr, *m_copy = nullptr, *m_paste = nullptr;
  QAction *m_attributes = nullptr, *m_snap = nullptr, *m_discard = nullptr;
  QDockWidget *m_liveDock = nullptr;
  QListWidget *m_liveList = nullptr;
  QLabel *m_liveStatus = nullptr;
  RangersDock *m_rangers = nullptr;
  QPointer<RangerPlanDialog> m_planDialog;
  std::optional<core::Attributes> m_clipboard; //!< copied attributes (code left out)
  bool m_dialogs = true;
  bool m_recoverOnOpen = false;
};

} // namespace anzhi::desktop
