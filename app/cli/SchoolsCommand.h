#pragma once

#include <optional>
#include <string>
#include <utility>

namespace CLI {
class App;
}

namespace anzhi::cli {

struct SchoolSeatsArgs
{
  std::string project;
  std::string level; //!< primary, junior or both
  std::optional<std::string> rules, json, csv;
};

struct SchoolPlanArgs
{
  std::string project;
  std::string level; //!< primary or junior
  int add = 0;
  std::string objective = "coverage";
  std::string method = "auto";
  double seconds = 60;
  std::optional<std::string> candidates, rules, json, out;
};

//! Declares `schools seats` and `schools plan` on `schools`; returns them in that order.
std::pair<CLI::App *, CLI::App *> addSchools(CLI::App &schools, SchoolSeatsArgs &seats,
                                             SchoolPlanArgs &plan);
//! `anzhi-cli schools seats` (docs/education.md): exit 0 when every pupil is seated, 1 when some
//! are not, 2 on bad input.
int runSchoolSeats(const SchoolSeatsArgs &args);
//! `anzhi-cli schools plan` (docs/education.md): exit 0 with a plan, 2 on bad input.
int runSchoolPlan(const SchoolPlanArgs &args);

} // namespace anzhi::cli
