#include "app/render/MapStyle.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace anzhi::render {

QColor AreaSymbol::outlineColour() const
{
  return outline ? *outline : MapStyle::outlineOf(fill);
}

QColor AreaSymbol::dotColour() const
{
  if (dot)
    return *dot;
  return fill.alpha() == 255 ? fill : MapStyle::outlineOf(fill);
}

QPen AreaSymbol::pen() const
{
  QPen p(QBrush(outlineColour()), outlineWidth, outlineStyle, Qt::SquareCap, outlineJoin);
  p.setCosmetic(cosmetic);
  return p;
}

AreaSymbol AreaSymbol::withFill(const QColor &colour) const
{
  AreaSymbol out = *this;
  out.fill = colour;
  return out;
}

double LineSymbol::widthOf(std::string_view cls) const
{
  auto it = widthByClass.find(cls);
  return it == widthByClass.end() ? width : it->second;
}

double MarkerSymbol::reach() const
{
  const double half = std::max(
      {std::abs(box.left()), std::abs(box.right()), std::abs(box.top()), std::abs(box.bottom())});
  if (shape == MarkerShape::Cross)
    return std::ceil(std::max(half + haloLength / 2, (armWidth + haloWidth) / 2));
  return std::ceil(half + haloWidth / 2);
}

