#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/edit/EditBuffer.h"
#include "core/edit/RangerTotals.h"

#include <QColor>
#include <QDockWidget>
#include <QString>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace anzhi::desktop {

class EditSession;
class MapCanvas;

//! The forestry bureau's ranger tools: a table of the rangers (name, site, total 亩, plots,
//! distance to the nearest plot, status against the rule set's minimum) kept current after
//! every edit, linked to the map (a row zooms to the ranger's plots); reassign the selected
//! plot to the chosen ranger; give a chosen area of the selected plot to the chosen ranger
//! with a straight cut that core::cutAtArea places to 0.01 亩. Every change is an ordinary
//! edit: undoable, journalled and live-checked (ranger-area, ranger-overlap…).
//! The table lists the rangers lowest total first, at most kMaxRows of them (a national
//! project has 600 000); the filter searches by code or name.
//! Ownership: a dock owned by the main window. Thread: UI; the first full computation of the
//! totals runs on a worker.
class RangersDock : public QDockWidget
{
  Q_OBJECT

public:
  static constexpr int kMaxRows = 500;
  //! `canvas`: the map a row zooms to.
  RangersDock(EditSession &session, MapCanvas *canvas, QWidget *parent = nullptr);

  //! A project opened: recompute every total (on a worker).
  void reset();
  //! After an edit: recompute the rangers the edits touch.
  void refresh();
  //! Where the selected ranger plots come from (the modify tool's selection).
  void setSelectionSource(std::function<std::vector<core::FeatureKey>()> source)
  {
    m_selection = std::move(source);
  }
  std::string currentRanger() const { return m_current; }
  void setCurrentRanger(const std::string &code);
  //! The drawing tool's live label for a plot of `code` being drawn: the ranger's total with
  //! it, green at or above the minimum, red below.
  std::function<std::pair<QString, QColor>(const GEOSGeometry *)>
  liveLabelFor(const std::string &code) const;
  //! The total of a ranger as the table shows it (nothing when unknown or still computing).
  std::optional<core::RangerTotal> total(const std::string &code) const;

  //! Gives the selected plot to the current ranger.
  void reassignSelectedPlot();
  //! Cuts `mu` 亩 off the selected plot for the current ranger; `side` 0..3 = west, south,
  //! east, north part of the plot.
  void giveArea(double mu, int side);
  QTableWidget *table() const { return m_table; }
  bool isComputing() const { return m_totalsTask.isRunning(); }

signals:
  void rangerChosen(const QString &code);
  void problem(const QString &text);

private:
  void fill();
  std::set<std::string> touchedCodes() const;
  std::optional<core::FeatureKey> selectedPlot();

  EditSession &m_session;
  MapCanvas *m_canvas;
  std::function<std::vector<core::FeatureKey>()> m_selection;
  core::RankedRangerTotals m_totals;
  std::set<std::string> m_touched; //!< codes recomputed after edits since the last reset
  std::string m_current;
  BackgroundTask<std::shared_ptr<core::RankedRangerTotals>> m_totalsTask{this};
  QLineEdit *m_filter;
  QTableWidget *m_table;
  QPushButton *m_reassign, *m_give;
  QDoubleSpinBox *m_mu;
  QComboBox *m_side;
};

} // namespace anzhi::desktop
