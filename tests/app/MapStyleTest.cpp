// The map is drawn from its MapStyle: a fill or marker colour changed in a copy of the
// defaults is the colour on screen, a homestead's fill follows the style's target_use map, and
// a layer viewed beyond its scale range is not drawn at all. A site too small to see is
// drawn as its marker, unless the editor hides it. Areas in mu are cut, never rounded up to 500.

#include "app/render/MapOverlay.h"
#include "app/render/MapRenderer.h"
#include "app/render/MuText.h"
#include "gis/Geos.h"

#include <QtTest>

#include <map>
#include <memory>
#include <set>

using namespace anzhi;

namespace {

template<typename F> void addFeature(core::Layer<F> &layer, F f, std::string_view wkt)
{
  f.fid = std::int64_t(layer.features.size()) + 1;
  f.geometry = gis::fromWkt(wkt);
  f.envelope = gis::envelope(f.geometry.get());
  layer.features.push_back(std::move(f));
  layer.present = true;
  layer.buildIndex();
}

constexpr std::string_view kSquare = "POLYGON((0 0,100 0,100 100,0 100,0 0))";

//! The image of `layer` alone, centred on the square (0 0, 100 100) at two units per pixel.
QImage renderLayer(std::shared_ptr<const core::Project> project, const std::string &layer,
                   const render::MapStyle &style, render::RenderStats *stats = nullptr,
                   std::set<std::int64_t> hidden = {})
{
  render::RenderRequest request;
  if (!hidden.empty())
    request.hidden = std::make_shared<std::map<std::string, std::set<std::int64_t>>>(
        std::map<std::string, std::set<std::int64_t>>{{layer, std::move(hidden)}});
  request.project = std::move(project);
  request.labels = false;
  request.layers = {{layer, true}};
  request.transform = render::MapTransform(50, 50, 2, QSize(100, 100));
  return render::MapRenderer(style).render(request, nullptr, stats);
}

QColor centre(const QImage &image)
{
  return image.pixelColor(50, 50);
}

} // namespace

class MapStyleTest : public QObject
{
  Q_OBJECT

private slots:
  void muIsCutNotRounded()
  {
    // 333,306 m² is 499.959 mu: short of 500, and the label must not say 500.
    QCOMPARE(render::muText(333306.0 / (10000.0 / 15.0)), QString("499.9"));
    QCOMPARE(render::muText(499.9), QString("499.9"));
    QCOMPARE(render::muText(500.0), QString("500.0"));
    QCOMPARE(render::muText(12.345, 2), QString("12.34"));
    QCOMPARE(render::muText(0.0, 0), QString("0"));
  }

  void areaFillComesFromTheStyle()
  {
    auto project = std::make_shared<core::Project>();
    addFeature(project->forestLand, core::ForestLand{}, kSquare);
    const QColor chosen(10, 200, 30);
    QVERIFY(centre(renderLayer(project, "forest_land", render::MapStyle::defaults())) != chosen);

    render::MapStyle style = render::MapStyle::defaults();
    style.layers.at("forest_land").area->fill = chosen;
    QCOMPARE(centre(renderLayer(project, "forest_land", style)), chosen);
  }

  void errorHatchingShowsOnARedFill()
  {
    auto project = std::make_shared<core::Project>();
    addFeature(project->forestLand, core::ForestLand{}, kSquare);
    render::MapStyle style = render::MapStyle::defaults();
    style.layers.at("forest_land").area->fill = style.violationError;
    render::RenderRequest request;
    request.project = project;
    request.labels = false;
    request.layers = {{"forest_land", true}};
    request.transform = render::MapTransform(50, 50, 1, QSize(100, 100));
    std::vector<render::OverlayShape> shapes;
    shapes.push_back({gis::fromWkt(kSquare), {0, 0, 100, 100}, false});
    request.violations = std::make_shared<render::ViolationOverlay>(std::move(shapes));
    const QImage image = render::MapRenderer(style).render(request, nullptr, nullptr);
    // Inside the square, away from its outline: the hatch must differ from the fill by more
    // than the fill differs from itself. Count the pixels far from the fill's colour.
    const QColor fill = style.violationError;
    int distinct = 0, inside = 0;
    for (int y = 10; y < 90; ++y)
      for (int x = 10; x < 90; ++x) {
        const QColor c = image.pixelColor(x, y);
        ++inside;
        distinct += std::abs(c.red() - fill.red()) + std::abs(c.green() - fill.green()) +
                        std::abs(c.blue() - fill.blue()) >
                    150;
      }
    QVERIFY2(distinct > inside / 20, qPrintable(QString("%1 of %2").arg(distinct).arg(inside)));
  }

  void markerFillComesFromTheStyle()
  {
    auto project = std::make_shared<core::Project>();
    addFeature(project->schools, core::School{}, "POINT(50 50)");
    const QColor chosen(200, 30, 120);
    render::MapStyle style = render::MapStyle::defaults();
    style.layers.at("schools").marker->fill = chosen;
    QCOMPARE(centre(renderLayer(project, "schools", style)), chosen);
  }

  void homesteadFillFollowsTheTargetUseMap()
  {
    auto project = std::make_shared<core::Project>();
    core::Homestead h;
    h.status = "reclaimed";
    h.targetUse = "forest";
    addFeature(project->homesteads, std::move(h), kSquare);
    const QColor chosen(90, 40, 160);
    render::MapStyle style = render::MapStyle::defaults();
    style.homesteads.byTargetUse["forest"] = chosen;
    QCOMPARE(centre(renderLayer(project, "reclaimed_homesteads", style)), chosen);
  }

  void layerBeyondItsScaleIsNotDrawn()
  {
    auto project = std::make_shared<core::Project>();
    addFeature(project->forestLand, core::ForestLand{}, kSquare);
    render::MapStyle style = render::MapStyle::defaults();
    render::RenderStats stats;

    // The view: 2 m per pixel at 96 dots per inch (the request's default), 1:7,559.
    const double viewScale = 2 * 96 / 0.0254;
    style.layers.at("forest_land").scaleRange.minScale = viewScale * 1.0001; // still drawn
    QVERIFY(centre(renderLayer(project, "forest_land", style, &stats)) != style.background);
    QCOMPARE(stats.features, 1);

    style.layers.at("forest_land").scaleRange.minScale = viewScale * 0.95;
    const QImage image = renderLayer(project, "forest_land", style, &stats);
    QCOMPARE(stats.features + stats.dots, 0);
    QImage blank(image.size(), image.format());
    blank.fill(style.background);
    QCOMPARE(image, blank);
  }

  void hiddenSiteLeavesNoMarker()
  {
    auto project = std::make_shared<core::Project>();
    addFeature(project->sites, core::Site{}, "POLYGON((48 48,52 48,52 52,48 52,48 48))");
    const render::MapStyle style = render::MapStyle::defaults();
    QImage blank(100, 100, QImage::Format_ARGB32_Premultiplied);
    blank.fill(style.background);
    QVERIFY(renderLayer(project, "resettlement_sites", style) != blank);
    QCOMPARE(renderLayer(project, "resettlement_sites", style, nullptr, {1}), blank);
  }
};

QTEST_MAIN(MapStyleTest)
#include "MapStyleTest.moc"
