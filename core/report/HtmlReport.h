#pragma once

#include "core/Engine.h"

#include <string>

namespace anzhi::core {

//! A self-contained HTML report (no external files): a summary per rule and per township,
//! and the table of violations with clause and message in `lang` ("zh" or "en").
std::string toHtmlReport(const CheckResult &result, const std::string &projectName,
                         const std::string &lang);

} // namespace anzhi::core
