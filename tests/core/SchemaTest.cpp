// The one table of layers (core/Schema) against what it must say: docs/contract.md's layer table
// (read from the document itself: names, geometry, optional, fields in order, types, coded
// values, nullable), rules.md decision 9's "must exist" list and decision 13's "form refuses
// null" list (written out here), the references between layers, and the bindings to the
// typed features of Project.

#include "core/Schema.h"
#include "core/Project.h"
#include "core/edit/FeatureSchema.h"
#include "tests/support/Files.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

using namespace anzhi;
using namespace anzhi::core;

namespace {

//! One field as a row of docs/contract.md's layer table gives it, e.g. "setting ('urban' \|
//! 'rural')" or "done_date (date, nullable)".
struct DocField
{
  std::string name;
  gis::FieldType type = gis::FieldType::String;
  std::vector<std::string> choices; //!< the quoted values
  bool nullable = false;
};

struct DocLayer
{
  std::string name;
  std::string geometry; //!< as written: polygon, point, line, "point (residence) or no geometry"
  bool optional = false;
  std::vector<DocField> fields;
};

std::string trim(const std::string &s)
{
  const auto first = s.find_first_not_of(' ');
  const auto last = s.find_last_not_of(' ');
  return first == std::string::npos ? "" : s.substr(first, last - first + 1);
}

//! Splits at `separator` outside parentheses.
std::vector<std::string> splitTopLevel(const std::string &s, char separator)
{
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  for (char c : s) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (c == separator && depth == 0) {
      parts.push_back(trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(trim(current));
  return parts;
}

DocField parseField(const std::string &text)
{
  DocField f;
  const auto open = text.find('(');
  f.name = trim(text.substr(0, open));
  if (open == std::string::npos)
    return f;
  const std::string inside = text.substr(open + 1, text.rfind(')') - open - 1);
  if (inside.rfind("int", 0) == 0)
    f.type = gis::FieldType::Integer;
  else if (inside.rfind("date", 0) == 0)
    f.type = gis::FieldType::Date;
  f.nullable = inside.find("nullable") != std::string::npos;
  for (auto q = inside.find('\''); q != std::string::npos; q = inside.find('\'', q + 1)) {
    const auto end = inside.find('\'', q + 1);
    f.choices.push_back(inside.substr(q + 1, end - q - 1));
    q = end;
  }
  return f;
}

//! The rows of the table under "## Layers of a project".
std::vector<DocLayer> domainLayers()
{
  std::istringstream doc(test::slurp(ANZHI_CONTRACT_MD));
  std::vector<DocLayer> layers;
  bool inSection = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.rfind("## ", 0) == 0)
      inSection = line == "## Layers of a project";
    if (!inSection || line.rfind("| `", 0) != 0)
      continue;
    std::vector<std::string> cells;
    std::stringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');)
      cells.push_back(trim(cell));
    // `\|` inside a cell separates coded values, not columns: join those back.
    std::vector<std::string> columns;
    for (const std::string &cell : cells) {
      if (!columns.empty() && !columns.back().empty() && columns.back().back() == '\\')
        columns.back() += "| " + cell;
      else
        columns.push_back(cell);
    }
    DocLayer layer;
    const std::string &table = columns.at(0);
    layer.name = table.substr(1, table.find('`', 1) - 1);
    layer.optional = table.find("(optional)") != std::string::npos;
    layer.geometry = columns.at(1);
    std::string fields = columns.at(2);
    for (auto at = fields.find("\\|"); at != std::string::npos; at = fields.find("\\|"))
      fields.replace(at, 2, "|");
    for (const std::string &f : splitTopLevel(fields, ','))
      layer.fields.push_back(parseField(f));
    layers.push_back(layer);
  }
  return layers;
}

GeometryRole roleOf(const std::string &geometry)
{
  if (geometry == "polygon")
    return GeometryRole::Polygon;
  if (geometry == "point")
    return GeometryRole::Point;
  if (geometry == "line")
    return GeometryRole::Line;
  EXPECT_EQ(geometry, "point (residence) or no geometry");
  return GeometryRole::PointOrNone;
}

using FieldSet = std::set<std::pair<std::string, std::string>>;

FieldSet fieldsWhere(bool (*pick)(const FieldSchema &))
{
  FieldSet out;
  for (const LayerSchema &layer : canonicalSchema())
    for (const FieldSchema &f : layer.fields)
      if (pick(f))
        out.insert({layer.name, f.name});
  return out;
}

} // namespace

