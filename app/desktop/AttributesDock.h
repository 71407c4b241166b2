#pragma once

#include "app/desktop/ProjectLayers.h"

#include <QDockWidget>
#include <QString>

#include <utility>
#include <vector>

class QTableWidget;
class QLabel;

namespace anzhi::desktop {

//! The attributes of one feature with Chinese (UI-language) field labels: its fields, its
//! coded values in words, its ellipsoidal area (m² and mu) or coordinates.
//! Thread: UI thread (reads the immutable project).
std::vector<std::pair<QString, QString>> featureAttributes(const core::Project &p,
                                                           const FeatureHit &hit);

//! Shows the identified or selected feature's attributes. Ownership: a dock owned by the
//! MainWindow. Thread: UI only.
class AttributesDock : public QDockWidget
{
  Q_OBJECT
public:
  explicit AttributesDock(QWidget *parent = nullptr);
  void showFeature(const core::Project &p, const FeatureHit &hit);
  void clear();
  QTableWidget *table() const { return m_table; }

private:
  QLabel *m_title;
  QTableWidget *m_table;
};

} // namespace anzhi::desktop
