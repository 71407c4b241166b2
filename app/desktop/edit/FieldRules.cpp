#include "app/desktop/edit/FieldRules.h"

#include "app/desktop/Names.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDate>

namespace anzhi::desktop {

namespace {

//! Land-use classes and the codes the default mapping knows, offered in the land-use list.
const std::vector<std::pair<std::string, const char *>> kLandUses = {
    {"residential", QT_TRANSLATE_NOOP("AttributeForm", "residential")},
    {"commercial", QT_TRANSLATE_NOOP("AttributeForm", "commercial")},
    {"road", QT_TRANSLATE_NOOP("AttributeForm", "road")},
    {"green", QT_TRANSLATE_NOOP("AttributeForm", "green space")},
    {"education", QT_TRANSLATE_NOOP("AttributeForm", "education (protected)")},
    {"medical", QT_TRANSLATE_NOOP("AttributeForm", "medical (protected)")},
    {"elderly_care", QT_TRANSLATE_NOOP("AttributeForm", "elderly care (protected)")},
    {"industrial", QT_TRANSLATE_NOOP("AttributeForm", "industrial (protected)")},
    {"A33", QT_TRANSLATE_NOOP("AttributeForm", "A33 primary and secondary school land")},
    {"A51", QT_TRANSLATE_NOOP("AttributeForm", "A51 hospital land")},
    {"A6", QT_TRANSLATE_NOOP("AttributeForm", "A6 social welfare land")},
    {"M1", QT_TRANSLATE_NOOP("AttributeForm", "M1 class-one industrial land")},
    {"0804", QT_TRANSLATE_NOOP("AttributeForm", "0804 education land (land-use survey)")},
    {"0806", QT_TRANSLATE_NOOP("AttributeForm", "0806 medical land (land-use survey)")},
    {"0807", QT_TRANSLATE_NOOP("AttributeForm", "0807 social welfare land (land-use survey)")},
    {"1001", QT_TRANSLATE_NOOP("AttributeForm", "1001 industrial land (land-use survey)")},
};

//! A text marked with QT_TRANSLATE_NOOP in the attribute form's context.
QString formText(const char *text)
{
  return QCoreApplication::translate("AttributeForm", text);
}

bool isLandUse(const core::FieldSchema &field)
{
  return field.name == "land_use" || field.name == "use";
}

} // namespace

QString fieldProblem(const core::FieldSchema &field, const QString &text,
                     const std::function<bool(const std::string &)> &codeTaken)
{
  const QString label = Names::field(field.name);
  if (text.isEmpty())
    return field.formRequired
               ? QCoreApplication::translate("AttributeForm", "%1 is required.").arg(label)
               : QString();
  bool ok = true;
  if (field.type == gis::FieldType::Integer)
    text.toLongLong(&ok);
  else if (field.type == gis::FieldType::Real)
    text.toDouble(&ok);
  else if (field.type == gis::FieldType::Date)
    ok = QDate::fromString(text, Qt::ISODate).isValid();
  if (!ok)
    return QCoreApplication::translate("AttributeForm", "%1: \"%2\" is not a valid %3.")
        .arg(label, text,
             field.type == gis::FieldType::Date
                 ? QCoreApplication::translate("AttributeForm", "date (YYYY-MM-DD)")
                 : QCoreApplication::translate("AttributeForm", "number"));
  if (field.coding == core::Coding::Closed && !core::isFieldCode(field, text.toStdString()))
    return QCoreApplication::translate("AttributeForm", "%1: \"%2\" is not one of its values.")
        .arg(label, text);
  if (field.name == "code" && codeTaken && codeTaken(text.toStdString()))
    return QCoreApplication::translate(
               "AttributeForm",
               "Code %1 is already used by another feature of this layer; codes must be "
               "unique.")
        .arg(text);
  return {};
}

gis::FieldValue fieldValue(const core::FieldSchema &field, const QString &text)
{
  if (text.isEmpty())
    return {};
  switch (field.type) {
  case gis::FieldType::Integer:
    return std::int64_t(text.toLongLong());
  case gis::FieldType::Real:
    return text.toDouble();
  case gis::FieldType::Date: {
    const QDate d = QDate::fromString(text, Qt::ISODate);
    return gis::Date{d.year(), d.month(), d.day()};
  }
  case gis::FieldType::String:
    break;
  }
  return text.toStdString();
}

QString editText(const gis::FieldValue &v)
{
  if (auto *s = std::get_if<std::string>(&v))
    return QString::fromStdString(*s);
  if (auto *n = std::get_if<std::int64_t>(&v))
    return QString::number(*n);
  if (auto *d = std::get_if<double>(&v))
    return QString::number(*d, 'g', 15);
  if (auto *date = std::get_if<gis::Date>(&v))
    return QString::fromStdString(date->toString());
  return {};
}

std::vector<std::pair<QString, QString>> fieldOptions(const core::FieldSchema &field)
{
  std::vector<std::pair<QString, QString>> options;
  if (isLandUse(field))
    for (const auto &[code, label] : kLandUses)
      options.emplace_back(formText(label), QString::fromStdString(code));
  else
    for (const core::Choice &choice : field.choices)
      options.emplace_back(Names::value(field.name, choice.value),
                           QString::fromStdString(choice.value));
  return options;
}

QComboBox *fieldCombo(const core::FieldSchema &field, const QString &current, QWidget *parent)
{
  const auto options = fieldOptions(field);
  if (options.empty())
    return nullptr;
  auto *combo = new QComboBox(parent);
  if (!field.formRequired || current.isEmpty())
    combo->addItem(QString(), QString());
  combo->setEditable(isLandUse(field));
  for (const auto &[words, code] : options)
    combo->addItem(words, code);
  setComboCode(*combo, current);
  return combo;
}

QString comboCode(const QComboBox &combo)
{
  // An item picked from the list stands for its code; typed text is taken as it is.
  const int index = combo.currentIndex();
  if (index >= 0 && combo.itemText(index) == combo.currentText())
    return combo.itemData(index).toString();
  return combo.currentText().trimmed();
}

void setComboCode(QComboBox &combo, const QString &code)
{
  const int index = combo.findData(code);
  if (index >= 0)
    combo.setCurrentIndex(index);
  else if (combo.isEditable())
    combo.setEditText(code);
}

} // namespace anzhi::desktop
