#include "core/Schema.h"

#include "core/Project.h"

#include <algorithm>
#include <stdexcept>
#include <type_traits>

namespace anzhi::core {

namespace {

template<typename Member> struct MemberOf;
template<typename F, typename V> struct MemberOf<std::optional<V> F::*>
{
  using Feature = F;
  using Value = V;
};

template<typename V> constexpr gis::FieldType fieldType()
{
  if constexpr (std::is_same_v<V, std::string>)
    return gis::FieldType::String;
  else if constexpr (std::is_same_v<V, std::int64_t>)
    return gis::FieldType::Integer;
  else {
    static_assert(std::is_same_v<V, gis::Date>, "a field is text, a whole number or a date");
    return gis::FieldType::Date;
  }
}

template<auto Member> FieldBinding bind()
{
  using F = typename MemberOf<decltype(Member)>::Feature;
  using V = typename MemberOf<decltype(Member)>::Value;
  FieldBinding b;
  b.feature = &typeid(F);
  b.get = [](const FeatureBase &f) -> gis::FieldValue {
    const std::optional<V> &v = static_cast<const F &>(f).*Member;
    return v ? gis::FieldValue(*v) : gis::FieldValue();
  };
  b.set = [](FeatureBase &f, const gis::FieldValue &value) {
    std::optional<V> &m = static_cast<F &>(f).*Member;
    if (const V *v = std::get_if<V>(&value))
      m = *v;
    else if constexpr (std::is_same_v<V, std::int64_t>)
      m = std::holds_alternative<double>(value)
              ? std::optional<V>(static_cast<std::int64_t>(std::get<double>(value)))
              : std::nullopt;
    else
      m = std::nullopt;
  };
  b.read = [](FeatureBase &f, const gis::FeatureRow &row, int column) {
    std::optional<V> &m = static_cast<F &>(f).*Member;
    if constexpr (std::is_same_v<V, std::string>)
      m = row.string(column);
    else if constexpr (std::is_same_v<V, std::int64_t>)
      m = row.integer(column);
    else
      m = row.date(column);
  };
  b.copy = [](FeatureBase &to, const FeatureBase &from) {
    static_cast<F &>(to).*Member = static_cast<const F &>(from).*Member;
  };
  return b;
}

//! Whether the check needs the column (mustExist) and the form a value (formRequired).
enum Need : unsigned
{
  kFree = 0,
  kMustExist = 1,
  kFormRequired = 2,
  kBoth = kMustExist | kFormRequired
};

template<auto Member>
FieldSchema field(const char *name, unsigned need, const char *zh, const char *en,
                  std::vector<Choice> choices = {}, const char *references = "")
{
  using V = typename MemberOf<decltype(Member)>::Value;
  FieldSchema f{name,
                fieldType<V>(),
                (need & kMustExist) != 0,
                (need & kFormRequired) != 0,
                references,
                std::move(choices),
                zh,
                en,
                bind<Member>()};
  f.coding = f.choices.empty() ? Coding::Free : Coding::Closed;
  return f;
}

//! The field, coded as `coding` (open choices, land use) instead of by its choices.
FieldSchema coded(FieldSchema f, Coding coding)
{
  f.coding = coding;
  return f;
}

FieldSchema code()
{
  return field<&FeatureBase::code>("code", kBoth, "编号", "Code");
}

} // namespace

const FieldSchema *LayerSchema::field(std::string_view fieldName) const
{
  for (const FieldSchema &f : fields)
    if (f.name == fieldName)
      return &f;
  return nullptr;
}

const std::vector<LayerSchema> &canonicalSchema()
{
  using G = GeometryRole;
  // mustExist: docs/rules.md decision 9; formRequired: decision 13.
  static const std::vector<LayerSchema> schema = {
      {"resettlement_sites",
       G::Polygon,
       false,
       "安置区",
       "Resettlement sites",
       "resettlement site",
       {code(), field<&Site::name>("name", kFree, "名称", "Name"),
        field<&Site::county>("county", kFree, "县", "County"),
        field<&Site::township>("township", kFree, "乡镇", "Township"),
        field<&Site::setting>(
            "setting", kBoth, "安置方式", "Resettlement type",
            {{"urban",
              "城镇安置",
              "Urban resettlement",
              {"城镇", "城市", "城区", "县城", "集镇", "小城镇"}},
             {"rural", "农村安置", "Rural resettlement", {"农村", "乡村", "中心村"}}}),
        field<&Site::households>("households", kFree, "搬迁户", "Relocated households"),
        field<&Site::population>("population", kBoth, "搬迁人口", "Relocated population"),
        field<&Site::pupilsPrimary>("pupils_primary", kFree, "适龄子女（小学）",
                                    "School-age children (primary)"),
        field<&Site::pupilsJunior>("pupils_junior", kFree, "适龄子女（初中）",
                                   "School-age children (junior)"),
        field<&Site::supportPlan>("support_plan", kBoth, "后续扶持实施方案",
                                  "Follow-up support plan")}},
      {"planned_plots",
       G::Polygon,
       false,
       "规划地块",
       "Planned plots",
       "planned plot",
       {code(), field<&PlannedPlot::name>("name", kFree, "名称", "Name"),
        coded(field<&PlannedPlot::landUse>("land_use", kBoth, "用地性质", "Land use"),
              Coding::LandUse)}},
      {"buildings",
       G::Polygon,
       true,
       "建筑",
       "Buildings",
       "building",
       {code(), coded(field<&Building::use>("use", kBoth, "用途", "Use"), Coding::LandUse)}},
      {"schools",
       G::Point,
       false,
       "学校",
       "Schools",
       "school",
       {code(), field<&School::name>("name", kFree, "名称", "Name"),
        field<&School::level>(
            "level", kBoth, "级别", "Level",
            {{"primary",
              "小学",
              "Primary",
              {"普通小学", "完全小学", "完小", "中心小学", "小学教学点", "教学点"}},
             {"junior", "初中", "Junior", {"普通初中", "初级中学", "初中学校"}},
             {"nine_year", "九年一贯制", "Nine-year", {"九年一贯制学校", "九年制", "九年制学校"}},
             {"high", "高中", "High school", {"普通高中", "高级中学"}},
             {"vocational",
              "职业学校",
              "Vocational school",
              {"中等职业学校", "中职", "职业中学", "职业高中", "职高", "中专", "中等专业学校",
               "技工学校"}}}),
        field<&School::capacity>("capacity", kBoth, "学位", "Seats"),
        field<&School::enrolled>("enrolled", kFree, "在校生", "Enrolled pupils")}},
      {"school_catchments",
       G::Polygon,
       true,
       "学区",
       "School catchments",
       "catchment",
       {code(), field<&Catchment::schoolCode>("school_code", kBoth, "学校编号", "School code", {},
                                              "schools")}},
      {"clinics",
       G::Point,
       false,
       "医疗机构",
       "Clinics",
       "clinic",
       {code(), field<&Clinic::name>("name", kFree, "名称", "Name"),
        field<&Clinic::level>(
            "level", kFree, "级别", "Level",
            {{"village", "卫生室", "Village clinic", {"村卫生室", "村卫生所", "社区卫生服务站"}},
             {"township",
              "卫生院",
              "Township hospital",
              {"乡镇卫生院", "乡卫生院", "镇卫生院", "中心卫生院", "社区卫生服务中心"}},
             {"county", "医院", "County hospital", {"县医院", "县级医院", "县人民医院"}}})}},
      {"elderly_care",
       G::Point,
       false,
       "养老机构",
       "Elderly-care homes",
       "elderly-care home",
       {code(), field<&ElderlyCare::name>("name", kFree, "名称", "Name"),
        field<&ElderlyCare::beds>("beds", kFree, "床位", "Beds")}},
      {"service_points",
       G::Point,
       true,
       "服务站点",
       "Service points",
       "service point",
       {code(), field<&ServicePoint::name>("name", kFree, "名称", "Name"),
        coded(field<&ServicePoint::kind>("kind", kBoth, "类型", "Kind",
                                         {{"employment_service",
                                           "公共就业服务站",
                                           "Public employment service point",
                                           {"就业服务站", "公共就业服务中心"}},
                                          {"community_service",
                                           "社区服务站",
                                           "Community service point",
                                           {"社区服务中心", "社区综合服务站"}}}),
              Coding::Open)}},
      {"industrial_parks",
       G::Polygon,
       false,
       "产业园区",
       "Industrial parks",
       "industrial park",
       {code(), field<&IndustrialPark::name>("name", kFree, "名称", "Name"),
        field<&IndustrialPark::kind>(
            "kind", kFree, "类型", "Kind",
            {{"park", "产业园区", "Industrial park", {"园区", "产业园", "工业园区", "工业园"}},
             {"workshop",
              "扶贫车间",
              "Poverty-alleviation workshop",
              {"车间", "帮扶车间", "就业帮扶车间", "社区工厂"}}}),
        field<&IndustrialPark::jobs>("jobs", kFree, "就业岗位", "Jobs")}},
      {"reclaimed_homesteads",
       G::Polygon,
       false,
       "腾退宅基地",
       "Vacated homesteads",
       "vacated homestead",
       {code(),
        field<&Homestead::householdCode>("household_code", kFree, "搬迁户编号", "Household code"),
        field<&Homestead::village>("village", kFree, "村", "Village"),
        field<&Homestead::siteCode>("site_code", kFree, "安置区编号", "Resettlement site code", {},
                                    "resettlement_sites"),
        field<&Homestead::status>(
            "status", kBoth, "状态", "Status",
            {{"pending", "待拆除", "Pending", {"未拆除", "待拆", "未拆"}},
             {"demolished", "已拆除", "Demolished", {"已拆", "已拆除未复垦"}},
             {"reclaimed", "已复垦", "Reclaimed", {"复垦完成", "已完成复垦", "完成复垦"}}}),
        field<&Homestead::targetUse>(
            "target_use", kFree, "复垦为", "Reclaim to",
            {{"cropland", "耕地", "Cropland", {"水田", "水浇地", "旱地"}},
             {"forest", "林地", "Forest", {"乔木林地", "灌木林地", "竹林地", "其他林地"}},
             {"grassland", "草地", "Grassland", {"天然牧草地", "人工牧草地", "其他草地"}}}),
        field<&Homestead::doneDate>("done_date", kMustExist, "完成日期", "Completion date")}},
      {"forest_land", G::Polygon, true, "林地", "Forest land", "forest land", {code()}},
      {"rangers",
       G::PointOrNone,
       false,
       "生态护林员",
       "Ecological forest rangers",
       "ranger",
       {code(), field<&Ranger::name>("name", kFree, "名称", "Name"),
        field<&Ranger::siteCode>("site_code", kFree, "安置区编号", "Resettlement site code", {},
                                 "resettlement_sites"),
        field<&Ranger::status>(
            "status", kFree, "状态", "Status",
            {{"relocated", "已搬迁", "Relocated", {"搬迁", "易地搬迁", "已易地搬迁", "搬迁户"}},
             {"local", "本地", "Local", {"当地", "未搬迁"}}})}},
      {"ranger_plots",
       G::Polygon,
       false,
       "管护责任区",
       "Responsibility plots",
       "responsibility plot",
       {code(), field<&RangerPlot::rangerCode>("ranger_code", kBoth, "护林员编号", "Ranger code",
                                               {}, "rangers")}},
      {"roads",
       G::Line,
       true,
       "道路",
       "Roads",
       "road",
       {code(), field<&Road::roadClass>("class", kFree, "道路等级", "Road class")}},
  };
  return schema;
}

const LayerSchema *findLayerSchema(std::string_view name)
{
  for (const LayerSchema &layer : canonicalSchema())
    if (layer.name == name)
      return &layer;
  return nullptr;
}

const FieldSchema *findFieldSchema(std::string_view fieldName)
{
  for (const LayerSchema &layer : canonicalSchema())
    if (const FieldSchema *f = layer.field(fieldName))
      return f;
  return nullptr;
}

const Choice *findChoice(std::string_view fieldName, std::string_view value)
{
  // status, level and kind list other values in other layers: look at every layer's.
  for (const LayerSchema &layer : canonicalSchema())
    if (const FieldSchema *f = layer.field(fieldName))
      for (const Choice &choice : f->choices)
        if (choice.value == value)
          return &choice;
  return nullptr;
}

std::string codeTrimmed(std::string_view value)
{
  auto spaceAt = [&](std::size_t i) -> std::size_t {
    if (std::string_view(" \t\r\n").find(value[i]) != std::string_view::npos)
      return 1;
    if (value.substr(i, 2) == "\xC2\xA0") // U+00A0
      return 2;
    if (value.substr(i, 3) == "\xE3\x80\x80") // U+3000
      return 3;
    return 0;
  };
  auto spaceEndingAt = [&](std::size_t end) -> std::size_t {
    if (std::string_view(" \t\r\n").find(value[end - 1]) != std::string_view::npos)
      return 1;
    if (end >= 2 && value.substr(end - 2, 2) == "\xC2\xA0")
      return 2;
    if (end >= 3 && value.substr(end - 3, 3) == "\xE3\x80\x80")
      return 3;
    return 0;
  };
  std::size_t first = 0, last = value.size();
  while (first < last)
    if (const std::size_t n = spaceAt(first))
      first += n;
    else
      break;
  while (last > first)
    if (const std::size_t n = spaceEndingAt(last); n && last - n >= first)
      last -= n;
    else
      break;
  return std::string(value.substr(first, last - first));
}

std::string codeKey(std::string_view value)
{
  std::string key = codeTrimmed(value);
  for (char &c : key)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return key;
}

std::vector<std::string> fieldCodes(const FieldSchema &field)
{
  std::vector<std::string> codes;
  if (field.coding == Coding::LandUse) {
    for (int c = 0; c <= static_cast<int>(LandUseClass::Other); ++c)
      codes.emplace_back(className(static_cast<LandUseClass>(c)));
  } else if (field.coding != Coding::Free) {
    for (const Choice &choice : field.choices)
      codes.push_back(choice.value);
  }
  return codes;
}

bool isFieldCode(const FieldSchema &field, std::string_view value)
{
  const std::vector<std::string> codes = fieldCodes(field);
  return std::find(codes.begin(), codes.end(), value) != codes.end();
}

std::optional<std::string> defaultCode(const FieldSchema &field, std::string_view word)
{
  const std::string key = codeKey(word);
  if (key.empty())
    return std::nullopt;
  if (field.coding == Coding::LandUse) {
    if (auto cls = landUseClassFromWord(key))
      return std::string(className(*cls));
    return std::nullopt;
  }
  if (field.coding == Coding::Free)
    return std::nullopt;
  for (const Choice &choice : field.choices) {
    if (codeKey(choice.value) == key || codeKey(choice.nameZh) == key ||
        codeKey(choice.nameEn) == key)
      return choice.value;
    for (const std::string &alias : choice.aliases)
      if (codeKey(alias) == key)
        return choice.value;
  }
  return std::nullopt;
}

const LayerSchema &schemaBinding(std::string_view name, const std::type_info &feature)
{
  const LayerSchema *layer = findLayerSchema(name);
  if (!layer)
    throw std::logic_error("'" + std::string(name) + "' is not a canonical layer");
  for (const FieldSchema &f : layer->fields)
    if (*f.binding.feature != feature && *f.binding.feature != typeid(FeatureBase))
      throw std::logic_error("core/Schema.cpp binds field '" + f.name + "' of layer '" +
                             layer->name +
                             "' to a member of another feature type than the "
                             "layer's");
  return *layer;
}

gis::GeometryKind storedGeometryKind(GeometryRole role)
{
  switch (role) {
  case GeometryRole::Polygon:
    return gis::GeometryKind::MultiPolygon;
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    return gis::GeometryKind::Point;
  case GeometryRole::Line:
    return gis::GeometryKind::Line;
  }
  return gis::GeometryKind::Any;
}

gis::GeometryKind drawnGeometryKind(GeometryRole role)
{
  return role == GeometryRole::Polygon ? gis::GeometryKind::Polygon : storedGeometryKind(role);
}

std::optional<std::string> wrongGeometryType(GeometryRole role, const GEOSGeometry *geometry)
{
  const std::string type = gis::typeName(geometry);
  const char *layer = "";
  switch (role) {
  case GeometryRole::Polygon:
    if (type == "Polygon" || type == "MultiPolygon")
      return std::nullopt;
    layer = "a polygon layer";
    break;
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    if (type == "Point" || type == "MultiPoint")
      return std::nullopt;
    layer = "a point layer";
    break;
  case GeometryRole::Line:
    if (type == "LineString" || type == "MultiLineString")
      return std::nullopt;
    layer = "a line layer";
    break;
  }
  return "wrong geometry type: " + type + " in " + layer;
}

} // namespace anzhi::core
