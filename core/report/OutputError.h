#pragma once

#include <stdexcept>

namespace anzhi::core {

//! An output that must not be written: it would replace the project (or one of the files the
//! project consists of), or the disk refused it. The message names the path.
class OutputError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

} // namespace anzhi::core
