#include "app/desktop/edit/EditTools.h"

#include "app/desktop/edit/EditSession.h"
#include "app/render/GeometryPath.h"
#include "gis/GisError.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace anzhi::desktop {

namespace {

constexpr double kPickPixels = 8;
const QColor kEditColour(0, 90, 220);

void drawSnapMarker(QPainter &p, const render::MapTransform &t,
                    const std::optional<Snapper::Snap> &snap)
{
  if (!snap)
    return;
  const QPointF at = t.toScreen(snap->map.x(), snap->map.y());
  p.setPen(QPen(QColor(255, 0, 255), 2));
  p.setBrush(Qt::NoBrush);
  if (snap->vertex)
    p.drawRect(QRectF(at - QPointF(6, 6), QSizeF(12, 12)));
  else
    p.drawEllipse(at, 6, 6);
}

gis::Geometry polygonOf(const std::vector<QPointF> &points)
{
  std::vector<std::pair<double, double>> ring;
  for (const QPointF &q : points)
    ring.emplace_back(q.x(), q.y());
  return gis::makePolygon(ring);
}

} // namespace

// --- DrawTool ---

void DrawTool::setShape(Shape shape)
{
  m_shape = shape;
  deactivate();
}

QPointF DrawTool::snapped(QPointF screen, const render::MapTransform &t)
{
  m_snap = m_snapper.snap(screen, t);
  return m_snap ? m_snap->map : t.toMap(screen);
}

bool DrawTool::mousePress(QMouseEvent *e, const render::MapTransform &t)
{
  if (e->button() == Qt::RightButton) {
    finish();
    return true;
  }
  if (e->button() != Qt::LeftButton)
    return false;
  m_points.push_back(snapped(e->position(), t));
  if (m_shape == Shape::Point)
    finish();
  updateLabel();
  return true;
}

bool DrawTool::mouseMove(QMouseEvent *e, const render::MapTransform &t)
{
  m_cursor = snapped(e->position(), t);
  updateLabel();
  return true;
}

bool DrawTool::mouseDoubleClick(QMouseEvent *e, const render::MapTransform &)
{
  if (e->button() != Qt::LeftButton)
    return false;
  finish();
  return true;
}

bool DrawTool::keyPress(QKeyEvent *e)
{
  switch (e->key()) {
  case Qt::Key_Return:
  case Qt::Key_Enter:
    finish();
    return true;
  case Qt::Key_Backspace:
    if (!m_points.empty())
      m_points.pop_back();
    updateLabel();
    return true;
  case Qt::Key_Escape:
    deactivate();
    return true;
  default:
    return false;
  }
}

void DrawTool::finish()
{
  // The press of a double-click already added its vertex: drop repeated vertices.
  std::vector<QPointF> pts;
  for (const QPointF &q : m_points)
    if (pts.empty() || std::hypot(q.x() - pts.back().x(), q.y() - pts.back().y()) > 1e-9)
      pts.push_back(q);
  const std::size_t needed = m_shape == Shape::Polygon ? 3 : m_shape == Shape::Line ? 2 : 1;
  if (pts.size() < needed)
    return; // keep drawing
  gis::Geometry g;
  if (m_shape == Shape::Point) {
    g = gis::makePoint(pts.front().x(), pts.front().y());
  } else if (m_shape == Shape::Line) {
    std::vector<std::pair<double, double>> coords;
    for (const QPointF &q : pts)
      coords.emplace_back(q.x(), q.y());
    g = gis::makeLine(coords);
  } else {
    g = polygonOf(pts);
  }
  m_points.clear();
  m_label = {};
  if (onFinished)
    onFinished(std::move(g));
}

void DrawTool::updateLabel()
{
  if (!liveLabel || m_shape != Shape::Polygon) {
    m_label = {};
    return;
  }
  std::vector<QPointF> pts = m_points;
  if (m_cursor)
    pts.push_back(*m_cursor);
  if (pts.size() < 3) {
    m_label = liveLabel(nullptr);
    return;
  }
  try {
    gis::Geometry g = polygonOf(pts);
    m_label = liveLabel(g.get());
  } catch (const gis::GisError &) {
    m_label = {};
  }
}

void DrawTool::paint(QPainter &p, const render::MapTransform &t) const
{
  drawSnapMarker(p, t, m_snap);
  if (m_points.empty())
    return;
  QPolygonF line;
  for (const QPointF &q : m_points)
    line << t.toScreen(q.x(), q.y());
  if (m_cursor)
    line << t.toScreen(m_cursor->x(), m_cursor->y());
  p.setPen(QPen(kEditColour, 2));
  if (m_shape == Shape::Polygon && line.size() > 2) {
    p.setBrush(QColor(0, 90, 220, 50));
    p.drawPolygon(line);
  } else {
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(line);
  }
  p.setBrush(kEditColour);
  for (std::size_t i = 0; i < m_points.size(); ++i)
    p.drawEllipse(line[int(i)], 3.5, 3.5);
  if (!m_label.first.isEmpty()) {
    const QPointF at = line.back() + QPointF(14, -10);
    QFont f = p.font();
    f.setBold(true);
    p.setFont(f);
    const QRectF box = p.fontMetrics().boundingRect(m_label.first).adjusted(-4, -2, 4, 2);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 220));
    p.drawRect(box.translated(at));
    p.setPen(m_label.second);
    p.drawText(at, m_label.first);
  }
}

