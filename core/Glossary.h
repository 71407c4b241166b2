#pragma once

#include "core/LandUse.h"

#include <optional>
#include <string>
#include <string_view>

namespace anzhi::core {

//! The Chinese word for a coded value of a canonical field (school level primary → 小学, homestead
//! status pending → 待拆除 …) from the layer table (core/Schema.h), or nothing for a value the
//! contract does not list: messages show that value as it is.
std::optional<std::string_view> codedValueZh(std::string_view field, std::string_view value);

//! What a land_use or use value means, in Chinese, as the map colours it: the class's name when
//! the rule set maps the value to a class other than `other`; else the name of the 用地用海
//! (2023) or GB 50137-2011 code the value starts with (longest prefix: 1401 公园绿地, 0701
//! 城镇住宅用地, R 居住用地); else the value itself; 未填写 for null.
std::string landUseLabelZh(LandUseClass cls, const std::optional<std::string> &value);
//! A land_use or use value for a message: its Chinese label, after the value itself when that is
//! a code ("0901 商业用地", "商业用地" for commercial).
std::string landUseInWordsZh(LandUseClass cls, const std::optional<std::string> &value);

//! A geometry's validity problem in Chinese: GEOS's reasons (Self-intersection → 自相交 …) and
//! Anzhi's own ("wrong geometry type: LineString in a polygon layer" → 几何类型错误：面图层中的
//! LineString); an unknown reason as it is.
std::string validityReasonZh(const std::string &reason);

//! Why a rule was skipped, in Chinese: the JSON keeps the engine's words ("missing layer:
//! schools"), a Chinese report or summary says them in Chinese (缺少图层：schools); an unknown
//! reason as it is.
std::string skipReasonZh(const std::string &reason);

} // namespace anzhi::core
