#pragma once

#include "data/generator/Sink.h"

#include <cstdint>

namespace anzhi::sample::detail {

//! The regular grid of 4 km cells, one site per cell, centred on Kelan's county seat in
//! EPSG:4546. Everything that belongs to a site stays inside its cell (with margins), so that
//! two cells never interact through any rule unless a planted case says so.
struct Grid
{
  static constexpr double kCell = 4000.0;
  std::uint64_t seed = 1;
  int sites = 0;
  int cols = 1, rows = 1;
  double originX = 0, originY = 0; //!< south-west corner of cell 0

  static Grid make(std::uint64_t seed, int sites);
};

//! Queues every feature of site `site` (0-based) and its cell, and records what it plants.
//! Sites 0–3 carry planted package 0–3; later sites carry a random package in about 2 % of
//! cases (see SiteGenerator.cpp for what each package holds).
void generateSite(Sink &sink, const Grid &grid, int site);

} // namespace anzhi::sample::detail
