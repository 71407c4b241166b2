#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace re2 {
class RE2;
}

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
//! The class a word of a source names, for the import's built-in value map: the class name, its
//! Chinese name, or another name of it in GB 50137-2011 or 用地用海 (2023), e.g. 中小学用地,
//! 工业用地, 公园绿地. `key` is trimmed with ASCII letters in lower case (core::codeKey); codes
//! (A33, 0804) are left to the rule set's patterns.
std::optional<LandUseClass> landUseClassFromWord(std::string_view key);

//! A land-use pattern RE2 refuses (a back-reference, a lookaround, a repetition over 1000).
class LandUsePatternError : public std::runtime_error
{
public:
  LandUsePatternError(std::size_t index, const std::string &reason)
      : std::runtime_error(reason)
      , index(index)
  {
  }
  std::size_t index; //!< of the pattern in the list given to LandUseMapping
};

//! Maps a `land_use` or `use` value (a class name or a planning code) to a class by the
//! rule set's patterns, tried in order; each pattern must match the whole trimmed value.
//! Patterns are RE2 regular expressions (UTF-8): matching takes time linear in the value
//! whatever the pattern, so a rule set cannot stall a check.
//! Thread: classify() may be called from several threads at once.
class LandUseMapping
{
public:
  struct Pattern
  {
    LandUseClass cls;
    std::string regex;
  };
  //! Throws LandUsePatternError, with RE2's reason, for the first pattern RE2 refuses.
  explicit LandUseMapping(std::vector<Pattern> patterns);
  ~LandUseMapping();
  //! The patterns of docs/contract.md's default mapping.
  static std::vector<Pattern> defaultPatterns();

  LandUseClass classify(const std::optional<std::string> &value) const;
  const std::vector<Pattern> &patterns() const { return m_patterns; }

private:
  std::vector<Pattern> m_patterns;
  std::vector<std::unique_ptr<const re2::RE2>> m_compiled;
  mutable std::mutex m_cacheMutex;
  mutable std::map<std::string, LandUseClass, std::less<>> m_cache;
};

} // namespace anzhi::core
