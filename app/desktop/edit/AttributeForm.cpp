#include "app/desktop/edit/AttributeForm.h"

#include "app/desktop/Names.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

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

QString textOf(const gis::FieldValue &v)
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

} // namespace

AttributeForm::AttributeForm(const core::LayerSpec &spec, const core::Attributes &initial,
                             std::function<bool(const std::string &)> codeTaken, QWidget *parent)
    : QDialog(parent)
    , m_spec(spec)
    , m_initial(initial)
    , m_codeTaken(std::move(codeTaken))
    , m_problem(new QLabel(this))
{
  setWindowTitle(tr("Attributes: %1").arg(Names::layer(spec.name)));
  auto *form = new QFormLayout;
  for (const core::FieldSchema &field : spec.fields) {
    Editor e{field};
    auto it = initial.find(field.name);
    const QString current = it == initial.end() ? QString() : textOf(it->second);
    QWidget *widget = nullptr;
    if (!field.choices.empty() || field.name == "land_use" || field.name == "use") {
      e.combo = new QComboBox(this);
      if (!field.formRequired || current.isEmpty())
        e.combo->addItem(QString(), QString());
      if (field.name == "land_use" || field.name == "use") {
        e.combo->setEditable(true); // any code the rule set maps is allowed
        for (const auto &[code, label] : kLandUses)
          e.combo->addItem(QCoreApplication::translate("AttributeForm", label),
                           QString::fromStdString(code));
      } else {
        for (const core::Choice &choice : field.choices)
          e.combo->addItem(Names::value(field.name, choice.value),
                           QString::fromStdString(choice.value));
      }
      int index = e.combo->findData(current);
      if (index >= 0)
        e.combo->setCurrentIndex(index);
      else if (e.combo->isEditable())
        e.combo->setEditText(current);
      widget = e.combo;
    } else {
      e.line = new QLineEdit(current, this);
      if (field.type == gis::FieldType::Date)
        e.line->setPlaceholderText("YYYY-MM-DD");
      widget = e.line;
    }
    widget->setObjectName(QString::fromStdString(field.name));
    const QString label = Names::field(field.name) + (field.formRequired ? " *" : "");
    form->addRow(label, widget);
    m_editors.emplace(field.name, e);
  }
  m_problem->setStyleSheet("color: #c00000");
  m_problem->setWordWrap(true);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &AttributeForm::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &AttributeForm::reject);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(new QLabel(tr("* required"), this));
  layout->addWidget(m_problem);
  layout->addWidget(buttons);
}

QString AttributeForm::rawText(const Editor &e) const
{
  if (e.line)
    return e.line->text().trimmed();
  // An item picked from the list stands for its code; typed text is taken as it is.
  const int index = e.combo->currentIndex();
  if (index >= 0 && e.combo->itemText(index) == e.combo->currentText())
    return e.combo->itemData(index).toString();
  return e.combo->currentText().trimmed();
}

void AttributeForm::setText(const std::string &field, const QString &text)
{
  Editor &e = m_editors.at(field);
  if (e.line) {
    e.line->setText(text);
    return;
  }
  const int index = e.combo->findData(text);
  if (index >= 0)
    e.combo->setCurrentIndex(index);
  else
    e.combo->setEditText(text);
}

core::Attributes AttributeForm::values() const
{
  // Fields of the stored feature outside the schema pass through unchanged.
  core::Attributes out = m_initial;
  for (const auto &[name, e] : m_editors) {
    const QString text = rawText(e);
    gis::FieldValue v;
    if (!text.isEmpty()) {
      switch (e.spec.type) {
      case gis::FieldType::Integer:
        v = std::int64_t(text.toLongLong());
        break;
      case gis::FieldType::Real:
        v = text.toDouble();
        break;
      case gis::FieldType::Date: {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        v = gis::Date{d.year(), d.month(), d.day()};
        break;
      }
      case gis::FieldType::String:
        v = text.toStdString();
        break;
      }
    }
    out[name] = v;
  }
  return out;
}

QString AttributeForm::problem() const
{
  for (const core::FieldSchema &field : m_spec.fields) {
    const Editor &e = m_editors.at(field.name);
    const QString text = rawText(e);
    const QString label = Names::field(field.name);
    if (text.isEmpty()) {
      if (field.formRequired)
        return tr("%1 is required.").arg(label);
      continue;
    }
    bool ok = true;
    if (field.type == gis::FieldType::Integer)
      text.toLongLong(&ok);
    else if (field.type == gis::FieldType::Real)
      text.toDouble(&ok);
    else if (field.type == gis::FieldType::Date)
      ok = QDate::fromString(text, Qt::ISODate).isValid();
    if (!ok)
      return tr("%1: \"%2\" is not a valid %3.")
          .arg(label, text,
               field.type == gis::FieldType::Date ? tr("date (YYYY-MM-DD)") : tr("number"));
    if (field.name == "code" && m_codeTaken && m_codeTaken(text.toStdString()))
      return tr("Code %1 is already used by another feature of this layer; codes must be "
                "unique.")
          .arg(text);
  }
  return {};
}

void AttributeForm::accept()
{
  const QString why = problem();
  m_problem->setText(why);
  if (why.isEmpty())
    QDialog::accept();
}

} // namespace anzhi::desktop
