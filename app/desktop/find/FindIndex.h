#pragma once

#include "core/Project.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::desktop {

//! One thing 查找 can jump to: a feature, or a township (the extent of its sites).
struct FindResult
{
  std::string layer;                //!< a canonical table, or "township"
  std::optional<std::size_t> index; //!< position in the layer's features; none for a township
  std::string title;                //!< "AZQ-1 幸福家园安置区", or the township's name
  gis::Envelope extent;
};

//! What 查找 searches: the code and name of every feature of every layer, the townships of the
//! sites, and for the named places people say aloud (sites, schools, clinics, elderly care,
//! service points, parks, rangers, townships) the pinyin and its initials from ICU's Han-Latin
//! transliteration: "lyz" and "lanyi" find 岚漪镇. Plots and buildings are searched by code and
//! name only: a national project has millions, and nobody calls a plot by its pinyin.
//! Immutable after build(); build it on a worker, query it from any thread.
class FindIndex
{
public:
  static FindIndex build(const core::Project &project);
  //! At most `limit` results for `query` (trimmed, Latin letters in any case), best first: an
  //! exact code or name, then a prefix of a code, name, pinyin or initials, then a part of one;
  //! within each, the layers' order and then the features'. Empty for an empty query.
  std::vector<FindResult> find(std::string_view query, std::size_t limit = 100) const;
  std::size_t size() const { return m_entries.size(); }

private:
  struct Entry
  {
    FindResult result;
    std::vector<std::string> keys; //!< lower-cased code, name, pinyin, initials
  };
  std::vector<Entry> m_entries;
};

} // namespace anzhi::desktop
