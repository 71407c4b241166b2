#include "core/import/RoleProposal.h"

#include "core/Schema.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace anzhi::core {

namespace {

//! Words that name a layer in the bureaus' data, beyond the schema's names (安置区, 学校, …).
//! Where several are found the longest wins: 护林员管护责任区 is ranger plots (管护责任区 is
//! longer than 护林员).
constexpr std::array<std::pair<std::string_view, std::string_view>, 46> kWords{{
    {"安置点", "resettlement_sites"},
    {"安置小区", "resettlement_sites"},
    {"搬迁安置", "resettlement_sites"},
    {"resettle", "resettlement_sites"},
    {"site", "resettlement_sites"},
    {"规划用地", "planned_plots"},
    {"用地规划", "planned_plots"},
    {"控规", "planned_plots"},
    {"地块", "planned_plots"},
    {"宗地", "planned_plots"},
    {"plot", "planned_plots"},
    {"parcel", "planned_plots"},
    {"landuse", "planned_plots"},
    {"房屋", "buildings"},
    {"建筑物", "buildings"},
    {"building", "buildings"},
    {"小学", "schools"},
    {"中学", "schools"},
    {"初中", "schools"},
    {"school", "schools"},
    {"学区范围", "school_catchments"},
    {"catchment", "school_catchments"},
    {"卫生室", "clinics"},
    {"卫生院", "clinics"},
    {"医院", "clinics"},
    {"clinic", "clinics"},
    {"敬老院", "elderly_care"},
    {"养老", "elderly_care"},
    {"elderly", "elderly_care"},
    {"就业服务", "service_points"},
    {"服务站", "service_points"},
    {"扶贫车间", "industrial_parks"},
    {"产业园", "industrial_parks"},
    {"industr", "industrial_parks"},
    {"宅基地", "reclaimed_homesteads"},
    {"拆旧复垦", "reclaimed_homesteads"},
    {"homestead", "reclaimed_homesteads"},
    {"小班", "forest_land"},
    {"forest", "forest_land"},
    {"护林员", "rangers"},
    {"ranger", "rangers"},
    {"管护区", "ranger_plots"},
    {"责任区", "ranger_plots"},
    {"公路", "roads"},
    {"road", "roads"},
    {"学校", "schools"},
}};

std::string lowered(std::string s)
{
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

bool takes(GeometryRole role, gis::GeometryKind geometry)
{
  switch (geometry) {
  case gis::GeometryKind::Point:
    return role == GeometryRole::Point || role == GeometryRole::PointOrNone;
  case gis::GeometryKind::Line:
    return role == GeometryRole::Line;
  case gis::GeometryKind::Polygon:
  case gis::GeometryKind::MultiPolygon:
    return role == GeometryRole::Polygon;
  case gis::GeometryKind::None:
    return role == GeometryRole::PointOrNone;
  case gis::GeometryKind::Any:
    return true;
  }
  return false;
}

} // namespace

std::optional<RoleProposal> proposeRole(const std::string &layerName, const std::string &fileName,
                                        gis::GeometryKind geometry)
{
  const std::string names = lowered(layerName + "\n" + fileName);
  std::optional<RoleProposal> best;
  const auto consider = [&](std::string_view word, std::string_view role) {
    const LayerSchema *schema = findLayerSchema(role);
    if (word.empty() || !schema || !takes(schema->geometry, geometry))
      return;
    const std::string w = lowered(std::string(word));
    if (names.find(w) == std::string::npos)
      return;
    if (!best || w.size() > best->word.size())
      best = RoleProposal{std::string(role), w};
  };
  for (const LayerSchema &schema : canonicalSchema()) {
    consider(schema.name, schema.name);
    consider(schema.nameZh, schema.name);
    consider(schema.nameEn, schema.name);
  }
  for (const auto &[word, role] : kWords)
    consider(word, role);
  if (best)
    return best;
  if (geometry == gis::GeometryKind::Polygon || geometry == gis::GeometryKind::MultiPolygon)
    return RoleProposal{"planned_plots", {}};
  return std::nullopt;
}

} // namespace anzhi::core
