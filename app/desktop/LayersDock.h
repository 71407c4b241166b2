#pragma once

#include "app/render/MapRenderer.h"
#include "core/Project.h"

#include <QDockWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QListWidget;
class QListWidgetItem;

namespace anzhi::desktop {

//! The layer list: visibility (check box), drawing order (drag, or up/down; top of the list is
//! drawn on top), role icon, feature count, zoom to layer; layers that could not be loaded are
//! listed with the reason; the project's DEM, when it has one, as a hillshade row pinned at the
//! bottom (drawn under every layer) with only its check box. Ownership: a dock owned by the
//! MainWindow. Thread: UI only.
class LayersDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit LayersDock(QWidget *parent = nullptr);

  //! Lists the project's layers in the drawing order `layers` (bottom first).
  void setProject(const std::shared_ptr<const core::Project> &project,
                  const std::vector<render::LayerState> &layers);
  //! Lists the hillshade at the bottom, checked as `visible`; nothing: the project has no DEM.
  //! Call after setProject(), which clears the list.
  void setHillshade(std::optional<bool> visible, const QString &toolTip = QString());
  //! The hillshade's row, or -1 when it is not listed.
  int hillshadeRow() const;
  //! The drawing order and visibility, bottom first.
  std::vector<render::LayerState> layerStates() const;
  //! Names as listed, top first (for tests).
  std::vector<std::string> listedLayers() const;
  //! The listed row of a layer, or -1.
  int rowOf(const std::string &layer) const;
  //! The layer of the current row (what 导出选中要素 exports when nothing is selected), or "".
  std::string currentLayer() const;
  QListWidget *list() const { return m_list; }

signals:
  void layersChanged(const std::vector<anzhi::render::LayerState> &layers);
  void zoomToLayerRequested(const std::string &layer);
  //! 打开属性表 from the layer's context menu.
  void attributeTableRequested(const std::string &layer);
  void hillshadeToggled(bool visible);

private:
  void moveCurrent(int delta);
  //! Puts the hillshade row back at the bottom after a drag dropped a layer under it.
  void pinHillshade();
  void showMenu(const QPoint &pos);
  QListWidget *m_list;
  bool m_filling = false;
};

} // namespace anzhi::desktop
