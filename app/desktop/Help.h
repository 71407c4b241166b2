#pragma once

#include <QString>

#include <utility>
#include <vector>

class QWidget;

namespace anzhi::desktop {

//! 帮助 → 使用手册: the manual in the UI's language, shipped in the program from docs/manual_*.md
//! (Markdown; zh_CN, else English).
QString manualMarkdown(const QString &language);

//! 帮助 → 快捷键: every action of `window` that has a shortcut, as (its text without the
//! mnemonic, the shortcut as the platform writes it), sorted by text.
std::vector<std::pair<QString, QString>> shortcutList(const QWidget &window);

//! Non-modal dialogs showing the manual and the shortcut list; deleted when closed.
void showManual(QWidget *parent, const QString &language);
void showShortcuts(QWidget *parent);

} // namespace anzhi::desktop
