#pragma once

#include "core/Engine.h"

#include <nlohmann/json.hpp>

#include <string>

namespace anzhi::core {

//! The anzhi.report/1 document of domain.md; messages in `lang` ("zh" or "en").
nlohmann::ordered_json toJsonReport(const CheckResult &result, const std::string &projectName,
                                    const std::string &lang);
nlohmann::ordered_json toJson(const Violation &v, const std::string &lang);

//! Writes text to path through a temporary file renamed into place, so that a reader never
//! sees half a report. Throws std::runtime_error naming the path.
void writeFileAtomically(const std::string &path, const std::string &text);

} // namespace anzhi::core
