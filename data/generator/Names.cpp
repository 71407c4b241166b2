#include "data/generator/Names.h"

#include <array>
#include <string_view>

namespace anzhi::sample::detail {

namespace {

// Village names of the kind found in the loess hills of north-west Shanxi: a few proper
// names, and "<surname>家<landform>" (沟 gully, 岔 fork, 坪 terrace, 峁 knoll, 湾, 洼, 梁, 会).
constexpr std::array<std::string_view, 40> kProperVillages = {
    "长征", "团城", "东会", "马跑泉", "甘钦",   "后会",   "南沟",   "口子",   "赵二坡", "荒草沟",
    "寺沟", "吴家", "阳坪", "沙坪",   "大沟",   "窑子坡", "石家会", "芦子坪", "坪后沟", "中寨",
    "温泉", "燕家", "韩家", "界河口", "北道坡", "小涧",   "西沟",   "五里水", "东沟",   "上寨",
    "宋家", "水峪", "南门", "乔家湾", "三井",   "马家河", "寨上",   "新舍窠", "大庄",   "阳湾"};
constexpr std::array<std::string_view, 30> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "高", "郭", "贾", "任", "薛", "白", "段", "闫",
    "武", "韩", "梁", "冯", "乔", "苏", "温", "侯", "秦", "郝", "宋", "曹", "吕", "孙", "田"};
constexpr std::array<std::string_view, 10> kLandforms = {"沟", "岔", "坪", "峁", "湾",
                                                         "洼", "梁", "会", "庄", "塔"};
constexpr std::array<std::string_view, 48> kGiven = {
    "建", "国", "军", "平", "志", "强", "明", "文", "华", "生", "林", "海", "福", "贵", "荣", "永",
    "红", "英", "兰", "花", "秀", "梅", "春", "玉", "宝", "成", "德", "有", "金", "银", "山", "占",
    "小", "二", "保", "全", "忠", "俊", "亮", "瑞", "丽", "娟", "霞", "芳", "斌", "鹏", "刚", "云"};
constexpr std::array<std::string_view, 16> kCompoundHead = {
    "广", "惠", "和", "福", "安", "康", "幸", "兴", "瑞", "丰", "新", "阳", "泰", "嘉", "宜", "祥"};
constexpr std::array<std::string_view, 8> kCompoundTail = {"园",   "苑",   "家园", "小区",
                                                           "新村", "佳苑", "社区", "花园"};

template<std::size_t N>
std::string_view pickFrom(Rng &rng, const std::array<std::string_view, N> &items)
{
  return items[static_cast<std::size_t>(rng.intIn(0, static_cast<int>(N) - 1))];
}

} // namespace

std::string villageName(Rng &rng)
{
  if (rng.chance(0.45))
    return std::string(pickFrom(rng, kProperVillages));
  // Separate statements: the operands of + are unsequenced, and the draws must come in a
  // fixed order for the sample to be the same with every compiler.
  std::string name(pickFrom(rng, kSurnames));
  name += "家";
  name += pickFrom(rng, kLandforms);
  return name;
}

std::string personName(Rng &rng)
{
  std::string name(pickFrom(rng, kSurnames));
  name += pickFrom(rng, kGiven);
  if (rng.chance(0.7))
    name += pickFrom(rng, kGiven);
  return name;
}

std::string compoundName(Rng &rng)
{
  std::string a(pickFrom(rng, kCompoundHead));
  std::string b(pickFrom(rng, kCompoundHead));
  if (a == b)
    b = "和";
  return a + b + std::string(pickFrom(rng, kCompoundTail));
}

} // namespace anzhi::sample::detail
