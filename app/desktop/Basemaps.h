#pragma once

#include "app/render/MapRenderer.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLineEdit;
class QSettings;

namespace anzhi::desktop {

//! A basemap as the user keeps it: what it is, whether it is shown and how opaque.
struct BasemapEntry
{
  render::BasemapSpec spec;
  bool visible = true;
  double opacity = 1.0;
};

//! The user's basemaps, kept in QSettings ("basemaps": name, kind file|tiles, source, key,
//! subdomains, visible, opacity), not in the project: a planner's key and services are theirs.
std::vector<BasemapEntry> loadBasemaps(QSettings &settings);
void saveBasemaps(QSettings &settings, const std::vector<BasemapEntry> &basemaps);

//! The entries as the renderer draws them over a project in `workingCrs`, tiles cached in
//! render::defaultTileCacheRoot().
std::vector<render::BasemapLayer> basemapLayers(const std::vector<BasemapEntry> &basemaps,
                                                const gis::Crs &workingCrs);

//! 瓦片服务…: a name, a URL template and a key; the presets 天地图影像 and 天地图矢量 need only
//! the key. Ownership: a modal dialog owned by its parent. Thread: UI only.
class TileServiceDialog : public QDialog
{
  Q_OBJECT
public:
  explicit TileServiceDialog(QWidget *parent = nullptr);

  //! Fills the name and template of preset `index` (0: 天地图影像, 1: 天地图矢量, 2: other).
  void choosePreset(int index);
  void setKey(const QString &key);
  void setTemplate(const QString &urlTemplate);
  void setName(const QString &name);
  //! The service as entered; the template's {s} take 天地图's subdomains 0 … 7.
  render::BasemapSpec spec() const;

  void accept() override;

private:
  QComboBox *m_preset;
  QLineEdit *m_name;
  QLineEdit *m_template;
  QLineEdit *m_key;
};

} // namespace anzhi::desktop
