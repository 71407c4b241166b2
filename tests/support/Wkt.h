#pragma once

// WKT of the simple shapes the tests draw, shared by the engine and app tests.

#include <string>

namespace anzhi::test {

//! An axis-aligned rectangle, counter-clockwise from (x0, y0).
inline std::string rect(double x0, double y0, double x1, double y1)
{
  auto n = [](double v) { return std::to_string(v); };
  return "POLYGON((" + n(x0) + " " + n(y0) + "," + n(x1) + " " + n(y0) + "," + n(x1) + " " + n(y1) +
         "," + n(x0) + " " + n(y1) + "," + n(x0) + " " + n(y0) + "))";
}

inline std::string point(double x, double y)
{
  return "POINT(" + std::to_string(x) + " " + std::to_string(y) + ")";
}

} // namespace anzhi::test