MapStyle MapStyle::defaults()
{
  using C = core::LandUseClass;
  MapStyle s;
  s.classFill = {
      {C::Education, QColor(0xFF, 0x85, 0xC9)},   {C::Medical, QColor(0xFF, 0x7F, 0x7E)},
      {C::ElderlyCare, QColor(0xFF, 0x9F, 0x7F)}, {C::Industrial, QColor(0xBB, 0x96, 0x74)},
      {C::Residential, QColor(0xFF, 0xFF, 0x2D)}, {C::Commercial, QColor(0xFF, 0x00, 0x00)},
      {C::Road, QColor(0xA3, 0xA3, 0xA3)},        {C::Green, QColor(0x00, 0xFF, 0x00)},
  };
  s.codeFill = {
      {"0804", QColor(0xFF, 0x85, 0xC9)}, {"0806", QColor(0xFF, 0x7F, 0x7E)},
      {"0807", QColor(0xFF, 0x9F, 0x7F)}, {"1001", QColor(0xBB, 0x96, 0x74)},
      {"0701", QColor(0xFF, 0xFF, 0x2D)}, {"0703", QColor(0xFF, 0xD3, 0x80)},
      {"0901", QColor(0xFF, 0x00, 0x00)}, {"1207", QColor(0xA3, 0xA3, 0xA3)},
      {"1401", QColor(0x00, 0xFF, 0x00)}, {"1402", QColor(0x14, 0x8D, 0x4A)},
      {"08", QColor(0xFF, 0x00, 0xFF)},   {"1101", QColor(0x87, 0x61, 0xD3)},
      {"01", QColor(0xF5, 0xF8, 0xDC)},   {"03", QColor(0x68, 0xB1, 0x67)},
      {"04", QColor(0xCD, 0xF5, 0x7A)},   {"17", QColor(0x33, 0x8E, 0xC0)},
  };
  // Reclaimed land takes the colour of its new use in the palette above (01 耕地, 03 林地,
  // 04 草地).
  s.homesteads.byStatus = {{"demolished", QColor(139, 90, 43)}};
  s.homesteads.byTargetUse = {{"forest", QColor(0x68, 0xB1, 0x67)},
                              {"grassland", QColor(0xCD, 0xF5, 0x7A)}};
  s.homesteads.otherTargetUse = QColor(0xF5, 0xF8, 0xDC);

  const QColor site(139, 0, 0), school(31, 95, 214), clinic(220, 20, 20), elderlyCare(255, 140, 0),
      industrialPark(0xBB, 0x96, 0x74), ranger(20, 110, 45), building(70, 70, 70);
  auto named = [](QColor colour, int priority, int pixelSize, bool bold, bool beside) {
    LabelStyle l;
    l.colour = colour;
    l.priority = priority;
    l.pixelSize = pixelSize;
    l.bold = bold;
    l.beside = beside;
    return l;
  };
  auto marker = [](MarkerShape shape, QRectF box, QColor fill, double haloWidth) {
    MarkerSymbol m;
    m.shape = shape;
    m.box = box;
    m.fill = fill;
    m.haloWidth = haloWidth;
    return m;
  };
  // Facilities are named from the township scale down.
  auto facilityLabel = [&](QColor colour) {
    LabelStyle l = named(colour, 1, 11, false, true);
    l.maxUnitsPerPixel = 6;
    return l;
  };

  LayerStyle &forest = s.layers["forest_land"];
  forest.area = AreaSymbol{};
  forest.area->fill = QColor(104, 177, 103, 110); // 林地 #68B167, translucent under the plots
  forest.area->outline = QColor(80, 150, 80, 120);
  forest.area->outlineWidth = 0.4;
  forest.scaleRange.minScale = 1500000; // a national view would be a carpet of dots

  LayerStyle &homesteads = s.layers["reclaimed_homesteads"];
  homesteads.area = AreaSymbol{};
  homesteads.area->fill = QColor(160, 160, 160); // pending
  homesteads.scaleRange.minScale = 250000;

  LayerStyle &plots = s.layers["planned_plots"];
  plots.area = AreaSymbol{};
  plots.area->fill = s.otherFill;
  plots.label = named(QColor(60, 60, 60), 4, 10, false, false);
  plots.label->maxUnitsPerPixel = 1.2;
  plots.label->minBox = QSizeF(60, 18);
  plots.scaleRange.minScale = 250000; // from the county view in: a province is dots only

  LayerStyle &parks = s.layers["industrial_parks"];
  parks.area = AreaSymbol{};
  parks.area->fill =
      QColor(industrialPark.red(), industrialPark.green(), industrialPark.blue(), 120);
  parks.area->outline = industrialPark.darker(170);
  parks.area->outlineWidth = 1.5;
  parks.label = named(industrialPark.darker(200), 3, 11, false, false);
  parks.label->maxUnitsPerPixel = 6;
  parks.label->minBox = QSizeF(40, -1);

  LayerStyle &buildings = s.layers["buildings"];
  buildings.area = AreaSymbol{};
  buildings.area->fill = QColor(building.red(), building.green(), building.blue(), 70);
  buildings.area->outline = building;
  buildings.area->dot = building;
  buildings.scaleRange.minScale = 100000;

  const QColor catchment = school;
  LayerStyle &catchments = s.layers["school_catchments"];
  catchments.area = AreaSymbol{};
  catchments.area->fill = catchment;
  catchments.area->pattern = Qt::NoBrush;
  catchments.area->outline = catchment;
  catchments.area->outlineWidth = 1.6;
  catchments.area->outlineStyle = Qt::DashLine;
  catchments.area->cosmetic = false;
  catchments.area->dot = catchment;
  catchments.scaleRange.minScale = 500000;

  LayerStyle &roads = s.layers["roads"];
  roads.line = LineSymbol{};
  roads.line->colour = QColor(140, 140, 140);
  roads.line->width = 1.4;
  roads.line->widthByClass = {{"county", 3.0}, {"township", 2.2}};
  roads.scaleRange.minScale = 1500000;

  LayerStyle &rangerPlots = s.layers["ranger_plots"];
  rangerPlots.area = AreaSymbol{};
  rangerPlots.area->fill = ranger;
  rangerPlots.area->pattern = Qt::BDiagPattern;
  rangerPlots.area->outline = ranger;
  rangerPlots.area->outlineWidth = 1.2;
  rangerPlots.area->cosmetic = false;
  rangerPlots.area->dot = ranger;
  rangerPlots.label = named(ranger.darker(130), 2, 11, false, false);
  rangerPlots.label->maxUnitsPerPixel = 8;
  rangerPlots.label->minBox = QSizeF(50, 16);
  rangerPlots.scaleRange.minScale = 250000;

  LayerStyle &sites = s.layers["resettlement_sites"];
  sites.area = AreaSymbol{};
  sites.area->fill = site;
  sites.area->pattern = Qt::NoBrush;
  sites.area->outline = site;
  sites.area->outlineWidth = 3.0;
  sites.area->outlineJoin = Qt::RoundJoin;
  sites.area->cosmetic = false;
  sites.area->dot = site;
  sites.label = named(site, 0, 13, true, false);
  sites.marker = MarkerSymbol{};
  sites.marker->box = QRectF(-3, -3, 6, 6);
  sites.marker->halo = site;
  sites.marker->haloWidth = 2;
  sites.markerLabel = named(site, 1, 11, true, true);
  sites.clustered = true;

  LayerStyle &servicePoints = s.layers["service_points"];
  servicePoints.marker =
      marker(MarkerShape::Diamond, QRectF(-5.5, -5.5, 11, 11), QColor(135, 97, 211), 1);
  servicePoints.clustered = true;
  servicePoints.scaleRange.minScale = 500000;

  LayerStyle &elderly = s.layers["elderly_care"];
  elderly.marker = marker(MarkerShape::Circle, QRectF(-5, -5, 10, 10), elderlyCare, 1.2);
  elderly.label = facilityLabel(elderlyCare.darker(140));
  elderly.clustered = true;
  elderly.scaleRange.minScale = 1000000;

  LayerStyle &clinics = s.layers["clinics"];
  clinics.marker = marker(MarkerShape::Cross, QRectF(-5.8, -5.8, 11.6, 11.6), clinic, 1.8);
  clinics.marker->armWidth = 3.4;
  clinics.marker->haloLength = 1.6;
  clinics.label = facilityLabel(clinic.darker(130));
  clinics.clustered = true;
  // A national view is about the sites: facilities' clusters would cover theirs.
  clinics.scaleRange.minScale = 1500000;

  LayerStyle &schools = s.layers["schools"];
  schools.marker = marker(MarkerShape::Square, QRectF(-5, -5, 10, 10), school, 1.2);
  schools.label = facilityLabel(school.darker(130));
  schools.clustered = true;
  schools.scaleRange.minScale = 1500000;

  LayerStyle &rangers = s.layers["rangers"];
  rangers.marker = marker(MarkerShape::Triangle, QRectF(-4, -4.5, 8, 7.5), ranger, 0.8);
  rangers.clustered = true;
  rangers.scaleRange.minScale = 60000; // a county view has a thousand of them
  return s;
}

