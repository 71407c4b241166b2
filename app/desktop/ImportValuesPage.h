#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/import/ValueMap.h"

#include <QString>
#include <QWizardPage>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace anzhi::desktop {

class ImportWizard;

//! The import wizard's step after the field mapping, for a role with coded fields (a school's
//! level, a site's setting, …): every distinct value of each mapped source field, with its number
//! of rows and the code it stands for, proposed by the built-in table (小学 → primary) and
//! chosen by the user; values without a code are highlighted (the import refuses them unless
//! they are imported as NULL). The values are read on the thread pool. The choices are the
//! request's value map (docs/import.md, "Coded values").
//! Ownership: a page of its wizard. Thread: UI only.
class ImportValuesPage : public QWizardPage
{
  Q_OBJECT
public:
  explicit ImportValuesPage(ImportWizard *wizard);

  void initializePage() override;
  bool isComplete() const override;
  int nextId() const override;

  //! The user's value map for `role` (empty when the page was filled for another role).
  core::ValueMaps values(const std::string &role) const;
  bool unmappedAsNull() const;

  //! The code chosen for a source value of a canonical field: the code, "" for NULL, or a null
  //! QString when none is chosen (the value is unmapped). For tests and automation.
  QString code(const QString &field, const QString &value) const;
  //! Chooses the code of a source value (a null QString: none; "": NULL); false when the page
  //! lists no such value or the field does not allow the code.
  bool setCode(const QString &field, const QString &value, const QString &code);
  //! Whether the row of that value is highlighted as having no code.
  bool isHighlighted(const QString &field, const QString &value) const;
  //! The number of rows of the source with that value, or -1 when the page does not list it.
  std::int64_t rows(const QString &field, const QString &value) const;

signals:
  //! The values are listed (or reading them failed: the page then says why).
  void valuesReady();

private:
  struct Listed
  {
    const core::FieldSchema *field;
    std::string sourceField;
  };
  void fill(const std::vector<std::map<std::string, std::int64_t>> &counts);
  int rowOf(const QString &field, const QString &value) const;
  QComboBox *comboAt(int row) const;
  void highlight(int row);

  ImportWizard *m_wizard;
  QLabel *m_info;
  QTableWidget *m_table;
  QCheckBox *m_nullUnmapped;
  std::string m_role; //!< what the table was filled for
  std::vector<Listed> m_listed;
  bool m_loading = false;
  BackgroundTask<std::vector<std::map<std::string, std::int64_t>>> m_task{this};
};

} // namespace anzhi::desktop
