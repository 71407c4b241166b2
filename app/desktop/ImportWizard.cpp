#include "app/desktop/ImportWizard.h"

#include "app/desktop/ImportValuesPage.h"
#include "app/desktop/Names.h"
#include "core/LandUse.h"
#include "core/Schema.h"
#include "core/import/ImportError.h"
#include "core/import/RoleProposal.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace anzhi::desktop {

namespace {

const char *kNoField = "—";

QString qs(const std::string &s)
{
  return QString::fromStdString(s);
}

QString landUseClassName(core::LandUseClass c)
{
  using C = core::LandUseClass;
  switch (c) {
  case C::Education:
    return ImportWizard::tr("Education land");
  case C::Medical:
    return ImportWizard::tr("Medical land");
  case C::ElderlyCare:
    return ImportWizard::tr("Elderly-care land");
  case C::Industrial:
    return ImportWizard::tr("Industrial land");
  case C::Residential:
    return ImportWizard::tr("Residential");
  case C::Commercial:
    return ImportWizard::tr("Commercial");
  case C::Road:
    return ImportWizard::tr("Road");
  case C::Green:
    return ImportWizard::tr("Green");
  case C::Other:
    return ImportWizard::tr("Other");
  }
  return {};
}

QTableWidget *makeTable(const QStringList &headers)
{
  auto *table = new QTableWidget(0, int(headers.size()));
  table->setHorizontalHeaderLabels(headers);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setStretchLastSection(true);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  return table;
}

} // namespace

//! Step 1: the file, its layer and the text encoding, with what the preview found.
class SourceWizardPage : public QWizardPage
{
public:
  explicit SourceWizardPage(ImportWizard *wizard)
      : m_wizard(wizard)
  {
    setTitle(ImportWizard::tr("Source"));
    setSubTitle(ImportWizard::tr("Shapefile, DXF, GeoJSON, KML, CSV, FlatGeobuf, GeoPackage, "
                                 "Personal Geodatabase (.mdb) or boundary-point file (.txt)."));
    auto *browse = new QPushButton(ImportWizard::tr("Browse…"));
    auto *row = new QHBoxLayout;
    row->addWidget(wizard->m_path);
    row->addWidget(browse);
    auto *form = new QFormLayout(this);
    form->addRow(ImportWizard::tr("File:"), row);
    form->addRow(ImportWizard::tr("Layer:"), wizard->m_layer);
    form->addRow(ImportWizard::tr("Text encoding:"), wizard->m_encoding);
    form->addRow(wizard->m_sourceInfo);
    QObject::connect(browse, &QPushButton::clicked, this, [this] {
      QSettings settings;
      const QString path = QFileDialog::getOpenFileName(
          this, ImportWizard::tr("Import layer"), settings.value("importDirectory").toString(),
          ImportWizard::tr("GIS data (*.shp *.dxf *.geojson *.json *.kml *.csv *.fgb *.gpkg "
                           "*.mdb *.txt);;Boundary-point file (*.txt);;All files (*)"));
      if (path.isEmpty())
        return;
      settings.setValue("importDirectory", QFileInfo(path).absolutePath());
      m_wizard->setSourcePath(path);
    });
  }
  bool isComplete() const override { return m_wizard->m_preview.has_value(); }
  void changed() { emit completeChanged(); }

private:
  ImportWizard *m_wizard;
};

