#pragma once

// File and shell helpers shared by the tests that run anzhi-cli or compare files byte for byte.

#include <fstream>
#include <sstream>
#include <string>

namespace anzhi::test {

//! The whole file as bytes ("" when it cannot be read).
inline std::string slurp(const std::string &path)
{
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

//! Quotes an argument for /bin/sh.
inline std::string quote(const std::string &s)
{
  std::string q = "'";
  for (char c : s)
    q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

} // namespace anzhi::test
