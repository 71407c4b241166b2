#include "app/desktop/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace anzhi::desktop {

QString chooseLanguage(const QString &requested)
{
  const QString r = requested.trimmed().toLower();
  if (r == "en" || r.startsWith("en_"))
    return "en";
  if (r == "zh" || r == "zh_cn" || r.startsWith("zh"))
    return "zh_CN";
  QString locale;
  for (const char *var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    locale = qEnvironmentVariable(var);
    if (!locale.isEmpty())
      break;
  }
  if (locale.isEmpty() || locale == "C" || locale == "POSIX" || locale.startsWith("C.") ||
      locale.startsWith("zh"))
    return "zh_CN";
  return "en";
}

void installTranslators(QCoreApplication &app, const QString &language)
{
  const bool zh = language == "zh_CN";
  QLocale::setDefault(zh ? QLocale(QLocale::Chinese, QLocale::China)
                         : QLocale(QLocale::English, QLocale::UnitedStates));
  auto *own = new QTranslator(&app);
  if (own->load(QStringLiteral(":/i18n/anzhi_%1.qm").arg(language)))
    app.installTranslator(own);
  if (zh) {
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      app.installTranslator(qt);
  }
}

} // namespace anzhi::desktop
