#include "app/desktop/find/FindIndex.h"

#include "app/desktop/ProjectLayers.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>

namespace anzhi::desktop {

namespace {

std::string lowered(std::string s)
{
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

std::string trimmed(std::string_view s)
{
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

//! Han characters to toneless pinyin, one syllable per character ("岚漪镇" → "lan yi zhen").
class Pinyin
{
public:
  Pinyin()
  {
    UErrorCode status = U_ZERO_ERROR;
    m_latin.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower",
                                                      UTRANS_FORWARD, status));
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU Han-Latin transliteration: ") +
                               u_errorName(status));
  }
  //! The syllables of `text`, or nothing when it has no Han character.
  std::vector<std::string> syllables(const std::string &text) const
  {
    std::vector<std::string> out;
    if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x80; }))
      return out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    m_latin->transliterate(u);
    std::string latin;
    u.toUTF8String(latin);
    std::string word;
    for (char c : latin + ' ') {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        word += c;
      } else if (!word.empty()) {
        out.push_back(std::move(word));
        word.clear();
      }
    }
    return out;
  }

private:
  std::unique_ptr<icu::Transliterator> m_latin;
};

void addPinyin(std::vector<std::string> &keys, const Pinyin &pinyin, const std::string &name)
{
  const auto syllables = pinyin.syllables(name);
  if (syllables.empty())
    return;
  std::string whole, initials;
  for (const std::string &s : syllables) {
    whole += s;
    initials += s.front();
  }
  keys.push_back(std::move(whole));
  keys.push_back(std::move(initials));
}

} // namespace

FindIndex FindIndex::build(const core::Project &project)
{
  const Pinyin pinyin;
  FindIndex index;
  std::map<std::string, gis::Envelope> townships;
  for (const std::string &layer : core::Project::canonicalLayers()) {
    const bool spoken = layer != "planned_plots" && layer != "buildings" &&
                        layer != "ranger_plots" && layer != "forest_land" && layer != "roads";
    project.visitLayer(layer, [&](const auto &l) {
      if (!l.present)
        return;
      for (std::size_t i = 0; i < l.features.size(); ++i) {
        const auto &f = l.features[i];
        if (!f.hasGeometry())
          continue;
        Entry e{{layer, i, f.codeOrFid(), f.envelope}, {}};
        if (f.code)
          e.keys.push_back(lowered(*f.code));
        if (auto name = featureName(f); name && !name->empty()) {
          e.result.title += " " + *name;
          e.keys.push_back(lowered(*name));
          if (spoken)
            addPinyin(e.keys, pinyin, *name);
        }
        if constexpr (requires { f.township; }) {
          if (f.township && !f.township->empty()) {
            auto [at, fresh] = townships.try_emplace(*f.township, f.envelope);
            if (!fresh)
              at->second.expandToInclude(f.envelope);
          }
        }
        index.m_entries.push_back(std::move(e));
      }
    });
  }
  for (const auto &[name, extent] : townships) {
    Entry e{{"township", std::nullopt, name, extent}, {lowered(name)}};
    addPinyin(e.keys, pinyin, name);
    index.m_entries.push_back(std::move(e));
  }
  return index;
}

std::vector<FindResult> FindIndex::find(std::string_view query, std::size_t limit) const
{
  const std::string q = lowered(trimmed(query));
  if (q.empty() || limit == 0)
    return {};
  // Three ranks, each kept in index order: exact, prefix, part.
  std::vector<const Entry *> ranked[3];
  for (const Entry &e : m_entries) {
    int best = 3;
    for (const std::string &key : e.keys) {
      if (key == q)
        best = 0;
      else if (key.starts_with(q))
        best = std::min(best, 1);
      else if (key.find(q) != std::string::npos)
        best = std::min(best, 2);
    }
    if (best < 3 && ranked[best].size() < limit)
      ranked[best].push_back(&e);
  }
  std::vector<FindResult> out;
  for (const auto &rank : ranked)
    for (const Entry *e : rank)
      if (out.size() < limit)
        out.push_back(e->result);
  return out;
}

} // namespace anzhi::desktop
