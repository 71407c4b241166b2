#include "core/LandUse.h"

#include "gis/Text.h"

#include <re2/re2.h>

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

//! Other names of the classes in GB 50137-2011 and 用地用海 (2023), as plans write them.
constexpr std::array<std::pair<std::string_view, LandUseClass>, 14> kClassWords{{
    {"中小学用地", LandUseClass::Education},
    {"医院用地", LandUseClass::Medical},
    {"社会福利用地", LandUseClass::ElderlyCare},
    {"社会福利设施用地", LandUseClass::ElderlyCare},
    {"养老用地", LandUseClass::ElderlyCare},
    {"工业用地", LandUseClass::Industrial},
    {"产业用地", LandUseClass::Industrial},
    {"住宅用地", LandUseClass::Residential},
    {"城镇住宅用地", LandUseClass::Residential},
    {"商业服务业用地", LandUseClass::Commercial},
    {"城市道路用地", LandUseClass::Road},
    {"城镇道路用地", LandUseClass::Road},
    {"公园绿地", LandUseClass::Green},
    {"其他", LandUseClass::Other},
}};

} // namespace

std::optional<LandUseClass> landUseClassFromWord(std::string_view key)
{
  for (const auto &k : kClasses)
    if (k.name == key || k.zh == key)
      return k.cls;
  for (const auto &[word, cls] : kClassWords)
    if (word == key)
      return cls;
  return std::nullopt;
}

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
  RE2::Options options;
  options.set_log_errors(false); // the reason goes into the exception, not onto stderr
  options.set_never_capture(true);
  for (std::size_t i = 0; i < m_patterns.size(); ++i) {
    auto compiled = std::make_unique<const RE2>(m_patterns[i].regex, options);
    if (!compiled->ok())
      throw LandUsePatternError(i, compiled->error());
    m_compiled.push_back(std::move(compiled));
  }
}

LandUseMapping::~LandUseMapping() = default;

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
  for (std::size_t i = 0; i < m_compiled.size(); ++i) {
    if (RE2::FullMatch(key, *m_compiled[i])) {
      result = m_patterns[i].cls;
      break;
    }
  }
  std::lock_guard lock(m_cacheMutex);
  m_cache.emplace(key, result);
  return result;
}

} // namespace anzhi::core
