#pragma once

#include "core/Engine.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <string>

namespace anzhi::desktop {

//! The words of glossary.md for layers, rules, fields and values, in the UI language (tr()).
//! Thread: UI thread (translators are installed there).
class Names
{
  Q_DECLARE_TR_FUNCTIONS(Names)

public:
  //! A canonical layer's name from core/Schema's table, in the language of messageLanguage().
  static QString layer(const std::string &name);
  static QString rule(const std::string &id);
  static QString severity(core::Severity s);
  //! A canonical field's name from core/Schema's table (as layer()), or one of the rows the
  //! desktop shows beside them (fid, area …).
  static QString field(const std::string &field);
  //! A coded value in words (primary → 小学, pending → 待拆除 …); else the value itself.
  static QString value(const std::string &field, const std::optional<std::string> &raw);
  static QString metres(double m);
  static QString area(double squareMetres);
  //! "zh" or "en": the language of violation messages and exported reports.
  static std::string messageLanguage();
};

} // namespace anzhi::desktop
