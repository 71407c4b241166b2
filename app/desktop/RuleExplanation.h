#pragma once

#include "core/RuleSet.h"
#include "core/Violation.h"

#include <QString>

namespace anzhi::desktop {

//! 为什么? — why a violation was reported, as rich text: the rule's name, id, clause and
//! severity, what it checks (core::ruleSummary, in the UI's language), each parameter with its
//! value, unit and where it comes from under `rules` (the rule set's line, or the default's
//! source), and the violation's own message.
QString ruleExplanation(const core::Violation &v, const core::RuleSet &rules);

} // namespace anzhi::desktop
