#pragma once

#include "app/desktop/BackgroundTask.h"
#include "app/render/MapRenderer.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPointF>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThreadPool;

namespace anzhi::desktop {

class CoverageLegend;

class MapTool;

//! The map view: pan, zoom, identify, select and measure, showing the image a render job made
//! for the current snapshot. Rendering never runs on the UI thread: every change of view,
//! layers or overlays cancels the running job (atomic flag polled per feature) and starts a new
//! one on a worker; meanwhile the last finished image is drawn scaled and moved to the new view.
//! Highlights, selection, rubber bands and measurements are few shapes drawn directly on top.
//! Ownership: a QWidget owned by its parent; owns its thread pool and render jobs' results;
//! jobs share the snapshot (shared_ptr<const Project>) and their cancel flag. Thread: UI only.
class MapCanvas : public QWidget
{
  Q_OBJECT
public:
  enum class Tool
  {
    Pan,
    ZoomBox,
    Identify,
    Select,
    MeasureDistance,
    MeasureArea
  };

  explicit MapCanvas(QWidget *parent = nullptr);
  ~MapCanvas() override;

  void setProject(std::shared_ptr<const core::Project> project);
  std::shared_ptr<const core::Project> project() const { return m_project; }
  void setLayers(const std::vector<render::LayerState> &layers);
  const std::vector<render::LayerState> &layers() const { return m_layers; }
  //! Visible layer names, top-most first (for identify and select).
  std::vector<std::string> visibleLayersTopDown() const;
  void setViolations(std::shared_ptr<const render::ViolationOverlay> overlay);
  void setCoverage(std::optional<render::CoverageOverlay> coverage);
  void setLabelsVisible(bool visible);
  //! The project's DEM drawn as a hillshade under the layers (null: none). A new source may
  //! report its failure again.
  void setHillshade(std::shared_ptr<const render::HillshadeSource> source);
  void setHillshadeVisible(bool visible);
  bool hillshadeVisible() const { return m_hillshadeVisible; }
  //! The basemaps drawn under the hillshade, the first at the bottom.
  void setBasemaps(std::vector<render::BasemapLayer> basemaps);

  void setTool(Tool tool);
  Tool tool() const { return m_tool; }
  //! An edit tool that gets the mouse and keys before the navigation tools (null: none).
  //! Not owned.
  void setMapTool(MapTool *tool);
  MapTool *mapTool() const { return m_mapTool; }
  //! Draws the edited features and live violations over the rendered image (few shapes).
  void setEditPainter(std::function<void(QPainter &, const render::MapTransform &)> painter);
  //! Base features the renderer leaves out (the edit painter draws their edited state).
  void
  setHiddenFeatures(std::shared_ptr<const std::map<std::string, std::set<std::int64_t>>> hidden);

  //! The emphasised geometry of the selected violation (working CRS); null clears it.
  void setHighlight(gis::Geometry geometry);
  //! Selected features' geometries (copies), drawn outlined.
  void setSelection(std::vector<gis::Geometry> geometries);
  std::optional<gis::Envelope> selectionExtent() const;

  render::MapTransform transform() const { return m_transform; }
  gis::Envelope visibleExtent() const { return m_transform.extent(); }
  void zoomToEnvelope(const gis::Envelope &env, double minSizeMetres = 0);
  //! Shows `extent` edge to edge: a view saved with visibleExtent() comes back unchanged.
  void showExtent(const gis::Envelope &extent);
  void zoomToFullExtent();
  void zoomToSelection();
  void zoomBy(double factor);
  double scaleDenominator() const;
  void setScaleDenominator(double n);

  //! True while a render job runs (or is about to start).
  bool isRendering() const { return m_renderTask.isRunning() || m_renderTimer.isActive(); }
  const render::RenderStats &lastStats() const { return m_lastStats; }
  //! The last finished image (for tests).
  const QImage &image() const { return m_image; }

signals:
  void cursorMoved(double x, double y);
  void scaleChanged(double denominator);
  void extentChanged();
  void renderStarted();
  void renderFinished();
  void renderFailed(const QString &message);
  //! The hillshade could not be drawn (the message names the DEM): once per source.
  void hillshadeFailed(const QString &message);
  //! A basemap could not be drawn (the message names its raster or template): once per
  //! message.
  void basemapFailed(const QString &message);
  //! Tile services did not answer (their hosts): the map shows their cached tiles. Once until
  //! a render finds every service answering again.
  void tileServicesUnreachable(const QStringList &services);
  //! A click of the identify tool, in map units, with the pick tolerance in map units.
  void identifyRequested(double x, double y, double tolerance);
  //! A click (box is a point) or drag of the select tool.
  void selectRequested(const gis::Envelope &box, bool add);
  //! Text of the current measurement ("" when none).
  void measured(const QString &text);
  //! The edit tool changed (set, or dropped because a navigation tool was chosen).
  void mapToolChanged();

protected:
  void paintEvent(QPaintEvent *) override;
  void resizeEvent(QResizeEvent *) override;
  void mousePressEvent(QMouseEvent *) override;
  void mouseMoveEvent(QMouseEvent *) override;
  void mouseReleaseEvent(QMouseEvent *) override;
  void mouseDoubleClickEvent(QMouseEvent *) override;
  void wheelEvent(QWheelEvent *) override;
  void keyPressEvent(QKeyEvent *) override;

private:
  void setTransform(const render::MapTransform &t, int delayMs = 0);
  void scheduleRender(int delayMs = 0);
  void startRender();
  void updateMeasurement();
  void finishMeasurement();
  QPainterPath pathOf(const GEOSGeometry *g) const;

  std::shared_ptr<const core::Project> m_project;
  std::vector<render::LayerState> m_layers = render::defaultLayerOrder();
  std::shared_ptr<const render::ViolationOverlay> m_violations;
  std::optional<render::CoverageOverlay> m_coverage;
  bool m_labels = true;
  std::shared_ptr<const render::HillshadeSource> m_hillshade;
  bool m_hillshadeVisible = true;
  bool m_hillshadeFailed = false; //!< reported for m_hillshade
  std::vector<render::BasemapLayer> m_basemaps;
  std::string m_basemapError;         //!< the last reported
  bool m_servicesUnreachable = false; //!< reported, and no render since found them answering
  render::MapRenderer m_renderer;
  render::MapTransform m_transform;

  struct RenderOutput
  {
    QImage image;
    render::MapTransform transform;
    render::RenderStats stats;
  };
  QThreadPool *m_pool;
  BackgroundTask<RenderOutput> m_renderTask;
  CoverageLegend *m_coverageLegend;
  QTimer m_renderTimer;
  std::shared_ptr<std::atomic<bool>> m_cancel;
  QImage m_image;
  render::MapTransform m_imageTransform;
  render::RenderStats m_lastStats;

  Tool m_tool = Tool::Pan;
  bool m_dragging = false;
  bool m_boxing = false;
  QPointF m_pressPos, m_lastPos;
  render::MapTransform m_pressTransform;
  std::vector<QPointF> m_measure; //!< map coordinates of measured vertices
  std::optional<QPointF> m_measureCursor;
  bool m_measureDone = false;

  MapTool *m_mapTool = nullptr;
  std::function<void(QPainter &, const render::MapTransform &)> m_editPainter;
  std::shared_ptr<const std::map<std::string, std::set<std::int64_t>>> m_hidden;
  gis::Geometry m_highlight;
  std::vector<gis::Geometry> m_selection;
};

} // namespace anzhi::desktop