void DrawTool::deactivate()
{
  m_points.clear();
  m_cursor.reset();
  m_snap.reset();
  m_label = {};
}

// --- ModifyTool ---

void ModifyTool::setLayer(const std::string &layer)
{
  m_layer = layer;
  setSelection({});
}

void ModifyTool::setSelection(std::vector<core::FeatureKey> keys)
{
  m_selection = std::move(keys);
  m_hover.reset();
  if (onSelectionChanged)
    onSelectionChanged();
}

void ModifyTool::pruneSelection()
{
  const auto before = m_selection.size();
  std::erase_if(m_selection, [&](const core::FeatureKey &k) { return !m_session.state(k); });
  if (m_selection.size() != before && onSelectionChanged)
    onSelectionChanged();
}

std::optional<core::FeatureKey> ModifyTool::featureAt(QPointF map, double tol) const
{
  const gis::Envelope box{map.x() - tol, map.y() - tol, map.x() + tol, map.y() + tol};
  gis::Geometry probe = gis::makePoint(map.x(), map.y());
  std::optional<core::FeatureKey> found;
  double best = tol;
  for (const core::FeatureKey &key : m_session.featuresIn(m_layer, box)) {
    std::optional<core::FeatureState> s = m_session.state(key);
    if (!s || !s->geometry)
      continue;
    double d = gis::distance(s->geometry.get(), probe.get());
    if (d <= best) {
      best = d;
      found = key;
    }
  }
  return found;
}

bool ModifyTool::mousePress(QMouseEvent *e, const render::MapTransform &t)
{
  if (e->button() != Qt::LeftButton || m_layer.empty())
    return false;
  const QPointF map = t.toMap(e->position());
  const double tol = kPickPixels * t.unitsPerPixel();
  // A vertex of a selected feature, else inside a selected feature: start a drag.
  for (const core::FeatureKey &key : m_selection) {
    std::optional<core::FeatureState> s = m_session.state(key);
    if (!s || !s->geometry)
      continue;
    Rings rings = Rings::of(s->geometry.get());
    std::optional<Rings::Vertex> v = rings.vertexNear(map.x(), map.y(), tol);
    gis::Geometry probe = gis::makePoint(map.x(), map.y());
    if (v || gis::distance(s->geometry.get(), probe.get()) <= tol) {
      const bool point = rings.point;
      m_drag = Drag{key, *s, std::move(rings), point ? std::nullopt : v, map, map};
      return true;
    }
  }
  std::optional<core::FeatureKey> hit = featureAt(map, tol);
  std::vector<core::FeatureKey> selection =
      (e->modifiers() & Qt::ShiftModifier) ? m_selection : std::vector<core::FeatureKey>{};
  if (hit && std::find(selection.begin(), selection.end(), *hit) == selection.end())
    selection.push_back(*hit);
  setSelection(std::move(selection));
  return true;
}

bool ModifyTool::mouseMove(QMouseEvent *e, const render::MapTransform &t)
{
  if (m_drag) {
    m_snap = m_snapper.snap(e->position(), t);
    m_drag->to = m_snap && m_drag->vertex ? m_snap->map : t.toMap(e->position());
    return true;
  }
  const QPointF map = t.toMap(e->position());
  const double tol = kPickPixels * t.unitsPerPixel();
  m_hover.reset();
  for (const core::FeatureKey &key : m_selection)
    if (std::optional<core::FeatureState> s = m_session.state(key); s && s->geometry)
      if (auto v = Rings::of(s->geometry.get()).vertexNear(map.x(), map.y(), tol)) {
        m_hover = {key, *v};
        break;
      }
  return false; // the canvas still reports the cursor position
}

bool ModifyTool::mouseRelease(QMouseEvent *e, const render::MapTransform &)
{
  if (e->button() != Qt::LeftButton || !m_drag)
    return false;
  Drag drag = std::move(*m_drag);
  m_drag.reset();
  m_snap.reset();
  const double dx = drag.to.x() - drag.from.x(), dy = drag.to.y() - drag.from.y();
  if (dx == 0 && dy == 0)
    return true;
  try {
    if (drag.vertex) {
      drag.rings.moveVertex(*drag.vertex, drag.to.x(), drag.to.y());
      commit(drag.key, drag.start, drag.rings.build(), tr("Move vertex"));
    } else {
      gis::Geometry moved = gis::transformXY(drag.start.geometry.get(), [&](double &x, double &y) {
        x += dx;
        y += dy;
        return true;
      });
      commit(drag.key, drag.start, std::move(moved), tr("Move feature"));
    }
  } catch (const gis::GisError &) {
    // A degenerate ring: the edit is not made.
  }
  return true;
}

