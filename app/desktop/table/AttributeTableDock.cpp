#include "app/desktop/table/AttributeTableDock.h"

#include "app/desktop/Names.h"
#include "app/desktop/table/AttributeTablePage.h"

#include <QTabWidget>

namespace anzhi::desktop {

AttributeTableDock::AttributeTableDock(EditSession &session, QWidget *parent)
    : QDockWidget(tr("Attribute table"), parent)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
{
  setObjectName("AttributeTableDock");
  m_tabs->setTabsClosable(true);
  m_tabs->setDocumentMode(true);
  setWidget(m_tabs);
  connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
    QWidget *w = m_tabs->widget(index);
    m_tabs->removeTab(index);
    w->deleteLater();
    if (m_tabs->count() == 0)
      hide();
  });
}

AttributeTablePage *AttributeTableDock::page(const std::string &layer) const
{
  for (int i = 0; i < m_tabs->count(); ++i)
    if (auto *p = qobject_cast<AttributeTablePage *>(m_tabs->widget(i)); p && p->layer() == layer)
      return p;
  return nullptr;
}

AttributeTablePage *AttributeTableDock::currentPage() const
{
  return qobject_cast<AttributeTablePage *>(m_tabs->currentWidget());
}

AttributeTablePage *AttributeTableDock::open(const std::string &layer)
{
  AttributeTablePage *p = page(layer);
  if (!p) {
    p = new AttributeTablePage(m_session, layer, m_tabs);
    connect(p, &AttributeTablePage::selectionEdited, this, &AttributeTableDock::selectionEdited);
    connect(p, &AttributeTablePage::zoomToSelectionRequested, this,
            &AttributeTableDock::zoomToSelectionRequested);
    m_tabs->addTab(p, Names::layer(layer));
    std::vector<std::int64_t> fids;
    for (const auto &[l, fid] : m_selected)
      if (l == layer)
        fids.push_back(fid);
    p->showSelection(fids);
  }
  m_tabs->setCurrentWidget(p);
  show();
  raise();
  return p;
}

void AttributeTableDock::showSelection(
    const std::vector<std::pair<std::string, std::int64_t>> &selected)
{
  m_selected = selected;
  for (int i = 0; i < m_tabs->count(); ++i) {
    auto *p = qobject_cast<AttributeTablePage *>(m_tabs->widget(i));
    std::vector<std::int64_t> fids;
    for (const auto &[l, fid] : selected)
      if (l == p->layer())
        fids.push_back(fid);
    p->showSelection(fids);
  }
}

} // namespace anzhi::desktop
