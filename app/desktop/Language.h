#pragma once

#include <QString>

class QCoreApplication;

namespace anzhi::desktop {

//! "zh_CN" or "en". `requested` (from --lang or the settings) wins when it names one of them;
//! else Chinese for a Chinese, C/POSIX or unset locale (LC_ALL, LC_MESSAGES, LANG), English
//! otherwise.
QString chooseLanguage(const QString &requested);

//! Installs Anzhi's translation (embedded :/i18n/anzhi_<lang>.qm) and Qt's own (qtbase_zh_CN
//! from the Qt translations directory) for `language`, and makes it the default QLocale.
//! Thread: UI thread, before widgets are created.
void installTranslators(QCoreApplication &app, const QString &language);

} // namespace anzhi::desktop
