#include "app/desktop/edit/AttributeForm.h"

#include "app/desktop/Names.h"
#include "app/desktop/edit/FieldRules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace anzhi::desktop {

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
    const QString current = it == initial.end() ? QString() : editText(it->second);
    QWidget *widget = nullptr;
    e.combo = fieldCombo(field, current, this);
    if (e.combo) {
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
  return comboCode(*e.combo);
}

void AttributeForm::setText(const std::string &field, const QString &text)
{
  Editor &e = m_editors.at(field);
  if (e.line) {
    e.line->setText(text);
    return;
  }
  setComboCode(*e.combo, text);
}

core::Attributes AttributeForm::values() const
{
  // Fields of the stored feature outside the schema pass through unchanged.
  core::Attributes out = m_initial;
  for (const auto &[name, e] : m_editors) {
    out[name] = fieldValue(e.spec, rawText(e));
  }
  return out;
}

QString AttributeForm::problem() const
{
  for (const core::FieldSchema &field : m_spec.fields)
    if (QString why = fieldProblem(field, rawText(m_editors.at(field.name)), m_codeTaken);
        !why.isEmpty())
      return why;
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
