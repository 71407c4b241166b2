#include "app/desktop/find/FindDock.h"

#include "app/desktop/Names.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace anzhi::desktop {

FindDock::FindDock(QWidget *parent)
    : QDockWidget(tr("Find"), parent)
    , m_edit(new QLineEdit)
    , m_list(new QListWidget)
{
  setObjectName("FindDock");
  m_edit->setPlaceholderText(tr("Name, code or pinyin initials (e.g. lyz for 岚漪镇)"));
  m_edit->setClearButtonEnabled(true);
  auto *w = new QWidget;
  auto *layout = new QVBoxLayout(w);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(m_edit);
  layout->addWidget(m_list);
  setWidget(w);
  // A query per pause in typing, not per key.
  m_typing.setSingleShot(true);
  m_typing.setInterval(120);
  connect(m_edit, &QLineEdit::textChanged, &m_typing, qOverload<>(&QTimer::start));
  connect(&m_typing, &QTimer::timeout, this, &FindDock::runQuery);
  connect(m_edit, &QLineEdit::returnPressed, this, [this] {
    if (!m_results.empty())
      emit resultChosen(m_results.front());
  });
  connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
    const int row = m_list->row(item);
    if (row >= 0 && std::size_t(row) < m_results.size())
      emit resultChosen(m_results[std::size_t(row)]);
  });
  connect(m_list, &QListWidget::itemClicked, m_list, &QListWidget::itemActivated);
}

void FindDock::setProject(std::shared_ptr<const core::Project> project)
{
  m_index.reset();
  m_queryTask.drop();
  showResults({});
  if (!project) {
    m_indexTask.drop();
    return;
  }
  m_indexTask.start(
      [project] { return std::make_shared<const FindIndex>(FindIndex::build(*project)); },
      [this](std::shared_ptr<const FindIndex> index) {
        m_index = std::move(index);
        if (!m_edit->text().trimmed().isEmpty())
          runQuery();
      },
      [this](const QString &message) {
        m_list->clear();
        m_list->addItem(tr("Find is not available: %1").arg(message));
      });
}

void FindDock::search(const QString &text)
{
  m_edit->setText(text);
  m_typing.stop();
  runQuery();
}

void FindDock::focusSearch()
{
  QDockWidget::show();
  raise();
  m_edit->setFocus();
  m_edit->selectAll();
}

bool FindDock::isBusy() const
{
  return m_indexTask.isRunning() || m_queryTask.isRunning() || m_typing.isActive() ||
         (m_queryPending && !m_index);
}

void FindDock::runQuery()
{
  const std::string query = m_edit->text().toStdString();
  m_queryPending = true;
  if (!m_index)
    return; // answered when the index is ready
  m_queryTask.start([index = m_index, query] { return index->find(query); },
                    [this](std::vector<FindResult> results) { showResults(std::move(results)); },
                    [this](const QString &message) {
                      m_list->clear();
                      m_list->addItem(message);
                    });
}

void FindDock::showResults(std::vector<FindResult> results)
{
  m_queryPending = false;
  m_results = std::move(results);
  m_list->clear();
  for (const FindResult &r : m_results) {
    const QString layer = r.layer == "township" ? tr("Township") : Names::layer(r.layer);
    m_list->addItem(tr("%1: %2").arg(layer, QString::fromStdString(r.title)));
  }
  emit resultsShown();
}

} // namespace anzhi::desktop
