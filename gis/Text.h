#pragma once

#include <string>
#include <string_view>

namespace anzhi::gis {

//! The text without leading and trailing spaces, tabs and line breaks.
inline std::string trimmed(std::string_view text)
{
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

} // namespace anzhi::gis
