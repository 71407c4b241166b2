#pragma once

#include "app/desktop/Basemaps.h"
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
//! listed with the reason; the project's DEM, when it has one, as a hillshade row pinned under
//! the layers with only its check box; the user's basemaps under it (drawn at the bottom), each
//! with its check box and, in its context menu, its opacity and removal. Each layer's scale
//! range (按比例尺显示…: the style's default or the user's own, kept in QSettings by layer name):
//! a layer not drawn at the current scale is greyed, its range in the tooltip. Ownership: a
//! dock owned by the MainWindow. Thread: UI only.
class LayersDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit LayersDock(QWidget *parent = nullptr);

  //! Lists the project's layers in the drawing order `layers` (bottom first), each with the
  //! user's scale range saved in QSettings (emits layersChanged when one differs from `layers`).
  void setProject(const std::shared_ptr<const core::Project> &project,
                  const std::vector<render::LayerState> &layers);
  //! Lists the hillshade at the bottom, checked as `visible`; nothing: the project has no DEM.
  //! Call after setProject(), which clears the list.
  void setHillshade(std::optional<bool> visible, const QString &toolTip = QString());
  //! The hillshade's row, or -1 when it is not listed.
  int hillshadeRow() const;
  //! Lists the basemaps at the bottom, the last (drawn on top of the others) first.
  void setBasemaps(const std::vector<BasemapEntry> &basemaps);
  //! The row of basemap `index`, or -1.
  int basemapRow(int index) const;
  //! The drawing order and visibility, bottom first.
  std::vector<render::LayerState> layerStates() const;
  //! Names as listed, top first (for tests).
  std::vector<std::string> listedLayers() const;
  //! The listed row of a layer, or -1.
  int rowOf(const std::string &layer) const;
  //! Greys the layers not drawn at the scale 1:`denominator` of the map.
  void setScale(double denominator);
  //! Sets a layer's scale range (none: its style's default), saves it and emits layersChanged.
  void setUserScale(const std::string &layer, const std::optional<render::ScaleRange> &range);
  //! Opens 按比例尺显示… for a layer and applies what the user accepts.
  void editScaleRange(const std::string &layer);
  //! Whether a listed layer is greyed as out of its scale range (for tests).
  bool outOfScale(const std::string &layer) const;
  //! The layer of the current row (what 导出选中要素 exports when nothing is selected), or "".
  std::string currentLayer() const;
  QListWidget *list() const { return m_list; }

signals:
  void layersChanged(const std::vector<anzhi::render::LayerState> &layers);
  void zoomToLayerRequested(const std::string &layer);
  //! 打开属性表 from the layer's context menu.
  void attributeTableRequested(const std::string &layer);
  void hillshadeToggled(bool visible);
  void basemapToggled(int index, bool visible);
  void basemapOpacityChosen(int index, double opacity);
  void basemapRemoveRequested(int index);

private:
  void moveCurrent(int delta);
  //! Puts the hillshade and basemap rows back at the bottom after a drag dropped a layer under
  //! them.
  void pinBackdrops();
  void showBasemapMenu(QListWidgetItem *item, const QPoint &global);
  void showMenu(const QPoint &pos);
  //! The row's colour and tooltip for its scale range at m_scale.
  void showScaleRange(QListWidgetItem *item);
  QListWidget *m_list;
  render::MapStyle m_style = render::MapStyle::defaults();
  double m_scale = 0; //!< of the map, 0 until known
  bool m_filling = false;
};

} // namespace anzhi::desktop
