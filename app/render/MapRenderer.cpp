#include "app/render/MapRenderer.h"
#include "app/render/MuText.h"

#include "app/render/ClusterGrid.h"
#include "app/render/GeometryPath.h"
#include "app/render/Marker.h"
#include "core/Glossary.h"
#include "gis/EllipsoidalArea.h"
#include "gis/GisError.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace anzhi::render {

std::vector<LayerState> defaultLayerOrder()
{
  return {{"forest_land", true},
          {"reclaimed_homesteads", true},
          {"planned_plots", true},
          {"industrial_parks", true},
          {"buildings", true},
          {"school_catchments", true},
          {"roads", true},
          {"ranger_plots", true},
          {"resettlement_sites", true},
          {"service_points", true},
          {"elderly_care", true},
          {"clinics", true},
          {"schools", true},
          {"rangers", true}};
}

MapRenderer::MapRenderer(MapStyle style)
    : m_style(std::move(style))
{
}

namespace {

//! An AreaSymbol resolved into what the painter takes, once per layer (or per fill).
struct Symbol
{
  explicit Symbol(const AreaSymbol &area)
      : pen(area.pen())
      , brush(area.brush())
      , dot(area.dotColour())
  {
  }
  QPen pen;
  QBrush brush;
  QColor dot;
};

struct Label
{
  QPointF anchor;
  QString text;
  int priority = 0;
  QColor colour;
  int pixelSize = 12;
  bool bold = false;
  bool point = false; //!< placed beside a point symbol rather than centred
};

QString text(const std::optional<std::string> &v)
{
  return v ? QString::fromStdString(*v) : QString();
}

//! An area this small on screen is shown as its layer's marker (and clustered with others).
bool fitsMarker(const QRectF &box, const MarkerSymbol &marker)
{
  return box.width() < marker.box.width() && box.height() < marker.box.height();
}

//! A marker to draw: where (map units) and for which feature of its layer.
struct MarkerAt
{
  double x = 0, y = 0;
  std::size_t feature = 0;
};

//! One render job's state.
class Job
{
public:
  Job(const MapRenderer &renderer, const RenderRequest &request, QPainter &painter,
      const std::atomic<bool> *cancel, RenderStats &stats)
      : r(renderer)
      , s(renderer.style())
      , req(request)
      , p(painter)
      , t(request.transform)
      , extent(request.transform.extent())
      , cancel(cancel)
      , stats(stats)
  {
  }

  bool cancelled() const
  {
    if (cancel && cancel->load(std::memory_order_relaxed)) {
      stats.cancelled = true;
      return true;
    }
    return false;
  }

  void run();

private:
  void layer(const LayerState &state);
  template<typename F> void draw(const core::Layer<F> &layer, const LayerStyle &style);
  template<typename F>
  void areas(const core::Layer<F> &layer, const AreaSymbol &area, const LabelStyle *label,
             const MarkerSymbol *marker);
  template<typename F>
  void smallAreas(const core::Layer<F> &layer, const MarkerSymbol &marker, const LabelStyle *label,
                  bool clustered);
  template<typename F>
  void points(const core::Layer<F> &layer, const MarkerSymbol &marker, const LabelStyle *label,
              bool clustered);
  //! Draws `at` as markers, or per ClusterGrid cell when `clustered` and the view is coarser
  //! than the style's clusterMaxScale; calls alone(feature, screen point) for each marker
  //! drawn by itself (a clustered one is not labelled: its count speaks for it).
  template<typename Alone>
  void markers(const MarkerSymbol &marker, bool clustered, const std::vector<MarkerAt> &at,
               Alone alone);
  template<typename F> void lines(const core::Layer<F> &layer, const LineSymbol &line);
  void basemaps();
  void hillshade();
  void violations();
  void coverage();
  void labels();

