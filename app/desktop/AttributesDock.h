#pragma once

#include "app/desktop/ProjectLayers.h"

#include <QDockWidget>
#include <QString>

#include <utility>
#include <vector>

class QLabel;
class QListWidget;
class QTableWidget;

namespace anzhi::desktop {

//! The attributes of one feature with Chinese (UI-language) field labels: its fields, its
//! coded values in words, its ellipsoidal area (m² and mu) or coordinates.
//! Thread: UI thread (reads the immutable project).
std::vector<std::pair<QString, QString>> featureAttributes(const core::Project &p,
                                                           const FeatureHit &hit);

//! Shows the identified or selected features: a list of every feature under the cursor (or in
//! the selection), topmost first, and the attributes of the one chosen in it. Ownership: a dock
//! owned by the MainWindow. Thread: UI only.
class AttributesDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit AttributesDock(QWidget *parent = nullptr);
  //! Lists `hits` and shows the first; the list is hidden when there is only one.
  void showFeatures(const core::Project &p, std::vector<FeatureHit> hits);
  void showFeature(const core::Project &p, const FeatureHit &hit);
  void clear();
  QTableWidget *table() const { return m_table; }
  QListWidget *stack() const { return m_stack; }

signals:
  //! The planner picked another feature of the list: show and select it.
  void featureChosen(const anzhi::desktop::FeatureHit &hit);

private:
  QLabel *m_title;
  QListWidget *m_stack;
  QTableWidget *m_table;
  std::vector<FeatureHit> m_hits;
};

} // namespace anzhi::desktop
