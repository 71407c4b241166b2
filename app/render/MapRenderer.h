#pragma once

#include "app/render/Basemap.h"
#include "app/render/Hillshade.h"
#include "app/render/MapOverlay.h"
#include "app/render/MapStyle.h"
#include "app/render/MapTransform.h"
#include "core/Project.h"

#include <QImage>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace anzhi::render {

//! A canonical layer in drawing order with its visibility.
struct LayerState
{
  std::string name;
  bool visible = true;
  //! The scales at which the user wants the layer drawn; none: its style's default
  //! (MapStyle::scaleRangeOf).
  std::optional<ScaleRange> userScale = std::nullopt;
};

//! The drawing order of a new map, bottom to top: areas under lines under points.
std::vector<LayerState> defaultLayerOrder();

//! A basemap as a map shows it.
struct BasemapLayer
{
  std::shared_ptr<const BasemapSource> source;
  bool visible = true;
  double opacity = 1.0;
};

//! Everything one render job needs, copied on the UI thread ("snapshot then render"): the
//! immutable project, the view, the layers and the overlays. Thread: a value; give each job
//! its own copy.
struct RenderRequest
{
  std::shared_ptr<const core::Project> project;
  MapTransform transform;
  double devicePixelRatio = 1.0;
  //! Logical dots per inch of the view, which turn its resolution into the scale 1:N that
  //! the layers' scale ranges are given in (the canvas's logicalDpiX; 96 for `render`).
  double dpi = 96;
  std::vector<LayerState> layers = defaultLayerOrder();
  //! The project's DEM, drawn as a hillshade under every layer while `hillshadeVisible` (not a
  //! LayerState: it has no features and is always at the bottom). Null: the project has none.
  std::shared_ptr<const HillshadeSource> hillshade;
  bool hillshadeVisible = true;
  //! Drawn under the hillshade, the first at the bottom.
  std::vector<BasemapLayer> basemaps;
  std::shared_ptr<const ViolationOverlay> violations;
  std::optional<CoverageOverlay> coverage;
  bool labels = true;
  //! Base features not to draw, by layer and fid: those the editor shows in their edited
  //! state or has deleted.
  std::shared_ptr<const std::map<std::string, std::set<std::int64_t>>> hidden;
};

struct RenderStats
{
  int features = 0;          //!< drawn vertex by vertex
  int dots = 0;              //!< below the level of detail, drawn as a dot
  int labels = 0;            //!< placed (after collision avoidance)
  int clusters = 0;          //!< cluster symbols drawn (each for two or more markers of a layer)
  int clusteredFeatures = 0; //!< markers drawn as part of a cluster rather than alone
  //! Where the labels were placed (logical pixels), in placing order.
  std::vector<QRectF> labelRects;
  double milliseconds = 0;
  bool cancelled = false;
  //! Why the hillshade was not drawn (names the DEM); empty when drawn or not asked for.
  std::string hillshadeError;
  //! Why a basemap was not drawn (names its raster or template); the first such.
  std::string basemapError;
  //! The tile services that did not answer (their labels; see TileTemplate::label): their
  //! cached tiles were drawn, the others left transparent.
  std::vector<std::string> unreachableServices;
};

//! Renders a project snapshot into a QImage with QPainter only (no widgets, no display): the
//! visible basemaps at their opacity (see BasemapSource), the DEM's hillshade at the style's
//! opacity when asked for (see HillshadeSource), then each visible layer's features from its
//! STR-tree query of the view extent, drawn as the layer's LayerStyle in the MapStyle says (a
//! layer without one is not drawn), features below `lodPixels` as dots, then the violation and
//! coverage overlays, then labels placed without collision (priority: sites, facilities, ranger
//! plots, plot classes) and `labelPadding` apart. A layer is drawn only within its scale range
//! (the user's, else its style's); the markers of a `clustered` layer sharing a ClusterGrid cell
//! are drawn as one cluster with their count, unlabelled (docs/map.md). Cost
//! (docs/performance.md): one-ring polygons go from GEOS to drawPolygon without a QPainterPath,
//! fills are rasterised without anti-aliasing under their anti-aliased outlines, label stamps
//! (text and halo) are cached per thread and image buffers are reused. Thread: render() may be
//! called from any thread, several at once; the cancel flag is polled per feature and a
//! cancelled render returns what it drew so far with stats.cancelled set.
class MapRenderer
{
public:
  explicit MapRenderer(MapStyle style = MapStyle::defaults());

  QImage render(const RenderRequest &request, const std::atomic<bool> *cancel = nullptr,
                RenderStats *stats = nullptr) const;

  const MapStyle &style() const { return m_style; }
  double lodPixels = 2.0;

private:
  MapStyle m_style;
};

} // namespace anzhi::render
