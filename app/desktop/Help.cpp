#include "app/desktop/Help.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QFile>
#include <QHeaderView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace anzhi::desktop {

namespace {

QDialog *helpDialog(QWidget *parent, const QString &title, QWidget *content)
{
  auto *dialog = new QDialog(parent);
  dialog->setObjectName("HelpDialog");
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(title);
  auto *layout = new QVBoxLayout(dialog);
  layout->addWidget(content);
  dialog->resize(760, 620);
  dialog->show();
  return dialog;
}

} // namespace

QString manualMarkdown(const QString &language)
{
  QFile file(QStringLiteral(":/manual/manual_%1.md")
                 .arg(language.startsWith("zh") ? QStringLiteral("zh_CN") : QStringLiteral("en")));
  if (!file.open(QIODevice::ReadOnly))
    return QCoreApplication::translate("Help", "The manual is missing from this build (%1).")
        .arg(file.fileName());
  return QString::fromUtf8(file.readAll());
}

std::vector<std::pair<QString, QString>> shortcutList(const QWidget &window)
{
  std::vector<std::pair<QString, QString>> out;
  for (const QAction *a : window.findChildren<QAction *>())
    if (!a->shortcut().isEmpty() && !a->text().isEmpty())
      out.emplace_back(QString(a->text()).remove('&').remove(QStringLiteral("…")),
                       a->shortcut().toString(QKeySequence::NativeText));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void showManual(QWidget *parent, const QString &language)
{
  auto *browser = new QTextBrowser;
  browser->setObjectName("manual");
  browser->setMarkdown(manualMarkdown(language));
  helpDialog(parent, QCoreApplication::translate("Help", "User manual"), browser);
}

void showShortcuts(QWidget *parent)
{
  const auto rows = shortcutList(*parent);
  auto *table = new QTableWidget(int(rows.size()), 2);
  table->setObjectName("shortcuts");
  table->setHorizontalHeaderLabels({QCoreApplication::translate("Help", "Command"),
                                    QCoreApplication::translate("Help", "Shortcut")});
  table->horizontalHeader()->setStretchLastSection(true);
  table->verticalHeader()->hide();
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  for (int i = 0; i < int(rows.size()); ++i) {
    table->setItem(i, 0, new QTableWidgetItem(rows[std::size_t(i)].first));
    table->setItem(i, 1, new QTableWidgetItem(rows[std::size_t(i)].second));
  }
  table->resizeColumnToContents(0);
  helpDialog(parent, QCoreApplication::translate("Help", "Keyboard shortcuts"), table);
}

} // namespace anzhi::desktop
