#include "app/desktop/LayersDock.h"

#include "app/desktop/LayerIcons.h"
#include "app/desktop/Names.h"
#include "app/desktop/ProjectLayers.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace anzhi::desktop {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kBrokenRole = Qt::UserRole + 2;
constexpr int kHillshadeRole = Qt::UserRole + 3;
constexpr int kBasemapRole = Qt::UserRole + 4; //!< the basemap's index + 1

int basemapIndex(const QListWidgetItem *item)
{
  return item ? item->data(kBasemapRole).toInt() - 1 : -1;
}

//! A row that stands for a project layer (not a broken one, not the hillshade, no basemap).
bool isLayer(const QListWidgetItem *item)
{
  return item && !item->data(kBrokenRole).toBool() && !item->data(kHillshadeRole).toBool() &&
         basemapIndex(item) < 0;
}
} // namespace

LayersDock::LayersDock(QWidget *parent)
    : QDockWidget(tr("Layers"), parent)
    , m_list(new QListWidget)
{
  setObjectName("LayersDock");
  m_list->setDragDropMode(QAbstractItemView::InternalMove);
  m_list->setDefaultDropAction(Qt::MoveAction);
  m_list->setIconSize(QSize(22, 22));
  m_list->setContextMenuPolicy(Qt::CustomContextMenu);
  auto *up = new QToolButton;
  up->setArrowType(Qt::UpArrow);
  up->setToolTip(tr("Move layer up"));
  auto *down = new QToolButton;
  down->setArrowType(Qt::DownArrow);
  down->setToolTip(tr("Move layer down"));
  auto *zoom = new QToolButton;
  zoom->setIcon(toolIcon("full"));
  zoom->setToolTip(tr("Zoom to layer"));
  auto *buttons = new QHBoxLayout;
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->addWidget(up);
  buttons->addWidget(down);
  buttons->addWidget(zoom);
  buttons->addStretch();
  auto *w = new QWidget;
  auto *layout = new QVBoxLayout(w);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addLayout(buttons);
  layout->addWidget(m_list);
  setWidget(w);

  connect(up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
  connect(down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
  connect(zoom, &QToolButton::clicked, this, [this] {
    if (auto *item = m_list->currentItem(); isLayer(item))
      emit zoomToLayerRequested(item->data(kNameRole).toString().toStdString());
  });
  connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
    if (m_filling)
      return;
    if (item->data(kHillshadeRole).toBool())
      emit hillshadeToggled(item->checkState() == Qt::Checked);
    else if (const int basemap = basemapIndex(item); basemap >= 0)
      emit basemapToggled(basemap, item->checkState() == Qt::Checked);
    else
      emit layersChanged(layerStates());
  });
  connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
    if (m_filling)
      return;
    pinBackdrops();
    emit layersChanged(layerStates());
  });
  connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
    if (isLayer(item))
      emit zoomToLayerRequested(item->data(kNameRole).toString().toStdString());
  });
  connect(m_list, &QListWidget::customContextMenuRequested, this, &LayersDock::showMenu);
}

void LayersDock::setProject(const std::shared_ptr<const core::Project> &project,
                            const std::vector<render::LayerState> &layers)
{
  m_filling = true;
  m_list->clear();
  if (project) {
    const render::MapStyle mapStyle = render::MapStyle::defaults();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
      if (!project->hasLayer(it->name))
        continue;
      auto *item = new QListWidgetItem(
          layerIcon(it->name, mapStyle),
          tr("%1 (%2)").arg(Names::layer(it->name)).arg(featureCount(*project, it->name)));
      item->setData(kNameRole, QString::fromStdString(it->name));
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                     Qt::ItemIsDragEnabled);
      item->setCheckState(it->visible ? Qt::Checked : Qt::Unchecked);
      item->setToolTip(QString::fromStdString(it->name));
      m_list->addItem(item);
    }
    for (const core::LayerProblem &problem : project->problems) {
      auto *item = new QListWidgetItem(
          style()->standardIcon(QStyle::SP_MessageBoxWarning),
          problem.layer.empty() ? tr("Project: problem")
                                : tr("%1 — could not be loaded").arg(Names::layer(problem.layer)));
      item->setData(kNameRole, QString::fromStdString(problem.layer));
      item->setData(kBrokenRole, true);
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
      item->setForeground(QColor(180, 0, 0));
      item->setToolTip(QString::fromStdString(problem.message));
      m_list->addItem(item);
    }
  }
  m_filling = false;
}

