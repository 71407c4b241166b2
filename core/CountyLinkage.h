#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace anzhi::core {

//! One county's 城乡建设用地增减挂钩 balance (docs/contract.md "Rules of wave 2", 14. and 17.):
//! what the linkage-balance rule weighs and every report lists, whether or not it fires.
struct CountyLinkage
{
  std::string county;
  double constructionM2 = 0; //!< ellipsoidal area of the union of its sites
  double reclaimedM2 = 0;    //!< of the union of its homesteads with status 'reclaimed'
  //! Its site with the lowest fid (index in Project::sites), where a shortfall is reported.
  std::size_t firstSite = 0;
  std::int64_t sites = 0;
  double balanceM2() const { return reclaimedM2 - constructionM2; } //!< 节余指标
};

} // namespace anzhi::core
