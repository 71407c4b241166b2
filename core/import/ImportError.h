#pragma once

#include <stdexcept>

namespace anzhi::core {

//! An import refused as a whole (bad argument, unreadable source, a required field unmapped, no
//! CRS); what() is one line naming the file, layer, feature and field at fault.
class ImportError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

} // namespace anzhi::core
