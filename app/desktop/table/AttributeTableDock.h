#pragma once

#include <QDockWidget>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

class QTabWidget;

namespace anzhi::desktop {

class AttributeTablePage;
class EditSession;

//! 属性表: the attribute tables of the layers the planner opened, one tab each, in a dock at
//! the bottom of the window. Ownership: a dock owned by the MainWindow; the session must outlive
//! it. Thread: UI only.
class AttributeTableDock : public QDockWidget
{
  Q_OBJECT

public:
  AttributeTableDock(EditSession &session, QWidget *parent = nullptr);
  //! Shows the layer's table, opening it when it is not open yet.
  AttributeTablePage *open(const std::string &layer);
  //! The open table of a layer, or null.
  AttributeTablePage *page(const std::string &layer) const;
  //! The table in front, or null.
  AttributeTablePage *currentPage() const;
  //! Shows the map's selection in every open table.
  void showSelection(const std::vector<std::pair<std::string, std::int64_t>> &selected);

signals:
  void selectionEdited(const std::string &layer, const std::vector<std::int64_t> &fids);
  void zoomToSelectionRequested();

private:
  EditSession &m_session;
  QTabWidget *m_tabs;
  std::vector<std::pair<std::string, std::int64_t>> m_selected;
};

} // namespace anzhi::desktop
