#pragma once

#include "data/generator/Random.h"

#include <string>

namespace anzhi::sample::detail {

inline constexpr const char *kCounty = "岢岚县";

//! The twelve townships of Kelan county (岢岚县), Shanxi.
inline constexpr const char *kTownships[] = {"岚漪镇",   "三井镇",   "神堂坪乡", "高家会乡",
                                             "李家沟乡", "水峪贯乡", "西豹峪乡", "王家岔乡",
                                             "阳坪乡",   "大涧乡",   "宋家沟乡", "温泉乡"};
inline constexpr int kTownshipCount = 12;

//! A village name without the trailing 村, e.g. "长征" or "刘家沟".
std::string villageName(Rng &rng);
//! A plausible Chinese personal name (surname + one or two given-name syllables).
std::string personName(Rng &rng);
//! A residential compound name for urban sites, e.g. "广惠园".
std::string compoundName(Rng &rng);

} // namespace anzhi::sample::detail
