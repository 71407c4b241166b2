#pragma once

#include <optional>
#include <string>

namespace anzhi::cli {

struct CatchmentsArgs
{
  std::string project;
  std::string level; //!< primary or junior
  std::string out;
  std::optional<std::string> rules;
};

//! `anzhi-cli catchments`: each school's service area by road (docs/network.md) for the urban
//! and the rural travel-time limit of a level, as a GeoPackage layer `catchments`.
int runCatchments(const CatchmentsArgs &args);

} // namespace anzhi::cli
