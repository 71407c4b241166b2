// The registry is the one list of rules: every rule it holds must be complete wherever a planner
// meets it (names in both languages, the shipped rule set, docs/rules.md, the live check), and
// everything that lists rules must list exactly the registered ones.

#include "core/RuleRegistry.h"
#include "core/RuleSet.h"
#include "core/Schema.h"
#include "core/report/RuleCatalogue.h"
#include "core/rules/RuleSummaries.h"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace anzhi::core;

namespace {

std::string readFile(const std::string &path)
{
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool hasHan(const std::string &utf8)
{
  // CJK Unified Ideographs U+4E00–U+9FFF are E4 B8 80 – E9 BF BF in UTF-8.
  for (unsigned char c : utf8)
    if (c >= 0xE4 && c <= 0xE9)
      return true;
  return false;
}

bool isAscii(const std::string &text)
{
  for (unsigned char c : text)
    if (c >= 0x80)
      return false;
  return true;
}

} // namespace

TEST(RuleRegistry, EveryRuleDescribesItselfCompletely)
{
  std::set<std::string> ids;
  ASSERT_FALSE(registeredRules().empty());
  for (const auto &rule : registeredRules()) {
    const RuleDescriptor &d = rule->descriptor();
    SCOPED_TRACE(d.id);
    EXPECT_TRUE(ids.insert(d.id).second) << "registered twice";
    EXPECT_TRUE(hasHan(d.nameZh)) << "Chinese name: '" << d.nameZh << "'";
    EXPECT_FALSE(d.nameEn.empty());
    EXPECT_TRUE(isAscii(d.nameEn)) << "English name: '" << d.nameEn << "'";
    EXPECT_FALSE(d.clause.empty());
    // The live check re-runs a rule when one of these layers is edited.
    EXPECT_FALSE(d.layersRead.empty()) << "no live-check layer list";
    for (const std::string &layer : d.layersRead)
      EXPECT_NE(findLayerSchema(layer), nullptr) << "reads a non-canonical layer " << layer;
    for (const std::string &layer : d.requiredLayers)
      EXPECT_NE(std::find(d.layersRead.begin(), d.layersRead.end(), layer), d.layersRead.end())
          << "requires " << layer << " without reading it";
    EXPECT_EQ(findRule(d.id), rule.get());
    EXPECT_NE(rule->defaultParameters(), nullptr);
  }
  EXPECT_EQ(findRule("no-such-rule"), nullptr);
  // The rule set knows exactly the registered rules, in the same order.
  std::vector<std::string> registered;
  for (const auto &rule : registeredRules())
    registered.push_back(rule->id());
  EXPECT_EQ(RuleSet::ruleIds(), registered);
  EXPECT_EQ(RuleSet::defaults().rules.size(), registered.size());
}

TEST(RuleRegistry, EveryRuleHasASummaryInBothLanguages)
{
  const RuleSet defaults = RuleSet::defaults();
  const auto catalogue = ruleCatalogue(defaults);
  for (const auto &rule : registeredRules()) {
    const RuleSummary *summary = ruleSummary(rule->id());
    ASSERT_NE(summary, nullptr) << rule->id();
    EXPECT_FALSE(summary->zh.empty()) << rule->id();
    EXPECT_FALSE(summary->en.empty()) << rule->id();
    // Each parameter a summary names is one the rule has (min_overlap_m2 is the rule set's).
    for (std::string_view text : {summary->zh, summary->en})
      for (std::size_t at = text.find('_'); at != std::string_view::npos;
           at = text.find('_', at + 1)) {
        std::size_t begin = at, end = at;
        while (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) ||
                             text[begin - 1] == '_'))
          --begin;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
          ++end;
        const std::string key(text.substr(begin, end - begin));
        if (key == "min_overlap_m2" || key == "support_plan")
          continue;
        bool known = false;
        for (const CatalogueEntry &entry : catalogue)
          if (entry.descriptor->id == rule->id())
            for (const ParameterEntry &p : entry.parameters)
              known = known || p.key == key || p.key.rfind(key + ".", 0) == 0;
        EXPECT_TRUE(known) << rule->id() << " names " << key;
        at = end;
      }
  }
  EXPECT_EQ(ruleSummary("no-such-rule"), nullptr);
}

TEST(RuleRegistry, ShippedRuleSetHasATableForEveryRuleAtItsDefaults)
{
  const toml::table root = toml::parse_file(ANZHI_RULES_FILE);
  const RuleSet shipped = RuleSet::fromFile(ANZHI_RULES_FILE);
  const RuleSet defaults = RuleSet::defaults();
  const auto shippedCatalogue = ruleCatalogue(shipped);
  const auto defaultCatalogue = ruleCatalogue(defaults);
  ASSERT_EQ(shippedCatalogue.size(), registeredRules().size());
  for (std::size_t i = 0; i < shippedCatalogue.size(); ++i) {
    const RuleDescriptor &d = *shippedCatalogue[i].descriptor;
    SCOPED_TRACE(d.id);
    EXPECT_TRUE(root["rules"][d.id].is_table()) << "no [rules." << d.id << "] table";
    EXPECT_EQ(shipped.config(d.id).clause, d.clause);
    EXPECT_EQ(shipped.config(d.id).severity, d.severity);
    EXPECT_TRUE(shipped.config(d.id).enabled);
    const auto &inFile = shippedCatalogue[i].parameters;
    const auto &byDefault = defaultCatalogue[i].parameters;
    ASSERT_EQ(inFile.size(), byDefault.size());
    for (std::size_t k = 0; k < inFile.size(); ++k) {
      EXPECT_EQ(inFile[k].value, byDefault[k].value) << inFile[k].key;
      // The shipped file writes every parameter out, so that a planner sees what to change.
      EXPECT_GT(inFile[k].setAtLine, 0) << inFile[k].key << " is not in the shipped file";
    }
  }
}

