#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace anzhi::sample {

struct SampleOptions
{
  std::uint64_t seed = 1;
  int sites = 60;
};

//! One violation the generator planted on purpose, attached as docs/contract.md ("Precise
//! semantics" 0.) attaches it, so that a check of the sample must report exactly these.
struct PlantedViolation
{
  std::string rule;  //!< rule id from docs/contract.md, e.g. "protected-land"
  std::string layer; //!< layer the violation is attached to
  std::int64_t fid = 0;
  std::optional<std::string> level;      //!< "primary"/"junior" for school-coverage
  std::optional<std::string> otherLayer; //!< protected-land and ranger-overlap
  std::optional<std::int64_t> otherFid;
};

struct SampleSummary
{
  //! Feature count of every project layer, in the order the layers were created.
  std::vector<std::pair<std::string, std::int64_t>> layerCounts;
  std::vector<PlantedViolation> planted;
};

//! Name of the non-spatial table that lists the planted violations inside the sample.
inline constexpr const char *kPlantedTable = "anzhi_sample_planted";

//! Writes a synthetic project of Kelan county (岢岚县), Shanxi, with `options.sites`
//! resettlement sites, one per 4 km grid cell, and violations planted for every rule of
//! docs/contract.md (in the first four sites, and in about 2 % of the others), and a `dem`
//! raster table (detail::SampleDem) steep under the cropland homesteads planted for
//! reclamation-suitability. The same seed and
//! site count give the same features. Fails with gis::GisError if `path` exists (and removes
//! a partly written file on any failure); std::invalid_argument if sites is not 1..100000.
//! progress(fraction in [0, 1]) is called from the calling thread now and then, if set.
SampleSummary writeSampleCounty(const std::string &path, const SampleOptions &options,
                                const std::function<void(double)> &progress = {});

} // namespace anzhi::sample
