#pragma once

#include "core/edit/FeatureSchema.h"

#include <QDialog>

#include <functional>
#include <map>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace anzhi::desktop {

//! The fields of a feature being created or edited, as the layer's schema defines them:
//! labels in the UI language, coded fields (level, status, setting…) as lists of their values
//! in words, land use as an editable list of classes and codes. OK is refused while a
//! required field is empty, a number or date does not parse, or the code is used by another
//! feature of the layer (`codeTaken`). Ownership: a dialog with a parent, opened non-modally
//! with open(); read values() after accepted(). Thread: UI.
class AttributeForm : public QDialog
{
  Q_OBJECT

public:
  AttributeForm(const core::LayerSpec &spec, const core::Attributes &initial,
                std::function<bool(const std::string &code)> codeTaken, QWidget *parent = nullptr);
  core::Attributes values() const;
  //! Sets a field's text (tests and scripted use): for coded fields the raw value.
  void setText(const std::string &field, const QString &text);
  //! Why OK is refused, empty when the form is acceptable.
  QString problem() const;
  void accept() override;

private:
  struct Editor
  {
    core::FieldSchema spec;
    QLineEdit *line = nullptr;
    QComboBox *combo = nullptr;
  };
  QString rawText(const Editor &e) const;
  core::LayerSpec m_spec;
  core::Attributes m_initial;
  std::function<bool(const std::string &)> m_codeTaken;
  std::map<std::string, Editor> m_editors;
  QLabel *m_problem;
};

} // namespace anzhi::desktop
