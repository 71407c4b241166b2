#pragma once

#include "core/LandUse.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPen>
#include <QRectF>
#include <QString>

#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace anzhi::render {

//! A fill colour chosen by the value of an attribute (a homestead's status, …).
using FillByValue = std::map<std::string, QColor, std::less<>>;

//! How a polygon is drawn: a fill under an outline, or a dot below the level of detail.
struct AreaSymbol
{
  QColor fill;
  Qt::BrushStyle pattern = Qt::SolidPattern; //!< Qt::NoBrush: outline only
  std::optional<QColor> outline;             //!< none: a darker shade of the fill (outlineOf)
  double outlineWidth = 0.6;
  Qt::PenStyle outlineStyle = Qt::SolidLine;
  Qt::PenJoinStyle outlineJoin = Qt::BevelJoin;
  bool cosmetic = true; //!< width in device pixels, whatever the painter's scale
  //! The dot of a feature below the level of detail; none: the fill when opaque, else a darker
  //! shade of it.
  std::optional<QColor> dot;

  QColor outlineColour() const;
  QColor dotColour() const;
  QPen pen() const;
  QBrush brush() const { return QBrush(fill, pattern); }
  //! This symbol with another fill; an outline and dot left to be derived follow the new fill.
  AreaSymbol withFill(const QColor &colour) const;
};

//! How a line is drawn; the width of a feature may depend on its class.
struct LineSymbol
{
  QColor colour;
  double width = 1.0;
  std::map<std::string, double, std::less<>> widthByClass;
  Qt::PenCapStyle cap = Qt::RoundCap;
  Qt::PenJoinStyle join = Qt::RoundJoin;

  double widthOf(std::string_view cls) const;
  QPen pen(double lineWidth) const
  {
    return QPen(QBrush(colour), lineWidth, Qt::SolidLine, cap, join);
  }
};

enum class MarkerShape
{
  Square,
  Cross,
  Circle,
  Diamond,
  Triangle
};

//! A point symbol in pixels, whatever the scale, standing out on a halo.
struct MarkerSymbol
{
  MarkerShape shape = MarkerShape::Square;
  //! The shape's bounding box relative to the point: a triangle's apex is at its top centre,
  //! its base along its bottom, so the point need not be its centre.
  QRectF box;
  double armWidth = 0;        //!< of a cross's arms
  std::optional<QColor> fill; //!< none: the halo alone, an outline
  QColor halo{Qt::white};
  //! Width of the halo: a stroke on the outline; a cross, whose arms a stroke would eat into,
  //! stands on a larger cross, `haloWidth` wider and `haloLength` longer.
  double haloWidth = 0;
  double haloLength = 0; //!< a cross's only

  //! How far from the point the marker may paint, in whole pixels.
  double reach() const;
};

//! When and how a layer's features are named.
struct LabelStyle
{
  QColor colour;
  int priority = 0; //!< lower is placed first, taking the space
  int pixelSize = 12;
  bool bold = false;
  bool beside = false; //!< beside a point symbol rather than centred on the feature
  //! Placed only while the view is finer than this (units per pixel, exclusive) …
  double maxUnitsPerPixel = std::numeric_limits<double>::infinity();
  //! … and on an area whose box on screen exceeds this (pixels, exclusive; negative: any).
  QSizeF minBox{-1, -1};

  bool placedAt(double unitsPerPixel, const QSizeF &box) const
  {
    return unitsPerPixel < maxUnitsPerPixel && box.width() > minBox.width() &&
           box.height() > minBox.height();
  }
};

//! The scales at which a layer is drawn, as denominators N of 1:N; 0 on a side: no limit.
//! `minScale` is the smallest scale (the largest N: the farthest one may zoom out) and
//! `maxScale` the largest (the smallest N), both inclusive, as in QGIS.
struct ScaleRange
{
  double minScale = 0;
  double maxScale = 0;