ScaleRange MapStyle::scaleRangeOf(std::string_view name,
                                  const std::optional<ScaleRange> &user) const
{
  if (user)
    return *user;
  const LayerStyle *style = layer(name);
  return style ? style->scaleRange : ScaleRange{};
}

const LayerStyle *MapStyle::layer(std::string_view name) const
{
  auto it = layers.find(name);
  return it == layers.end() ? nullptr : &it->second;
}

QColor MapStyle::markerColour(std::string_view name) const
{
  const LayerStyle *style = layer(name);
  return style && style->marker && style->marker->fill ? *style->marker->fill : QColor(Qt::black);
}

QColor MapStyle::landUseFill(core::LandUseClass cls, const std::optional<std::string> &raw) const
{
  if (cls != core::LandUseClass::Other) {
    auto it = classFill.find(cls);
    if (it != classFill.end())
      return it->second;
  }
  if (raw) {
    std::size_t best = 0;
    QColor colour;
    for (const auto &[code, c] : codeFill) {
      if (code.size() > best && raw->compare(0, code.size(), code) == 0) {
        best = code.size();
        colour = c;
      }
    }
    if (best > 0)
      return colour;
  }
  return otherFill;
}

std::optional<QColor> MapStyle::homesteadFill(const std::optional<std::string> &status,
                                              const std::optional<std::string> &targetUse) const
{
  if (!status)
    return std::nullopt;
  if (*status == homesteads.reclaimed) {
    auto it = homesteads.byTargetUse.find(targetUse ? std::string_view(*targetUse) : "");
    return it == homesteads.byTargetUse.end() ? homesteads.otherTargetUse : it->second;
  }
  auto it = homesteads.byStatus.find(std::string_view(*status));
  if (it == homesteads.byStatus.end())
    return std::nullopt;
  return it->second;
}

QFont MapStyle::font(int pixelSize, bool bold) const
{
  QFont f(fontFamily);
  f.setPixelSize(pixelSize);
  f.setBold(bold);
  f.setStyleStrategy(QFont::PreferAntialias);
  return f;
}

} // namespace anzhi::render