  // What depends on the feature and not only on its layer: the symbol of an area, the width
  // of a line, the text of a label (none: not labelled).
  template<typename F> const Symbol &symbolOf(const F &, const Symbol &layerSymbol)
  {
    return layerSymbol;
  }
  const Symbol &symbolOf(const core::PlannedPlot &f, const Symbol &)
  {
    return symbolFor(s.landUseFill(f.landUseClass, f.landUse));
  }
  const Symbol &symbolOf(const core::Homestead &f, const Symbol &layerSymbol)
  {
    const std::optional<QColor> fill = s.homesteadFill(f.status, f.targetUse);
    return fill ? symbolFor(*fill) : layerSymbol;
  }
  template<typename F> double widthOf(const F &, const LineSymbol &line) { return line.width; }
  double widthOf(const core::Road &f, const LineSymbol &line)
  {
    return line.widthOf(f.roadClass ? std::string_view(*f.roadClass) : std::string_view());
  }
  template<typename F> std::optional<QString> labelOf(const F &f)
  {
    if constexpr (requires { f.name; }) {
      if (f.name)
        return text(f.name);
    }
    return std::nullopt;
  }
  std::optional<QString> labelOf(const core::PlannedPlot &f)
  {
    // Named as coloured: a 1401 plot the rule set leaves in `other` is 公园绿地.
    return QString::fromStdString(core::landUseLabelZh(f.landUseClass, f.landUse));
  }
  std::optional<QString> labelOf(const core::RangerPlot &f);

  //! The symbol of the current area layer with another fill, made once per fill.
  const Symbol &symbolFor(const QColor &fill)
  {
    auto it = fillSymbols.find(fill.rgba());
    if (it == fillSymbols.end())
      it = fillSymbols.emplace(fill.rgba(), Symbol(currentArea->withFill(fill))).first;
    return it->second;
  }
  //! Painter state for the fill pass of an area: no pen, no anti-aliasing.
  void setAntialiasing(bool on)
  {
    if (aaOn != on) {
      p.setRenderHint(QPainter::Antialiasing, on);
      aaOn = on;
    }
  }
  void setFill(const QBrush &brush)
  {
    setAntialiasing(false);
    if (penOn) {
      p.setPen(Qt::NoPen);
      penOn = false;
    }
    p.setBrush(brush);
  }
  //! Painter state for the outline pass: the pen, anti-aliased, no brush.
  void setOutline(const QPen &pen)
  {
    setAntialiasing(true);
    p.setPen(pen);
    penOn = true;
    p.setBrush(Qt::NoBrush);
  }
  //! The fids of `layer` the request hides (null when none: the common case costs nothing).
  const std::set<std::int64_t> *hiddenIn(const std::string &layer) const
  {
    if (!req.hidden)
      return nullptr;
    auto it = req.hidden->find(layer);
    return it == req.hidden->end() ? nullptr : &it->second;
  }
  template<typename F> void addLabel(const LabelStyle &style, const F &f, QPointF anchor)
  {
    if (std::optional<QString> text = labelOf(f))
      pending.push_back({anchor, std::move(*text), style.priority, style.colour, style.pixelSize,
                         style.bold, style.beside});
  }

