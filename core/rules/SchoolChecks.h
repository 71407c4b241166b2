#pragma once

#include "core/RuleParameters.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace anzhi::core {
struct Site;
}

namespace anzhi::core::rules {

enum class SchoolLevel;

//! school-coverage: the service radius of a school without catchment, by level and setting, or,
//! in network mode, the travel time by road (docs/contract.md "Network distance").
//! school-capacity assigns pupils by the same coverage, so it reads these too.
struct SchoolCoverageParameters final : ParametersOf<SchoolCoverageParameters>
{
  RadiusBySetting primary{500, 2500};
  RadiusBySetting junior{1000, 5000};
  std::string modePrimary = "radius", modeJunior = "radius";
  BySetting maxMinutesPrimary{15, 30};
  BySetting maxMinutesJunior{20, 45};
  double walkKmh = 4.0;
  double maxAccessM = 2000.0;
  //! Empty: every class at walking speed.
  SpeedByClass speedPrimary, speedJunior;

  void visit(ParameterVisitor &v) override
  {
    v.radius("radius_m.primary", primary,
             Cited{"城镇：GB 50180-2018 10 分钟生活圈（约 500 米）；农村：地方暂行做法（2.5 公里）",
                   "urban: GB 50180-2018 10-minute life circle (≈ 500 m); rural: provisional local "
                   "practice (2.5 km)"});
    v.radius("radius_m.junior", junior,
             Cited{"城镇：GB 50180-2018 15 分钟生活圈（约 1000 米）；农村：地方暂行做法（5 公里）",
                   "urban: GB 50180-2018 15-minute life circle (≈ 1000 m); rural: provisional "
                   "local practice (5 km)"});
    static constexpr Cited kMode{
        "按直线服务半径判断；\"network\" 按道路通行时间",
        "straight-line service radius; \"network\" for travel time by road"};
    v.choice("mode.primary", modePrimary, {"radius", "network"}, kMode);
    v.choice("mode.junior", modeJunior, {"radius", "network"}, kMode);
    v.bySetting(
        "max_minutes.primary", maxMinutesPrimary, Unit::Minutes,
        Cited{
            "城镇：GB 50180-2018 15 分钟生活圈；农村：国办发〔2018〕27号 路途时间一般不超过半小时",
            "urban: GB 50180-2018 15-minute life circle; rural: 国办发〔2018〕27号, a trip "
            "of generally no more than half an hour"});
    v.bySetting("max_minutes.junior", maxMinutesJunior, Unit::Minutes,
                Cited{"地方暂行做法（城镇 20 分钟，农村 45 分钟）",
                      "provisional local practice (urban 20 min, rural 45 min)"});
    v.speed("walk_kmh", walkKmh,
            Cited{"中小学生步行速度约 4 公里/小时", "a pupil walks about 4 km/h"});
    v.number("max_access_m", maxAccessM, Unit::Metres,
             Cited{"离道路超过 2 公里视为不通路（地方暂行做法）",
                   "farther than 2 km from a road counts as not connected (provisional local "
                   "practice)"});
    static constexpr Cited kSpeeds{"未列出的道路等级用 default，无 default 时按步行速度",
                                   "a class not listed uses `default`, else the walking speed"};
    v.speeds("speed_kmh.primary", speedPrimary, kSpeeds);
    v.speeds("speed_kmh.junior", speedJunior, kSpeeds);
  }
  bool network(bool primaryLevel) const
  {
    return (primaryLevel ? modePrimary : modeJunior) == "network";
  }
  //! The road speed in km/h of a road class at a level.
  double kmh(bool primaryLevel, const std::optional<std::string> &roadClass) const
  {
    const SpeedByClass &speeds = primaryLevel ? speedPrimary : speedJunior;
    auto it = roadClass ? speeds.find(*roadClass) : speeds.end();
    if (it == speeds.end())
      it = speeds.find("default");
    return it == speeds.end() ? walkKmh : it->second;
  }
  double reachM() const override;
};

//! school-capacity: pupils per resident, for a site whose pupils_* is empty.
struct SchoolCapacityParameters final : ParametersOf<SchoolCapacityParameters>
{
  ExactRate primary{8, 100};
  ExactRate junior{4, 100};

  void visit(ParameterVisitor &v) override
  {
    v.rate("pupil_rate.primary", primary,
           Cited{"地方做法：每百名居民 8 名小学生",
                 "local practice: 8 primary pupils per 100 residents"});
    v.rate("pupil_rate.junior", junior,
           Cited{"地方做法：每百名居民 4 名初中生",
                 "local practice: 4 junior pupils per 100 residents"});
  }
};

} // namespace anzhi::core::rules
