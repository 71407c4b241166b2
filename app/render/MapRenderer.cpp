#include "app/render/MapRenderer.h"

#include "app/render/GeometryPath.h"
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

struct Symbol
{
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
  template<typename F, typename SymbolFn, typename LabelFn>
  void areas(const core::Layer<F> &layer, SymbolFn symbolOf, LabelFn labelOf);
  template<typename F, typename LabelFn>
  void points(const core::Layer<F> &layer, const std::function<void(QPointF)> &draw,
              double radiusPx, LabelFn labelOf);
  void lines(const core::Layer<core::Road> &layer);
  void layer(const std::string &name);
  void violations();
  void coverage();
  void labels();

  Symbol fillSymbol(const QColor &fill, double width = 0.6) const
  {
    Symbol sym;
    sym.pen = QPen(MapStyle::outlineOf(fill), width);
    sym.pen.setCosmetic(true);
    sym.brush = QBrush(fill);
    sym.dot = fill.alpha() == 255 ? fill : MapStyle::outlineOf(fill);
    return sym;
  }
  const Symbol &plotSymbol(const QColor &fill)
  {
    auto it = plotSymbols.find(fill.rgba());
    if (it == plotSymbols.end())
      it = plotSymbols.emplace(fill.rgba(), fillSymbol(fill)).first;
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
  void addLabel(Label label)
  {
    if (req.labels)
      pending.push_back(std::move(label));
  }

  const MapRenderer &r;
  const MapStyle &s;
  const RenderRequest &req;
  QPainter &p;
  const MapTransform &t;
  const gis::Envelope extent;
  const std::atomic<bool> *cancel;
  RenderStats &stats;
  std::unordered_map<QRgb, Symbol> plotSymbols;
  std::vector<Label> pending;
  bool aaOn = true, penOn = true; //!< painter state, see setFill() and setOutline()
  std::vector<QPointF> ring;      //!< reused by every feature (no per-feature allocation)
  QPainterPath path;              //!< reused likewise for polygons with holes or several parts
};

template<typename F, typename SymbolFn, typename LabelFn>
void Job::areas(const core::Layer<F> &layer, SymbolFn symbolOf, LabelFn labelOf)
{
  if (!layer.present)
    return;
  const double lod = r.lodPixels;
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
    const Symbol &sym = symbolOf(f);
    const QRectF box = t.toScreen(f.envelope);
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
    labelOf(f, box);
  }
}

template<typename F, typename LabelFn>
void Job::points(const core::Layer<F> &layer, const std::function<void(QPointF)> &draw,
                 double radiusPx, LabelFn labelOf)
{
  if (!layer.present)
    return;
  const double m = radiusPx * t.unitsPerPixel();
  const gis::Envelope wide{extent.minX - m, extent.minY - m, extent.maxX + m, extent.maxY + m};
  const std::set<std::int64_t> *hidden = hiddenIn(layer.name);
  for (std::size_t i : layer.candidates(wide)) {
    if (cancelled())
      return;
    const F &f = layer.features[i];
    if (!f.hasGeometry() || (hidden && hidden->count(f.fid)))
      continue;
    forEachPoint(f.geometry.get(), t, [&](QPointF at) {
      draw(at);
      ++stats.features;
      labelOf(f, at);
    });
  }
}

void Job::lines(const core::Layer<core::Road> &layer)
{
  if (!layer.present)
    return;
  QPen pen(s.road, 1.5);
  pen.setCapStyle(Qt::RoundCap);
  pen.setJoinStyle(Qt::RoundJoin);
  p.setBrush(Qt::NoBrush);
  double width = -1;
  for (std::size_t i : layer.candidates(extent)) {
    if (cancelled())
      return;
    const core::Road &f = layer.features[i];
    if (!f.geometry)
      continue;
    const QRectF box = t.toScreen(f.envelope);
    if (box.width() < r.lodPixels && box.height() < r.lodPixels) {
      ++stats.dots;
      continue;
    }
    const std::string_view cls = f.roadClass ? std::string_view(*f.roadClass) : std::string_view();
    const double w = cls == "county" ? 3.0 : cls == "township" ? 2.2 : 1.4;
    if (w != width) {
      pen.setWidthF(w);
      p.setPen(pen);
      width = w;
    }
    path.clear();
    appendToPath(path, f.geometry.get(), t);
    p.drawPath(path);
    ++stats.features;
  }
}

QString text(const std::optional<std::string> &v)
{
  return v ? QString::fromStdString(*v) : QString();
}

