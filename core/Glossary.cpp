#include "core/Glossary.h"
#include "core/Rule.h"

#include "core/Schema.h"

#include <array>
#include <utility>

namespace anzhi::core {

namespace {

// The codes the map colours (app/render/MapStyle.cpp) and their names: 国土空间调查、规划、用途
// 管制用地用海分类 (2023) and GB 50137-2011.
constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kLandUseCodes = {{
    {"01", "耕地"},
    {"03", "林地"},
    {"04", "草地"},
    {"07", "居住用地"},
    {"0701", "城镇住宅用地"},
    {"0702", "城镇社区服务设施用地"},
    {"0703", "农村宅基地"},
    {"0704", "农村社区服务设施用地"},
    {"08", "公共管理与公共服务用地"},
    {"09", "商业服务业用地"},
    {"0901", "商业用地"},
    {"11", "仓储用地"},
    {"1101", "物流仓储用地"},
    {"12", "交通运输用地"},
    {"1207", "城镇道路用地"},
    {"14", "绿地与开敞空间用地"},
    {"1401", "公园绿地"},
    {"1402", "防护绿地"},
    {"1403", "广场用地"},
    {"17", "陆地水域"},
    {"R", "居住用地"},
    {"A", "公共管理与公共服务设施用地"},
    {"B", "商业服务业设施用地"},
    {"S", "道路与交通设施用地"},
    {"G", "绿地与广场用地"},
    {"W", "物流仓储用地"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kReasons = {{
    {"Self-intersection", "自相交"},
    {"Ring Self-intersection", "环自相交"},
    {"Too few points in geometry component", "几何部件的点数过少"},
    {"Invalid Coordinate", "坐标无效"},
    {"Hole lies outside shell", "内环位于外环之外"},
    {"Holes are nested", "内环相互嵌套"},
    {"Interior is disconnected", "内部不连通"},
    {"Nested shells", "外环相互嵌套"},
    {"Duplicate Rings", "环重复"},
    {"Ring is not closed", "环未闭合"},
    {"Repeated Point", "重复点"},
    {"Topology Validation Error", "拓扑错误"},
}};

} // namespace

std::optional<std::string_view> codedValueZh(std::string_view field, std::string_view value)
{
  if (const Choice *choice = findChoice(field, value))
    return choice->nameZh;
  return std::nullopt;
}

std::string landUseLabelZh(LandUseClass cls, const std::optional<std::string> &value)
{
  if (cls != LandUseClass::Other)
    return std::string(classNameZh(cls));
  if (!value)
    return "未填写";
  if (auto named = classFromName(*value))
    return std::string(classNameZh(*named));
  std::string_view best;
  std::size_t bestLength = 0;
  for (const auto &[code, name] : kLandUseCodes)
    if (code.size() > bestLength && std::string_view(*value).substr(0, code.size()) == code) {
      best = name;
      bestLength = code.size();
    }
  // A GB 50137 letter names a class only when a digit or nothing follows (R2, not Road).
  if (bestLength == 1 && value->size() > 1 && !(value->at(1) >= '0' && value->at(1) <= '9'))
    return *value;
  return bestLength > 0 ? std::string(best) : *value;
}

std::string landUseInWordsZh(LandUseClass cls, const std::optional<std::string> &value)
{
  const std::string label = landUseLabelZh(cls, value);
  if (!value || *value == label || classFromName(*value))
    return label;
  return *value + " " + label;
}

std::string validityReasonZh(const std::string &reason)
{
  for (const auto &[en, zh] : kReasons)
    if (reason == en)
      return std::string(zh);
  const std::string wrongType = "wrong geometry type: ";
  if (reason.rfind(wrongType, 0) == 0) {
    std::string rest = reason.substr(wrongType.size()); // "LineString in a polygon layer"
    for (auto [en, zh] :
         {std::pair<std::string_view, std::string_view>{" in a polygon layer", "面图层中的 "},
          {" in a point layer", "点图层中的 "},
          {" in a line layer", "线图层中的 "}})
      if (rest.size() > en.size() && rest.compare(rest.size() - en.size(), en.size(), en) == 0)
        return "几何类型错误：" + std::string(zh) + rest.substr(0, rest.size() - en.size());
  }
  return reason;
}

std::string skipReasonZh(const std::string &reason)
{
  const std::string missing = "missing layer: ";
  if (reason == "disabled in the rule set")
    return "规则集中已停用";
  if (reason.rfind(missing, 0) == 0)
    return "缺少图层：" + reason.substr(missing.size());
  if (reason == kNoDemReason)
    return "没有数字高程模型（DEM）：项目中没有 dem 栅格表，也没有 "
           "anzhi_settings.dem_path，且未给出 --dem";
  if (reason == kNoRoadsReason)
    return "按道路通行时间判断（mode = \"network\"）需要道路：项目中没有 roads 图层或其中没有道路";
  return reason;
}

} // namespace anzhi::core
