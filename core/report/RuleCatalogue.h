#pragma once

#include "core/Rule.h"
#include "core/RuleSet.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace anzhi::core {

//! One parameter of a rule as a rule set configures it.
struct ParameterEntry
{
  std::string key;      //!< dotted key in the rule's TOML table
  std::string value;    //!< in TOML syntax: 500, 0.08, { urban = 500, rural = 2500 }, "text"
  std::string unit;     //!< m, 亩, people, per resident, min, km/h; empty for text and dates
  std::string source;   //!< what the default value cites
  std::string sourceZh; //!< the same in Chinese
  int setAtLine = 0;    //!< the line of the rule set file that set it; 0: the default
};

//! What `anzhi-cli rules` shows of one registered rule under a rule set.
struct CatalogueEntry
{
  const RuleDescriptor *descriptor = nullptr;
  const RuleConfig *config = nullptr;
  std::vector<ParameterEntry> parameters;
};

//! Every registered rule in report order, with the rule set's configuration of it.
std::vector<CatalogueEntry> ruleCatalogue(const RuleSet &rules);

//! The catalogue as text for a terminal, names and layers in `lang` ("zh" or "en").
std::string catalogueText(const RuleSet &rules, const std::string &lang);
//! The catalogue as the anzhi.rules-catalogue/1 JSON document (docs/rules.md).
nlohmann::ordered_json catalogueJson(const RuleSet &rules);
//! The defaults as the Markdown section of docs/rules.md ("Rule by rule").
std::string catalogueMarkdown();

} // namespace anzhi::core