void Job::layer(const std::string &name)
{
  const core::Project &pr = *req.project;
  const double upp = t.unitsPerPixel();
  auto noLabel = [](const auto &, const auto &) {};
  if (name == "forest_land") {
    const Symbol sym = [&] {
      Symbol x = fillSymbol(s.forestFill, 0.4);
      x.pen.setColor(QColor(80, 150, 80, 120));
      return x;
    }();
    areas(
        pr.forestLand, [&](const core::ForestLand &) -> const Symbol & { return sym; }, noLabel);
  } else if (name == "reclaimed_homesteads") {
    const Symbol pending = fillSymbol(s.homesteadPending),
                 demolished = fillSymbol(s.homesteadDemolished), crop = fillSymbol(s.croplandFill),
                 forest = fillSymbol(QColor(0x68, 0xB1, 0x67)), grass = fillSymbol(s.grasslandFill);
    areas(
        pr.homesteads,
        [&](const core::Homestead &h) -> const Symbol & {
          const std::string_view status = h.status ? std::string_view(*h.status) : "";
          if (status == "reclaimed") {
            const std::string_view use = h.targetUse ? std::string_view(*h.targetUse) : "";
            return use == "forest" ? forest : use == "grassland" ? grass : crop;
          }
          return status == "demolished" ? demolished : pending;
        },
        noLabel);
  } else if (name == "planned_plots") {
    areas(
        pr.plots,
        [&](const core::PlannedPlot &f) -> const Symbol & {
          return plotSymbol(s.landUseFill(f.landUseClass, f.landUse));
        },
        [&](const core::PlannedPlot &f, const QRectF &box) {
          // Named as coloured: a 1401 plot the rule set leaves in `other` is 公园绿地.
          if (upp < 1.2 && box.width() > 60 && box.height() > 18)
            addLabel({box.center(),
                      QString::fromStdString(core::landUseLabelZh(f.landUseClass, f.landUse)), 4,
                      QColor(60, 60, 60), 10, false, false});
        });
  } else if (name == "industrial_parks") {
    Symbol sym = fillSymbol(
        QColor(s.industrialPark.red(), s.industrialPark.green(), s.industrialPark.blue(), 120),
        1.5);
    sym.pen.setColor(s.industrialPark.darker(170));
    areas(
        pr.industrialParks, [&](const core::IndustrialPark &) -> const Symbol & { return sym; },
        [&](const core::IndustrialPark &f, const QRectF &box) {
          if (f.name && upp < 6 && box.width() > 40)
            addLabel(
                {box.center(), text(f.name), 3, s.industrialPark.darker(200), 11, false, false});
        });
  } else if (name == "buildings") {
    Symbol sym;
    sym.pen = QPen(s.buildingOutline, 0.6);
    sym.pen.setCosmetic(true);
    sym.brush = QBrush(s.buildingFill);
    sym.dot = s.buildingOutline;
    areas(
        pr.buildings, [&](const core::Building &) -> const Symbol & { return sym; }, noLabel);
  } else if (name == "school_catchments") {
    Symbol sym;
    sym.pen = QPen(s.catchmentOutline, 1.6, Qt::DashLine);
    sym.brush = Qt::NoBrush;
    sym.dot = s.catchmentOutline;
    areas(
        pr.catchments, [&](const core::Catchment &) -> const Symbol & { return sym; }, noLabel);
  } else if (name == "roads") {
    lines(pr.roads);
  } else if (name == "ranger_plots") {
    Symbol sym;
    sym.pen = QPen(s.rangerPlot, 1.2);
    sym.brush = QBrush(s.rangerPlot, Qt::BDiagPattern);
    sym.dot = s.rangerPlot;
    const gis::EllipsoidalArea *area = nullptr;
    areas(
        pr.rangerPlots, [&](const core::RangerPlot &) -> const Symbol & { return sym; },
        [&](const core::RangerPlot &f, const QRectF &box) {
          if (!req.labels || upp > 8 || box.width() < 50 || box.height() < 16)
            return;
          if (!area)
            area = &gis::EllipsoidalArea::forThread(pr.workingCrs);
          double mu = 0;
          try {
            mu = gis::EllipsoidalArea::toMu(area->squareMetres(f.geometry.get()));
          } catch (const gis::GisError &) {
            return;
          }
          const QString who = f.rangerCode ? text(f.rangerCode) : QStringLiteral("?");
          addLabel({box.center(), QStringLiteral("%1 %2亩").arg(who).arg(mu, 0, 'f', 0), 2,
                    s.rangerPlot.darker(130), 11, false, false});
        });
  } else if (name == "resettlement_sites") {
    Symbol sym;
    sym.pen = QPen(s.siteOutline, s.siteWidth);
    sym.pen.setJoinStyle(Qt::RoundJoin);
    sym.brush = Qt::NoBrush;
    sym.dot = s.siteOutline;
    areas(
        pr.sites, [&](const core::Site &) -> const Symbol & { return sym; },
        [&](const core::Site &f, const QRectF &box) {
          if (f.name)
            addLabel({box.center(), text(f.name), 0, s.siteOutline, 13, true, false});
        });
    // Sites below the level of detail are still sites: a marker, so that a county view shows
    // where they are.
    p.setPen(QPen(s.siteOutline, 2));
    p.setBrush(Qt::NoBrush);
    for (std::size_t i : pr.sites.candidates(extent)) {
      const core::Site &f = pr.sites.features[i];
      const QRectF box = t.toScreen(f.envelope);
      if (f.hasGeometry() && box.width() < 6 && box.height() < 6) {
        p.drawRect(QRectF(box.center() - QPointF(3, 3), QSizeF(6, 6)));
        if (f.name)
          addLabel({box.center() + QPointF(0, 0), text(f.name), 1, s.siteOutline, 11, true, true});
      }
    }
  } else if (name == "schools") {
    const bool named = upp < 6;
    points(
        pr.schools,
        [&](QPointF at) {
          p.setPen(QPen(Qt::white, 1.2));
          p.setBrush(s.school);
          p.drawRect(QRectF(at - QPointF(5, 5), QSizeF(10, 10)));
        },
        6,
        [&](const core::School &f, QPointF at) {
          if (named && f.name)
            addLabel({at, text(f.name), 1, s.school.darker(130), 11, false, true});
        });
  } else if (name == "clinics") {
    const bool named = upp < 6;
    points(
        pr.clinics,
        [&](QPointF at) {
          p.setPen(Qt::NoPen);
          p.setBrush(Qt::white);
          p.drawRect(QRectF(at - QPointF(2.6, 6.6), QSizeF(5.2, 13.2)));
          p.drawRect(QRectF(at - QPointF(6.6, 2.6), QSizeF(13.2, 5.2)));
          p.setBrush(s.clinic);
          p.drawRect(QRectF(at - QPointF(1.7, 5.8), QSizeF(3.4, 11.6)));
          p.drawRect(QRectF(at - QPointF(5.8, 1.7), QSizeF(11.6, 3.4)));
        },
        7,
        [&](const core::Clinic &f, QPointF at) {
          if (named && f.name)
            addLabel({at, text(f.name), 1, s.clinic.darker(130), 11, false, true});
        });
  } else if (name == "elderly_care") {
    const bool named = upp < 6;
    points(
        pr.elderlyCare,
        [&](QPointF at) {
          p.setPen(QPen(Qt::white, 1.2));
          p.setBrush(s.elderlyCare);
          p.drawEllipse(at, 5, 5);
        },
        6,
        [&](const core::ElderlyCare &f, QPointF at) {
          if (named && f.name)
            addLabel({at, text(f.name), 1, s.elderlyCare.darker(140), 11, false, true});
        });
  } else if (name == "service_points") {
    points(
        pr.servicePoints,
        [&](QPointF at) {
          const QPointF d[] = {at + QPointF(0, -5.5), at + QPointF(5.5, 0), at + QPointF(0, 5.5),
                               at + QPointF(-5.5, 0)};
          p.setPen(QPen(Qt::white, 1));
          p.setBrush(s.servicePoint);
          p.drawPolygon(d, 4);
        },
        6, [](const core::ServicePoint &, QPointF) {});
  } else if (name == "rangers") {
    if (upp > 15)
      return; // a county view has a thousand of them: only from the township scale down
    points(
        pr.rangers,
        [&](QPointF at) {
          const QPointF d[] = {at + QPointF(0, -4.5), at + QPointF(4, 3), at + QPointF(-4, 3)};
          p.setPen(QPen(Qt::white, 0.8));
          p.setBrush(s.ranger);
          p.drawPolygon(d, 3);
        },
        5, [](const core::Ranger &, QPointF) {});
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
    p.setPen(QPen(c, 2));
    p.setBrush(QBrush(hatch, Qt::FDiagPattern));
    p.drawPath(path);
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
    circles(pr.schools, s.school, [&](const core::School &f) {
      const std::string level = f.level.value_or("");
      std::vector<core::RadiusBySetting> out;
      if (level == "primary" || level == "nine_year")
        out.push_back(cov.primaryRadius);
      if (level == "junior" || level == "nine_year")
        out.push_back(cov.juniorRadius);
      return out;
    });
  if (cov.clinics && pr.clinics.present)
    circles(pr.clinics, s.clinic, [&](const core::Clinic &) {
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
  auto isFree = [&](const QRectF &rc) {
    if (!bounds.contains(rc))
      return false;
    return cellsOf(rc, [&](const std::vector<QRectF> &rects) {
      for (const QRectF &o : rects)
        if (o.intersects(rc))
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
      break;
    }
  }
}

void Job::run()
{
  p.setRenderHint(QPainter::Antialiasing, true);
  for (const LayerState &l : req.layers) {
    if (!l.visible)
      continue;
    layer(l.name);
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
