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

//! Stored bytes the source cannot decode at all (a damaged BLOB or page): unlike a geometry
//! that reads but is invalid, nothing can be checked or repaired, so a check must not run.
class UnreadableData : public GisError
{
public:
  using GisError::GisError;
};

} // namespace anzhi::gis
