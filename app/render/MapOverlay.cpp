#include "app/render/MapOverlay.h"

#include "core/rules/SchoolChecks.h"
#include "core/rules/SiteServiceChecks.h"
#include "gis/GisError.h"

namespace anzhi::render {

ViolationOverlay::ViolationOverlay(std::vector<OverlayShape> shapes)
    : m_shapes(std::move(shapes))
{
  std::vector<const GEOSGeometry *> geometries;
  geometries.reserve(m_shapes.size());
  for (const OverlayShape &s : m_shapes)
    geometries.push_back(s.geometry.get());
  m_index = std::make_unique<gis::StrTree>(geometries);
}

std::shared_ptr<const ViolationOverlay>
ViolationOverlay::fromViolations(const std::vector<core::Violation> &violations)
{
  std::vector<OverlayShape> shapes;
  shapes.reserve(violations.size());
  for (const core::Violation &v : violations) {
    if (v.wkt.empty())
      continue;
    try {
      OverlayShape s;
      s.geometry = gis::fromWkt(v.wkt);
      if (!s.geometry || gis::isEmpty(s.geometry.get()))
        continue;
      s.envelope = gis::envelope(s.geometry.get());
      s.warning = v.severity == core::Severity::Warning;
      shapes.push_back(std::move(s));
    } catch (const gis::GisError &) {
      // A location that does not parse is not drawn; the violation is still listed.
    }
  }
  return std::make_shared<ViolationOverlay>(std::move(shapes));
}

std::vector<std::size_t> ViolationOverlay::candidates(const gis::Envelope &env) const
{
  return m_index->query(env);
}

CoverageOverlay CoverageOverlay::fromCheck(const core::RuleSet &rules,
                                           const std::vector<core::Violation> &violations)
{
  CoverageOverlay c;
  const auto &school = rules.parameters<core::rules::SchoolCoverageParameters>("school-coverage");
  c.primaryRadius = school.primary;
  c.juniorRadius = school.junior;
  c.clinicRadius =
      rules.parameters<core::rules::ClinicCoverageParameters>("clinic-coverage").radius;
  for (const core::Violation &v : violations) {
    if (v.feature.layer != "resettlement_sites")
      continue;
    if (v.rule == "school-coverage")
      c.sitesWithoutSchool.insert(v.feature.fid);
    else if (v.rule == "clinic-coverage")
      c.sitesWithoutClinic.insert(v.feature.fid);
  }
  return c;
}

} // namespace anzhi::render