void LayersDock::setHillshade(std::optional<bool> visible, const QString &toolTip)
{
  m_filling = true;
  if (const int row = hillshadeRow(); row >= 0)
    delete m_list->takeItem(row);
  if (visible) {
    auto *item = new QListWidgetItem(hillshadeIcon(), tr("Hillshade"));
    item->setData(kHillshadeRole, true);
    // Not draggable: it is always drawn under the layers.
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(*visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(toolTip);
    m_list->addItem(item);
  }
  pinBackdrops();
  m_filling = false;
}

void LayersDock::setBasemaps(const std::vector<BasemapEntry> &basemaps)
{
  m_filling = true;
  for (int row = m_list->count() - 1; row >= 0; --row)
    if (basemapIndex(m_list->item(row)) >= 0)
      delete m_list->takeItem(row);
  for (int i = int(basemaps.size()) - 1; i >= 0; --i) {
    const BasemapEntry &entry = basemaps[std::size_t(i)];
    const bool tiles = entry.spec.kind == render::BasemapSpec::Kind::Tiles;
    QString name = QString::fromStdString(entry.spec.name);
    if (entry.opacity < 1)
      name = tr("%1 (%2% opaque)").arg(name).arg(int(std::lround(entry.opacity * 100)));
    auto *item = new QListWidgetItem(
        style()->standardIcon(tiles ? QStyle::SP_DriveNetIcon : QStyle::SP_FileIcon), name);
    item->setData(kBasemapRole, i + 1);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(entry.visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(tr("Basemap: %1").arg(QString::fromStdString(entry.spec.source)));
    m_list->addItem(item);
  }
  m_filling = false;
}

int LayersDock::basemapRow(int index) const
{
  for (int row = 0; row < m_list->count(); ++row)
    if (basemapIndex(m_list->item(row)) == index)
      return row;
  return -1;
}

int LayersDock::hillshadeRow() const
{
  for (int row = 0; row < m_list->count(); ++row)
    if (m_list->item(row)->data(kHillshadeRole).toBool())
      return row;
  return -1;
}

void LayersDock::pinBackdrops()
{
  const bool filling = std::exchange(m_filling, true);
  if (const int row = hillshadeRow(); row >= 0)
    m_list->addItem(m_list->takeItem(row));
  // Then the basemaps in their order, the last listed first.
  std::vector<QListWidgetItem *> basemaps;
  for (int row = m_list->count() - 1; row >= 0; --row)
    if (basemapIndex(m_list->item(row)) >= 0)
      basemaps.push_back(m_list->takeItem(row));
  std::sort(basemaps.begin(), basemaps.end(),
            [](auto *a, auto *b) { return basemapIndex(a) > basemapIndex(b); });
  for (QListWidgetItem *item : basemaps)
    m_list->addItem(item);
  m_filling = filling;
}

std::vector<render::LayerState> LayersDock::layerStates() const
{
  std::vector<render::LayerState> out;
  for (int row = m_list->count() - 1; row >= 0; --row) {
    const QListWidgetItem *item = m_list->item(row);
    if (!isLayer(item))
      continue;
    out.push_back(
        {item->data(kNameRole).toString().toStdString(), item->checkState() == Qt::Checked});
  }
  return out;
}

std::vector<std::string> LayersDock::listedLayers() const
{
  std::vector<std::string> out;
  for (int row = 0; row < m_list->count(); ++row)
    if (isLayer(m_list->item(row)))
      out.push_back(m_list->item(row)->data(kNameRole).toString().toStdString());
  return out;
}

std::string LayersDock::currentLayer() const
{
  const QListWidgetItem *item = m_list->currentItem();
  return isLayer(item) ? item->data(kNameRole).toString().toStdString() : std::string();
}

int LayersDock::rowOf(const std::string &layer) const
{
  for (int row = 0; row < m_list->count(); ++row)
    if (m_list->item(row)->data(kNameRole).toString().toStdString() == layer)
      return row;
  return -1;
}

void LayersDock::moveCurrent(int delta)
{
  const int row = m_list->currentRow();
  const int target = row + delta;
  if (row < 0 || target < 0 || target >= m_list->count() || !isLayer(m_list->item(row)) ||
      !isLayer(m_list->item(target)))
    return;
  m_filling = true;
  QListWidgetItem *item = m_list->takeItem(row);
  m_list->insertItem(target, item);
  m_list->setCurrentRow(target);
  m_filling = false;
  emit layersChanged(layerStates());
}

void LayersDock::showMenu(const QPoint &pos)
{
  QListWidgetItem *item = m_list->itemAt(pos);
  if (basemapIndex(item) >= 0) {
    showBasemapMenu(item, m_list->viewport()->mapToGlobal(pos));
    return;
  }
  if (!isLayer(item))
    return;
  QMenu menu(this);
  const std::string name = item->data(kNameRole).toString().toStdString();
  menu.addAction(tr("Zoom to layer"), this, [this, name] { emit zoomToLayerRequested(name); });
  menu.addAction(tr("Move layer up"), this, [this] { moveCurrent(-1); });
  menu.addAction(tr("Move layer down"), this, [this] { moveCurrent(1); });
  menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void LayersDock::showBasemapMenu(QListWidgetItem *item, const QPoint &global)
{
  const int index = basemapIndex(item);
  QMenu menu(this);
  QMenu *opacity = menu.addMenu(tr("Opacity"));
  for (int percent : {100, 75, 50, 25})
    opacity->addAction(tr("%1%").arg(percent), this, [this, index, percent] {
      emit basemapOpacityChosen(index, percent / 100.0);
    });
  menu.addAction(tr("Remove basemap"), this, [this, index] { emit basemapRemoveRequested(index); });
  menu.exec(global);
}

} // namespace anzhi::desktop
