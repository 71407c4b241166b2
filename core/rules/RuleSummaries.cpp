#include "core/rules/RuleSummaries.h"

#include <array>
#include <utility>

namespace anzhi::core {

namespace {

using Entry = std::pair<std::string_view, RuleSummary>;

constexpr std::array<Entry, 19> kSummaries{{
    {"protected-land",
     {"教育、医疗、养老、产业用地不得被其他用途占用：另一类用途的规划地块或建筑与受保护地块重叠面积"
      "超过 "
      "min_overlap_m2 即报告，给出重叠范围和面积。",
      "No other use may take education, medical, elderly-care or industrial land: a plot or "
      "building of another class overlapping a protected plot by more than min_overlap_m2 is "
      "reported with the overlap and its area."}},
    {"school-coverage",
     {"每个安置区都要有小学和初中覆盖：学校有学区范围时看安置区是否在学区内，否则看学校到安置区的距"
      "离"
      "是否在城镇/农村服务半径内。",
      "Every site is covered by a primary and a junior school: by the school's catchment where it "
      "has one, else by the distance from the school to the site within the urban or rural "
      "radius."}},
    {"school-capacity",
     {"安置区的学生（填报数，或人口×学生比例）分到最近的覆盖学校，在校生加新分配学生超过学位数时报"
      "告学位"
      "缺口。",
      "Each site's pupils (as given, or population × pupil rate) go to the nearest covering "
      "school; a school whose enrolled plus assigned pupils exceed its seats is reported with "
      "the shortfall."}},
    {"ranger-area",
     {"每名生态护林员管护责任区（各地块合并后的椭球面积）不少于 min_mu 亩。",
      "Every ecological ranger manages at least min_mu mu: the ellipsoidal area of the union "
      "of the ranger's plots."}},
    {"ranger-unassigned", {"护林员没有任何管护责任区。", "A ranger with no responsibility plot."}},
    {"ranger-overlap",
     {"不同护林员的管护责任区重叠面积超过 min_overlap_m2。",
      "Plots of two different rangers overlapping by more than min_overlap_m2."}},
    {"ranger-orphan-plot",
     {"管护责任区的护林员编码找不到对应的护林员。",
      "A responsibility plot whose ranger code names no ranger."}},
    {"ranger-distance",
     {"就地管护：护林员住址（点，或所在安置区）到最近的管护地块超过 max_distance_m。",
      "Near home: the ranger's residence (the point, else the site) is farther than "
      "max_distance_m from the nearest of the ranger's plots."}},
    {"clinic-coverage",
     {"安置区在城镇/农村服务半径内没有任何医疗机构。",
      "A site with no clinic within the urban or rural radius."}},
    {"large-site-employment",
     {"人口 3000 人以上的大型安置区内部或 radius_m 内没有公共就业服务站。",
      "A site of 3,000 people or more without an employment service point inside it or within "
      "radius_m."}},
    {"support-plan",
     {"人口 800 人以上的安置区没有后续扶持实施方案（support_plan 不为 1）。",
      "A site of 800 people or more without a follow-up support plan (support_plan is not 1)."}},
    {"reclamation-progress",
     {"腾退宅基地在期限（deadline）后仍未复垦，或复垦完成日期晚于期限。",
      "A vacated homestead not reclaimed by the deadline, or reclaimed after it."}},
    {"reclamation-suitability",
     {"宜耕则耕：复垦为耕地的宅基地按 DEM 计算的面积加权平均坡度超过 max_cropland_slope_deg 度。",
      "Cropland only where it suits: a homestead reclaimed as cropland whose area-weighted mean "
      "slope from the DEM exceeds max_cropland_slope_deg degrees."}},
    {"invalid-geometry",
     {"几何无效（自相交、环未闭合、类型错误等），注明原因和位置；规则使用修复后的几何。",
      "An invalid geometry (self-intersection, unclosed ring, wrong type …) with the reason and "
      "place; the rules use the repaired geometry."}},
    {"jobs-near-home",
     {"就近就业：安置区在城镇/农村半径内没有提供岗位的产业园区或扶贫车间。",
      "Jobs near home: a site with no industrial park or workshop offering jobs within the urban "
      "or rural radius."}},
    {"elderly-care-coverage",
     {"人口达到 min_population 的安置区在半径内没有养老服务设施。",
      "A site of at least min_population people with no elderly-care home within the radius."}},
    {"elderly-care-beds",
     {"安置区的养老床位需求（人口×老年人比例×床位比例）分到最近的覆盖养老机构，超过床位数时报告缺口"
      "。",
      "Each site's bed demand (population × elderly rate × beds per elder) goes to the nearest "
      "covering home; a home whose demand exceeds its beds is reported with the shortfall."}},
    {"linkage-balance",
     {"增减挂钩：每个县已复垦宅基地面积应不少于安置区新增建设用地面积（允许 tolerance_mu "
      "亩差额）。",
      "Linkage balance: per county, the reclaimed homesteads' area must cover the sites' new "
      "construction area (within tolerance_mu mu)."}},
    {"unknown-code",
     {"代码字段的取值不在图层代码表中，其他规则把它当作未填写。",
      "A coded field holding a value its layer's table does not list; the other rules read it "
      "as not set."}},
}};

} // namespace

const RuleSummary *ruleSummary(std::string_view ruleId)
{
  for (const auto &[id, summary] : kSummaries)
    if (id == ruleId)
      return &summary;
  return nullptr;
}

} // namespace anzhi::core
