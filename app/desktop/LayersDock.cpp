#include "app/desktop/LayersDock.h"

#include "app/desktop/LayerIcons.h"
#include "app/desktop/Names.h"
#include "app/desktop/ProjectLayers.h"
#include "app/desktop/ScaleRangeDialog.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
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
constexpr int kBasemapRole = Qt::UserRole + 4;   //!< the basemap's index + 1
constexpr int kUserScaleRole = Qt::UserRole + 5; //!< QPointF(minScale, maxScale), or none

//! Where the user's scale range of a layer is kept, by layer name (the same for every project).
QString scaleKey(const std::string &layer)
{
  return QStringLiteral("layerScale/%1").arg(QString::fromStdString(layer));
}

std::optional<render::ScaleRange> savedUserScale(const std::string &layer)
{
  const QVariant v = QSettings().value(scaleKey(layer));
  if (!v.canConvert<QPointF>())
    return std::nullopt;
  const QPointF p = v.toPointF();
  return render::ScaleRange{p.x(), p.y()};
}

std::optional<render::ScaleRange> userScaleOf(const QListWidgetItem *item)
{
  const QVariant v = item->data(kUserScaleRole);
  if (!v.isValid())
    return std::nullopt;
  const QPointF p = v.toPointF();
  return render::ScaleRange{p.x(), p.y()};
}

void setUserScaleOf(QListWidgetItem *item, const std::optional<render::ScaleRange> &range)
{
  item->setData(kUserScaleRole,
                range ? QVariant(QPointF(range->minScale, range->maxScale)) : QVariant());
}

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
  bool restored = false;
  if (project) {
    const render::MapStyle &mapStyle = m_style;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
      if (!project->hasLayer(it->name))
        continue;
      const std::optional<render::ScaleRange> userScale = savedUserScale(it->name);
      restored = restored || userScale != it->userScale;
      auto *item = new QListWidgetItem(
          layerIcon(it->name, mapStyle),
          tr("%1 (%2)").arg(Names::layer(it->name)).arg(featureCount(*project, it->name)));
      item->setData(kNameRole, QString::fromStdString(it->name));
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                     Qt::ItemIsDragEnabled);
      item->setCheckState(it->visible ? Qt::Checked : Qt::Unchecked);
      setUserScaleOf(item, userScale);
      showScaleRange(item);
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
  if (restored)
    emit layersChanged(layerStates());
}

void LayersDock::showScaleRange(QListWidgetItem *item)
{
  const std::string name = item->data(kNameRole).toString().toStdString();
  const std::optional<render::ScaleRange> user = userScaleOf(item);
  const render::ScaleRange range = m_style.scaleRangeOf(name, user);
  QString tip = QString::fromStdString(name) + "\n" +
                (user ? tr("Drawn at %1 (your choice)") : tr("Drawn at %1 (default)"))
                    .arg(ScaleRangeDialog::describe(range));
  const bool out = m_scale > 0 && !range.contains(m_scale);
  if (out)
    tip += "\n" + tr("Not drawn at the current scale");
  item->setToolTip(tip);
  item->setForeground(out ? palette().color(QPalette::Disabled, QPalette::Text) : QBrush());
}

void LayersDock::setScale(double denominator)
{
  m_scale = denominator;
  // Greying is not a change of the layers: no layersChanged from itemChanged.
  const bool filling = std::exchange(m_filling, true);
  for (int row = 0; row < m_list->count(); ++row)
    if (isLayer(m_list->item(row)))
      showScaleRange(m_list->item(row));
  m_filling = filling;
}

bool LayersDock::outOfScale(const std::string &layer) const
{
  const int row = rowOf(layer);
  if (row < 0 || !isLayer(m_list->item(row)))
    return false;
  return m_scale > 0 &&
         !m_style.scaleRangeOf(layer, userScaleOf(m_list->item(row))).contains(m_scale);
}

void LayersDock::setUserScale(const std::string &layer,
                              const std::optional<render::ScaleRange> &range)
{
  const int row = rowOf(layer);
  if (row < 0 || !isLayer(m_list->item(row)))
    return;
  QSettings settings;
  if (range)
    settings.setValue(scaleKey(layer), QPointF(range->minScale, range->maxScale));
  else
    settings.remove(scaleKey(layer));
  QListWidgetItem *item = m_list->item(row);
  const bool filling = std::exchange(m_filling, true); // one layersChanged, below
  setUserScaleOf(item, range);
  showScaleRange(item);
  m_filling = filling;
  emit layersChanged(layerStates());
}

void LayersDock::editScaleRange(const std::string &layer)
{
  const int row = rowOf(layer);
  if (row < 0 || !isLayer(m_list->item(row)))
    return;
  const render::LayerStyle *style = m_style.layer(layer);
  ScaleRangeDialog dialog(Names::layer(layer), style ? style->scaleRange : render::ScaleRange{},
                          userScaleOf(m_list->item(row)), this);
  if (dialog.exec() == QDialog::Accepted)
    setUserScale(layer, dialog.userRange());
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
    out.push_back({item->data(kNameRole).toString().toStdString(),
                   item->checkState() == Qt::Checked, userScaleOf(item)});
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
  menu.addAction(tr("Open attribute table"), this,
                 [this, name] { emit attributeTableRequested(name); });
  menu.addAction(tr("Move layer up"), this, [this] { moveCurrent(-1); });
  menu.addAction(tr("Move layer down"), this, [this] { moveCurrent(1); });
  menu.addSeparator();
  menu.addAction(tr("Visible at scales…"), this, [this, name] { editScaleRange(name); });
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