TEST(Schema, AgreesWithDomainMdLayerTable)
{
  const std::vector<DocLayer> doc = domainLayers();
  ASSERT_EQ(doc.size(), 14u) << "docs/contract.md's layer table was not found or changed shape";
  ASSERT_EQ(canonicalSchema().size(), doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const DocLayer &d = doc[i];
    const LayerSchema &s = canonicalSchema()[i];
    SCOPED_TRACE(d.name);
    EXPECT_EQ(s.name, d.name);
    EXPECT_EQ(s.geometry, roleOf(d.geometry));
    EXPECT_EQ(s.optional, d.optional);
    ASSERT_EQ(s.fields.size(), d.fields.size());
    for (std::size_t k = 0; k < d.fields.size(); ++k) {
      const DocField &df = d.fields[k];
      const FieldSchema &sf = s.fields[k];
      SCOPED_TRACE(df.name);
      EXPECT_EQ(sf.name, df.name);
      EXPECT_EQ(sf.type, df.type);
      // service_points' kind lists "…": the form offers the two named kinds.
      std::vector<std::string> values;
      for (const Choice &choice : sf.choices) {
        values.push_back(choice.value);
        EXPECT_FALSE(choice.nameZh.empty()) << choice.value;
        EXPECT_FALSE(choice.nameEn.empty()) << choice.value;
      }
      EXPECT_EQ(values, df.choices);
      if (df.nullable) {
        EXPECT_FALSE(sf.formRequired);
      }
    }
  }
}

TEST(Schema, MustExistIsRulesDecision9)
{
  const FieldSet expected = {{"resettlement_sites", "setting"},
                             {"resettlement_sites", "population"},
                             {"resettlement_sites", "support_plan"},
                             {"planned_plots", "land_use"},
                             {"buildings", "use"},
                             {"schools", "level"},
                             {"schools", "capacity"},
                             {"school_catchments", "school_code"},
                             {"service_points", "kind"},
                             {"reclaimed_homesteads", "status"},
                             {"reclaimed_homesteads", "done_date"},
                             {"ranger_plots", "ranger_code"}};
  FieldSet mustExist = fieldsWhere([](const FieldSchema &f) { return f.mustExist; });
  for (const LayerSchema &layer : canonicalSchema())
    EXPECT_EQ(mustExist.erase({layer.name, "code"}), 1u) << layer.name << ": code everywhere";
  EXPECT_EQ(mustExist, expected);
}

TEST(Schema, FormRequiredIsRulesDecision13)
{
  // done_date must exist but may be null (a pending homestead has none); a ranger's name is
  // neither (no rule reads it).
  const FieldSet expected = {{"resettlement_sites", "setting"},
                             {"resettlement_sites", "population"},
                             {"resettlement_sites", "support_plan"},
                             {"planned_plots", "land_use"},
                             {"buildings", "use"},
                             {"schools", "level"},
                             {"schools", "capacity"},
                             {"school_catchments", "school_code"},
                             {"service_points", "kind"},
                             {"reclaimed_homesteads", "status"},
                             {"ranger_plots", "ranger_code"}};
  FieldSet required = fieldsWhere([](const FieldSchema &f) { return f.formRequired; });
  for (const LayerSchema &layer : canonicalSchema())
    EXPECT_EQ(required.erase({layer.name, "code"}), 1u) << layer.name;
  EXPECT_EQ(required, expected);
}

