#pragma once

#include "app/desktop/edit/MapTool.h"
#include "app/desktop/edit/Rings.h"
#include "app/desktop/edit/Snapper.h"
#include "core/edit/EditBuffer.h"

#include <QColor>
#include <QCoreApplication>
#include <QPointF>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace anzhi::desktop {

class EditSession;

//! Draws a new geometry: click vertices (snapped), double-click, Enter or right-click to
//! finish, Backspace removes the last vertex, Esc cancels. A point finishes at the first
//! click; a line (the split tool's cut) needs two vertices, a polygon three.
class DrawTool : public MapTool
{
public:
  enum class Shape
  {
    Polygon,
    Point,
    Line
  };
  explicit DrawTool(const Snapper &snapper)
      : m_snapper(snapper)
  {
  }
  void setShape(Shape shape);
  Shape shape() const { return m_shape; }
  //! Called with the finished geometry (working CRS).
  std::function<void(gis::Geometry)> onFinished;
  //! A text and colour shown by the cursor for the polygon drawn so far (the ranger's total).
  std::function<std::pair<QString, QColor>(const GEOSGeometry *)> liveLabel;
  const std::vector<QPointF> &vertices() const { return m_points; }
  //! The live label shown by the cursor (empty text when none).
  const std::pair<QString, QColor> &label() const { return m_label; }

  bool mousePress(QMouseEvent *, const render::MapTransform &) override;
  bool mouseMove(QMouseEvent *, const render::MapTransform &) override;
  bool mouseRelease(QMouseEvent *, const render::MapTransform &) override { return true; }
  bool mouseDoubleClick(QMouseEvent *, const render::MapTransform &) override;
  bool keyPress(QKeyEvent *) override;
  void paint(QPainter &, const render::MapTransform &) const override;
  void deactivate() override;

private:
  QPointF snapped(QPointF screen, const render::MapTransform &t);
  void finish();
  void updateLabel();

  const Snapper &m_snapper;
  Shape m_shape = Shape::Polygon;
  std::vector<QPointF> m_points; //!< map coordinates
  std::optional<QPointF> m_cursor;
  std::optional<Snapper::Snap> m_snap;
  std::pair<QString, QColor> m_label;
};

//! Selects features of the edit layer and changes their geometry: drag a vertex of a
//! selected feature to move it, drag inside it to move the feature, double-click an edge to
//! add a vertex, Delete on a vertex to remove it (Delete elsewhere deletes the selection).
//! Click selects, Shift+click adds to the selection.
class ModifyTool : public MapTool
{
  Q_DECLARE_TR_FUNCTIONS(ModifyTool)

public:
  ModifyTool(EditSession &session, const Snapper &snapper)
      : m_session(session)
      , m_snapper(snapper)
  {
  }
  void setLayer(const std::string &layer);
  const std::string &layer() const { return m_layer; }
  const std::vector<core::FeatureKey> &selection() const { return m_selection; }
  void setSelection(std::vector<core::FeatureKey> keys);
  //! Drops selected features that no longer exist (after an undo).
  void pruneSelection();
  std::function<void()> onSelectionChanged;
  std::function<void()> onDeleteSelected;

  bool mousePress(QMouseEvent *, const render::MapTransform &) override;
  bool mouseMove(QMouseEvent *, const render::MapTransform &) override;
  bool mouseRelease(QMouseEvent *, const render::MapTransform &) override;
  bool mouseDoubleClick(QMouseEvent *, const render::MapTransform &) override;
  bool keyPress(QKeyEvent *) override;
  void paint(QPainter &, const render::MapTransform &) const override;
  void deactivate() override;

private:
  struct Drag
  {
    core::FeatureKey key;
    core::FeatureState start;
    Rings rings;
    std::optional<Rings::Vertex> vertex; //!< else the whole feature moves
    QPointF from;                        //!< map point where the drag began
    QPointF to;
  };
  std::optional<core::FeatureKey> featureAt(QPointF map, double tol) const;
  void commit(const core::FeatureKey &key, const core::FeatureState &start, gis::Geometry g,
              const QString &name);

  EditSession &m_session;
  const Snapper &m_snapper;
  std::string m_layer;
  std::vector<core::FeatureKey> m_selection;
  std::optional<Drag> m_drag;
  std::optional<std::pair<core::FeatureKey, Rings::Vertex>> m_hover;
  std::optional<Snapper::Snap> m_snap;
};

} // namespace anzhi::desktop
