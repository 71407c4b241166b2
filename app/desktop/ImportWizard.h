#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/import/ImportSource.h"
#include "core/import/Importer.h"

#include <QString>
#include <QWizard>

#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace anzhi::desktop {

class ImportValuesPage;

//! 文件 → 导入图层: imports a layer into the open project, in five steps — the source and its
//! layer (with the encoding), the role, the field mapping over a preview of the first rows, the
//! land-use codes' classes (plots and buildings) or the codes of the other coded fields' values
//! (ImportValuesPage), a confirmation of what will be written where, and the import itself with
//! its summary. The role is proposed from the layer's name and geometry (core::proposeRole) until
//! the planner chooses one.
//! The preview, the land-use values and the import run on the global thread pool, never on the
//! UI thread; the import is core::importLayer, one transaction. The caller reopens the project
//! when imported() reports success.
//! Ownership: a dialog with the usual Qt parent. Thread: UI only.
class ImportWizard : public QWizard
{
  Q_OBJECT
public:
  enum Page
  {
    SourcePage,
    RolePage,
    FieldsPage,
    LandUsePage,
    ValuesPage,  //!< the codes of coded fields' values (ImportValuesPage)
    ConfirmPage, //!< what will be written where, before anything is
    SummaryPage
  };

  ImportWizard(const QString &project, QWidget *parent = nullptr);

  //! Chooses the source file (as the Browse button does) and starts its preview.
  void setSourcePath(const QString &path);
  //! Chooses the role by its canonical table name (as the planner does: no proposal replaces it).
  void setRole(const QString &role);
  //! The confirmation page's text: source, target layer and file, CRS and the mapped fields.
  QString confirmationText() const;
  //! On the fields page: the canonical field `ours` reads the source field `theirs`; false when
  //! either is not listed.
  bool setFieldMapping(const QString &ours, const QString &theirs);

  const std::optional<core::SourcePreview> &preview() const { return m_preview; }
  const std::optional<core::ImportSummary> &summary() const { return m_summary; }
  //! The request the pages describe (what the import will run).
  core::ImportRequest request() const;

signals:
  //! The preview of the source is shown (or failed: then preview() is empty).
  void previewReady();
  //! The import finished; ok when rows were written.
  void imported(bool ok);

private:
  friend class SourceWizardPage;
  friend class RoleWizardPage;
  friend class FieldsWizardPage;
  friend class LandUseWizardPage;
  friend class ConfirmWizardPage;
  friend class SummaryWizardPage;

  //! Proposes the role for the previewed layer unless the planner has chosen one.
  void proposeRole(const core::SourcePreview &preview);

  void loadPreview();
  void fillFieldMapping();
  void loadLandUseValues();
  void startImport();
  QString summaryText(const core::ImportSummary &s) const;
  static QString warningTitle(const std::string &kind);
  bool hasLandUse() const;
  //! Whether the role has a coded field (other than land use) mapped to a source field.
  bool hasCodedValues() const;
  //! The field mapping the fields page shows.
  std::vector<core::FieldMapping> fieldMappings() const;
  std::optional<gis::TextEncoding> encoding() const;

  QString m_project;
  std::optional<core::SourcePreview> m_preview;
  std::optional<core::ImportSummary> m_summary;
  bool m_importing = false;
  //! A newer choice of source supersedes the reading of the previous one.
  BackgroundTask<core::SourcePreview> m_previewTask{this};
  BackgroundTask<std::vector<std::string>> m_valuesTask{this};
  QString m_previewedPath;

  // Source page
  QLineEdit *m_path;
  QComboBox *m_layer;
  QComboBox *m_encoding;
  QLabel *m_sourceInfo;
  // Role page
  QComboBox *m_role;
  QLabel *m_roleNote;        //!< why the role was proposed
  bool m_roleChosen = false; //!< the planner chose the role: proposals leave it alone
  QLineEdit *m_crs;
  QLabel *m_crsInfo;
  QLineEdit *m_towgs84;       //!< seven datum parameters (Xian 1980, Beijing 1954 → CGCS2000)
  QLineEdit *m_controlPoints; //!< or a CSV of control points
  QCheckBox *m_skipRefused;
  // Fields page
  QTableWidget *m_mapping;
  QTableWidget *m_rows;
  // Land-use page
  QTableWidget *m_landUse;
  QLabel *m_landUseInfo;
  // Values page
  ImportValuesPage *m_valuesPage;
  // Summary page
  QLabel *m_state;
  QPlainTextEdit *m_report;
};

} // namespace anzhi::desktop
