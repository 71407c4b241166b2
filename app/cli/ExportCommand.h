#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace anzhi::cli {

struct ExportArgs
{
  std::string project, out;
  std::optional<std::string> format; //!< txt or gdb (default: by the extension of --out)
  std::optional<std::string> layer, where, codes, encoding, rules, producer, date;
  std::string lang = "zh";
  bool violations = false;
  bool force = false;
};

//! Adds `anzhi-cli export`'s arguments to its subcommand.
void addExportOptions(CLI::App &command, ExportArgs &args);

//! `anzhi-cli export`: exit 0 when written (a summary on stdout), 2 when refused (one line on
//! stderr; nothing written).
int runExport(const ExportArgs &args);

} // namespace anzhi::cli
