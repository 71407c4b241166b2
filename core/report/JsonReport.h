#pragma once

#include "core/Engine.h"

#include <nlohmann/json.hpp>

#include <string>

namespace anzhi::core {

//! The anzhi.report/1 document of domain.md; messages in `lang` ("zh" or "en").
nlohmann::ordered_json toJsonReport(const CheckResult &result, const std::string &projectName,
                                    const std::string &lang);
nlohmann::ordered_json toJson(const Violation &v, const std::string &lang);

} // namespace anzhi::core