  bool contains(double denominator) const
  {
    return (minScale <= 0 || denominator <= minScale) && (maxScale <= 0 || denominator >= maxScale);
  }
  bool unlimited() const { return minScale <= 0 && maxScale <= 0; }
  bool operator==(const ScaleRange &) const = default;
};

//! The symbology of one canonical layer. An area layer has `area`, a line layer `line` and a
//! point layer `marker`; an area layer with a marker shows the features smaller than the
//! marker as the marker (a county view shows where the sites are), named by `markerLabel`.
struct LayerStyle
{
  std::optional<AreaSymbol> area;
  std::optional<LineSymbol> line;
  std::optional<MarkerSymbol> marker;
  std::optional<LabelStyle> label;
  std::optional<LabelStyle> markerLabel;
  //! Where the layer is drawn unless the user chose otherwise (LayerState::userScale): dense
  //! layers appear as one zooms in (docs/map.md).
  ScaleRange scaleRange;
  //! Markers (of points, or of areas too small to see) closer than a grid cell are drawn as
  //! one cluster with their count, coarser than `MapStyle::clusterMaxScale`.
  bool clustered = false;
};

//! Fills of reclaimed_homesteads by status, and of the reclaimed ones by target_use; a status
//! not listed keeps the layer's fill (pending).
struct HomesteadFills
{
  FillByValue byStatus;
  std::string reclaimed = "reclaimed";
  FillByValue byTargetUse;
  QColor otherTargetUse; //!< of a reclaimed homestead whose target_use is not listed
};

//! The symbology of every role (symbology.md): the 用地用海分类 (2023) land-use palette for
//! planned plots and buildings, and Anzhi's own symbols for the other layers. A value type,
//! copied into each render job. Thread: any (const use).
struct MapStyle
{
  //! The default palette of symbology.md.
  static MapStyle defaults();

  //! Fill of a planned plot: its class's colour for the classes the rules know, else the
  //! colour of its raw planning code (0701 城镇住宅, 0703 农村宅基地, 1402 防护绿地 …), else
  //! `otherFill`.
  QColor landUseFill(core::LandUseClass cls, const std::optional<std::string> &raw) const;
  //! Fill of a homestead by its status and target_use (see HomesteadFills); none: the
  //! layer's own.
  std::optional<QColor> homesteadFill(const std::optional<std::string> &status,
                                      const std::optional<std::string> &targetUse) const;
  //! Outline of a fill: a darker shade of it.
  static QColor outlineOf(const QColor &fill) { return fill.darker(150); }

  //! The style of a canonical layer; null for a layer without one (not drawn).
  const LayerStyle *layer(std::string_view name) const;
  //! Where a layer is drawn: the user's range when given, else its style's.
  ScaleRange scaleRangeOf(std::string_view name, const std::optional<ScaleRange> &user) const;
  //! The fill of a layer's marker, which also draws its coverage circles; black without one.
  QColor markerColour(std::string_view name) const;

  std::map<core::LandUseClass, QColor> classFill;
  std::map<std::string, QColor> codeFill; //!< by 用地用海 code prefix (longest match wins)
  QColor otherFill{225, 225, 225};
  HomesteadFills homesteads;
  std::map<std::string, LayerStyle, std::less<>> layers;
  QColor background{255, 255, 255};
  //! Half: the relief reads without competing with the lines and labels drawn over it.
  double hillshadeOpacity = 0.5;

  QColor violationError{220, 0, 0};
  QColor violationWarning{255, 140, 0};
  QColor highlight{0, 200, 255};

  //! Cluster grid: cells of this many pixels (about three markers), anchored to map
  //! coordinates so that panning does not move them.
  double clusterCellPixels = 40;
  //! Markers are clustered only at scales smaller than this (1:N, exclusive): from the
  //! street-level view down every feature is drawn.
  double clusterMaxScale = 20000;
  //! Free space kept between labels (pixels), so that they never tile the view edge to edge.
  double labelPadding = 6;

  QString fontFamily = QStringLiteral("Noto Sans CJK SC");
  int labelPixelSize = 12;
  QFont font(int pixelSize, bool bold = false) const;
};

} // namespace anzhi::render
