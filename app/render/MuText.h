#pragma once

#include <QString>

#include <cmath>

namespace anzhi::render {

//! An area in mu cut, not rounded, to `decimals`: a ranger with 499.96 mu reads 499.9, never a
//! compliant-looking 500 (ranger-area compares the exact figure with 500).
inline QString muText(double mu, int decimals = 1)
{
  const double scale = std::pow(10.0, decimals);
  // The small allowance keeps 499.9, stored as 499.89999…, at 499.9.
  return QString::number(std::trunc(mu * scale + (mu < 0 ? -1e-6 : 1e-6)) / scale, 'f', decimals);
}

} // namespace anzhi::render
