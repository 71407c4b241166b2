#pragma once

#include <cstddef>

namespace anzhi::core::rules {

//! A school (or the point of a new school) covering a site, with the cost of the trip: minutes by
//! road for a level in network mode, straight-line metres in radius mode.
struct CoverLink
{
  std::size_t school = 0;
  double cost = 0;
};

} // namespace anzhi::core::rules
