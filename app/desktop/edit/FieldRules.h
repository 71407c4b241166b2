#pragma once

#include "core/Schema.h"

#include <QString>

class QComboBox;
class QWidget;

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace anzhi::desktop {

//! The rules a field's value must meet wherever it is entered (the attribute form, a cell of the
//! attribute table, 批量赋值): the one place they are written. Thread: UI (tr()).

//! Why `text` (trimmed, a coded field's raw code) cannot be the field's value, or empty when it
//! can: a required field left empty, a number or date that does not parse, a value outside a
//! closed list of codes, a code another feature of the layer has (`codeTaken`).
QString fieldProblem(const core::FieldSchema &field, const QString &text,
                     const std::function<bool(const std::string &code)> &codeTaken);
//! The value `text` stands for (null when empty); meaningful once fieldProblem is empty.
gis::FieldValue fieldValue(const core::FieldSchema &field, const QString &text);
//! A value as the editors show it for editing: the raw code, number or date.
QString editText(const gis::FieldValue &value);

//! What an editor of the field offers in a list, as (words, code): the coded values, or for
//! land use the classes and the codes the default mapping knows. Empty: a free field.
std::vector<std::pair<QString, QString>> fieldOptions(const core::FieldSchema &field);
//! The list editor of a field with options (fieldOptions) showing `current` (a raw code), an
//! empty entry first unless the field is required and set; land use may also be typed into (any
//! code the rule set maps is allowed). Null for a free field.
QComboBox *fieldCombo(const core::FieldSchema &field, const QString &current, QWidget *parent);
//! The raw value a field's list stands for: the code of the entry picked, or the text typed.
QString comboCode(const QComboBox &combo);
//! Shows `code` in a field's list (picks its entry, or types it where typing is allowed).
void setComboCode(QComboBox &combo, const QString &code);

} // namespace anzhi::desktop