TEST(Schema, ReferencesNameTheLayerWhoseCodeTheyHold)
{
  std::map<std::pair<std::string, std::string>, std::string> references;
  for (const LayerSchema &layer : canonicalSchema())
    for (const FieldSchema &f : layer.fields)
      if (!f.references.empty())
        references[{layer.name, f.name}] = f.references;
  const std::map<std::pair<std::string, std::string>, std::string> expected = {
      {{"school_catchments", "school_code"}, "schools"},
      {{"reclaimed_homesteads", "site_code"}, "resettlement_sites"},
      {{"rangers", "site_code"}, "resettlement_sites"},
      {{"ranger_plots", "ranger_code"}, "rangers"}};
  EXPECT_EQ(references, expected);
}

TEST(Schema, AFieldNameHasOneDisplayNameInEveryLayer)
{
  // Names::field looks a field up by name alone.
  std::map<std::string, std::pair<std::string, std::string>> seen;
  for (const LayerSchema &layer : canonicalSchema()) {
    EXPECT_FALSE(layer.nameZh.empty() || layer.nameEn.empty()) << layer.name;
    for (const FieldSchema &f : layer.fields) {
      EXPECT_FALSE(f.nameZh.empty() || f.nameEn.empty()) << layer.name << "." << f.name;
      auto [it, inserted] = seen.emplace(f.name, std::pair{f.nameZh, f.nameEn});
      EXPECT_EQ(it->second, (std::pair{f.nameZh, f.nameEn})) << layer.name << "." << f.name;
    }
  }
  EXPECT_EQ(findFieldSchema("capacity")->nameEn, "Seats");
  EXPECT_EQ(findFieldSchema("site_code")->nameZh, "安置区编号");
  EXPECT_EQ(findFieldSchema("no_such_field"), nullptr);
}

TEST(Schema, BindingsReadAndWriteTheTypedFeature)
{
  const LandUseMapping landUse(LandUseMapping::defaultPatterns());
  Project p;
  const Attributes values = {{"code", std::string("AZQ-7")},
                             {"setting", std::string("rural")},
                             {"population", std::int64_t(1200)},
                             {"pupils_primary", 12.9}, // a real for an integer: truncated
                             {"support_plan", std::string("yes")}}; // not a number: null
  appendFeature(p, "resettlement_sites", 7, nullptr, values, landUse);
  const Site &site = p.sites.features.at(0);
  EXPECT_EQ(site.fid, 7);
  EXPECT_EQ(site.code, "AZQ-7");
  EXPECT_EQ(site.setting, "rural");
  EXPECT_EQ(site.population, 1200);
  EXPECT_EQ(site.pupilsPrimary, 12);
  EXPECT_EQ(site.supportPlan, std::nullopt);
  EXPECT_EQ(site.name, std::nullopt);
  const Attributes back = attributesOf(p, "resettlement_sites", 0);
  EXPECT_EQ(back.size(), canonicalSchema()[0].fields.size());
  EXPECT_EQ(back.at("population"), gis::FieldValue(std::int64_t(1200)));
  EXPECT_EQ(back.at("name"), gis::FieldValue());

  appendFeature(p, "reclaimed_homesteads", 3, nullptr,
                {{"status", std::string("reclaimed")}, {"done_date", gis::Date{2020, 6, 1}}},
                landUse);
  EXPECT_EQ(p.homesteads.features.at(0).doneDate, (gis::Date{2020, 6, 1}));
  appendFeature(p, "planned_plots", 1, nullptr, {{"land_use", std::string("A33")}}, landUse);
  EXPECT_EQ(p.plots.features.at(0).landUseClass, LandUseClass::Education);
}

