#include "app/desktop/Basemaps.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>

namespace anzhi::desktop {

std::vector<BasemapEntry> loadBasemaps(QSettings &settings)
{
  std::vector<BasemapEntry> out;
  const int count = settings.beginReadArray("basemaps");
  for (int i = 0; i < count; ++i) {
    settings.setArrayIndex(i);
    BasemapEntry entry;
    entry.spec.name = settings.value("name").toString().toStdString();
    entry.spec.kind = settings.value("kind").toString() == "tiles"
                          ? render::BasemapSpec::Kind::Tiles
                          : render::BasemapSpec::Kind::File;
    entry.spec.source = settings.value("source").toString().toStdString();
    entry.spec.key = settings.value("key").toString().toStdString();
    entry.spec.subdomains =
        render::splitSubdomains(settings.value("subdomains").toString().toStdString());
    entry.visible = settings.value("visible", true).toBool();
    entry.opacity = std::clamp(settings.value("opacity", 1.0).toDouble(), 0.0, 1.0);
    if (!entry.spec.source.empty())
      out.push_back(std::move(entry));
  }
  settings.endArray();
  return out;
}

void saveBasemaps(QSettings &settings, const std::vector<BasemapEntry> &basemaps)
{
  settings.remove("basemaps");
  settings.beginWriteArray("basemaps", int(basemaps.size()));
  for (int i = 0; i < int(basemaps.size()); ++i) {
    const BasemapEntry &entry = basemaps[std::size_t(i)];
    settings.setArrayIndex(i);
    settings.setValue("name", QString::fromStdString(entry.spec.name));
    settings.setValue("kind",
                      entry.spec.kind == render::BasemapSpec::Kind::Tiles ? "tiles" : "file");
    settings.setValue("source", QString::fromStdString(entry.spec.source));
    settings.setValue("key", QString::fromStdString(entry.spec.key));
    QStringList subdomains;
    for (const std::string &s : entry.spec.subdomains)
      subdomains << QString::fromStdString(s);
    settings.setValue("subdomains", subdomains.join(','));
    settings.setValue("visible", entry.visible);
    settings.setValue("opacity", entry.opacity);
  }
  settings.endArray();
}

std::vector<render::BasemapLayer> basemapLayers(const std::vector<BasemapEntry> &basemaps,
                                                const gis::Crs &workingCrs)
{
  render::TileOptions tiles;
  tiles.cacheRoot = render::defaultTileCacheRoot();
  std::vector<render::BasemapLayer> out;
  for (const BasemapEntry &entry : basemaps)
    out.push_back({std::make_shared<const render::BasemapSource>(entry.spec, workingCrs, tiles),
                   entry.visible, entry.opacity});
  return out;
}

TileServiceDialog::TileServiceDialog(QWidget *parent)
    : QDialog(parent)
    , m_preset(new QComboBox)
    , m_name(new QLineEdit)
    , m_template(new QLineEdit)
    , m_key(new QLineEdit)
{
  setWindowTitle(tr("Add a tile service"));
  m_preset->addItem(tr("Tianditu imagery"));
  m_preset->addItem(tr("Tianditu vector map"));
  m_preset->addItem(tr("Other (URL template)"));
  m_template->setMinimumWidth(520);
  m_template->setToolTip(tr("Web Mercator 256-pixel tiles: {z} {x} {y}, {-y} for TMS rows, "
                            "{s} for the subdomains 0–7, {key} for the key"));
  auto *form = new QFormLayout(this);
  form->addRow(tr("Preset"), m_preset);
  form->addRow(tr("Name"), m_name);
  form->addRow(tr("URL template"), m_template);
  form->addRow(tr("Key"), m_key);
  auto *note = new QLabel(tr("The key is kept in your settings on this computer, not in the "
                             "project. Tiles are cached; without a connection the cached ones "
                             "are shown."));
  note->setWordWrap(true);
  form->addRow(note);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_preset, &QComboBox::activated, this, &TileServiceDialog::choosePreset);
  choosePreset(0);
}

void TileServiceDialog::choosePreset(int index)
{
  m_preset->setCurrentIndex(index);
  if (index > 1) {
    m_name->clear();
    m_template->clear();
    return;
  }
  const render::BasemapSpec preset = render::tiandituPreset("", index == 0 ? "img" : "vec", "");
  m_name->setText(m_preset->itemText(index));
  m_template->setText(QString::fromStdString(preset.source));
}

void TileServiceDialog::setKey(const QString &key)
{
  m_key->setText(key);
}
void TileServiceDialog::setTemplate(const QString &urlTemplate)
{
  m_template->setText(urlTemplate);
}
void TileServiceDialog::setName(const QString &name)
{
  m_name->setText(name);
}

render::BasemapSpec TileServiceDialog::spec() const
{
  render::BasemapSpec spec;
  spec.kind = render::BasemapSpec::Kind::Tiles;
  spec.name = m_name->text().trimmed().toStdString();
  spec.source = m_template->text().trimmed().toStdString();
  spec.key = m_key->text().trimmed().toStdString();
  spec.subdomains = render::tiandituPreset("", "img", "").subdomains;
  if (spec.name.empty())
    spec.name = render::TileTemplate(spec.source, "", {}).label();
  return spec;
}

void TileServiceDialog::accept()
{
  const render::BasemapSpec entered = spec();
  const bool placed = entered.source.find("{z}") != std::string::npos &&
                      entered.source.find("{x}") != std::string::npos &&
                      (entered.source.find("{y}") != std::string::npos ||
                       entered.source.find("{-y}") != std::string::npos);
  if (!placed) {
    QMessageBox::warning(this, windowTitle(),
                         tr("The URL template needs {z}, {x} and {y} (or {-y})."));
    return;
  }
  if (entered.source.find("{key}") != std::string::npos && entered.key.empty()) {
    QMessageBox::warning(this, windowTitle(), tr("This service needs your key."));
    return;
  }
  QDialog::accept();
}

} // namespace anzhi::desktop