//! Step 2: what the layer is in the project, and its CRS when the source has none or a wrong
//! one.
class RoleWizardPage : public QWizardPage
{
public:
  explicit RoleWizardPage(ImportWizard *wizard)
      : m_wizard(wizard)
  {
    setTitle(ImportWizard::tr("Role"));
    setSubTitle(ImportWizard::tr("The rows are appended to this layer of the project, in the "
                                 "layer's coordinate system when it exists."));
    auto *form = new QFormLayout(this);
    form->addRow(ImportWizard::tr("Import as:"), wizard->m_role);
    form->addRow(wizard->m_roleNote);
    form->addRow(ImportWizard::tr("Coordinate system of the source:"), wizard->m_crs);
    form->addRow(wizard->m_crsInfo);
    auto *datum = new QLabel(ImportWizard::tr(
        "Xian 1980 or Beijing 1954 data needs the parameters of your surveying office to reach "
        "CGCS2000: seven parameters, or a CSV of control points (name, source x, source y, "
        "target x, target y). A project remembers them for the next import."));
    datum->setWordWrap(true);
    form->addRow(datum);
    form->addRow(ImportWizard::tr("Seven parameters:"), wizard->m_towgs84);
    auto *browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    auto *points = new QHBoxLayout;
    points->addWidget(wizard->m_controlPoints);
    points->addWidget(browse);
    form->addRow(ImportWizard::tr("Control points:"), points);
    QObject::connect(browse, &QToolButton::clicked, this, [wizard] {
      const QString file =
          QFileDialog::getOpenFileName(wizard, ImportWizard::tr("Control points"), QString(),
                                       ImportWizard::tr("CSV (*.csv *.txt);;All files (*)"));
      if (!file.isEmpty())
        wizard->m_controlPoints->setText(file);
    });
    form->addRow(wizard->m_skipRefused);
  }
  void initializePage() override
  {
    const std::string crs = m_wizard->m_preview ? m_wizard->m_preview->crs : "";
    m_wizard->m_crs->setPlaceholderText(crs.empty() ? ImportWizard::tr("e.g. EPSG:4546") : qs(crs));
    if (m_wizard->m_preview && !m_wizard->m_preview->crsProblem.empty()) {
      // A boundary-point file whose header names an old datum, or no zone.
      m_wizard->m_crsInfo->setText(
          ImportWizard::tr("%1\n\nEnter the coordinate system of its coordinates to import it.")
              .arg(qs(m_wizard->m_preview->crsProblem)));
      return;
    }
    m_wizard->m_crsInfo->setText(
        crs.empty() ? ImportWizard::tr("The layer has no coordinate system: enter the one its "
                                       "coordinates are in (EPSG:4525 for eastings with the "
                                       "zone prefix 37, EPSG:4546 without).")
                    : ImportWizard::tr("The layer says %1. Enter another only if that is wrong.")
                          .arg(qs(crs)));
  }
  bool validatePage() override
  {
    const QString text = m_wizard->m_crs->text().trimmed();
    const QString towgs84 = m_wizard->m_towgs84->text().trimmed();
    if (!towgs84.isEmpty() && !m_wizard->m_controlPoints->text().trimmed().isEmpty()) {
      m_wizard->m_crsInfo->setText(
          ImportWizard::tr("Give seven parameters or control points, not both."));
      return false;
    }
    try {
      if (!text.isEmpty())
        gis::Crs::fromUserInput(text.toStdString());
      if (!towgs84.isEmpty())
        core::parseBursaWolf(towgs84.toStdString());
      return true;
    } catch (const std::exception &e) {
      m_wizard->m_crsInfo->setText(qs(e.what()));
      return false;
    }
  }

private:
  ImportWizard *m_wizard;
};

//! Step 3: which source field feeds which field of the role, over the first rows.
class FieldsWizardPage : public QWizardPage
{
public:
  explicit FieldsWizardPage(ImportWizard *wizard)
      : m_wizard(wizard)
  {
    setTitle(ImportWizard::tr("Fields"));
    setSubTitle(ImportWizard::tr("Choose the source field of each field; fields marked * are "
                                 "required. The first rows of the source are shown below."));
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(wizard->m_mapping, 3);
    layout->addWidget(m_problem);
    layout->addWidget(wizard->m_rows, 2);
  }
  void initializePage() override
  {
    m_problem->clear();
    m_wizard->fillFieldMapping();
  }
  bool validatePage() override
  {
    try {
      const core::ImportRequest r = m_wizard->request();
      core::resolveFieldMapping(*core::findLayerSchema(r.role), m_wizard->m_preview->fields,
                                r.fields);
      return true;
    } catch (const std::exception &e) {
      m_problem->setText(qs(e.what()));
      return false;
    }
  }
  int nextId() const override
  {
    return m_wizard->hasLandUse()       ? ImportWizard::LandUsePage
           : m_wizard->hasCodedValues() ? ImportWizard::ValuesPage
                                        : ImportWizard::ConfirmPage;
  }

private:
  ImportWizard *m_wizard;
  QLabel *m_problem;
};

