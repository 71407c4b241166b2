#include "core/rules/SchoolChecks.h"
#include "core/rules/SchoolCoverage.h"

#include <limits>
#include <map>
#include <tuple>

namespace anzhi::core::rules {

namespace {

const char *levelZh(SchoolLevel level)
{
  return level == SchoolLevel::Primary ? "小学" : "初中";
}

//! Why the nearest school of the level does not cover the site, in Chinese and English: a
//! distance alone ("0 m away") does not tell a planner that the school's catchment leaves the
//! site out.
std::pair<std::string, std::string> whyNotCovered(const SchoolCoverage &coverage, const Site &site,
                                                  SchoolLevel level, const Nearest &nearest,
                                                  const std::optional<double> &minutes)
{
  const std::string zhLevel = levelZh(level), enLevel = levelName(level);
  if (!nearest.found())
    return {"项目中没有" + zhLevel, "the project has no " + enLevel + " school"};
  const School &school = coverage.project().schools.features[nearest.index];
  const std::string zhSchool = "最近的" + zhLevel + " " + featureZh(school, school.name);
  const std::string enSchool =
      "the nearest " + enLevel + " school, " + featureEn(school, school.name) + ",";
  const std::string metres = fixed(nearest.distance, 0);
  if (coverage.byNetwork(level)) {
    const std::optional<double> limit = coverage.maxMinutes(site, level);
    if (!limit)
      return {zhSchool + "相距 " + metres + " 米；安置类型未填写城镇或农村，只能由学区覆盖",
              enSchool + " is " + metres +
                  " m away; the site's setting is neither urban nor rural, so only a catchment "
                  "can cover it"};
    if (!minutes)
      return {zhSchool + "直线相距 " + metres + " 米，但经道路到达不了任何" + zhLevel +
                  "（离道路超过 " + fixed(coverage.maxAccessM(), 0) + " 米或道路不连通）",
              enSchool + " is " + metres + " m away in a straight line, but no " + enLevel +
                  " school is reachable by road (farther than " + fixed(coverage.maxAccessM(), 0) +
                  " m from a road, or not connected)"};
    // The quickest school may be one whose catchment leaves the site out: it is not routed.
    if (*minutes <= *limit)
      return {"经道路最近的" + zhLevel + "需 " + fixed(*minutes, 1) +
                  " 分钟，但其学区不含本安置区；" + fixed(*limit, 0) + " 分钟内没有未划学区的" +
                  zhLevel + "（" + zhSchool + "直线相距 " + metres + " 米）",
              "the quickest " + enLevel + " school by road, " + fixed(*minutes, 1) +
                  " min away, has a catchment that leaves the site out, and no school without "
                  "catchment is within " +
                  fixed(*limit, 0) + " min (" + enSchool + " is " + metres +
                  " m away in a straight line)"};
    return {"经道路最近的" + zhLevel + "需 " + fixed(*minutes, 1) + " 分钟，超出 " +
                fixed(*limit, 0) + " 分钟（" + zhSchool + "直线相距 " + metres + " 米）",
            "the quickest " + enLevel + " school by road is " + fixed(*minutes, 1) +
                " min away, beyond the " + fixed(*limit, 0) + "-minute limit (" + enSchool +
                " is " + metres + " m away in a straight line)"};
  }
  if (coverage.hasCatchment(nearest.index))
    return {zhSchool + "相距 " + metres + " 米，其学区不含本安置区",
            enSchool + " is " + metres + " m away; its catchment leaves the site out"};
  const std::optional<double> radius = coverage.radius(site, level);
  if (!radius)
    return {zhSchool + "相距 " + metres + " 米；安置类型未填写城镇或农村，只能由学区覆盖",
            enSchool + " is " + metres +
                " m away; the site's setting is neither urban nor rural, so only a catchment "
                "can cover it"};
  return {zhSchool + "相距 " + metres + " 米，超出 " + fixed(*radius, 0) + " 米服务半径",
          enSchool + " is " + metres + " m away, beyond the " + fixed(*radius, 0) +
              " m service radius"};
}

//! Why a rule reading school coverage cannot run: a level in network mode without roads.
std::optional<std::string> missingRoads(const Project &p, const RuleSet &rules)
{
  const auto &params = rules.parameters<SchoolCoverageParameters>("school-coverage");
  if (!params.network(true) && !params.network(false))
    return std::nullopt;
  for (const Road &road : p.roads.features)
    if (road.hasGeometry())
      return std::nullopt;
  return std::string(kNoRoadsReason);
}

//! 一（四）义务教育优先布局: every site is covered by a primary and a junior school.
class SchoolCoverageCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{
        .id = "school-coverage",
        .clause = "一（四）",
        .severity = Severity::Error,
        .nameZh = "学校未覆盖",
        .nameEn = "School not covered",
        .requiredLayers = {"resettlement_sites", "schools"},
        .layersRead = {"resettlement_sites", "schools", "school_catchments", "roads"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<SchoolCoverageParameters>();
  }

