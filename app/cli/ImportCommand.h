#pragma once

#include <optional>
#include <string>
#include <vector>

namespace anzhi::cli {

struct ImportArgs
{
  std::string source, project, role;
  std::optional<std::string> layer, encoding, assignCrs;
  std::optional<std::string> towgs84, controlPoints; //!< old datum → CGCS2000
  std::vector<std::string> fields;                   //!< ours=theirs
  std::vector<std::string> landUse;                  //!< value=class
  std::vector<std::string> values;                   //!< field=source:code
  std::optional<std::string> valuesFile;
  std::string unmapped = "refuse"; //!< or "null"
  bool skipRefused = false;
  bool allowTriggers = false;
};

//! `anzhi-cli import`: exit 0 when imported (warnings printed), 2 when refused (one line on
//! stderr; the summary with every refused row on stdout).
int runImport(const ImportArgs &args);

} // namespace anzhi::cli