TEST(Schema, ALayerRefusesATableBindingAnotherFeatureType)
{
  EXPECT_NO_THROW(schemaBinding("schools", typeid(School)));
  try {
    schemaBinding("schools", typeid(Site));
    FAIL() << "schools' fields bind School members";
  } catch (const std::logic_error &e) {
    EXPECT_NE(std::string(e.what()).find("'name' of layer 'schools'"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(schemaBinding("parks", typeid(IndustrialPark)), std::logic_error);
}

TEST(Schema, EveryCanonicalLayerIsVisitable)
{
  Project p;
  for (const std::string &name : Project::canonicalLayers()) {
    std::string visited;
    EXPECT_TRUE(p.visitLayer(name, [&](const auto &layer) { visited = layer.name; })) << name;
    EXPECT_EQ(visited, name);
  }
  EXPECT_FALSE(p.visitLayer("violations", [](const auto &) {}));
}

TEST(Schema, CodedFieldsAndTheWordsForTheirCodes)
{
  FieldSet closed = fieldsWhere([](const FieldSchema &f) { return f.coding == Coding::Closed; });
  EXPECT_EQ(closed, (FieldSet{{"resettlement_sites", "setting"},
                              {"schools", "level"},
                              {"clinics", "level"},
                              {"industrial_parks", "kind"},
                              {"reclaimed_homesteads", "status"},
                              {"reclaimed_homesteads", "target_use"},
                              {"rangers", "status"}}));
  // docs/contract.md lists service kinds with "…": others are allowed.
  EXPECT_EQ(fieldsWhere([](const FieldSchema &f) { return f.coding == Coding::Open; }),
            (FieldSet{{"service_points", "kind"}}));
  EXPECT_EQ(fieldsWhere([](const FieldSchema &f) { return f.coding == Coding::LandUse; }),
            (FieldSet{{"planned_plots", "land_use"}, {"buildings", "use"}}));

  // Every word of a code's is that code's only: no word stands for two codes of one field.
  for (const LayerSchema &layer : canonicalSchema())
    for (const FieldSchema &f : layer.fields)
      for (const Choice &c : f.choices) {
        SCOPED_TRACE(layer.name + "." + f.name + " " + c.value);
        EXPECT_EQ(defaultCode(f, c.value), c.value);
        EXPECT_EQ(defaultCode(f, c.nameZh), c.value);
        EXPECT_EQ(defaultCode(f, c.nameEn), c.value);
        for (const std::string &alias : c.aliases)
          EXPECT_EQ(defaultCode(f, alias), c.value) << alias;
      }
  const FieldSchema &level = *findLayerSchema("schools")->field("level");
  EXPECT_EQ(defaultCode(level, " Nine-Year\xE3\x80\x80"), "nine_year") << "trimmed, case folded";
  EXPECT_EQ(defaultCode(level, "小 学"), std::nullopt) << "no fuzzy matching";
  // Words that span two codes have no default: the user says which.
  EXPECT_EQ(defaultCode(level, "完全中学"), std::nullopt);
  EXPECT_EQ(defaultCode(level, "十二年一贯制"), std::nullopt);
  const FieldSchema &status = *findLayerSchema("reclaimed_homesteads")->field("status");
  EXPECT_EQ(defaultCode(status, "未复垦"), std::nullopt);
  EXPECT_EQ(defaultCode(status, "待复垦"), std::nullopt);
  const FieldSchema &landUse = *findLayerSchema("planned_plots")->field("land_use");
  EXPECT_EQ(defaultCode(landUse, "教育用地"), "education");
  EXPECT_EQ(defaultCode(landUse, "A33"), std::nullopt) << "codes are the rule set's";
  EXPECT_TRUE(isFieldCode(landUse, "other"));
  EXPECT_FALSE(isFieldCode(level, "Primary")) << "the rules compare codes exactly";
  EXPECT_EQ(codeKey("\xC2\xA0 ABC小学 \t"), "abc小学");
  EXPECT_EQ(codeTrimmed("\xE3\x80\x80 X \xE3\x80\x80"), "X");
}