  std::optional<std::string> skipReason(const Project &p, const RuleSet &rules) const override
  {
    return missingRoads(p, rules);
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    SchoolCoverage coverage(ctx);
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.sites.features.size());
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      ctx.pollCancel(i);
      const Site &site = p.sites.features[i];
      if (!site.hasGeometry() || !ctx.inScope(site))
        continue;
      for (SchoolLevel level : {SchoolLevel::Primary, SchoolLevel::Junior}) {
        if (coverage.cover(i, level).covered())
          continue;
        Violation v = siteViolation(ctx, id(), site);
        v.level = levelName(level);
        const Nearest nearest = coverage.nearest(site, level);
        if (nearest.found())
          v.distanceM = nearest.distance;
        v.minutes = coverage.leastMinutes(i, level);
        auto [whyZh, whyEn] = whyNotCovered(coverage, site, level, nearest, v.minutes);
        v.messageZh = labelZh("resettlement_sites", site, site.name) + "未被" + levelZh(level) +
                      "学区或服务半径覆盖（" + whyZh + "）。请划定学区、调整服务范围或规划新校。";
        v.messageEn = labelEn("resettlement_sites", site, site.name) + " is not covered by any " +
                      levelName(level) + " school catchment or service radius (" + whyEn +
                      "). Draw a catchment, extend a school's service area or plan a school.";
        result.violations.push_back(std::move(v));
      }
    }
    return result;
  }
};

//! 一（二）（三）: each site's pupils go to the nearest covering school of their level; a
//! school whose enrolled + assigned pupils exceed its seats is short of seats.
class SchoolCapacityCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{
        .id = "school-capacity",
        .clause = "一（二）（三）",
        .severity = Severity::Warning,
        .nameZh = "学位缺口",
        .nameEn = "Seat shortfall",
        .requiredLayers = {"resettlement_sites", "schools"},
        .layersRead = {"resettlement_sites", "schools", "school_catchments", "roads"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<SchoolCapacityParameters>();
  }

