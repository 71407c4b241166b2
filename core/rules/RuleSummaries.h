#pragma once

#include <string>
#include <string_view>

namespace anzhi::core {

//! What a rule checks, in a planner's words (the exact semantics are docs/contract.md's): what the
//! desktop's "Why?" (为什么?) shows beside the clause and the parameters.
struct RuleSummary
{
  std::string_view zh;
  std::string_view en;
};

//! The summary of a registered rule, or null for an unknown id. RuleRegistryTest checks that
//! every registered rule has one.
const RuleSummary *ruleSummary(std::string_view ruleId);

} // namespace anzhi::core