  const MapRenderer &r;
  const MapStyle &s;
  const RenderRequest &req;
  QPainter &p;
  const MapTransform &t;
  const gis::Envelope extent;
  const std::atomic<bool> *cancel;
  RenderStats &stats;
  const AreaSymbol *currentArea = nullptr;         //!< of the area layer being drawn
  std::unordered_map<QRgb, Symbol> fillSymbols;    //!< its symbols by fill, see symbolFor()
  const gis::EllipsoidalArea *ellipsoid = nullptr; //!< made on the first ranger plot label
  std::vector<Label> pending;
  bool aaOn = true, penOn = true; //!< painter state, see setFill() and setOutline()
  std::vector<QPointF> ring;      //!< reused by every feature (no per-feature allocation)
  QPainterPath path;              //!< reused likewise for polygons with holes or several parts
};

std::optional<QString> Job::labelOf(const core::RangerPlot &f)
{
  if (!ellipsoid)
    ellipsoid = &gis::EllipsoidalArea::forThread(req.project->workingCrs);
  double mu = 0;
  try {
    mu = gis::EllipsoidalArea::toMu(ellipsoid->squareMetres(f.geometry.get()));
  } catch (const gis::GisError &) {
    return std::nullopt;
  }
  const QString who = f.rangerCode ? text(f.rangerCode) : QStringLiteral("?");
  return QStringLiteral("%1 %2亩").arg(who, muText(mu));
}

void Job::layer(const LayerState &state)
{
  const LayerStyle *style = s.layer(state.name);
  if (!style || !s.scaleRangeOf(state.name, state.userScale).contains(t.scaleDenominator(req.dpi)))
    return;
  req.project->visitLayer(state.name, [&](const auto &layer) { draw(layer, *style); });
}

template<typename F> void Job::draw(const core::Layer<F> &layer, const LayerStyle &style)
{
  if (!layer.present)
    return;
  const LabelStyle *label = req.labels && style.label ? &*style.label : nullptr;
  if (style.area) {
    areas(layer, *style.area, label, style.marker ? &*style.marker : nullptr);
    if (style.marker)
      smallAreas(layer, *style.marker,
                 req.labels && style.markerLabel ? &*style.markerLabel : nullptr, style.clustered);
  } else if (style.line) {
    lines(layer, *style.line);
  } else if (style.marker) {
    points(layer, *style.marker, label, style.clustered);
  }
}

template<typename F>
void Job::areas(const core::Layer<F> &layer, const AreaSymbol &area, const LabelStyle *label,
                const MarkerSymbol *marker)
{
  const double lod = r.lodPixels;
  const double upp = t.unitsPerPixel();
  currentArea = &area;
  fillSymbols.clear();
  const Symbol layerSymbol(area);
  const Symbol *current = nullptr;
  bool filled = false;
  // Other layers set the painter directly: start from a known state, and leave it as found
  // (anti-aliased) on every return.
  aaOn = true;
  penOn = true;
  struct RestoreAa
  {
    Job &job;
    ~RestoreAa() { job.setAntialiasing(true); }
  } restore{*this};
  const std::set<std::int64_t> *hidden = hiddenIn(layer.name);
  for (std::size_t i : layer.candidates(extent)) {
    if (cancelled())
      return;
    const F &f = layer.features[i];
    if (hidden && hidden->count(f.fid))
      continue;
    // The STR-tree holds only features with a non-empty geometry: no GEOS call needed here.
    if (!f.geometry)
      continue;
    const QRectF box = t.toScreen(f.envelope);
    if (marker && fitsMarker(box, *marker))
      continue; // smallAreas() draws it as the marker or in a cluster
    const Symbol &sym = symbolOf(f, layerSymbol);
    if (box.width() < lod && box.height() < lod) {
      setAntialiasing(true);
      p.fillRect(QRectF(box.center() - QPointF(0.75, 0.75), QSizeF(1.5, 1.5)), sym.dot);
      ++stats.dots;
      continue;
    }
    if (&sym != current) {
      current = &sym;
      filled = sym.brush.style() != Qt::NoBrush;
    }
    // Fast path: one ring straight from GEOS to drawPolygon, no QPainterPath. The fill is
    // rasterised without anti-aliasing (whole pixels, several times cheaper for large areas)
    // and the anti-aliased outline drawn over its edge.
    const bool simple = simpleRing(f.geometry.get(), t, ring);
    if (!simple) {
      path.clear();
      path.setFillRule(Qt::OddEvenFill);
      appendToPath(path, f.geometry.get(), t);
    }
    if (filled) {
      setFill(sym.brush);
      if (simple)
        p.drawPolygon(ring.data(), int(ring.size()), Qt::OddEvenFill);
      else
        p.drawPath(path);
    }
    setOutline(sym.pen);
    if (simple)
      p.drawPolyline(ring.data(), int(ring.size()));
    else
      p.drawPath(path);
    ++stats.features;
    if (label && label->placedAt(upp, box.size()))
      addLabel(*label, f, box.center());
  }
}

template<typename F>
void Job::smallAreas(const core::Layer<F> &layer, const MarkerSymbol &marker,
                     const LabelStyle *label, bool clustered)
{
  const std::set<std::int64_t> *hidden = hiddenIn(layer.name);
  std::vector<MarkerAt> at;
  for (std::size_t i : layer.candidates(extent)) {
    if (cancelled())
      return;
    const F &f = layer.features[i];
    if (hidden && hidden->count(f.fid))
      continue;
    if (f.hasGeometry() && fitsMarker(t.toScreen(f.envelope), marker))
      at.push_back({f.envelope.centerX(), f.envelope.centerY(), i});
  }
  markers(marker, clustered, at, [&](std::size_t i, QPointF point) {
    if (label)
      addLabel(*label, layer.features[i], point);
  });
}

template<typename F>
void Job::points(const core::Layer<F> &layer, const MarkerSymbol &marker, const LabelStyle *label,
                 bool clustered)
{
  const double m = marker.reach() * t.unitsPerPixel();
  const gis::Envelope wide{extent.minX - m, extent.minY - m, extent.maxX + m, extent.maxY + m};
  if (label && !label->placedAt(t.unitsPerPixel(), QSizeF(0, 0)))
    label = nullptr;
  const std::set<std::int64_t> *hidden = hiddenIn(layer.name);
  std::vector<MarkerAt> at;
  for (std::size_t i : layer.candidates(wide)) {
    if (cancelled())
      return;
    const F &f = layer.features[i];
    if (!f.hasGeometry() || (hidden && hidden->count(f.fid)))
      continue;
    forEachMapPoint(f.geometry.get(), [&](double x, double y) { at.push_back({x, y, i}); });
  }
  markers(marker, clustered, at, [&](std::size_t i, QPointF point) {
    ++stats.features;
    if (label)
      addLabel(*label, layer.features[i], point);
  });
}

template<typename Alone>
void Job::markers(const MarkerSymbol &marker, bool clustered, const std::vector<MarkerAt> &at,
                  Alone alone)
{
  if (!clustered || t.scaleDenominator(req.dpi) <= s.clusterMaxScale) {
    for (const MarkerAt &m : at) {
      const QPointF point = t.toScreen(m.x, m.y);
      drawMarker(p, marker, point);
      alone(m.feature, point);
    }
    return;
  }
  const double cell = s.clusterCellPixels;
  ClusterGrid grid(cell * t.unitsPerPixel());
  for (const MarkerAt &m : at)
    grid.add(m.x, m.y, m.feature);
  const QColor colour = clusterColour(marker);
  const QFont font = s.font(11, true);
  for (const ClusterGrid::Cell &c : grid.cells()) {
    if (cancelled())
      return;
    if (c.count == 1) {
      const QPointF point = t.toScreen(c.firstX, c.firstY);
      drawMarker(p, marker, point);
      alone(c.first, point);
      continue;
    }
    // At the features' mean, kept inside the cell so that clusters never overlap.
    const double r = clusterRadius(c.count, cell / 2 - 1);
    const QRectF inside = t.toScreen(grid.bounds(c)).adjusted(r, r, -r, -r);
    const QPointF mean = t.toScreen(c.meanX(), c.meanY());
    drawCluster(p,
                QPointF(std::clamp(mean.x(), inside.left(), inside.right()),
                        std::clamp(mean.y(), inside.top(), inside.bottom())),
                r, colour, c.count, font);
    ++stats.clusters;
    stats.clusteredFeatures += c.count;
  }
}

template<typename F> void Job::lines(const core::Layer<F> &layer, const LineSymbol &line)
{
  p.setBrush(Qt::NoBrush);
  double width = -1;
  for (std::size_t i : layer.candidates(extent)) {
    if (cancelled())
      return;
    const F &f = layer.features[i];
    if (!f.geometry)
      continue;
    const QRectF box = t.toScreen(f.envelope);
    if (box.width() < r.lodPixels && box.height() < r.lodPixels) {
      ++stats.dots;
      continue;
    }
    const double w = widthOf(f, line);
    if (w != width) {
      p.setPen(line.pen(w));
      width = w;
    }
    path.clear();
    appendToPath(path, f.geometry.get(), t);
    p.drawPath(path);
    ++stats.features;
  }
}

void Job::violations()
{
  if (!req.violations)
    return;
  const ViolationOverlay &overlay = *req.violations;
  const double m = 10 * t.unitsPerPixel();
  const gis::Envelope wide{extent.minX - m, extent.minY - m, extent.maxX + m, extent.maxY + m};
  for (std::size_t i : overlay.candidates(wide)) {
    if (cancelled())
      return;
    const OverlayShape &shape = overlay.shapes()[i];
    const QColor c = shape.warning ? s.violationWarning : s.violationError;
    const QRectF box = t.toScreen(shape.envelope);
    const int type = gis::typeId(shape.geometry.get());
    if ((box.width() < 8 && box.height() < 8) || type == GEOS_POINT || type == GEOS_MULTIPOINT) {
      // Small or point locations: a ring, so that every violation stays visible at any scale.
      p.setPen(QPen(c, 2.2));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(box.center(), 8, 8);
      continue;
    }
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    appendToPath(path, shape.geometry.get(), t);
    QColor hatch = c;
    hatch.setAlpha(150); // a site-wide violation must not hide the plots under it
    drawHatched(p, path, c, hatch, Qt::FDiagPattern);
  }
}

void Job::coverage()
{
  if (!req.coverage)
    return;
  const CoverageOverlay &cov = *req.coverage;
  const core::Project &pr = *req.project;
  const double upp = t.unitsPerPixel();
  auto circles = [&](const auto &layer, const QColor &colour, auto radiiOf) {
    const double maxR = 6000;
    const gis::Envelope wide{extent.minX - maxR, extent.minY - maxR, extent.maxX + maxR,
                             extent.maxY + maxR};
    QPen solid(colour, 1.4), dashed(colour, 1.2, Qt::DashLine);
    QColor fill = colour;
    fill.setAlpha(22);
    for (std::size_t i : layer.candidates(wide)) {
      if (cancelled())
        return;
      const auto &f = layer.features[i];
      if (!f.hasGeometry())
        continue;
      for (const core::RadiusBySetting &radius : radiiOf(f)) {
        forEachPoint(f.geometry.get(), t, [&](QPointF at) {
          p.setBrush(fill);
          p.setPen(dashed);
          p.drawEllipse(at, radius.rural / upp, radius.rural / upp);
          p.setBrush(Qt::NoBrush);
          p.setPen(solid);
          p.drawEllipse(at, radius.urban / upp, radius.urban / upp);
        });
      }
    }
  };
  if (cov.schools && pr.schools.present)
    circles(pr.schools, s.markerColour("schools"), [&](const core::School &f) {
      const std::string level = f.level.value_or("");
      std::vector<core::RadiusBySetting> out;
      if (level == "primary" || level == "nine_year")
        out.push_back(cov.primaryRadius);
      if (level == "junior" || level == "nine_year")
        out.push_back(cov.juniorRadius);
      return out;
    });
  if (cov.clinics && pr.clinics.present)
    circles(pr.clinics, s.markerColour("clinics"), [&](const core::Clinic &) {
      return std::vector<core::RadiusBySetting>{cov.clinicRadius};
    });
  // Uncovered sites, filled.
  for (std::size_t i : pr.sites.candidates(extent)) {
    const core::Site &f = pr.sites.features[i];
    const bool noSchool = cov.sitesWithoutSchool.count(f.fid) > 0;
    const bool noClinic = cov.sitesWithoutClinic.count(f.fid) > 0;
    if (!f.hasGeometry() || (!noSchool && !noClinic))
      continue;
    QColor c = noSchool ? s.violationError : s.violationWarning;
    const QRectF box = t.toScreen(f.envelope);
    c.setAlpha(130);
    p.setPen(QPen(c.darker(120), 2.5));
    p.setBrush(c);
    if (box.width() < 8 && box.height() < 8) {
      p.drawEllipse(box.center(), 7, 7);
      continue;
    }
    QPainterPath path;
    appendToPath(path, f.geometry.get(), t);
    p.drawPath(path);
  }
}

constexpr double kStampMargin = 2;

//! A label's text with its white halo on a transparent image, cached per thread (render jobs
//! of one thread run one after the other) and keyed by text, font, colour and device pixel
//! ratio. Bounded: cleared when full.
const QImage &labelStamp(const Label &label, const QFont &font, const QFontMetricsF &fm,
                         QSizeF size, double dpr)
{
  struct Key
  {
    QString text;
    int pixelSize;
    bool bold;
    QRgb colour;
    double dpr;
    bool operator==(const Key &) const = default;
  };
  struct Hash
  {
    std::size_t operator()(const Key &k) const
    {
      return qHash(k.text) ^ (std::size_t(k.pixelSize) * 31u) ^ (k.bold ? 0x9e37u : 0u) ^
             (std::size_t(k.colour) * 2654435761u) ^ std::hash<double>()(k.dpr);
    }
  };
  thread_local std::unordered_map<Key, QImage, Hash> cache;
  Key key{label.text, label.pixelSize, label.bold, label.colour.rgba(), dpr};
  auto it = cache.find(key);
  if (it != cache.end())
    return it->second;
  if (cache.size() >= 4000)
    cache.clear();
  const QSizeF logical = size + QSizeF(2 * kStampMargin, 2 * kStampMargin);
  QImage stamp(QSize(int(std::ceil(logical.width() * dpr)), int(std::ceil(logical.height() * dpr))),
               QImage::Format_ARGB32_Premultiplied);
  stamp.setDevicePixelRatio(dpr);
  stamp.fill(Qt::transparent);
  {
    QPainter sp(&stamp);
    sp.setRenderHint(QPainter::Antialiasing, true);
    sp.setRenderHint(QPainter::TextAntialiasing, true);
    sp.setFont(font);
    const QPointF base(kStampMargin + 2, kStampMargin + 1 + fm.ascent());
    sp.setPen(QColor(255, 255, 255, 235));
    for (const QPointF d : {QPointF(-1.2, 0), QPointF(1.2, 0), QPointF(0, -1.2), QPointF(0, 1.2),
                            QPointF(-1, -1), QPointF(1, 1), QPointF(-1, 1), QPointF(1, -1)})
      sp.drawText(base + d, label.text);
    sp.setPen(label.colour);
    sp.drawText(base, label.text);
  }
  return cache.emplace(std::move(key), std::move(stamp)).first->second;
}

void Job::labels()
{
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Label &a, const Label &b) { return a.priority < b.priority; });
  const QRectF bounds(QPointF(0, 0), QSizeF(t.size()));
  // Occupied rectangles in a coarse grid, so that each test looks at few neighbours.
  const double cell = 96;
  const int cols = int(std::ceil(bounds.width() / cell)) + 1;
  const int rows = int(std::ceil(bounds.height() / cell)) + 1;
  std::vector<std::vector<QRectF>> grid(std::size_t(cols) * std::size_t(rows));
  auto cellsOf = [&](const QRectF &rc, auto fn) {
    const int c0 = std::clamp(int(rc.left() / cell), 0, cols - 1);
    const int c1 = std::clamp(int(rc.right() / cell), 0, cols - 1);
    const int r0 = std::clamp(int(rc.top() / cell), 0, rows - 1);
    const int r1 = std::clamp(int(rc.bottom() / cell), 0, rows - 1);
    for (int y = r0; y <= r1; ++y)
      for (int x = c0; x <= c1; ++x)
        if (!fn(grid[std::size_t(y) * std::size_t(cols) + std::size_t(x)]))
          return false;
    return true;
  };
  // A label needs its padding free around it (but not inside the view's edge).
  const double pad = s.labelPadding;
  auto isFree = [&](const QRectF &rc) {
    if (!bounds.contains(rc))
      return false;
    const QRectF padded = rc.adjusted(-pad, -pad, pad, pad);
    return cellsOf(padded, [&](const std::vector<QRectF> &rects) {
      for (const QRectF &o : rects)
        if (o.intersects(padded))
          return false;
      return true;
    });
  };
  std::map<int, std::pair<QFont, QFontMetricsF>> fonts;
  for (const Label &label : pending) {
    if (cancelled())
      return;
    const int key = label.pixelSize * 2 + (label.bold ? 1 : 0);
    auto cached = fonts.find(key);
    if (cached == fonts.end()) {
      const QFont font = s.font(label.pixelSize, label.bold);
      cached = fonts.emplace(key, std::pair<QFont, QFontMetricsF>(font, QFontMetricsF(font))).first;
    }
    const QFont &font = cached->second.first;
    const QFontMetricsF &fm = cached->second.second;
    const QSizeF size(fm.horizontalAdvance(label.text) + 4, fm.height() + 2);
    std::vector<QRectF> tries;
    if (label.point) {
      const double gap = 8;
      tries = {QRectF(label.anchor + QPointF(gap, -size.height() / 2), size),
               QRectF(label.anchor + QPointF(-gap - size.width(), -size.height() / 2), size),
               QRectF(label.anchor + QPointF(-size.width() / 2, -gap - size.height()), size),
               QRectF(label.anchor + QPointF(-size.width() / 2, gap), size)};
    } else {
      tries = {QRectF(label.anchor - QPointF(size.width() / 2, size.height() / 2), size),
               QRectF(label.anchor - QPointF(size.width() / 2, size.height() * 1.4), size),
               QRectF(label.anchor - QPointF(size.width() / 2, -size.height() * 0.4), size)};
    }
    for (const QRectF &rc : tries) {
      if (!isFree(rc))
        continue;
      cellsOf(rc, [&](std::vector<QRectF> &rects) {
        rects.push_back(rc);
        return true;
      });
      // Halo: the text drawn around in white, then in colour (glyph cache, no outlines),
      // once into a stamp cached by this thread; later renders (panning, zooming) only blit
      // it (at the nearest whole pixel).
      const QImage &stamp = labelStamp(label, font, fm, size, p.device()->devicePixelRatio());
      p.drawImage(rc.topLeft() - QPointF(kStampMargin, kStampMargin), stamp);
      ++stats.labels;
      stats.labelRects.push_back(rc);
      break;
    }
  }
}

