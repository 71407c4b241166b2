// A map at every scale: markers that would crowd a grid cell are drawn as one cluster with
// their count (grid anchored to the map, one per layer), every feature is drawn alone at a near
// view, labels never overlap and the higher priority wins a contested spot, and a layer is
// drawn only within its scale range (the user's over its style's default). Expected counts
// come from the test's own grid arithmetic, not from the renderer.

#include "app/render/MapRenderer.h"
#include "gis/Geos.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <utility>

using namespace anzhi;

namespace {

constexpr double kDpi = 96;
// A regular grid of schools, 50 × 40 at 500 m, placed so that no school lies on a line of a
// 4 km cluster grid (x ≡ 100, y ≡ 250 modulo 500 and modulo 4000).
constexpr int kColumns = 50, kRows = 40;
constexpr double kX0 = 500100, kY0 = 4200250, kStep = 500;

template<typename F> void add(core::Layer<F> &layer, F f, const std::string &wkt)
{
  f.fid = std::int64_t(layer.features.size()) + 1;
  f.geometry = gis::fromWkt(wkt);
  f.envelope = gis::envelope(f.geometry.get());
  layer.features.push_back(std::move(f));
  layer.present = true;
}

std::string pointWkt(double x, double y)
{
  return QStringLiteral("POINT(%1 %2)").arg(x, 0, 'f', 3).arg(y, 0, 'f', 3).toStdString();
}

std::string squareWkt(double x, double y, double side)
{
  return QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
      .arg(x, 0, 'f', 3)
      .arg(y, 0, 'f', 3)
      .arg(x + side, 0, 'f', 3)
      .arg(y + side, 0, 'f', 3)
      .toStdString();
}

std::pair<double, double> school(int column, int row)
{
  return {kX0 + column * kStep, kY0 + row * kStep};
}

std::shared_ptr<core::Project> schoolGrid()
{
  auto project = std::make_shared<core::Project>();
  for (int r = 0; r < kRows; ++r)
    for (int c = 0; c < kColumns; ++c) {
      core::School s;
      s.name = "小学" + std::to_string(r * kColumns + c);
      const auto [x, y] = school(c, r);
      add(project->schools, std::move(s), pointWkt(x, y));
    }
  project->schools.buildIndex();
  return project;
}

render::RenderRequest requestFor(std::shared_ptr<const core::Project> project,
                                 std::vector<render::LayerState> layers,
                                 render::MapTransform transform)
{
  render::RenderRequest request;
  request.project = std::move(project);
  request.layers = std::move(layers);
  request.transform = transform;
  request.dpi = kDpi;
  return request;
}

double denominator(double unitsPerPixel)
{
  return unitsPerPixel * kDpi / 0.0254;
}

//! Reddish text of a site's label (139, 0, 0) inside `rect`, away from its edges.
int reddish(const QImage &image, const QRectF &rect)
{
  int n = 0;
  const QRect inner = rect.toAlignedRect().adjusted(3, 3, -3, -3);
  for (int y = inner.top(); y <= inner.bottom(); ++y)
    for (int x = inner.left(); x <= inner.right(); ++x) {
      const QColor c = image.pixelColor(x, y);
      n += c.red() > 90 && c.green() < 60 && c.blue() < 60;
    }
  return n;
}

} // namespace

class MapScaleTest : public QObject
{
  Q_OBJECT

private slots:
  void farViewDrawsOneSymbolPerOccupiedCell()
  {
    const auto project = schoolGrid();
    const render::MapStyle style = render::MapStyle::defaults();
    const double upp = 100; // 1:377,953: the whole grid (25 × 20 km) in 400 × 300 px
    QVERIFY(denominator(upp) > style.clusterMaxScale);
    const double cell = style.clusterCellPixels * upp;
    QCOMPARE(cell, 4000.0);
    std::map<std::pair<long, long>, int> occupied;
    for (int r = 0; r < kRows; ++r)
      for (int c = 0; c < kColumns; ++c) {
        const auto [x, y] = school(c, r);
        ++occupied[{long(std::floor(x / cell)), long(std::floor(y / cell))}];
      }
    int alone = 0, crowded = 0;
    for (const auto &[key, n] : occupied)
      (n == 1 ? alone : crowded) += 1;
    QVERIFY(crowded > 0);

    const render::MapRenderer renderer(style);
    for (auto [dx, dy] : {std::pair{0.0, 0.0}, std::pair{1323.4, -661.7}}) {
      // Panning (the grid stays in view) changes no cluster: the cells are the map's.
      const render::MapTransform view(kX0 + 12250 + dx, kY0 + 9750 + dy, upp, QSize(400, 300));
      render::RenderStats stats;
      renderer.render(requestFor(project, {{"schools", true}}, view), nullptr, &stats);
      QCOMPARE(stats.features + stats.clusters, int(occupied.size()));
      QCOMPARE(stats.features, alone);
      QCOMPARE(stats.clusters, crowded);
      QCOMPARE(stats.features + stats.clusteredFeatures, kColumns * kRows);
      QCOMPARE(stats.labels, 0);
    }
  }

