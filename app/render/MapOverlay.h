#pragma once

#include "core/RuleSet.h"
#include "core/Violation.h"
#include "gis/Geos.h"

#include <cstdint>
#include <memory>
#include <set>
#include <vector>

namespace anzhi::render {

//! One violation's location to draw (red hatch for errors, orange for warnings).
struct OverlayShape
{
  gis::Geometry geometry;
  gis::Envelope envelope;
  bool warning = false;
};

//! The violations of a check as drawable shapes, parsed from their WKT once and indexed with
//! an STR-tree. Immutable after construction: build it on a worker, then share it read-only
//! (shared_ptr<const>) between render jobs. Thread: const use from any thread.
class ViolationOverlay
{
public:
  explicit ViolationOverlay(std::vector<OverlayShape> shapes);
  //! Violations whose WKT does not parse are left out.
  static std::shared_ptr<const ViolationOverlay>
  fromViolations(const std::vector<core::Violation> &violations);

  const std::vector<OverlayShape> &shapes() const { return m_shapes; }
  std::vector<std::size_t> candidates(const gis::Envelope &env) const;

private:
  std::vector<OverlayShape> m_shapes;
  std::unique_ptr<gis::StrTree> m_index;
};

//! The coverage view: service radii of schools and clinics drawn as circles (urban radius solid,
//! rural radius dashed), and the sites a coverage rule found uncovered filled in red (schools)
//! or orange (clinics only). A plain value. Thread: any.
struct CoverageOverlay
{
  bool schools = true;
  bool clinics = true;
  core::RadiusBySetting primaryRadius{500, 2500};
  core::RadiusBySetting juniorRadius{1000, 5000};
  core::RadiusBySetting clinicRadius{1000, 3000};
  std::set<std::int64_t> sitesWithoutSchool; //!< resettlement_sites fids
  std::set<std::int64_t> sitesWithoutClinic;

  static CoverageOverlay fromCheck(const core::RuleSet &rules,
                                   const std::vector<core::Violation> &violations);
};

} // namespace anzhi::render