void Job::basemaps()
{
  for (const BasemapLayer &layer : req.basemaps) {
    if (!layer.source || !layer.visible || cancelled())
      continue;
    BasemapImage drawn = layer.source->render(t, cancel);
    if (!drawn.error.empty() && stats.basemapError.empty())
      stats.basemapError = drawn.error;
    if (!drawn.unreachable.empty())
      stats.unreachableServices.push_back(drawn.unreachable);
    if (drawn.image.isNull())
      continue;
    p.save();
    p.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    p.drawImage(QRectF(QPointF(0, 0), QSizeF(t.size())), drawn.image);
    p.restore();
  }
}

void Job::hillshade()
{
  if (!req.hillshade || !req.hillshadeVisible)
    return;
  HillshadeImage shaded = req.hillshade->render(t, cancel);
  if (!shaded.error.empty())
    stats.hillshadeError = shaded.error;
  if (shaded.image.isNull())
    return;
  p.save();
  p.setOpacity(s.hillshadeOpacity);
  p.setRenderHint(QPainter::SmoothPixmapTransform, true);
  p.drawImage(QRectF(QPointF(0, 0), QSizeF(t.size())), shaded.image);
  p.restore();
}

void Job::run()
{
  basemaps();
  if (cancelled())
    return;
  hillshade();
  if (cancelled())
    return;
  p.setRenderHint(QPainter::Antialiasing, true);
  for (const LayerState &l : req.layers) {
    if (!l.visible)
      continue;
    layer(l);
    if (cancelled())
      return;
  }
  coverage();
  if (cancelled())
    return;
  violations();
  if (cancelled())
    return;
  labels();
}

