#include "app/desktop/Names.h"

#include "core/RuleRegistry.h"
#include "core/Schema.h"
#include "gis/EllipsoidalArea.h"

#include <QLocale>

namespace anzhi::desktop {

namespace {

//! A display name of core/Schema's table in the UI language.
QString inUiLanguage(const std::string &zh, const std::string &en)
{
  return QString::fromStdString(Names::messageLanguage() == "zh" ? zh : en);
}

} // namespace

QString Names::layer(const std::string &name)
{
  if (const core::LayerSchema *schema = core::findLayerSchema(name))
    return inUiLanguage(schema->nameZh, schema->nameEn);
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
  if (const core::FieldSchema *schema = core::findFieldSchema(f))
    return inUiLanguage(schema->nameZh, schema->nameEn);
  // What the desktop shows beside a feature's fields.
  if (f == "fid")
    return tr("Feature ID");
  if (f == "land_use_class")
    return tr("Land-use class");
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
