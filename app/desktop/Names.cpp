#include "app/desktop/Names.h"

#include "core/RuleRegistry.h"
#include "gis/EllipsoidalArea.h"

#include <QLocale>

namespace anzhi::desktop {

QString Names::layer(const std::string &name)
{
  if (name == "resettlement_sites")
    return tr("Resettlement sites");
  if (name == "planned_plots")
    return tr("Planned plots");
  if (name == "buildings")
    return tr("Buildings");
  if (name == "schools")
    return tr("Schools");
  if (name == "school_catchments")
    return tr("School catchments");
  if (name == "clinics")
    return tr("Clinics");
  if (name == "elderly_care")
    return tr("Elderly-care homes");
  if (name == "service_points")
    return tr("Service points");
  if (name == "industrial_parks")
    return tr("Industrial parks");
  if (name == "reclaimed_homesteads")
    return tr("Vacated homesteads");
  if (name == "forest_land")
    return tr("Forest land");
  if (name == "rangers")
    return tr("Ecological forest rangers");
  if (name == "ranger_plots")
    return tr("Responsibility plots");
  if (name == "roads")
    return tr("Roads");
  return QString::fromStdString(name);
}

QString Names::rule(const std::string &id)
{
  const core::Rule *rule = core::findRule(id);
  if (!rule)
    return QString::fromStdString(id);
  const core::RuleDescriptor &d = rule->descriptor();
  return QString::fromStdString(messageLanguage() == "zh" ? d.nameZh : d.nameEn);
}

QString Names::severity(core::Severity s)
{
  return s == core::Severity::Error ? tr("Error") : tr("Warning");
}

QString Names::field(const std::string &f)
{
  if (f == "fid")
    return tr("Feature ID");
  if (f == "code")
    return tr("Code");
  if (f == "name")
    return tr("Name");
  if (f == "county")
    return tr("County");
  if (f == "township")
    return tr("Township");
  if (f == "setting")
    return tr("Resettlement type");
  if (f == "households")
    return tr("Relocated households");
  if (f == "population")
    return tr("Relocated population");
  if (f == "pupils_primary")
    return tr("School-age children (primary)");
  if (f == "pupils_junior")
    return tr("School-age children (junior)");
  if (f == "support_plan")
    return tr("Follow-up support plan");
  if (f == "land_use")
    return tr("Land use");
  if (f == "land_use_class")
    return tr("Land-use class");
  if (f == "use")
    return tr("Use");
  if (f == "level")
    return tr("Level");
  if (f == "capacity")
    return tr("Seats");
  if (f == "enrolled")
    return tr("Enrolled pupils");
  if (f == "school_code")
    return tr("School code");
  if (f == "beds")
    return tr("Beds");
  if (f == "kind")
    return tr("Kind");
  if (f == "jobs")
    return tr("Jobs");
  if (f == "household_code")
    return tr("Household code");
  if (f == "village")
    return tr("Village");
  if (f == "site_code")
    return tr("Resettlement site code");
  if (f == "status")
    return tr("Status");
  if (f == "target_use")
    return tr("Reclaim to");
  if (f == "done_date")
    return tr("Completion date");
  if (f == "ranger_code")
    return tr("Ranger code");
  if (f == "class")
    return tr("Road class");
  if (f == "area")
    return tr("Ellipsoidal area");
  if (f == "location")
    return tr("Coordinates");
  if (f == "layer")
    return tr("Layer");
  return QString::fromStdString(f);
}

QString Names::value(const std::string &field, const std::optional<std::string> &raw)
{
  if (!raw)
    return tr("(empty)");
  const std::string &v = *raw;
  if (field == "setting") {
    if (v == "urban")
      return tr("Urban resettlement");
    if (v == "rural")
      return tr("Rural resettlement");
  } else if (field == "level") {
    if (v == "primary")
      return tr("Primary");
    if (v == "junior")
      return tr("Junior");
    if (v == "nine_year")
      return tr("Nine-year");
    if (v == "high")
      return tr("High school");
    if (v == "vocational")
      return tr("Vocational school");
    if (v == "village")
      return tr("Village clinic");
    if (v == "township")
      return tr("Township hospital");
    if (v == "county")
      return tr("County hospital");
  } else if (field == "status") {
    if (v == "pending")
      return tr("Pending");
    if (v == "demolished")
      return tr("Demolished");
    if (v == "reclaimed")
      return tr("Reclaimed");
    if (v == "relocated")
      return tr("Relocated");
    if (v == "local")
      return tr("Local");
  } else if (field == "target_use") {
    if (v == "cropland")
      return tr("Cropland");
    if (v == "forest")
      return tr("Forest");
    if (v == "grassland")
      return tr("Grassland");
  } else if (field == "kind") {
    if (v == "employment_service")
      return tr("Public employment service point");
    if (v == "community_service")
      return tr("Community service point");
    if (v == "park")
      return tr("Industrial park");
    if (v == "workshop")
      return tr("Poverty-alleviation workshop");
  } else if (field == "support_plan") {
    if (v == "1")
      return tr("Yes");
    if (v == "0")
      return tr("No");
  }
  return QString::fromStdString(v);
}

QString Names::metres(double m)
{
  QLocale l;
  if (m >= 1000)
    return tr("%1 km").arg(l.toString(m / 1000.0, 'f', 3));
  return tr("%1 m").arg(l.toString(m, 'f', 1));
}

QString Names::area(double squareMetres)
{
  QLocale l;
  return tr("%1 m² (%2 mu)")
      .arg(l.toString(squareMetres, 'f', 1))
      .arg(l.toString(gis::EllipsoidalArea::toMu(squareMetres), 'f', 2));
}

std::string Names::messageLanguage()
{
  return QLocale().language() == QLocale::Chinese ? "zh" : "en";
}

} // namespace anzhi::desktop
