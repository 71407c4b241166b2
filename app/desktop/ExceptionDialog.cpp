#include "app/desktop/ExceptionDialog.h"

#include "app/desktop/Names.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace anzhi::desktop {

ExceptionDialog::ExceptionDialog(const core::Violation &v, QWidget *parent)
    : QDialog(parent)
    , m_violation(v)
    , m_reason(new QPlainTextEdit)
    , m_approval(new QLineEdit)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
  setWindowTitle(tr("Accept as exception"));
  auto *message = new QLabel(QString::fromStdString(v.message(Names::messageLanguage())));
  message->setWordWrap(true);
  m_reason->setPlaceholderText(tr("Why this violation is accepted"));
  m_reason->setMinimumHeight(80);
  m_approval->setPlaceholderText(tr("e.g. 晋自然资函〔2021〕12号"));
  auto *form = new QFormLayout(this);
  form->addRow(tr("Rule:"), new QLabel(Names::rule(v.rule)));
  form->addRow(tr("Violation:"), message);
  form->addRow(tr("Reason:"), m_reason);
  form->addRow(tr("Approval document number:"), m_approval);
  form->addRow(m_buttons);
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
  connect(m_reason, &QPlainTextEdit::textChanged, this, [this] {
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_reason->toPlainText().trimmed().isEmpty());
  });
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  resize(520, 300);
}

core::AcceptedException ExceptionDialog::exception() const
{
  core::AcceptedException e;
  e.key = core::exceptionKey(m_violation);
  e.reason = m_reason->toPlainText().trimmed().toStdString();
  e.approvalNo = m_approval->text().trimmed().toStdString();
  QString user = qEnvironmentVariable("USER");
  if (user.isEmpty())
    user = qEnvironmentVariable("USERNAME");
  e.createdBy = user.toStdString();
  e.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
  return e;
}

} // namespace anzhi::desktop