bool ModifyTool::mouseDoubleClick(QMouseEvent *e, const render::MapTransform &t)
{
  if (e->button() != Qt::LeftButton)
    return false;
  const QPointF map = t.toMap(e->position());
  const double tol = kPickPixels * t.unitsPerPixel();
  for (const core::FeatureKey &key : m_selection) {
    std::optional<core::FeatureState> s = m_session.state(key);
    if (!s || !s->geometry)
      continue;
    Rings rings = Rings::of(s->geometry.get());
    if (auto seg = rings.segmentNear(map.x(), map.y(), tol)) {
      rings.insertAfter(*seg, map.x(), map.y());
      commit(key, *s, rings.build(), tr("Add vertex"));
      return true;
    }
  }
  return true;
}

bool ModifyTool::keyPress(QKeyEvent *e)
{
  if (e->key() == Qt::Key_Escape) {
    m_drag.reset();
    setSelection({});
    return true;
  }
  if (e->key() != Qt::Key_Delete && e->key() != Qt::Key_Backspace)
    return false;
  if (m_hover) {
    auto [key, vertex] = *m_hover;
    std::optional<core::FeatureState> s = m_session.state(key);
    if (s && s->geometry) {
      Rings rings = Rings::of(s->geometry.get());
      if (rings.removeVertex(vertex))
        commit(key, *s, rings.build(), tr("Delete vertex"));
    }
    m_hover.reset();
    return true;
  }
  if (!m_selection.empty() && onDeleteSelected)
    onDeleteSelected();
  return true;
}

void ModifyTool::commit(const core::FeatureKey &key, const core::FeatureState &start,
                        gis::Geometry g, const QString &name)
{
  core::FeatureState after{core::share(std::move(g)), start.attributes};
  m_session.apply(name, {m_session.changeTo(key, std::move(after))});
}

void ModifyTool::paint(QPainter &p, const render::MapTransform &t) const
{
  for (const core::FeatureKey &key : m_selection) {
    std::optional<core::FeatureState> s = m_session.state(key);
    if (!s || !s->geometry)
      continue;
    gis::Geometry shown;
    const GEOSGeometry *g = s->geometry.get();
    if (m_drag && m_drag->key == key) {
      const double dx = m_drag->to.x() - m_drag->from.x(), dy = m_drag->to.y() - m_drag->from.y();
      try {
        if (m_drag->vertex) {
          Rings r = m_drag->rings;
          r.moveVertex(*m_drag->vertex, m_drag->to.x(), m_drag->to.y());
          shown = r.build();
        } else {
          shown = gis::transformXY(g, [&](double &x, double &y) {
            x += dx;
            y += dy;
            return true;
          });
        }
        g = shown.get();
      } catch (const gis::GisError &) {
      }
    }
    Rings rings = Rings::of(g);
    p.setPen(QPen(QColor(255, 120, 0), 2.5));
    p.setBrush(QColor(255, 120, 0, 40));
    if (rings.point) {
      const auto [x, y] = rings.rings[0][0];
      p.drawEllipse(t.toScreen(x, y), 9, 9);
      continue;
    }
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    render::appendToPath(path, g, t);
    p.drawPath(path);
    p.setBrush(Qt::white);
    p.setPen(QPen(QColor(255, 120, 0), 1.5));
    for (const auto &ring : rings.rings)
      for (const auto &[x, y] : ring)
        p.drawRect(QRectF(t.toScreen(x, y) - QPointF(3.5, 3.5), QSizeF(7, 7)));
  }
  if (m_hover) {
    p.setPen(QPen(QColor(220, 0, 0), 2));
    p.setBrush(Qt::NoBrush);
    if (std::optional<core::FeatureState> s = m_session.state(m_hover->first); s && s->geometry) {
      Rings r = Rings::of(s->geometry.get());
      const auto &v = m_hover->second;
      if (v.ring < r.rings.size() && v.index < r.rings[v.ring].size()) {
        const auto [x, y] = r.rings[v.ring][v.index];
        p.drawRect(QRectF(t.toScreen(x, y) - QPointF(6, 6), QSizeF(12, 12)));
      }
    }
  }
  drawSnapMarker(p, t, m_snap);
}

void ModifyTool::deactivate()
{
  m_drag.reset();
  m_hover.reset();
  m_snap.reset();
}

} // namespace anzhi::desktop