  //! It assigns pupils by school-coverage's coverage, so it needs what that needs.
  std::optional<std::string> skipReason(const Project &p, const RuleSet &rules) const override
  {
    return missingRoads(p, rules);
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    SchoolCoverage coverage(ctx);
    std::vector<std::int64_t> assigned(p.schools.features.size(), 0);
    // Assignment needs every site, whatever the scope: a school's load is global.
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      ctx.pollCancel(i);
      const Site &site = p.sites.features[i];
      if (!site.hasGeometry())
        continue;
      for (SchoolLevel level : {SchoolLevel::Primary, SchoolLevel::Junior}) {
        std::int64_t pupils = pupilsOf(ctx, site, level);
        if (pupils <= 0)
          continue;
        SchoolCoverage::Cover cover = coverage.cover(i, level);
        if (!cover.covered())
          continue;
        assigned[nearestCovering(coverage, i, level, cover)] += pupils;
      }
    }
    RuleRun result;
    for (std::size_t s = 0; s < p.schools.features.size(); ++s) {
      const School &school = p.schools.features[s];
      if (!school.level ||
          (*school.level != "primary" && *school.level != "junior" && *school.level != "nine_year"))
        continue;
      ++result.checked;
      if (!ctx.inScope(school))
        continue;
      std::int64_t enrolled = school.enrolled.value_or(0);
      std::int64_t capacity = school.capacity.value_or(0);
      std::int64_t demand = enrolled + assigned[s];
      if (demand <= capacity)
        continue;
      Violation v = newViolation(ctx, id(), "schools", school);
      v.shortfallSeats = demand - capacity;
      v.wkt = locationWkt(school.geometry.get());
      v.messageZh = labelZh("schools", school, school.name) + "学位不足：在校生 " +
                    std::to_string(enrolled) + " 人，分配的搬迁适龄子女 " +
                    std::to_string(assigned[s]) + " 人，学位 " + std::to_string(capacity) +
                    " 个，缺口 " + std::to_string(*v.shortfallSeats) +
                    " 个。请扩建学校或调整学区。";
      v.messageEn = labelEn("schools", school, school.name) +
                    " is short of seats: " + std::to_string(enrolled) + " enrolled and " +
                    std::to_string(assigned[s]) + " relocated pupils assigned for " +
                    std::to_string(capacity) + " seats, a shortfall of " +
                    std::to_string(*v.shortfallSeats) +
                    ". Extend the school or redraw the catchments.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }

private:
  //! The covering school the site's pupils go to: the nearest by straight-line distance, or in
  //! network mode the quickest by road, a school without a travel time (one covering by its
  //! catchment but not reached by road within the limit) after those with one; ties to the lower
  //! fid (docs/rules.md, decisions).
  static std::size_t nearestCovering(const SchoolCoverage &coverage, std::size_t siteIndex,
                                     SchoolLevel level, const SchoolCoverage::Cover &cover)
  {
    const Project &p = coverage.project();
    gis::PreparedGeometry prepared(p.sites.features[siteIndex].geometry.get());
    const bool byNetwork = coverage.byNetwork(level);
    constexpr double kNone = std::numeric_limits<double>::infinity();
    using Key = std::tuple<double, double, std::int64_t>; // minutes, metres, fid
    std::optional<std::pair<Key, std::size_t>> best;
    for (std::size_t s : cover.schools) {
      const School &school = p.schools.features[s];
      const double minutes =
          byNetwork ? coverage.minutesTo(siteIndex, level, s).value_or(kNone) : 0.0;
      const double metres = school.hasGeometry() ? prepared.distance(school.geometry.get()) : kNone;
      const Key key{minutes, metres, school.fid};
      if (!best || key < best->first)
        best = {key, s};
    }
    return best->second;
  }

  static std::int64_t pupilsOf(const RuleContext &ctx, const Site &site, SchoolLevel level)
  {
    return sitePupils(site, level, ctx.parameters<SchoolCapacityParameters>());
  }
};

} // namespace

std::int64_t sitePupils(const Site &site, SchoolLevel level, const SchoolCapacityParameters &rates)
{
  const std::optional<std::int64_t> &given =
      level == SchoolLevel::Primary ? site.pupilsPrimary : site.pupilsJunior;
  if (given)
    return *given;
  const ExactRate &rate = level == SchoolLevel::Primary ? rates.primary : rates.junior;
  return rate.floorTimes(site.population.value_or(0));
}

std::unique_ptr<Rule> makeSchoolCoverageCheck()
{
  return std::make_unique<SchoolCoverageCheck>();
}

std::unique_ptr<Rule> makeSchoolCapacityCheck()
{
  return std::make_unique<SchoolCapacityCheck>();
}

} // namespace anzhi::core::rules
