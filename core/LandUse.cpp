#include "core/LandUse.h"

#include "gis/Text.h"

#include <array>

namespace anzhi::core {

namespace {

struct ClassNames
{
  LandUseClass cls;
  std::string_view name;
  std::string_view zh;
};

constexpr std::array<ClassNames, 9> kClasses{{
    {LandUseClass::Education, "education", "教育用地"},
    {LandUseClass::Medical, "medical", "医疗卫生用地"},
    {LandUseClass::ElderlyCare, "elderly_care", "养老（社会福利）用地"},
    {LandUseClass::Industrial, "industrial", "产业（工业）用地"},
    {LandUseClass::Residential, "residential", "居住用地"},
    {LandUseClass::Commercial, "commercial", "商业用地"},
    {LandUseClass::Road, "road", "道路用地"},
    {LandUseClass::Green, "green", "绿地"},
    {LandUseClass::Other, "other", "其他用地"},
}};

} // namespace

bool isProtected(LandUseClass c)
{
  return c == LandUseClass::Education || c == LandUseClass::Medical ||
         c == LandUseClass::ElderlyCare || c == LandUseClass::Industrial;
}

std::string_view className(LandUseClass c)
{
  for (const auto &k : kClasses)
    if (k.cls == c)
      return k.name;
  return "other";
}

std::string_view classNameZh(LandUseClass c)
{
  for (const auto &k : kClasses)
    if (k.cls == c)
      return k.zh;
  return "其他用地";
}

std::optional<LandUseClass> classFromName(std::string_view name)
{
  for (const auto &k : kClasses)
    if (k.name == name)
      return k.cls;
  return std::nullopt;
}

LandUseMapping::LandUseMapping(std::vector<Pattern> patterns)
    : m_patterns(std::move(patterns))
{
  for (const Pattern &p : m_patterns)
    m_compiled.emplace_back(p.regex, std::regex::ECMAScript | std::regex::optimize);
}

std::vector<LandUseMapping::Pattern> LandUseMapping::defaultPatterns()
{
  using C = LandUseClass;
  return {
      {C::Education, "education"},
      {C::Education, "A33"},
      {C::Education, "0804[0-9]{0,2}"},
      {C::Medical, "medical"},
      {C::Medical, "A51"},
      {C::Medical, "0806[0-9]{0,2}"},
      {C::ElderlyCare, "elderly_care"},
      {C::ElderlyCare, "A6"},
      {C::ElderlyCare, "0807[0-9]{0,2}"},
      {C::Industrial, "industrial"},
      {C::Industrial, "M[1-3]?"},
      {C::Industrial, "1001[0-9]{0,2}"},
      {C::Residential, "residential"},
      {C::Commercial, "commercial"},
      {C::Road, "road"},
      {C::Green, "green"},
      {C::Other, "other"},
  };
}

LandUseClass LandUseMapping::classify(const std::optional<std::string> &value) const
{
  if (!value)
    return LandUseClass::Other;
  std::string key = gis::trimmed(*value);
  {
    std::lock_guard lock(m_cacheMutex);
    auto it = m_cache.find(key);
    if (it != m_cache.end())
      return it->second;
  }
  LandUseClass result = LandUseClass::Other;
  // libstdc++'s regex matcher recurses once per character: a pattern such as ".*学校.*" on a
  // value of 100,000 characters overflows the stack. A class name or code is short; a longer
  // value is "other" without matching (docs/rules.md decision 3).
  constexpr std::size_t kMaxMatchedLength = 1000;
  for (std::size_t i = 0; i < m_compiled.size() && key.size() <= kMaxMatchedLength; ++i) {
    if (std::regex_match(key, m_compiled[i])) {
      result = m_patterns[i].cls;
      break;
    }
  }
  std::lock_guard lock(m_cacheMutex);
  m_cache.emplace(key, result);
  return result;
}

} // namespace anzhi::core
