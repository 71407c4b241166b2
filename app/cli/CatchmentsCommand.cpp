#include "app/cli/CatchmentsCommand.h"

#include "app/cli/Commands.h"
#include "core/Project.h"
#include "core/network/ServiceArea.h"
#include "core/report/AtomicFile.h"
#include "core/report/OutputGuard.h"
#include "core/rules/SchoolChecks.h"
#include "core/rules/SchoolCoverage.h"
#include "gis/TextEncoding.h"
#include "gis/Vector.h"

#include <iostream>

namespace anzhi::cli {

namespace {

int fail(const std::string &message)
{
  std::cerr << "anzhi-cli: " << gis::printable(message) << "\n";
  return kCannotRun;
}

} // namespace

int runCatchments(const CatchmentsArgs &args)
{
  try {
    const core::RuleSet rules =
        args.rules ? core::RuleSet::fromFile(*args.rules) : core::RuleSet::defaults();
    core::refuseOutputOverProject(args.out, args.project);
    core::LoadOptions options;
    options.landUse = rules.landUse;
    std::shared_ptr<const core::Project> project = core::Project::load(args.project, options);
    if (!project->roads.present)
      return fail(args.project + ": no `roads` layer: service areas follow the road network");
    const auto &parameters =
        rules.parameters<core::rules::SchoolCoverageParameters>("school-coverage");
    const bool primaryLevel = args.level == "primary";
    const core::rules::SchoolLevel level =
        primaryLevel ? core::rules::SchoolLevel::Primary : core::rules::SchoolLevel::Junior;
    const core::BySetting &limits =
        primaryLevel ? parameters.maxMinutesPrimary : parameters.maxMinutesJunior;
    std::unique_ptr<core::network::RoadGraph> graph = core::rules::roadGraphOf(*project);
    const std::vector<double> speeds = graph->edgeSpeeds([&](std::size_t road) {
      return parameters.kmh(primaryLevel, project->roads.features[road].roadClass);
    });
    core::network::Router router(*graph, speeds);
    const double walk = core::network::metresPerMinute(parameters.walkKmh);

    core::OutputStaging staging(args.out);
    int written = 0, unconnected = 0;
    {
      gis::VectorDataset out = gis::VectorDataset::createGeoPackage(staging.stagedPath());
      gis::LayerWriter writer =
          out.createLayer("catchments", gis::GeometryKind::MultiPolygon, project->workingCrs,
                          {{"school_code", gis::FieldType::String},
                           {"level", gis::FieldType::String},
                           {"setting", gis::FieldType::String},
                           {"max_minutes", gis::FieldType::Real}});
      gis::Transaction transaction(out);
      for (const core::School &school : project->schools.features) {
        const bool serves = school.level && (*school.level == core::rules::levelName(level) ||
                                             *school.level == "nine_year");
        if (!serves || !school.hasGeometry())
          continue;
        const std::vector<core::network::RoadGraph::Snap> snaps =
            graph->snap(gis::pointXY(school.geometry.get()), parameters.maxAccessM);
        if (snaps.empty()) {
          ++unconnected;
          continue;
        }
        for (const auto &[setting, limit] :
             {std::pair{"urban", limits.urban}, std::pair{"rural", limits.rural}}) {
          router.run(router.seedsOf(snaps, walk), limit);
          gis::Geometry area = core::network::serviceArea(router, snaps, limit, walk);
          if (!area)
            continue;
          if (gis::typeId(area.get()) == GEOS_POLYGON) {
            std::vector<gis::Geometry> one;
            one.push_back(std::move(area));
            area = gis::makeCollection(GEOS_MULTIPOLYGON, std::move(one));
          }
          writer.add(area.get(), {school.code ? gis::FieldValue(*school.code) : gis::FieldValue(),
                                  gis::FieldValue(std::string(core::rules::levelName(level))),
                                  gis::FieldValue(std::string(setting)), gis::FieldValue(limit)});
          ++written;
        }
      }
      transaction.commit();
    }
    staging.commit();
    std::cout << written << " service areas written to " << gis::printable(args.out);
    if (unconnected > 0)
      std::cout << "; " << unconnected << " schools farther than " << parameters.maxAccessM
                << " m from every road have none";
    std::cout << "\n";
    return kOk;
  } catch (const std::exception &e) {
    return fail(e.what());
  }
}

} // namespace anzhi::cli
