#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anzhi::core {

//! The land-use classes the rules speak of. The first four are protected by clause 一（一）.
enum class LandUseClass
{
  Education,
  Medical,
  ElderlyCare,
  Industrial,
  Residential,
  Commercial,
  Road,
  Green,
  Other
};

bool isProtected(LandUseClass c);
std::string_view className(LandUseClass c);
std::optional<LandUseClass> classFromName(std::string_view name);
std::string_view classNameZh(LandUseClass c);

//! Maps a `land_use` or `use` value (a class name or a planning code) to a class by the
//! rule set's patterns, tried in order; each pattern must match the whole trimmed value.
//! Thread: classify() may be called from several threads at once.
class LandUseMapping
{
public:
  struct Pattern
  {
    LandUseClass cls;
    std::string regex;
  };
  explicit LandUseMapping(std::vector<Pattern> patterns);
  //! The patterns of domain.md's default mapping.
  static std::vector<Pattern> defaultPatterns();

  LandUseClass classify(const std::optional<std::string> &value) const;
  const std::vector<Pattern> &patterns() const { return m_patterns; }

private:
  std::vector<Pattern> m_patterns;
  std::vector<std::regex> m_compiled;
  mutable std::mutex m_cacheMutex;
  mutable std::map<std::string, LandUseClass, std::less<>> m_cache;
};

} // namespace anzhi::core