TEST(RuleRegistry, RulesMdHoldsTheGeneratedSectionOfEveryRule)
{
  const std::string doc = readFile(ANZHI_RULES_DOC);
  ASSERT_FALSE(doc.empty()) << ANZHI_RULES_DOC;
  for (const auto &rule : registeredRules())
    EXPECT_NE(doc.find("### `" + rule->id() + "`"), std::string::npos)
        << "docs/rules.md has no section for " << rule->id();
  // The section is `anzhi-cli rules --markdown`, unchanged: regenerate it when a rule changes.
  const std::string begin = "<!-- begin: anzhi-cli rules --markdown -->\n";
  const std::string end = "<!-- end: anzhi-cli rules --markdown -->";
  const auto from = doc.find(begin), to = doc.find(end);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), "\n" + catalogueMarkdown());
}

TEST(RuleRegistry, LiveCheckLayerMapIsTheDescriptorsInverse)
{
  // Hand-listed from what each rule's code reads: an edit of schools must re-run both school
  // rules, invalid-geometry and unknown-code (a school's level), of ranger plots the five ranger
  // rules.
  EXPECT_EQ(rulesReading("schools"),
            (std::vector<std::string>{"school-coverage", "school-capacity", "invalid-geometry",
                                      "unknown-code"}));
  EXPECT_EQ(
      rulesReading("ranger_plots"),
      (std::vector<std::string>{"ranger-area", "ranger-unassigned", "ranger-overlap",
                                "ranger-orphan-plot", "ranger-distance", "invalid-geometry"}));
  EXPECT_EQ(rulesReading("resettlement_sites"),
            (std::vector<std::string>{"school-coverage", "school-capacity", "ranger-distance",
                                      "clinic-coverage", "large-site-employment", "support-plan",
                                      "invalid-geometry", "jobs-near-home", "elderly-care-coverage",
                                      "elderly-care-beds", "linkage-balance", "unknown-code"}));
  EXPECT_EQ(
      rulesReading("elderly_care"),
      (std::vector<std::string>{"invalid-geometry", "elderly-care-coverage", "elderly-care-beds"}));
  EXPECT_EQ(rulesReading("industrial_parks"),
            (std::vector<std::string>{"invalid-geometry", "jobs-near-home", "unknown-code"}));
  EXPECT_EQ(rulesReading("forest_land"), (std::vector<std::string>{"invalid-geometry"}));
}

TEST(RuleCatalogue, NamesWhereEachParameterComesFrom)
{
  const RuleSet set =
      RuleSet::fromToml("name = \"县局\"\n[rules.ranger-area]\nseverity = \"warning\"\n"
                        "min_mu = 450\n[rules.support-plan]\nenabled = false\n",
                        "county.toml");
  const std::string text = catalogueText(set, "en");
  EXPECT_NE(text.find("Rule set: 县局 (county.toml)"), std::string::npos) << text;
  EXPECT_NE(text.find("ranger-area  三（十）  warning  Managed area below the minimum\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  min_mu = 450 亩\n      set in county.toml:4\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  max_distance_m = 5000 m\n      default, from: 三（十）就地管护"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("support-plan  七（二十二）  warning  No follow-up support plan  [disabled]"),
            std::string::npos)
      << text;
  const std::string zh = catalogueText(set, "zh");
  EXPECT_NE(zh.find("ranger-area  三（十）  警告  管护面积不足\n"), std::string::npos) << zh;
  EXPECT_NE(zh.find("  max_distance_m = 5000 米\n      "
                    "默认值，依据：三（十）就地管护；距离为地方做法（5 公里）\n"),
            std::string::npos)
      << zh;
  EXPECT_NE(
      catalogueText(RuleSet::defaults(), "zh").find("规则集：晋脱贫攻坚组〔2020〕12号（内置）"),
      std::string::npos);

  const auto json = catalogueJson(set);
  EXPECT_EQ(json["schema"], "anzhi.rules-catalogue/1");
  ASSERT_EQ(json["rules"].size(), registeredRules().size());
  const auto &school = json["rules"][1];
  EXPECT_EQ(school["id"], "school-coverage");
  EXPECT_EQ(school["parameters"][0]["key"], "radius_m.primary");
  EXPECT_EQ(school["parameters"][0]["value"], "{ urban = 500, rural = 2500 }");
  EXPECT_TRUE(school["parameters"][0]["set_at_line"].is_null());
  EXPECT_EQ(json["rules"][2]["parameters"][0]["value"], "0.08");
}
