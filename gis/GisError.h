#pragma once

#include <stdexcept>
#include <string>

namespace anzhi::gis {

//! An error from GDAL, PROJ or GEOS, with the context (file, layer, feature, field) the
//! caller knows; what() is a complete sentence meant for the user.
class GisError : public std::runtime_error
{
public:
  explicit GisError(const std::string &message)
      : std::runtime_error(message)
  {
  }
};

} // namespace anzhi::gis