//! Step 4 (planned plots and buildings): the classes of the source's land-use values.
class LandUseWizardPage : public QWizardPage
{
public:
  explicit LandUseWizardPage(ImportWizard *wizard)
      : m_wizard(wizard)
  {
    setTitle(ImportWizard::tr("Land-use classes"));
    setSubTitle(ImportWizard::tr("Values left as the rule set reads them keep their code; a "
                                 "chosen class is written as the class name."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(wizard->m_landUseInfo);
    layout->addWidget(wizard->m_landUse);
  }
  void initializePage() override { m_wizard->loadLandUseValues(); }
  int nextId() const override { return ImportWizard::ConfirmPage; }

private:
  ImportWizard *m_wizard;
};

//! Step 5: what will be written where; nothing is written before the planner presses Import.
class ConfirmWizardPage : public QWizardPage
{
public:
  explicit ConfirmWizardPage(ImportWizard *wizard)
      : m_wizard(wizard)
      , m_text(new QLabel)
  {
    setTitle(ImportWizard::tr("Confirm"));
    setSubTitle(ImportWizard::tr("Nothing has been written yet. Press Import to append the rows "
                                 "in one transaction, or Back to change a step."));
    setButtonText(QWizard::NextButton, ImportWizard::tr("&Import"));
    m_text->setObjectName(QStringLiteral("confirmation"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addStretch();
  }
  void initializePage() override { m_text->setText(m_wizard->confirmationText()); }
  int nextId() const override { return ImportWizard::SummaryPage; }

private:
  ImportWizard *m_wizard;
  QLabel *m_text;
};

//! Step 6: the import, off the UI thread, and its summary.
class SummaryWizardPage : public QWizardPage
{
public:
  explicit SummaryWizardPage(ImportWizard *wizard)
      : m_wizard(wizard)
  {
    setTitle(ImportWizard::tr("Import"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(wizard->m_state);
    layout->addWidget(wizard->m_report);
  }
  void initializePage() override { m_wizard->startImport(); }
  bool isComplete() const override
  {
    return !m_wizard->m_importing && m_wizard->m_summary && !m_wizard->m_summary->refusal;
  }
  void changed() { emit completeChanged(); }

private:
  ImportWizard *m_wizard;
};

ImportWizard::ImportWizard(const QString &project, QWidget *parent)
    : QWizard(parent)
    , m_project(project)
    , m_path(new QLineEdit)
    , m_layer(new QComboBox)
    , m_encoding(new QComboBox)
    , m_sourceInfo(new QLabel)
    , m_role(new QComboBox)
    , m_roleNote(new QLabel)
    , m_crs(new QLineEdit)
    , m_crsInfo(new QLabel)
    , m_towgs84(new QLineEdit)
    , m_controlPoints(new QLineEdit)
    , m_skipRefused(new QCheckBox(tr("Import the other rows when some are refused")))
    , m_mapping(makeTable({tr("Field"), tr("Source field")}))
    , m_rows(makeTable({}))
    , m_landUse(makeTable({tr("Value"), tr("Class")}))
    , m_landUseInfo(new QLabel)
    , m_valuesPage(new ImportValuesPage(this))
    , m_state(new QLabel)
    , m_report(new QPlainTextEdit)
{
  setWindowTitle(tr("Import layer into %1").arg(QFileInfo(project).fileName()));
  m_sourceInfo->setWordWrap(true);
  m_crsInfo->setWordWrap(true);
  m_state->setWordWrap(true);
  m_report->setReadOnly(true);
  m_encoding->addItem(tr("Detect"));
  m_encoding->addItem(QStringLiteral("GBK"), QStringLiteral("GBK"));
  m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
  for (const core::LayerSchema &layer : core::canonicalSchema())
    m_role->addItem(Names::layer(layer.name) + " (" + qs(layer.name) + ")", qs(layer.name));
  m_crs->setClearButtonEnabled(true);
  m_crs->setObjectName(QStringLiteral("sourceCrs"));
  m_towgs84->setObjectName(QStringLiteral("towgs84"));
  m_controlPoints->setObjectName(QStringLiteral("controlPoints"));
  m_towgs84->setPlaceholderText(tr("dx,dy,dz (m), rx,ry,rz (″), ds (ppm)"));
  m_towgs84->setClearButtonEnabled(true);
  m_controlPoints->setClearButtonEnabled(true);

  setPage(SourcePage, new SourceWizardPage(this));
  setPage(RolePage, new RoleWizardPage(this));
  setPage(FieldsPage, new FieldsWizardPage(this));
  setPage(LandUsePage, new LandUseWizardPage(this));
  setPage(ValuesPage, m_valuesPage);
  setPage(ConfirmPage, new ConfirmWizardPage(this));
  setPage(SummaryPage, new SummaryWizardPage(this));
  m_roleNote->setWordWrap(true);
  m_roleNote->setObjectName(QStringLiteral("roleNote"));
  connect(m_role, &QComboBox::activated, this, [this] {
    m_roleChosen = true;
    m_roleNote->clear();
  });
  resize(820, 620);

  // editingFinished also comes when the field merely loses focus (leaving the page).
  connect(m_path, &QLineEdit::editingFinished, this, [this] {
    if (m_path->text() == m_previewedPath)
      return;
    m_layer->clear();
    loadPreview();
  });
  connect(m_layer, &QComboBox::activated, this, [this] { loadPreview(); });
  connect(m_encoding, &QComboBox::activated, this, [this] { loadPreview(); });
}

void ImportWizard::setSourcePath(const QString &path)
{
  m_path->setText(path);
  m_layer->clear();
  loadPreview();
}

void ImportWizard::setRole(const QString &role)
{
  const int index = m_role->findData(role);
  if (index >= 0) {
    m_role->setCurrentIndex(index);
    m_roleChosen = true;
    m_roleNote->clear();
  }
}

void ImportWizard::proposeRole(const core::SourcePreview &preview)
{
  if (m_roleChosen)
    return;
  // A boundary-point file holds plots.
  const auto proposal =
      preview.format == core::SourceFormat::BoundaryPoints
          ? std::optional(core::RoleProposal{"planned_plots", {}})
          : core::proposeRole(preview.layer, QFileInfo(m_path->text()).fileName().toStdString(),
                              preview.geometry);
  if (!proposal) {
    m_roleNote->setText(tr("Choose what the layer is: its name and geometry do not say."));
    return;
  }
  const int index = m_role->findData(qs(proposal->role));
  m_role->setCurrentIndex(index);
  m_roleNote->setText(
      proposal->word.empty()
          ? tr("Proposed: %1, for a polygon layer whose name says nothing else. Change it if "
               "that is wrong.")
                .arg(Names::layer(proposal->role))
          : tr("Proposed: %1, from \"%2\" in its name. Change it if that is wrong.")
                .arg(Names::layer(proposal->role), qs(proposal->word)));
}

QString ImportWizard::confirmationText() const
{
  const core::ImportRequest r = request();
  QStringList lines;
  lines << tr("Source: %1").arg(qs(r.source));
  if (r.layer)
    lines << tr("Layer of the source: %1").arg(qs(*r.layer));
  if (m_preview)
    lines << tr("Features: %1").arg(QLocale().toString(qlonglong(m_preview->features)));
  lines << tr("Into: %1 of %2").arg(Names::layer(r.role), QFileInfo(qs(r.project)).fileName());
  lines << tr("Coordinates in: %1")
               .arg(r.assignCrs                            ? qs(r.assignCrs->authId())
                    : m_preview && !m_preview->crs.empty() ? qs(m_preview->crs)
                                                           : tr("none given"));
  QStringList fields;
  for (const core::FieldMapping &f : r.fields)
    fields << tr("%1 ← %2").arg(Names::field(f.ours), qs(f.theirs));
  lines << tr("Fields: %1").arg(fields.isEmpty() ? tr("none mapped") : fields.join(tr(", ")));
  if (r.skipRefused)
    lines << tr("Rows that are refused are left out; the others are imported.");
  return lines.join('\n');
}

bool ImportWizard::setFieldMapping(const QString &ours, const QString &theirs)
{
  for (int row = 0; row < m_mapping->rowCount(); ++row) {
    auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(row, 1));
    if (combo && m_mapping->item(row, 0)->data(Qt::UserRole).toString() == ours) {
      const int index = combo->findText(theirs);
      if (index > 0)
        combo->setCurrentIndex(index);
      return index > 0;
    }
  }
  return false;
}

std::optional<gis::TextEncoding> ImportWizard::encoding() const
{
  const QString name = m_encoding->currentData().toString();
  return name.isEmpty() ? std::nullopt : gis::encodingFromName(name.toStdString());
}

bool ImportWizard::hasLandUse() const
{
  const QString role = m_role->currentData().toString();
  return role == "planned_plots" || role == "buildings";
}

std::vector<core::FieldMapping> ImportWizard::fieldMappings() const
{
  std::vector<core::FieldMapping> fields;
  for (int row = 0; row < m_mapping->rowCount(); ++row) {
    auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(row, 1));
    if (combo && combo->currentIndex() > 0)
      fields.push_back({m_mapping->item(row, 0)->data(Qt::UserRole).toString().toStdString(),
                        combo->currentText().toStdString()});
  }
  return fields;
}

bool ImportWizard::hasCodedValues() const
{
  const core::LayerSchema *schema =
      core::findLayerSchema(m_role->currentData().toString().toStdString());
  if (!schema || !m_preview)
    return false;
  try {
    const std::vector<int> sources =
        core::resolveFieldMapping(*schema, m_preview->fields, fieldMappings());
    for (std::size_t i = 0; i < schema->fields.size(); ++i)
      if (sources[i] >= 0 && (schema->fields[i].coding == core::Coding::Closed ||
                              schema->fields[i].coding == core::Coding::Open))
        return true;
  } catch (const std::exception &) {
    // an unresolved mapping: the fields page says why
  }
  return false;
}

core::ImportRequest ImportWizard::request() const
{
  core::ImportRequest r;
  r.source = m_path->text().toStdString();
  if (m_preview)
    r.layer = m_preview->layer;
  r.project = m_project.toStdString();
  r.role = m_role->currentData().toString().toStdString();
  r.encoding = encoding();
  r.fields = fieldMappings();
  if (hasLandUse())
    for (int row = 0; row < m_landUse->rowCount(); ++row) {
      auto *combo = qobject_cast<QComboBox *>(m_landUse->cellWidget(row, 1));
      if (combo && combo->currentIndex() > 0)
        r.landUse.emplace(m_landUse->item(row, 0)->text().toStdString(),
                          static_cast<core::LandUseClass>(combo->currentData().toInt()));
    }
  const QString crs = m_crs->text().trimmed();
  if (!crs.isEmpty())
    r.assignCrs = gis::Crs::fromUserInput(crs.toStdString());
  if (const QString towgs84 = m_towgs84->text().trimmed(); !towgs84.isEmpty())
    r.towgs84 = core::parseBursaWolf(towgs84.toStdString());
  if (const QString points = m_controlPoints->text().trimmed(); !points.isEmpty())
    r.controlPoints = points.toStdString();
  r.skipRefused = m_skipRefused->isChecked();
  if (hasCodedValues()) {
    r.values = m_valuesPage->values(r.role);
    r.unmappedAsNull = m_valuesPage->unmappedAsNull();
  }
  return r;
}

void ImportWizard::loadPreview()
{
  m_previewedPath = m_path->text();
  const std::string path = m_path->text().trimmed().toStdString();
  m_preview.reset();
  static_cast<SourceWizardPage *>(page(SourcePage))->changed();
  if (path.empty())
    return;
  core::SourceOptions options;
  if (m_layer->currentIndex() >= 0)
    options.layer = m_layer->currentText().toStdString();
  options.encoding = encoding();
  m_sourceInfo->setText(tr("Reading %1…").arg(qs(path)));
  m_previewTask.start(
      [path, options] { return core::previewSource(path, options); },
      [this](core::SourcePreview preview) {
        m_preview = preview;
        m_layer->blockSignals(true);
        m_layer->clear();
        for (const std::string &name : preview.layers)
          m_layer->addItem(qs(name));
        m_layer->setCurrentText(qs(preview.layer));
        m_layer->blockSignals(false);
        m_sourceInfo->setText(
            tr("%n feature(s); coordinate system: %1; text: %2", nullptr, int(preview.features))
                .arg(preview.crs.empty() ? tr("none") : qs(preview.crs), qs(preview.encoding)));
        proposeRole(preview);
        static_cast<SourceWizardPage *>(page(SourcePage))->changed();
        emit previewReady();
      },
      [this](const QString &error) {
        m_preview.reset();
        m_sourceInfo->setText(error);
        static_cast<SourceWizardPage *>(page(SourcePage))->changed();
        emit previewReady();
      });
}

void ImportWizard::fillFieldMapping()
{
  const core::LayerSchema *schema =
      core::findLayerSchema(m_role->currentData().toString().toStdString());
  if (!schema || !m_preview)
    return;
  QStringList sourceFields;
  for (const std::string &f : m_preview->fields)
    sourceFields << qs(f);
  m_mapping->setRowCount(int(schema->fields.size()));
  for (int row = 0; row < int(schema->fields.size()); ++row) {
    const core::FieldSchema &field = schema->fields[std::size_t(row)];
    auto *item = new QTableWidgetItem(Names::field(field.name) + " (" + qs(field.name) + ")" +
                                      (field.mustExist ? " *" : ""));
    item->setData(Qt::UserRole, qs(field.name));
    m_mapping->setItem(row, 0, item);
    auto *combo = new QComboBox;
    combo->addItem(QString::fromUtf8(kNoField));
    combo->addItems(sourceFields);
    // The same name, ASCII case ignored, as the command line matches it; else what the format
    // implies (a boundary-point file's 地块编号 for code, …).
    for (int i = 0; i < sourceFields.size(); ++i)
      if (sourceFields[i].trimmed().compare(qs(field.name), Qt::CaseInsensitive) == 0) {
        combo->setCurrentIndex(i + 1);
        break;
      }
    for (const core::FieldMapping &m : m_preview->suggestedFields)
      if (combo->currentIndex() == 0 && m.ours == field.name)
        combo->setCurrentIndex(std::max(0, int(sourceFields.indexOf(qs(m.theirs))) + 1));
    m_mapping->setCellWidget(row, 1, combo);
  }
  m_mapping->resizeColumnToContents(0);

  m_rows->clear();
  m_rows->setColumnCount(int(sourceFields.size()));
  m_rows->setHorizontalHeaderLabels(sourceFields);
  m_rows->setRowCount(int(m_preview->rows.size()));
  for (int r = 0; r < int(m_preview->rows.size()); ++r)
    for (int c = 0; c < int(m_preview->rows[std::size_t(r)].size()); ++c)
      m_rows->setItem(r, c,
                      new QTableWidgetItem(qs(m_preview->rows[std::size_t(r)][std::size_t(c)])));
}

void ImportWizard::loadLandUseValues()
{
  m_landUse->setRowCount(0);
  const core::ImportRequest r = request();
  const std::string target = r.role == "buildings" ? "use" : "land_use";
  std::string field = target;
  for (const core::FieldMapping &m : r.fields)
    if (m.ours == target)
      field = m.theirs;
  m_landUseInfo->setText(tr("Reading the values of %1…").arg(qs(field)));
  const core::SourceOptions options{r.layer, r.encoding};
  const std::string path = r.source;
  m_valuesTask.start(
      [path, options, field] { return core::distinctValues(path, options, field); },
      [this, field](std::vector<std::string> values) {
        m_landUseInfo->setText(tr("Values of the source field %1:").arg(qs(field)));
        const core::LandUseMapping rules(core::LandUseMapping::defaultPatterns());
        m_landUse->setRowCount(int(values.size()));
        for (int row = 0; row < int(values.size()); ++row) {
          const std::string &value = values[std::size_t(row)];
          m_landUse->setItem(row, 0, new QTableWidgetItem(qs(value)));
          auto *combo = new QComboBox;
          combo->addItem(
              tr("As the rule set reads it: %1").arg(landUseClassName(rules.classify(value))));
          for (int c = 0; c <= int(core::LandUseClass::Other); ++c)
            combo->addItem(landUseClassName(core::LandUseClass(c)), c);
          // A class's name in words (教育用地, 工业用地) is that class (core/LandUse.h).
          if (auto cls = core::landUseClassFromWord(core::codeKey(value)))
            combo->setCurrentIndex(combo->findData(int(*cls)));
          m_landUse->setCellWidget(row, 1, combo);
        }
        m_landUse->resizeColumnToContents(0);
      },
      [this](const QString &error) { m_landUseInfo->setText(error); });
}

void ImportWizard::startImport()
{
  setOption(QWizard::DisabledBackButtonOnLastPage, false);
  m_summary.reset();
  m_report->clear();
  core::ImportRequest r;
  try {
    r = request();
  } catch (const std::exception &e) {
    m_state->setText(qs(e.what()));
    return;
  }
  m_importing = true;
  m_state->setText(tr("Importing %1 into %2…").arg(qs(r.source), Names::layer(r.role)));
  auto *summaryPage = static_cast<SummaryWizardPage *>(page(SummaryPage));
  summaryPage->changed();
  BackgroundTask<core::ImportSummary>::run(
      this, [r] { return core::importLayer(r); },
      [this, summaryPage](core::ImportSummary summary) {
        m_summary = std::move(summary);
        m_importing = false;
        const bool ok = !m_summary->refusal;
        m_state->setText(
            ok ? tr("Imported %n row(s); the project is reopened.", nullptr,
                    int(m_summary->imported))
               : tr("Refused; the project is unchanged: %1").arg(qs(*m_summary->refusal)));
        m_report->setPlainText(summaryText(*m_summary));
        // Imported rows cannot be imported again by going back.
        setOption(QWizard::DisabledBackButtonOnLastPage, ok);
        summaryPage->changed();
        emit imported(ok);
      },
      [this, summaryPage](const QString &error) {
        m_importing = false;
        m_state->setText(tr("The import failed; the project is unchanged: %1").arg(error));
        summaryPage->changed();
        emit imported(false);
      });
}

QString ImportWizard::warningTitle(const std::string &kind)
{
  if (kind == "outside-china")
    return tr("Outside China");
  if (kind == "swapped-axes")
    return tr("Axes swapped");
  if (kind == "zone-prefix")
    return tr("Zone prefix");
  if (kind == "duplicate-code")
    return tr("Duplicate code");
  if (kind == "empty-code")
    return tr("Empty code");
  if (kind == "unknown-reference")
    return tr("Unknown reference");
  if (kind == "mojibake")
    return tr("Garbled text");
  if (kind == "land-use-other")
    return tr("Unclassified land use");
  if (kind == "unmapped-null")
    return tr("Values without a code, imported as empty");
  if (kind == "school-code")
    return tr("Level from the school code");
  if (kind == "closed-lines")
    return tr("Closed lines as polygons");
  if (kind == "empty-geometry")
    return tr("No geometry");
  return tr("Note");
}

QString ImportWizard::summaryText(const core::ImportSummary &s) const
{
  QStringList lines;
  lines << tr("Source: %1 (%2)").arg(qs(s.source), qs(s.layer))
        << tr("Text encoding: %1").arg(qs(s.encoding));
  if (!s.sourceCrs.empty())
    lines << tr("Coordinate system: %1 → %2").arg(qs(s.sourceCrs), qs(s.targetCrs));
  if (s.datumShift)
    lines << tr("Datum shift: %1").arg(qs(*s.datumShift));
  for (const auto &[name, residual] : s.controlResiduals)
    lines << "  " + tr("Control point %1: residual %2 m").arg(qs(name)).arg(residual, 0, 'f', 3);
  lines << tr("Rows read: %1").arg(s.read) << tr("Imported: %1").arg(s.imported)
        << tr("Repaired: %1").arg(s.repaired) << tr("Refused: %1").arg(s.refused.size());
  for (const core::RefusedRow &r : s.refused)
    lines << "  " +
                 (r.field.empty()
                      ? tr("Feature %1: %2").arg(r.fid).arg(qs(r.reason))
                      : tr("Feature %1, field %2: %3").arg(r.fid).arg(qs(r.field), qs(r.reason)));
  for (const core::CodedValueCount &c : s.mappedValues)
    lines << tr("Value %1 of %2 → %3 (%n row(s))", nullptr, int(c.rows))
                 .arg(qs(c.value), qs(c.field), c.code ? qs(*c.code) : tr("empty"));
  for (const core::CodedValueCount &c : s.nullValues)
    lines << tr("Value %1 of %2 without a code → empty (%n row(s))", nullptr, int(c.rows))
                 .arg(qs(c.value), qs(c.field));
  for (const core::ImportWarning &w : s.warnings)
    lines << tr("[%1] %2").arg(warningTitle(w.kind), qs(w.message));
  if (s.refusal)
    lines << tr("Refused: %1").arg(qs(*s.refusal));
  return lines.join('\n');
}

} // namespace anzhi::desktop
