// The import wizard's proposed role: a layer's or file's name decides among the roles that take
// its geometry; the longest word wins; with no word, polygons are planned plots.

#include "core/import/RoleProposal.h"

#include <gtest/gtest.h>

using namespace anzhi;
using gis::GeometryKind;

namespace {

std::string roleOf(const std::string &layer, const std::string &file, GeometryKind kind)
{
  const auto p = core::proposeRole(layer, file, kind);
  return p ? p->role : "(none)";
}

} // namespace

TEST(RoleProposal, APointLayerNamedForSchoolsIsSchoolsNotSites)
{
  EXPECT_EQ(roleOf("学校", "学校.shp", GeometryKind::Point), "schools");
  // 安置区 is in the name too, but sites are polygons.
  EXPECT_EQ(roleOf("安置区学校", "x.gpkg", GeometryKind::Point), "schools");
  EXPECT_EQ(roleOf("安置区学校", "x.gpkg", GeometryKind::MultiPolygon), "resettlement_sites");
}

TEST(RoleProposal, TheLongestWordWins)
{
  // 护林员 (rangers, points) and 管护责任区 (ranger plots, polygons) both occur.
  EXPECT_EQ(roleOf("护林员管护责任区", "", GeometryKind::Polygon), "ranger_plots");
  EXPECT_EQ(roleOf("护林员", "", GeometryKind::Point), "rangers");
  EXPECT_EQ(roleOf("护林员名单", "", GeometryKind::None), "rangers");
  EXPECT_EQ(roleOf("school_catchments_2020", "", GeometryKind::Polygon), "school_catchments");
}

TEST(RoleProposal, FileNameAndLatinWordsCount)
{
  EXPECT_EQ(roleOf("layer0", "D:/数据/岚县卫生院.shp", GeometryKind::Point), "clinics");
  EXPECT_EQ(roleOf("Roads_Lanxian", "", GeometryKind::Line), "roads");
  EXPECT_EQ(roleOf("HOMESTEADS", "", GeometryKind::Polygon), "reclaimed_homesteads");
}

TEST(RoleProposal, WithoutAWordPolygonsArePlotsAndOthersAreNotGuessed)
{
  EXPECT_EQ(roleOf("图层1", "data.geojson", GeometryKind::MultiPolygon), "planned_plots");
  EXPECT_EQ(core::proposeRole("图层1", "data.geojson", GeometryKind::MultiPolygon)->word, "");
  EXPECT_EQ(roleOf("图层1", "data.geojson", GeometryKind::Point), "(none)");
  // A word whose role takes another geometry is no proposal either.
  EXPECT_EQ(roleOf("道路", "", GeometryKind::Point), "(none)");
}
