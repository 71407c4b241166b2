#pragma once

#include "core/Rule.h"

#include <memory>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! Every rule Anzhi checks, in report order: the one list that the engine, the rule set, the
//! live check, the names in the app and `anzhi-cli rules` derive from.
const std::vector<std::unique_ptr<const Rule>> &registeredRules();
//! The registered rule with this id, or null.
const Rule *findRule(std::string_view id);

//! The ids of the rules that read `layer` (RuleDescriptor::layersRead), in report order: what
//! an edit of that layer can make or mend.
std::vector<std::string> rulesReading(const std::string &layer);

} // namespace anzhi::core
