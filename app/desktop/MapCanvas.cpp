#include "app/desktop/MapCanvas.h"

#include "app/desktop/CoverageLegend.h"

#include "app/desktop/Names.h"
#include "app/desktop/ProjectLayers.h"
#include "app/desktop/edit/MapTool.h"
#include "app/render/GeometryPath.h"
#include "gis/EllipsoidalArea.h"
#include "gis/GisError.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QThreadPool>
#include <QWheelEvent>

#include <cmath>

namespace anzhi::desktop {

MapCanvas::MapCanvas(QWidget *parent)
    : QWidget(parent)
    , m_pool(new QThreadPool(this))
    , m_renderTask(this, m_pool)
    , m_coverageLegend(new CoverageLegend(this))
{
  // Two workers: a cancelled job can wind down while its successor starts.
  m_pool->setMaxThreadCount(2);
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(200, 150);
  m_renderTimer.setSingleShot(true);
  connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
}

MapCanvas::~MapCanvas()
{
  if (m_cancel)
    m_cancel->store(true);
  m_pool->waitForDone(); // cancelled jobs stop at their next feature
}

void MapCanvas::setProject(std::shared_ptr<const core::Project> project)
{
  m_project = std::move(project);
  m_violations.reset();
  m_coverage.reset();
  m_highlight.reset();
  m_selection.clear();
  m_measure.clear();
  m_image = QImage();
  zoomToFullExtent();
}

void MapCanvas::setLayers(const std::vector<render::LayerState> &layers)
{
  m_layers = layers;
  scheduleRender();
}

void MapCanvas::setHillshade(std::shared_ptr<const render::HillshadeSource> source)
{
  m_hillshade = std::move(source);
  m_hillshadeFailed = false;
  scheduleRender();
}

void MapCanvas::setHillshadeVisible(bool visible)
{
  m_hillshadeVisible = visible;
  scheduleRender();
}

void MapCanvas::setBasemaps(std::vector<render::BasemapLayer> basemaps)
{
  m_basemaps = std::move(basemaps);
  scheduleRender();
}

std::vector<std::string> MapCanvas::visibleLayersTopDown() const
{
  std::vector<std::string> out;
  for (auto it = m_layers.rbegin(); it != m_layers.rend(); ++it)
    if (it->visible)
      out.push_back(it->name);
  return out;
}

void MapCanvas::setViolations(std::shared_ptr<const render::ViolationOverlay> overlay)
{
  m_violations = std::move(overlay);
  scheduleRender();
}

void MapCanvas::setCoverage(std::optional<render::CoverageOverlay> coverage)
{
  m_coverage = std::move(coverage);
  m_coverageLegend->setCoverage(m_coverage, m_renderer.style());
  scheduleRender();
}

void MapCanvas::setLabelsVisible(bool visible)
{
  m_labels = visible;
  scheduleRender();
}

void MapCanvas::setTool(Tool tool)
{
  if (m_mapTool) {
    m_mapTool->deactivate();
    m_mapTool = nullptr;
    emit mapToolChanged();
  }
  m_tool = tool;
  m_measure.clear();
  m_measureCursor.reset();
  m_measureDone = false;
  emit measured(QString());
  setCursor(tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
  update();
}

void MapCanvas::setMapTool(MapTool *tool)
{
  if (m_mapTool && m_mapTool != tool)
    m_mapTool->deactivate();
  m_mapTool = tool;
  if (tool)
    setCursor(Qt::CrossCursor);
  else
    setTool(m_tool);
  emit mapToolChanged();
  update();
}

void MapCanvas::setEditPainter(
    std::function<void(QPainter &, const render::MapTransform &)> painter)
{
  m_editPainter = std::move(painter);
  update();
}

void MapCanvas::setHiddenFeatures(
    std::shared_ptr<const std::map<std::string, std::set<std::int64_t>>> hidden)
{
  m_hidden = std::move(hidden);
  scheduleRender();
}

void MapCanvas::setHighlight(gis::Geometry geometry)
{
  m_highlight = std::move(geometry);
  update();
}

void MapCanvas::setSelection(std::vector<gis::Geometry> geometries)
{
  m_selection = std::move(geometries);
  update();
}

std::optional<gis::Envelope> MapCanvas::selectionExtent() const
{
  std::optional<gis::Envelope> out;
  auto add = [&](const GEOSGeometry *g) {
    if (!g || gis::isEmpty(g))
      return;
    gis::Envelope e = gis::envelope(g);
    if (out)
      out->expandToInclude(e);
    else
      out = e;
  };
  for (const auto &g : m_selection)
    add(g.get());
  if (!out)
    add(m_highlight.get());
  return out;
}

void MapCanvas::zoomToEnvelope(const gis::Envelope &env, double minSizeMetres)
{
  gis::Envelope e = env;
  const double w = e.maxX - e.minX, h = e.maxY - e.minY;
  if (w < minSizeMetres) {
    e.minX -= (minSizeMetres - w) / 2;
    e.maxX += (minSizeMetres - w) / 2;
  }
  if (h < minSizeMetres) {
    e.minY -= (minSizeMetres - h) / 2;
    e.maxY += (minSizeMetres - h) / 2;
  }
  setTransform(render::MapTransform::fitting(e, size(), 0.08));
}

void MapCanvas::showExtent(const gis::Envelope &extent)
{
  setTransform(render::MapTransform::fitting(extent, size(), 0));
}

void MapCanvas::zoomToFullExtent()
{
  if (!m_project)
    return;
  if (auto e = projectExtent(*m_project))
    setTransform(render::MapTransform::fitting(*e, size()));
}

void MapCanvas::zoomToSelection()
{
  if (auto e = selectionExtent())
    zoomToEnvelope(*e, 200);
}

void MapCanvas::zoomBy(double factor)
{
  if (m_transform.isValid())
    setTransform(m_transform.zoomedAt(QPointF(width() / 2.0, height() / 2.0), factor), 120);
}

double MapCanvas::scaleDenominator() const
{
  return m_transform.scaleDenominator(logicalDpiX());
}

void MapCanvas::setScaleDenominator(double n)
{
  if (m_transform.isValid() && n > 0)
    setTransform(m_transform.withScaleDenominator(n, logicalDpiX()));
}

void MapCanvas::setTransform(const render::MapTransform &t, int delayMs)
{
  if (!t.isValid())
    return;
  // Keep the resolution in a sane range: 1 cm to 2 km per pixel.
  render::MapTransform clamped = t;
  if (t.unitsPerPixel() < 0.01 || t.unitsPerPixel() > 2000)
    clamped = render::MapTransform(t.centerX(), t.centerY(),
                                   std::clamp(t.unitsPerPixel(), 0.01, 2000.0), t.size());
  const bool scaleChange = clamped.unitsPerPixel() != m_transform.unitsPerPixel();
  m_transform = clamped;
  update();
  emit extentChanged();
  if (scaleChange)
    emit scaleChanged(scaleDenominator());
  scheduleRender(delayMs);
}

void MapCanvas::scheduleRender(int delayMs)
{
  if (!m_project || !m_transform.isValid())
    return;
  if (m_cancel)
    m_cancel->store(true); // the running job's image would be stale anyway
  m_renderTimer.start(delayMs);
}

void MapCanvas::startRender()
{
  if (!m_project || !m_transform.isValid())
    return;
  if (m_cancel)
    m_cancel->store(true);
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  m_cancel = cancel;
  // Snapshot on the UI thread; the job reads only its copy and the immutable project.
  render::RenderRequest request;
  request.project = m_project;
  request.transform = m_transform;
  request.devicePixelRatio = devicePixelRatioF();
  request.dpi = logicalDpiX(); // the scale the status bar shows is the one ranges compare with
  request.layers = m_layers;
  request.violations = m_violations;
  request.coverage = m_coverage;
  request.labels = m_labels;
  request.hidden = m_hidden;
  request.hillshade = m_hillshade;
  request.hillshadeVisible = m_hillshadeVisible;
  request.basemaps = m_basemaps;
  const render::MapRenderer renderer = m_renderer;
  emit renderStarted();
  // A newer job supersedes this one: its image would be stale.
  m_renderTask.start(
      [request, cancel, renderer] {
        RenderOutput out;
        out.transform = request.transform;
        out.image = renderer.render(request, cancel.get(), &out.stats);
        return out;
      },
      [this, source = m_hillshade](RenderOutput out) {
        if (out.stats.cancelled)
          return;
        if (!out.stats.hillshadeError.empty() && source == m_hillshade && !m_hillshadeFailed) {
          m_hillshadeFailed = true;
          emit hillshadeFailed(QString::fromStdString(out.stats.hillshadeError));
        }
        if (!out.stats.basemapError.empty() && out.stats.basemapError != m_basemapError) {
          m_basemapError = out.stats.basemapError;
          emit basemapFailed(QString::fromStdString(m_basemapError));
        }
        const bool unreachable = !out.stats.unreachableServices.empty();
        if (unreachable && !m_servicesUnreachable) {
          QStringList services;
          for (const std::string &service : out.stats.unreachableServices)
            services << QString::fromStdString(service);
          emit tileServicesUnreachable(services);
        }
        m_servicesUnreachable = unreachable;
        m_image = std::move(out.image);
        m_imageTransform = out.transform;
        m_lastStats = out.stats;
        update();
        emit renderFinished();
      },
      [this](const QString &message) {
        update(); // no longer rendering
        emit renderFailed(message);
      });
}

QPainterPath MapCanvas::pathOf(const GEOSGeometry *g) const
{
  QPainterPath path;
  path.setFillRule(Qt::OddEvenFill);
  render::appendToPath(path, g, m_transform);
  return path;
}

void MapCanvas::paintEvent(QPaintEvent *)
{
  QPainter p(this);
  p.fillRect(rect(), m_renderer.style().background);
  if (!m_image.isNull() && m_imageTransform.isValid()) {
    // The last image, moved and scaled to the current view while the next one renders.
    const QRectF target = m_transform.toScreen(m_imageTransform.extent());
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_imageTransform == m_transform);
    p.drawImage(target, m_image);
  }
  p.setRenderHint(QPainter::Antialiasing, true);
  if (m_editPainter)
    m_editPainter(p, m_transform);
  const QColor hl = m_renderer.style().highlight;
  for (const auto &g : m_selection) {
    if (!g)
      continue;
    const int type = gis::typeId(g.get());
    if (type == GEOS_POINT || type == GEOS_MULTIPOINT) {
      p.setPen(QPen(hl, 3));
      p.setBrush(Qt::NoBrush);
      render::forEachPoint(g.get(), m_transform, [&](QPointF at) { p.drawEllipse(at, 9, 9); });
    } else {
      QColor fill = hl;
      fill.setAlpha(50);
      p.setPen(QPen(hl, 3));
      p.setBrush(fill);
      p.drawPath(pathOf(g.get()));
    }
  }
  if (m_highlight) {
    const QColor c(255, 0, 200);
    const int type = gis::typeId(m_highlight.get());
    const QRectF box = m_transform.toScreen(gis::envelope(m_highlight.get()));
    if (type == GEOS_POINT || type == GEOS_MULTIPOINT || (box.width() < 10 && box.height() < 10)) {
      p.setPen(QPen(c, 3.5));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(box.center(), 14, 14);
    } else {
      QColor fill = c;
      fill.setAlpha(70);
      p.setPen(QPen(c, 3.5));
      p.setBrush(fill);
      p.drawPath(pathOf(m_highlight.get()));
    }
  }
  if (m_boxing) {
    p.setPen(QPen(QColor(0, 90, 200), 1.5, Qt::DashLine));
    p.setBrush(QColor(0, 90, 200, 40));
    p.drawRect(QRectF(m_pressPos, m_lastPos).normalized());
  }
  if (!m_measure.empty()) {
    QPolygonF line;
    for (const QPointF &m : m_measure)
      line << m_transform.toScreen(m.x(), m.y());
    if (m_measureCursor && !m_measureDone)
      line << m_transform.toScreen(m_measureCursor->x(), m_measureCursor->y());
    QPen pen(QColor(230, 60, 0), 2.5);
    p.setPen(pen);
    if (m_tool == Tool::MeasureArea && line.size() > 2) {
      p.setBrush(QColor(230, 60, 0, 50));
      p.drawPolygon(line);
    } else {
      p.setBrush(Qt::NoBrush);
      p.drawPolyline(line);
    }
    p.setBrush(QColor(230, 60, 0));
    for (const QPointF &v : line)
      p.drawEllipse(v, 3, 3);
  }
  if (m_mapTool)
    m_mapTool->paint(p, m_transform);
  if (isRendering()) {
    p.setPen(QColor(90, 90, 90));
    p.setFont(m_renderer.style().font(11));
    p.drawText(QRectF(rect()).adjusted(6, 4, -6, -4), Qt::AlignRight | Qt::AlignTop,
               tr("Rendering…"));
  }
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
  m_coverageLegend->move(m_coverageLegend->x(), height() - m_coverageLegend->height() - 6);
  if (!m_transform.isValid()) {
    zoomToFullExtent();
    return;
  }
  setTransform(m_transform.withSize(size()), 60);
}

void MapCanvas::mousePressEvent(QMouseEvent *e)
{
  if (m_mapTool && m_mapTool->mousePress(e, m_transform)) {
    update();
    return;
  }
  m_pressPos = m_lastPos = e->position();
  m_pressTransform = m_transform;
  if (e->button() == Qt::RightButton) {
    if (m_tool == Tool::MeasureDistance || m_tool == Tool::MeasureArea)
      finishMeasurement();
    return;
  }
  if (e->button() != Qt::LeftButton)
    return;
  const bool shift = e->modifiers() & Qt::ShiftModifier;
  switch (m_tool) {
  case Tool::Pan:
    if (shift) {
      m_boxing = true;
    } else {
      m_dragging = true;
      setCursor(Qt::ClosedHandCursor);
    }
    break;
  case Tool::ZoomBox:
  case Tool::Select:
    m_boxing = true;
    break;
  case Tool::Identify:
    break;
  case Tool::MeasureDistance:
  case Tool::MeasureArea: {
    if (m_measureDone) {
      m_measure.clear();
      m_measureDone = false;
    }
    m_measure.push_back(m_transform.toMap(e->position()));
    updateMeasurement();
    break;
  }
  }
}

void MapCanvas::mouseMoveEvent(QMouseEvent *e)
{
  const QPointF map = m_transform.toMap(e->position());
  emit cursorMoved(map.x(), map.y());
  if (!m_dragging && m_mapTool && m_mapTool->mouseMove(e, m_transform)) {
    update();
    return;
  }
  if (m_dragging) {
    setTransform(m_pressTransform.pannedBy(e->position() - m_pressPos), 1000000);
    m_renderTimer.stop(); // render when the drag ends
    m_lastPos = e->position();
    return;
  }
  m_lastPos = e->position();
  if (m_boxing) {
    update();
  } else if ((m_tool == Tool::MeasureDistance || m_tool == Tool::MeasureArea) &&
             !m_measure.empty() && !m_measureDone) {
    m_measureCursor = map;
    updateMeasurement();
  }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *e)
{
  if (!m_dragging && m_mapTool && m_mapTool->mouseRelease(e, m_transform)) {
    update();
    return;
  }
  if (e->button() != Qt::LeftButton)
    return;
  if (m_dragging) {
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    scheduleRender();
    return;
  }
  const QRectF box = QRectF(m_pressPos, e->position()).normalized();
  const bool isClick = box.width() < 4 && box.height() < 4;
  const double tolerance = 4 * m_transform.unitsPerPixel();
  if (m_boxing) {
    m_boxing = false;
    update();
    if (m_tool == Tool::Select) {
      const QPointF a = m_transform.toMap(box.topLeft()), b = m_transform.toMap(box.bottomRight());
      gis::Envelope env{a.x(), b.y(), b.x(), a.y()};
      if (isClick) {
        const QPointF c = m_transform.toMap(e->position());
        env = {c.x() - tolerance, c.y() - tolerance, c.x() + tolerance, c.y() + tolerance};
      }
      emit selectRequested(env, e->modifiers() & Qt::ControlModifier);
      return;
    }
    if (isClick) {
      setTransform(m_transform.zoomedAt(e->position(), 2.0));
      return;
    }
    const QPointF a = m_transform.toMap(box.topLeft()), b = m_transform.toMap(box.bottomRight());
    setTransform(render::MapTransform::fitting({a.x(), b.y(), b.x(), a.y()}, size(), 0));
    return;
  }
  if (m_tool == Tool::Identify && isClick) {
    const QPointF c = m_transform.toMap(e->position());
    emit identifyRequested(c.x(), c.y(), tolerance);
  }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *e)
{
  if (m_mapTool && m_mapTool->mouseDoubleClick(e, m_transform)) {
    update();
    return;
  }
  if (m_tool == Tool::MeasureDistance || m_tool == Tool::MeasureArea) {
    finishMeasurement();
    return;
  }
  if (m_tool == Tool::Pan && e->button() == Qt::LeftButton)
    setTransform(m_transform.zoomedAt(e->position(), 2.0));
}

void MapCanvas::wheelEvent(QWheelEvent *e)
{
  const double steps = e->angleDelta().y() / 120.0;
  if (steps == 0 || !m_transform.isValid())
    return;
  // Wheel steps arrive in bursts: show the scaled image at once, render when they stop.
  setTransform(m_transform.zoomedAt(e->position(), std::pow(1.25, steps)), 150);
  e->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *e)
{
  if (m_mapTool && m_mapTool->keyPress(e)) {
    update();
    return;
  }
  const double step = 0.25;
  switch (e->key()) {
  case Qt::Key_Left:
    setTransform(m_transform.pannedBy(QPointF(width() * step, 0)), 120);
    break;
  case Qt::Key_Right:
    setTransform(m_transform.pannedBy(QPointF(-width() * step, 0)), 120);
    break;
  case Qt::Key_Up:
    setTransform(m_transform.pannedBy(QPointF(0, height() * step)), 120);
    break;
  case Qt::Key_Down:
    setTransform(m_transform.pannedBy(QPointF(0, -height() * step)), 120);
    break;
  case Qt::Key_Plus:
  case Qt::Key_Equal:
    zoomBy(1.5);
    break;
  case Qt::Key_Minus:
    zoomBy(1 / 1.5);
    break;
  case Qt::Key_Escape:
    m_measure.clear();
    m_measureDone = false;
    m_boxing = false;
    emit measured(QString());
    update();
    break;
  default:
    QWidget::keyPressEvent(e);
  }
}

void MapCanvas::finishMeasurement()
{
  m_measureDone = true;
  m_measureCursor.reset();
  updateMeasurement();
}

void MapCanvas::updateMeasurement()
{
  update();
  std::vector<QPointF> pts = m_measure;
  if (m_measureCursor && !m_measureDone)
    pts.push_back(*m_measureCursor);
  if (pts.empty()) {
    emit measured(QString());
    return;
  }
  if (m_tool == Tool::MeasureDistance) {
    // Distance is planar in the working CRS (docs/contract.md, "Units, coordinates, measures").
    double total = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
      total += std::hypot(pts[i].x() - pts[i - 1].x(), pts[i].y() - pts[i - 1].y());
    emit measured(tr("Distance: %1").arg(Names::metres(total)));
    return;
  }
  if (pts.size() < 3 || !m_project) {
    emit measured(tr("Area: click at least three points"));
    return;
  }
  // Area is ellipsoidal (docs/contract.md, "Units, coordinates, measures"), on the working CRS's
  // ellipsoid.
  std::vector<std::pair<double, double>> ring;
  for (const QPointF &q : pts)
    ring.emplace_back(q.x(), q.y());
  try {
    gis::Geometry polygon = gis::makePolygon(ring);
    double m2 = gis::EllipsoidalArea::forThread(m_project->workingCrs).squareMetres(polygon.get());
    emit measured(tr("Area: %1").arg(Names::area(std::abs(m2))));
  } catch (const gis::GisError &e) {
    emit measured(tr("Area: %1").arg(QString::fromStdString(e.what())));
  }
}

} // namespace anzhi::desktop