  void nearViewDrawsEveryFeatureAlone()
  {
    const auto project = schoolGrid();
    const double upp = 2.5; // 1:9,449
    const render::MapTransform view(kX0 + 20 * kStep + 250, kY0 + 20 * kStep + 250, upp,
                                    QSize(1200, 800));
    const gis::Envelope e = view.extent();
    int inView = 0;
    for (int r = 0; r < kRows; ++r)
      for (int c = 0; c < kColumns; ++c) {
        const auto [x, y] = school(c, r);
        inView += x > e.minX && x < e.maxX && y > e.minY && y < e.maxY;
      }
    QCOMPARE(inView, 24); // 6 columns × 4 rows, none near an edge
    render::RenderStats stats;
    render::MapRenderer().render(requestFor(project, {{"schools", true}}, view), nullptr, &stats);
    QCOMPARE(stats.clusters, 0);
    QCOMPARE(stats.clusteredFeatures, 0);
    QCOMPARE(stats.features, inView);
  }

  void clusteredSitesAreNotNamed()
  {
    // Three small sites seen from afar: two share a cell, one is alone. Only the lone one is
    // named; the pair is a cluster of 2.
    auto project = std::make_shared<core::Project>();
    const double upp = 100, cell = 4000;
    const double x = 4 * cell * 130, y = 4 * cell * 1100; // a cell corner
    for (auto [dx, dy] : {std::pair{500.0, 500.0}, std::pair{2500.0, 1500.0},
                          std::pair{cell * 5 + 800, cell * 2 + 900}}) {
      core::Site s;
      s.name = "安置区";
      add(project->sites, std::move(s), squareWkt(x + dx, y + dy, 150));
    }
    project->sites.buildIndex();
    const render::MapTransform view(x + 2 * cell, y + 1.5 * cell, upp, QSize(600, 400));
    render::RenderStats stats;
    render::MapRenderer().render(requestFor(project, {{"resettlement_sites", true}}, view), nullptr,
                                 &stats);
    QCOMPARE(stats.clusters, 1);
    QCOMPARE(stats.clusteredFeatures, 2);
    QCOMPARE(stats.labels, 1);
  }

  void labelsNeverOverlap()
  {
    // 400 named sites 300 m apart, each 200 m wide: far more names than room.
    auto project = std::make_shared<core::Project>();
    for (int r = 0; r < 20; ++r)
      for (int c = 0; c < 20; ++c) {
        core::Site s;
        s.name = "幸福家园第" + std::to_string(r * 20 + c) + "安置区";
        add(project->sites, std::move(s), squareWkt(kX0 + c * 300, kY0 + r * 300, 200));
      }
    project->sites.buildIndex();
    const render::MapStyle style = render::MapStyle::defaults();
    const render::MapTransform view(kX0 + 3000, kY0 + 3000, 5, QSize(1000, 800));
    render::RenderStats stats;
    render::MapRenderer(style).render(requestFor(project, {{"resettlement_sites", true}}, view),
                                      nullptr, &stats);
    QCOMPARE(stats.labels, int(stats.labelRects.size()));
    QVERIFY(stats.labels > 10);
    QVERIFY(stats.labels < 400);
    const double gap = style.labelPadding - 0.01;
    for (std::size_t i = 0; i < stats.labelRects.size(); ++i)
      for (std::size_t j = i + 1; j < stats.labelRects.size(); ++j)
        QVERIFY2(
            !stats.labelRects[i].adjusted(-gap, -gap, gap, gap).intersects(stats.labelRects[j]),
            qPrintable(QString("labels %1 and %2").arg(i).arg(j)));
  }

