#include "app/cli/RenderCommand.h"

#include "app/cli/Commands.h"
#include "app/render/MapRenderer.h"
#include "core/Engine.h"
#include "core/report/AtomicFile.h"
#include "core/report/OutputGuard.h"
#include "gis/TextEncoding.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <regex>

#include <time.h>

namespace anzhi::cli {

namespace {

int fail(const std::string &message)
{
  std::cerr << "anzhi-cli: " << gis::printable(message) << "\n"; // data cannot forge a line
  return kCannotRun;
}

//! CPU time of the calling thread: on a shared machine, the cost of a render without the
//! time the thread waited for a core.
double threadCpuMs()
{
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double msSince(std::chrono::steady_clock::time_point start)
{
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

} // namespace

int runRender(const RenderArgs &args)
{
  try {
    core::refuseOutputOverProject(args.out, args.project);
  } catch (const std::exception &e) {
    return fail(e.what());
  }
  std::smatch m;
  static const std::regex sizeRe(R"(^\s*(\d+)\s*[xX]\s*(\d+)\s*$)");
  if (!std::regex_match(args.size, m, sizeRe))
    return fail("--size " + args.size + ": expected WxH, e.g. 1920x1080");
  const int width = std::stoi(m[1]), height = std::stoi(m[2]);
  if (width < 1 || height < 1 || width > 20000 || height > 20000)
    return fail("--size " + args.size + ": each side must be 1 to 20000 pixels");
  std::optional<gis::Envelope> extent;
  if (args.extent) {
    static const std::regex num(R"(\s*([-+0-9.eE]+)\s*)");
    std::vector<double> v;
    std::string rest = *args.extent;
    std::size_t start = 0;
    while (start <= rest.size()) {
      std::size_t comma = rest.find(',', start);
      std::string part =
          rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      std::smatch pm;
      if (!std::regex_match(part, pm, num))
        return fail("--extent " + *args.extent + ": expected minx,miny,maxx,maxy");
      v.push_back(std::strtod(pm[1].str().c_str(), nullptr));
      if (comma == std::string::npos)
        break;
      start = comma + 1;
    }
    if (v.size() != 4 || !(v[0] < v[2]) || !(v[1] < v[3]))
      return fail("--extent " + *args.extent +
                  ": expected minx,miny,maxx,maxy with minx < maxx and miny < maxy");
    extent = gis::Envelope{v[0], v[1], v[2], v[3]};
  }

  // Fonts need a QGuiApplication; the offscreen platform needs no display.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "anzhi-cli";
  static char *argv[] = {name, nullptr};
  QGuiApplication app(argc, argv);

  std::shared_ptr<const core::Project> project;
  core::CheckResult result;
  core::RuleSet rules = core::RuleSet::defaults();
  auto loadStart = std::chrono::steady_clock::now();
  try {
    core::LoadOptions options;
    options.landUse = rules.landUse;
    options.skipBrokenLayers = true;
    project = core::Project::load(args.project, options);
    for (const core::LayerProblem &p : project->problems)
      std::cerr << "anzhi-cli: warning: "
                << gis::printable((p.layer.empty() ? "" : "layer " + p.layer + ": ") + p.message)
                << " (not drawn)\n";
    if (args.violations)
      result = core::Engine(rules).check(*project);
  } catch (const std::exception &e) {
    return fail(e.what());
  }
  const double loadMs = msSince(loadStart);

  render::RenderRequest request;
  request.project = project;
  request.labels = args.labels;
  if (args.hillshade)
    if (auto dem = render::findHillshadeDem(args.project))
      request.hillshade = std::make_shared<render::HillshadeSource>(*dem, project->workingCrs);
  for (const std::string &basemap : args.basemaps) {
    render::BasemapSpec spec;
    spec.name = basemap;
    spec.source = basemap;
    if (render::looksLikeTileTemplate(basemap)) {
      spec.kind = render::BasemapSpec::Kind::Tiles;
      spec.key = args.tileKey;
      spec.subdomains = render::splitSubdomains(args.tileSubdomains);
    } else if (!std::filesystem::exists(basemap)) {
      return fail("--basemap " + basemap + ": no such file (nor a tile URL template)");
    }
    render::TileOptions tiles;
    tiles.cacheRoot =
        args.tileCache ? std::filesystem::path(*args.tileCache) : render::defaultTileCacheRoot();
    tiles.offline = args.offline;
    request.basemaps.push_back(
        {std::make_shared<render::BasemapSource>(spec, project->workingCrs, tiles)});
  }
  if (!extent) {
    bool any = false;
    gis::Envelope all;
    auto grow = [&](const auto &layer) {
      if (!layer.present || layer.features.empty() || !layer.index || layer.index->size() == 0)
        return;
      if (!any)
        all = layer.extent;
      else
        all.expandToInclude(layer.extent);
      any = true;
    };
    grow(project->sites);
    grow(project->plots);
    grow(project->forestLand);
    grow(project->rangerPlots);
    grow(project->schools);
    grow(project->homesteads);
    grow(project->roads);
    if (!any)
      return fail(args.project + ": nothing to draw (no layer has geometry)");
    extent = all;
    request.transform = render::MapTransform::fitting(*extent, QSize(width, height));
  } else {
    request.transform = render::MapTransform::fitting(*extent, QSize(width, height), 0.0);
  }
  if (args.violations)
    request.violations = render::ViolationOverlay::fromViolations(result.violations);

  render::MapRenderer renderer;
  render::RenderStats stats;
  QImage image = renderer.render(request, nullptr, &stats);
  if (!stats.hillshadeError.empty())
    std::cerr << "anzhi-cli: warning: hillshade not drawn: " << gis::printable(stats.hillshadeError)
              << "\n";
  if (!stats.basemapError.empty())
    return fail("--basemap " + stats.basemapError);
  for (const std::string &service : stats.unreachableServices)
    std::cerr << "anzhi-cli: warning: cannot reach the tile service " << gis::printable(service)
              << ": drawing the cached tiles\n";
  if (args.repeat > 0) {
    std::vector<double> times, cpu;
    for (int i = 0; i < args.repeat; ++i) {
      render::RenderStats s;
      const double cpuStart = threadCpuMs();
      renderer.render(request, nullptr, &s);
      cpu.push_back(threadCpuMs() - cpuStart);
      times.push_back(s.milliseconds);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    const gis::Envelope e = request.transform.extent();
    std::printf("render %dx%d extent %.0f x %.0f m: first %.1f ms, min %.1f ms, median %.1f ms, "
                "max %.1f ms over %d (thread CPU time: median %.1f ms); features %d, dots %d, "
                "labels %d, clusters %d (of %d markers); scale 1:%.0f; load %.0f ms\n",
                width, height, e.maxX - e.minX, e.maxY - e.minY, stats.milliseconds, times.front(),
                times[times.size() / 2], times.back(), args.repeat, cpu[cpu.size() / 2],
                stats.features, stats.dots, stats.labels, stats.clusters, stats.clusteredFeatures,
                request.transform.scaleDenominator(request.dpi), loadMs);
  }
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  if (!image.save(&buffer, "PNG"))
    return fail(args.out + ": cannot encode the PNG");
  try {
    core::writeFileAtomically(args.out, std::string_view(png.constData(), std::size_t(png.size())));
  } catch (const std::exception &e) {
    return fail(e.what());
  }
  return kOk;
}

} // namespace anzhi::cli
