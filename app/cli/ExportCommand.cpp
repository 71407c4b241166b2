#include "app/cli/ExportCommand.h"

#include "app/cli/Commands.h"
#include "core/export/LayerExport.h"
#include "gis/Text.h"
#include "gis/TextEncoding.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace anzhi::cli {

namespace {

int refuse(const std::string &message)
{
  std::cerr << "anzhi-cli: " << gis::printable(message) << "\n";
  return kCannotRun;
}

std::string lower(std::string s)
{
  for (char &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

//! "a,b，c" as its codes (ASCII or full-width commas), spaces around each trimmed.
std::vector<std::string> splitCodes(const std::string &text)
{
  std::vector<std::string> codes;
  std::string current;
  auto flush = [&] {
    if (std::string c = gis::trimmed(current); !c.empty())
      codes.push_back(c);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') {
      flush();
    } else if (text.compare(i, 3, "，") == 0) {
      flush();
      i += 2;
    } else {
      current += text[i];
    }
  }
  flush();
  return codes;
}

void printSummary(const core::ExportSummary &s, const std::string &project, const char *what)
{
  using gis::printable;
  std::cout << "导出 Export: " << printable(project) << " → " << printable(s.out) << " (" << what
            << (s.crs.empty() ? "" : ", " + s.crs) << ")\n";
  for (const core::ExportedLayer &l : s.layers)
    std::cout << "  " << printable(l.name) << ": " << l.features << " 个要素 feature(s)\n";
  for (const std::string &n : s.notes)
    std::cout << "【注意 note】" << printable(n) << "\n";
}

} // namespace

void addExportOptions(CLI::App &command, ExportArgs &args)
{
  command.add_option("PROJECT", args.project, "Project GeoPackage")->required();
  command.add_option("--out", args.out, "File to write: F.txt or F.gdb")->required();
  command
      .add_option("--format", args.format,
                  "txt (界址点坐标) or gdb (File Geodatabase); "
                  "default: by the extension of --out")
      ->check(CLI::IsMember({"txt", "gdb"}));
  command.add_option("--layer", args.layer,
                     "Layer to export (txt: required; gdb: default every layer of the project)");
  auto *where = command.add_option("--where", args.where,
                                   "Only the features this SQL filter selects, e.g. \"land_use "
                                   "LIKE '08%'\"");
  command.add_option("--codes", args.codes, "Only the features with these codes: a,b,c")
      ->excludes(where);
  command.add_option("--encoding", args.encoding, "txt: GBK (default) or UTF-8");
  command.add_option("--producer", args.producer, "txt: 数据产生单位 of the header");
  command.add_option("--date", args.date, "txt: 数据产生日期 of the header (default today)");
  command.add_flag("--violations", args.violations,
                   "gdb: also run the check and write its open violations");
  command.add_option("--rules", args.rules, "gdb --violations: rule set file (TOML)");
  command.add_option("--lang", args.lang, "gdb --violations: language of the messages")
      ->check(CLI::IsMember({"zh", "en"}));
  command.add_flag("--force", args.force, "Replace --out if it exists");
}

int runExport(const ExportArgs &args)
{
  std::string format;
  if (args.format) {
    format = *args.format;
  } else {
    const std::string ext = lower(std::filesystem::path(args.out).extension().string());
    if (ext == ".txt" || ext == ".gdb")
      format = ext.substr(1);
    else
      return refuse("--out " + args.out + ": say --format txt or --format gdb");
  }
  core::ExportSelection selection;
  selection.where = args.where;
  if (args.codes) {
    selection.codes = splitCodes(*args.codes);
    if (selection.codes.empty())
      return refuse("--codes: no code given");
  }
  try {
    if (format == "txt") {
      if (!args.layer)
        return refuse("--format txt writes one layer: name it with --layer");
      if (args.violations || args.rules)
        return refuse("--violations and --rules apply to --format gdb only");
      core::TxtExportRequest request;
      request.project = args.project;
      request.layer = *args.layer;
      request.out = args.out;
      request.selection = selection;
      request.force = args.force;
      request.producer = args.producer.value_or("");
      request.date = args.date;
      if (args.encoding) {
        std::optional<gis::TextEncoding> encoding = gis::encodingFromName(*args.encoding);
        if (!encoding)
          return refuse("--encoding " + *args.encoding + ": expected GBK or UTF-8");
        request.encoding = *encoding;
      }
      printSummary(core::exportBoundaryPoints(request), args.project, "界址点坐标 TXT");
      return kOk;
    }
    if (args.encoding || args.producer || args.date)
      return refuse("--encoding, --producer and --date apply to --format txt only");
    if (args.rules && !args.violations)
      return refuse("--rules applies with --violations only");
    core::GdbExportRequest request;
    request.project = args.project;
    request.out = args.out;
    request.layer = args.layer;
    request.selection = selection;
    request.violations = args.violations;
    request.rulesFile = args.rules;
    request.lang = args.lang;
    request.force = args.force;
    printSummary(core::exportFileGdb(request), args.project, "File Geodatabase");
    return kOk;
  } catch (const std::exception &e) {
    return refuse(e.what());
  }
}

} // namespace anzhi::cli
