#pragma once

#include "core/AcceptedExceptions.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QDialogButtonBox;

namespace anzhi::desktop {

//! Asks for the reason and approval document number (批准文号) of an accepted exception (例外).
//! Ownership: a modal dialog owned by its parent. Thread: UI only.
class ExceptionDialog : public QDialog
{
  Q_OBJECT
public:
  ExceptionDialog(const core::Violation &v, QWidget *parent = nullptr);
  //! The exception for the violation, stamped with the user and the current UTC time.
  core::AcceptedException exception() const;

private:
  core::Violation m_violation;
  QPlainTextEdit *m_reason;
  QLineEdit *m_approval;
  QDialogButtonBox *m_buttons;
};

} // namespace anzhi::desktop