//! Image buffers of finished renders, reused by the next ones: a 1920x1080 image is 8 MB, and
//! a fresh allocation costs a page fault per 4 kB on first touch (several ms per render on a
//! VM). A buffer returns here when the last QImage sharing it is destroyed. Thread: any.
struct ImagePool
{
  static constexpr std::size_t kHeader = 64; //!< the size, stored before the 64-byte aligned pixels
  static constexpr std::size_t kKeep = 3;
  std::mutex mutex;
  std::vector<unsigned char *> free;

  static ImagePool &instance()
  {
    static ImagePool *pool = new ImagePool; // never destroyed: images may outlive statics
    return *pool;
  }
  static std::size_t sizeOf(const unsigned char *block)
  {
    std::size_t size = 0;
    std::memcpy(&size, block, sizeof size);
    return size;
  }
  unsigned char *take(std::size_t size)
  {
    {
      std::lock_guard lock(mutex);
      for (auto it = free.begin(); it != free.end(); ++it) {
        if (sizeOf(*it) == size) {
          unsigned char *block = *it;
          free.erase(it);
          return block;
        }
      }
    }
    auto *block = static_cast<unsigned char *>(std::aligned_alloc(64, kHeader + size));
    if (block)
      std::memcpy(block, &size, sizeof size);
    return block;
  }
  static void release(void *info)
  {
    auto *block = static_cast<unsigned char *>(info);
    ImagePool &pool = instance();
    {
      std::lock_guard lock(pool.mutex);
      if (pool.free.size() < kKeep) {
        pool.free.push_back(block);
        return;
      }
    }
    std::free(block);
  }
};