  void higherPriorityWinsAContestedSpot()
  {
    // A site and a plot share one square; the view is one label high, so both names want the
    // square's centre and only one fits.
    auto project = std::make_shared<core::Project>();
    core::Site site;
    site.name = "幸福家园安置区";
    add(project->sites, std::move(site), squareWkt(0, -50, 100));
    core::PlannedPlot plot;
    plot.landUseClass = core::LandUseClass::Residential;
    add(project->plots, std::move(plot), squareWkt(0, -50, 100));
    project->sites.buildIndex();
    project->plots.buildIndex();
    const render::MapTransform view(50, 0, 1, QSize(300, 30));
    const std::vector<render::LayerState> both = {{"planned_plots", true},
                                                  {"resettlement_sites", true}};
    render::MapStyle style = render::MapStyle::defaults();

    render::RenderStats plotsAlone;
    render::MapRenderer(style).render(requestFor(project, {{"planned_plots", true}}, view), nullptr,
                                      &plotsAlone);
    QCOMPARE(plotsAlone.labels, 1); // the plot's name fits when it has the spot to itself

    render::RenderStats stats;
    QImage image =
        render::MapRenderer(style).render(requestFor(project, both, view), nullptr, &stats);
    QCOMPARE(stats.labels, 1);
    QVERIFY(reddish(image, stats.labelRects.front()) > 10); // the site's red name

    style.layers.at("planned_plots").label->priority = -1; // now the plot goes first
    image = render::MapRenderer(style).render(requestFor(project, both, view), nullptr, &stats);
    QCOMPARE(stats.labels, 1);
    QCOMPARE(reddish(image, stats.labelRects.front()), 0);
  }

  void layerIsDrawnOnlyWithinItsScaleRange()
  {
    auto project = std::make_shared<core::Project>();
    add(project->forestLand, core::ForestLand{}, squareWkt(0, 0, 100));
    project->forestLand.buildIndex();
    const render::MapTransform view(50, 50, 2, QSize(100, 100));
    const double n = denominator(2); // 1:7,559
    auto drawn = [&](std::optional<render::ScaleRange> user) {
      render::RenderStats stats;
      render::RenderRequest request = requestFor(project, {{"forest_land", true, user}}, view);
      request.labels = false;
      render::MapRenderer().render(request, nullptr, &stats);
      return stats.features + stats.dots;
    };
    QCOMPARE(drawn(std::nullopt), 1);                       // the default: any scale here
    QCOMPARE(drawn(render::ScaleRange{n * 0.95, 0}), 0);    // zoomed out beyond the minimum
    QCOMPARE(drawn(render::ScaleRange{n * 1.05, 0}), 1);    // within
    QCOMPARE(drawn(render::ScaleRange{0, n * 1.05}), 0);    // zoomed in beyond the maximum
    QCOMPARE(drawn(render::ScaleRange{n * 2, n * 0.5}), 1); // within both

    // The user's range overrides the style's default either way.
    render::MapStyle style = render::MapStyle::defaults();
    style.layers.at("forest_land").scaleRange = {n * 0.5, 0};
    render::RenderStats stats;
    render::MapRenderer(style).render(requestFor(project, {{"forest_land", true}}, view), nullptr,
                                      &stats);
    QCOMPARE(stats.features, 0);
    render::MapRenderer(style).render(
        requestFor(project, {{"forest_land", true, render::ScaleRange{}}}, view), nullptr, &stats);
    QCOMPARE(stats.features, 1);
  }

  void densePlotsAppearAsOneZoomsIn()
  {
    // The defaults: plots are not drawn at a province's scale, drawn at a county's; schools
    // are drawn (clustered) for a province, not for the whole country; sites at every scale.
    const render::MapStyle style = render::MapStyle::defaults();
    const double county = denominator(18.5);  // 35.6 km across 1920 px
    const double province = denominator(137); // 264 km
    const double nation = denominator(734);   // 1,409 km
    const render::ScaleRange plots = style.scaleRangeOf("planned_plots", std::nullopt);
    QVERIFY(!plots.contains(province));
    QVERIFY(plots.contains(county));
    const render::ScaleRange schools = style.scaleRangeOf("schools", std::nullopt);
    QVERIFY(schools.contains(province));
    QVERIFY(!schools.contains(nation));
    QVERIFY(style.scaleRangeOf("resettlement_sites", std::nullopt).unlimited());
  }
};

QTEST_MAIN(MapScaleTest)
#include "MapScaleTest.moc"
