#pragma once

#include "core/Project.h"
#include "core/Violation.h"

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anzhi::core {

//! Which resettlement site, and so which township, a feature or a violation belongs to
//! (docs/rules.md decision 19): the site it names (a site itself; a homestead's or ranger's
//! `site_code`; a ranger plot's ranger's), else the site containing the point-on-surface of its
//! location, else the site nearest to that point (ties: lower fid). The location is the
//! feature's geometry (a ranger without residence: its first plot), for a violation else the
//! violation's own location. Every report's `township` and the statistics use this one rule.
//! Thread: the const members may be called from several threads at once.
class TownshipAttribution
{
public:
  //! The project must outlive this. The code indexes are built on first use (a live check's few
  //! violations need not index a national project's rangers).
  explicit TownshipAttribution(const Project &project);

  //! The index in project.sites of the site feature `index` of layer `layer` belongs to;
  //! nullopt when the project has no site with geometry and no link names one, or the
  //! feature has no location.
  std::optional<std::size_t> siteOf(std::string_view layer, std::size_t index) const;
  //! The same for a violation (its feature, else its location).
  std::optional<std::size_t> siteOf(const Violation &v) const;
  //! The site containing the point-on-surface of `location`, else the nearest (ties: lower fid).
  std::optional<std::size_t> siteAt(const GEOSGeometry *location) const;
  //! The township of a site index (null when the site has none).
  std::optional<std::string> townshipOf(std::optional<std::size_t> site) const;

  //! Sets every violation's township, in parallel.
  void attribute(std::vector<Violation> &violations, int threads = 0) const;

private:
  std::optional<std::size_t> siteByCode(const std::optional<std::string> &code) const;
  //! The site a feature names through its fields, when it names one that exists.
  std::optional<std::size_t> linkedSite(std::string_view layer, std::size_t index) const;
  //! Where the feature lies: its geometry, for a ranger without one its first plot's.
  const GEOSGeometry *locationOf(std::string_view layer, std::size_t index) const;

  using CodeIndex = std::unordered_map<std::string, std::size_t>; //!< lowest fid per code
  const CodeIndex &sitesByCode() const;
  const CodeIndex &rangersByCode() const;

  const Project &m_project;
  mutable std::once_flag m_sitesIndexed, m_rangersIndexed;
  mutable CodeIndex m_siteByCode, m_rangerByCode;
};

} // namespace anzhi::core