QImage pooledImage(QSize size)
{
  const qsizetype bytesPerLine = qsizetype(size.width()) * 4;
  const std::size_t bytes = std::size_t(bytesPerLine) * std::size_t(size.height());
  unsigned char *block = ImagePool::instance().take(bytes);
  if (!block)
    return QImage(size, QImage::Format_ARGB32_Premultiplied);
  return QImage(block + ImagePool::kHeader, size.width(), size.height(), bytesPerLine,
                QImage::Format_ARGB32_Premultiplied, &ImagePool::release, block);
}

} // namespace

QImage MapRenderer::render(const RenderRequest &request, const std::atomic<bool> *cancel,
                           RenderStats *statsOut) const
{
  QElapsedTimer timer;
  timer.start();
  RenderStats stats;
  const QSize logical = request.transform.size();
  const double dpr = request.devicePixelRatio > 0 ? request.devicePixelRatio : 1.0;
  QImage image = pooledImage(
      QSize(int(std::ceil(logical.width() * dpr)), int(std::ceil(logical.height() * dpr))));
  image.setDevicePixelRatio(dpr);
  image.fill(m_style.background);
  if (request.project && request.transform.isValid()) {
    QPainter painter(&image);
    Job(*this, request, painter, cancel, stats).run();
  }
  stats.milliseconds = double(timer.nsecsElapsed()) / 1e6;
  if (statsOut)
    *statsOut = stats;
  return image;
}

} // namespace anzhi::render
