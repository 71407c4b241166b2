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

namespace anzhi::desktop {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kBrokenRole = Qt::UserRole + 2;
constexpr int kHillshadeRole = Qt::UserRole + 3;

//! A row that stands for a project layer (not a broken one, not the hillshade).
bool isLayer(const QListWidgetItem *item)
{
  return item && !item->data(kBrokenRole).toBool() && !item->data(kHillshadeRole).toBool();
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
    else
      emit layersChanged(layerStates());
  });
  connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
    if (m_filling)
      return;
    pinHillshade();
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
  m_filling = false;
}

int LayersDock::hillshadeRow() const
{
  for (int row = 0; row < m_list->count(); ++row)
    if (m_list->item(row)->data(kHillshadeRole).toBool())
      return row;
  return -1;
}

void LayersDock::pinHillshade()
{
  const int row = hillshadeRow();
  if (row < 0 || row == m_list->count() - 1)
    return;
  m_filling = true;
  m_list->addItem(m_list->takeItem(row));
  m_filling = false;
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
  if (!isLayer(item))
    return;
  QMenu menu(this);
  const std::string name = item->data(kNameRole).toString().toStdString();
  menu.addAction(tr("Zoom to layer"), this, [this, name] { emit zoomToLayerRequested(name); });
  menu.addAction(tr("Open attribute table"), this,
                 [this, name] { emit attributeTableRequested(name); });
  menu.addAction(tr("Move layer up"), this, [this] { moveCurrent(-1); });
  menu.addAction(tr("Move layer down"), this, [this] { moveCurrent(1); });
  menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace anzhi::desktop
