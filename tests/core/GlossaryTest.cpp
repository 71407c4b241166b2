// The Chinese words messages use for coded values, land-use values and validity problems
// (glossary.md; the codes of 用地用海分类 2023 and GB 50137-2011).

#include "core/Glossary.h"
#include "core/Rule.h"

#include <gtest/gtest.h>

using namespace anzhi::core;

TEST(Glossary, CodedValuesInChinese)
{
  EXPECT_EQ(codedValueZh("status", "pending"), "待拆除");
  EXPECT_EQ(codedValueZh("status", "local"), "本地") << "a ranger's status: another layer's field";
  EXPECT_EQ(codedValueZh("level", "nine_year"), "九年一贯制");
  EXPECT_EQ(codedValueZh("setting", "rural"), "农村安置");
  // A value of another field, or one the contract does not list, has no word.
  EXPECT_EQ(codedValueZh("setting", "pending"), std::nullopt);
  EXPECT_EQ(codedValueZh("status", "Pending"), std::nullopt);
}

TEST(Glossary, LandUseLabelsAgreeWithTheMapColours)
{
  using C = LandUseClass;
  // A class the rule set maps to wins, whatever the value.
  EXPECT_EQ(landUseLabelZh(C::Education, "080403"), "教育用地");
  EXPECT_EQ(landUseLabelZh(C::Residential, "residential"), "居住用地");
  // Codes the default rule set leaves in `other` are named as the map colours them.
  EXPECT_EQ(landUseLabelZh(C::Other, "0701"), "城镇住宅用地");
  EXPECT_EQ(landUseLabelZh(C::Other, "070102"), "城镇住宅用地") << "longest prefix";
  EXPECT_EQ(landUseLabelZh(C::Other, "0705"), "居住用地") << "the two-digit class";
  EXPECT_EQ(landUseLabelZh(C::Other, "1401"), "公园绿地");
  EXPECT_EQ(landUseLabelZh(C::Other, "1207"), "城镇道路用地");
  EXPECT_EQ(landUseLabelZh(C::Other, "R2"), "居住用地");
  EXPECT_EQ(landUseLabelZh(C::Other, "G"), "绿地与广场用地");
  // A word that starts with a GB letter is no code; unknown values stay as they are.
  EXPECT_EQ(landUseLabelZh(C::Other, "Road"), "Road");
  EXPECT_EQ(landUseLabelZh(C::Other, "宅基地"), "宅基地");
  EXPECT_EQ(landUseLabelZh(C::Other, "other"), "其他用地");
  EXPECT_EQ(landUseLabelZh(C::Other, std::nullopt), "未填写");

  EXPECT_EQ(landUseInWordsZh(C::Commercial, "commercial"), "商业用地");
  EXPECT_EQ(landUseInWordsZh(C::ElderlyCare, "A6"), "A6 养老（社会福利）用地");
  EXPECT_EQ(landUseInWordsZh(C::Other, "0901"), "0901 商业用地");
  EXPECT_EQ(landUseInWordsZh(C::Other, "宅基地"), "宅基地");
}

TEST(Glossary, ValidityReasonsInChinese)
{
  EXPECT_EQ(validityReasonZh("Self-intersection"), "自相交");
  EXPECT_EQ(validityReasonZh("Ring Self-intersection"), "环自相交");
  EXPECT_EQ(validityReasonZh("Hole lies outside shell"), "内环位于外环之外");
  EXPECT_EQ(validityReasonZh("wrong geometry type: LineString in a polygon layer"),
            "几何类型错误：面图层中的 LineString");
  EXPECT_EQ(validityReasonZh("wrong geometry type: MultiPolygon in a point layer"),
            "几何类型错误：点图层中的 MultiPolygon");
  EXPECT_EQ(validityReasonZh("IllegalArgumentException: Points of LinearRing do not form a "
                             "closed linestring"),
            "IllegalArgumentException: Points of LinearRing do not form a closed linestring")
      << "an unknown reason is kept as GEOS wrote it";
}

TEST(Glossary, SkipReasonsInChinese)
{
  EXPECT_EQ(skipReasonZh("missing layer: schools, clinics"), "缺少图层：schools, clinics");
  EXPECT_EQ(skipReasonZh("disabled in the rule set"), "规则集中已停用");
  EXPECT_EQ(skipReasonZh(kNoDemReason).rfind("没有数字高程模型（DEM）", 0), 0u);
  EXPECT_EQ(skipReasonZh("something new"), "something new");
}
