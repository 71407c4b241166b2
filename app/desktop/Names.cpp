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
  if (const core::Choice *choice = core::findChoice(field, *raw))
    return QString::fromStdString(messageLanguage() == "zh" ? choice->nameZh : choice->nameEn);
  if (field == "support_plan" && (*raw == "1" || *raw == "0"))
    return *raw == "1" ? tr("Yes") : tr("No");
  return QString::fromStdString(*raw);
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
