#include "app/cli/CatchmentsCommand.h"
#include "app/cli/Commands.h"
#include "app/cli/ExportCommand.h"
#include "app/cli/ImportCommand.h"
#include "app/cli/RangersCommand.h"
#include "app/cli/RenderCommand.h"
#include "app/cli/RulesCommand.h"
#include "app/cli/SchoolsCommand.h"
#include "app/cli/StatsCommand.h"
#include "gis/DataFile.h"
#include "gis/TextEncoding.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <utility>

int main(int argc, char **argv)
{
  using namespace anzhi::cli;
  CLI::App app{"anzhi-cli: checks resettlement-site projects against 晋脱贫攻坚组〔2020〕12号"};
  app.require_subcommand(1);

  std::string infoProject;
  auto *info = app.add_subcommand("info", "List a project's layers, roles, CRS and counts");
  info->add_option("PROJECT", infoProject, "Project GeoPackage")->required();

  std::string sampleOut;
  std::uint64_t seed = 1;
  int sites = 60;
  bool force = false;
  auto *sample = app.add_subcommand("sample", "Write a synthetic county project");
  sample->add_option("OUT", sampleOut, "GeoPackage to write")->required();
  sample->add_option("--seed", seed, "Random seed (same seed, same project)");
  sample->add_option("--sites", sites, "Number of resettlement sites")
      ->check(CLI::Range(1, 1000000));
  sample->add_flag("--force", force, "Replace OUT if it exists");

  anzhi::core::CheckOptions check;
  auto *checkCmd = app.add_subcommand("check", "Check a project against the rule set");
  checkCmd->add_option("PROJECT", check.project, "Project GeoPackage")->required();
  checkCmd->add_option("--rules", check.rulesFile, "Rule set file (TOML)");
  checkCmd->add_option("--json", check.json, "Write the anzhi.report/1 JSON report");
  checkCmd->add_option("--html", check.html, "Write the HTML report");
  checkCmd->add_option("--csv", check.csv,
                       "Write the violations as CSV (UTF-8 with BOM, for spreadsheets)");
  checkCmd->add_option("--violations", check.violations,
                       "Write the violations as a GeoPackage layer");
  checkCmd->add_option("--lang", check.lang, "Language of messages")
      ->check(CLI::IsMember({"zh", "en"}));
  checkCmd->add_option("--crs", check.workingCrs,
                       "Working CRS, e.g. EPSG:4546 (overrides the sites')");
  checkCmd->add_option("--dem", check.dem,
                       "DEM raster (elevations in metres) for reclamation-suitability; overrides "
                       "the project's dem table and anzhi_settings.dem_path");

  RulesArgs rules;
  auto *rulesCmd = app.add_subcommand(
      "rules", "List every rule: id, clause, severity, names, layers read, parameters and sources");
  rulesCmd->add_option("--rules", rules.rules, "Rule set file (TOML; default: the built-in one)");
  rulesCmd->add_option("--lang", rules.lang, "Language of the names")
      ->check(CLI::IsMember({"zh", "en"}));
  auto *rulesJson = rulesCmd->add_flag("--json", rules.json, "Print anzhi.rules-catalogue/1 JSON");
  rulesCmd
      ->add_flag("--markdown", rules.markdown,
                 "Print the defaults as the \"Rule by rule\" section of docs/rules.md")
      ->excludes(rulesJson);

  ImportArgs import;
  auto *importCmd = app.add_subcommand(
      "import",
      "Import a layer (Shapefile, DXF, GeoJSON, KML, CSV, FlatGeobuf, GeoPackage, File or "
      "Personal Geodatabase, 界址点坐标 TXT) into a project, as one transaction");
  importCmd->add_option("SOURCE", import.source, "File to import")->required();
  importCmd->add_option("--into", import.project, "Project GeoPackage (created if missing)")
      ->required();
  importCmd
      ->add_option("--as", import.role,
                   "Role: the canonical table, e.g. resettlement_sites, or dem for a DEM raster")
      ->required();
  importCmd->add_option("--layer", import.layer, "Layer of the source (a CAD layer for DXF)");
  importCmd->add_option("--field", import.fields, "ours=theirs: canonical field from source field")
      ->take_all();
  importCmd
      ->add_option("--land-use", import.landUse,
                   "value=class: a land-use value and its class (planned_plots, buildings)")
      ->take_all();
  importCmd
      ->add_option("--value", import.values,
                   "field=source:code: what a source value of a coded field stands for, e.g. "
                   "level=小学:primary (overrides the built-in table and --values)")
      ->take_all();
  importCmd->add_option("--values", import.valuesFile,
                        "Value-map file (TOML): [field] tables of \"source\" = \"code\"");
  importCmd
      ->add_option("--unmapped", import.unmapped,
                   "A coded value no map maps: refuse its row (default) or import it as null")
      ->check(CLI::IsMember({"refuse", "null"}));
  importCmd->add_option(
      "--encoding", import.encoding,
      "Text encoding of a Shapefile, CSV, DXF or TXT: GBK or UTF-8 (else detected)");
  importCmd->add_option("--assign-crs", import.assignCrs,
                        "CRS the source's coordinates are in, e.g. EPSG:4525");
  auto *towgs84 = importCmd->add_option(
      "--towgs84", import.towgs84,
      "dx,dy,dz,rx,ry,rz,ds: seven-parameter shift (m, arc-seconds, ppm; position vector) from "
      "Xian 1980 or Beijing 1954 to CGCS2000");
  importCmd
      ->add_option("--control-points", import.controlPoints,
                   "CSV of name,source_x,source_y,target_x,target_y: a four-parameter plane fit "
                   "from Xian 1980 or Beijing 1954 to CGCS2000")
      ->excludes(towgs84);
  importCmd->add_flag("--skip-refused", import.skipRefused,
                      "Import the other rows when some are refused (default: refuse all)");
  importCmd->add_flag("--allow-triggers", import.allowTriggers,
                      "Import into a table that has triggers of the project's own (they run on "
                      "every imported row; default: refuse)");

  ExportArgs exportArgs;
  auto *exportCmd = app.add_subcommand(
      "export", "Export a layer as a 界址点坐标 TXT, or the project (and the check's violations) "
                "as a File Geodatabase (.gdb)");
  addExportOptions(*exportCmd, exportArgs);

  RenderArgs render;
  auto *renderCmd = app.add_subcommand("render", "Render the project's map into a PNG");
  renderCmd->add_option("PROJECT", render.project, "Project GeoPackage")->required();
  renderCmd->add_option("--out", render.out, "PNG to write")->required();
  renderCmd->add_option("--size", render.size, "Image size WxH in pixels (default 1600x1000)");
  renderCmd->add_option("--extent", render.extent,
                        "minx,miny,maxx,maxy in the working CRS (default: all layers)");
  renderCmd->add_flag("--violations", render.violations, "Run the check and draw violations");
  renderCmd->add_flag("!--no-labels", render.labels, "Draw no labels");
  renderCmd->add_flag("!--no-hillshade", render.hillshade,
                      "Draw no hillshade (default: the project's DEM, its `dem` raster table or "
                      "the file anzhi_settings.dem_path names, shaded under the layers)");
  renderCmd->add_option("--basemap", render.basemaps,
                        "Draw a basemap under the layers (repeatable, the first at the bottom): a "
                        "raster file with a CRS (an orthophoto GeoTIFF), or a Web Mercator tile "
                        "URL template with {z} {x} {y} ({-y}: TMS rows, {s}, {key})");
  renderCmd->add_option("--tile-cache", render.tileCache,
                        "Folder of the tile cache (default: the user's cache folder, anzhi/tiles)");
  renderCmd->add_flag("--offline", render.offline, "Draw only cached tiles; ask no tile service");
  renderCmd->add_option("--tile-key", render.tileKey, "The key a template's {key} stands for");
  renderCmd->add_option("--tile-subdomains", render.tileSubdomains,
                        "Comma-separated values of a template's {s} (default 0,…,7 as 天地图)");
  renderCmd->add_option("--repeat", render.repeat, "Benchmark: render N more times, print ms")
      ->check(CLI::Range(0, 10000));

  CatchmentsArgs catchments;
  auto *catchmentsCmd = app.add_subcommand(
      "catchments", "Write each school's service area by road for a level (docs/network.md)");
  catchmentsCmd->add_option("PROJECT", catchments.project, "Project GeoPackage")->required();
  catchmentsCmd->add_option("--level", catchments.level, "School level")
      ->required()
      ->check(CLI::IsMember({"primary", "junior"}));
  catchmentsCmd->add_option("--out", catchments.out, "GeoPackage to write (layer catchments)")
      ->required();
  catchmentsCmd->add_option("--rules", catchments.rules,
                            "Rule set file (TOML): max_minutes, walk_kmh, speed_kmh");
  RangersPlanArgs rangersPlan;
  auto *rangersCmd =
      app.add_subcommand("rangers", "Ecological rangers (生态护林员): plan responsibility plots");
  rangersCmd->require_subcommand(1);
  auto *rangersPlanCmd = addRangersPlan(*rangersCmd, rangersPlan);
  SchoolSeatsArgs schoolSeats;
  SchoolPlanArgs schoolPlan;
  auto *schoolsCmd = app.add_subcommand(
      "schools", "Education planning: seats that fit, where to build (docs/education.md)");
  schoolsCmd->require_subcommand(1);
  auto [schoolSeatsCmd, schoolPlanCmd] = addSchools(*schoolsCmd, schoolSeats, schoolPlan);

  StatsArgs statsArgs;
  auto *statsCmd = addStats(app, statsArgs);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    std::cerr << "anzhi-cli: " << e.what() << " (see anzhi-cli --help)\n";
    return kCannotRun;
  }
  // A command that finds a project left half-written by a crash rolls it back first and says so.
  anzhi::gis::setRecoveryNotice([](const std::string &notice) {
    std::cerr << "anzhi-cli: " << anzhi::gis::printable(notice) << "\n";
  });
  if (*info)
    return runInfo(infoProject);
  if (*sample)
    return runSample(sampleOut, seed, sites, force);
  if (*importCmd)
    return runImport(import);
  if (*exportCmd)
    return runExport(exportArgs);
  if (*renderCmd)
    return runRender(render);
  if (*rulesCmd)
    return runRules(rules);
  if (*catchmentsCmd)
    return runCatchments(catchments);
  if (*statsCmd)
    return runStats(statsArgs);
  if (*rangersPlanCmd)
    return runRangersPlan(rangersPlan);
  if (*schoolSeatsCmd)
    return runSchoolSeats(schoolSeats);
  if (*schoolPlanCmd)
    return runSchoolPlan(schoolPlan);
  return anzhi::cli::runCheck(std::move(check)); // not core::runCheck, found by ADL
}
