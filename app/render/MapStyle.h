#pragma once

#include "core/LandUse.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <map>
#include <optional>
#include <string>

namespace anzhi::render {

//! The symbology of every role (symbology.md): the 用地用海分类 (2023) land-use palette for
//! planned plots and buildings, and Anzhi's own symbols for the other layers. A value type,
//! copied into each render job. Thread: any (const use).
struct MapStyle
{
  //! The default palette of symbology.md.
  static MapStyle defaults();

  //! Fill of a planned plot: its class's colour for the classes the rules know, else the
  //! colour of its raw planning code (0701 城镇住宅, 0703 农村宅基地, 1402 防护绿地 …), else
  //! `otherFill`.
  QColor landUseFill(core::LandUseClass cls, const std::optional<std::string> &raw) const;
  //! Outline of a fill: a darker shade of it.
  static QColor outlineOf(const QColor &fill) { return fill.darker(150); }

  std::map<core::LandUseClass, QColor> classFill;
  std::map<std::string, QColor> codeFill; //!< by 用地用海 code prefix (longest match wins)
  QColor otherFill{225, 225, 225};
  QColor background{255, 255, 255};

  QColor forestFill{104, 177, 103, 110}; //!< 林地 #68B167, translucent under the plots
  QColor croplandFill{0xF5, 0xF8, 0xDC};
  QColor grasslandFill{0xCD, 0xF5, 0x7A};
  QColor homesteadPending{160, 160, 160};
  QColor homesteadDemolished{139, 90, 43};
  QColor industrialPark{0xBB, 0x96, 0x74};
  QColor buildingFill{70, 70, 70, 70};
  QColor buildingOutline{70, 70, 70};
  QColor catchmentOutline{31, 95, 214};
  QColor road{140, 140, 140};
  QColor rangerPlot{20, 110, 45};
  QColor siteOutline{139, 0, 0};
  double siteWidth = 3.0;
  QColor school{31, 95, 214};
  QColor clinic{220, 20, 20};
  QColor elderlyCare{255, 140, 0};
  QColor servicePoint{135, 97, 211};
  QColor ranger{20, 110, 45};
  QColor violationError{220, 0, 0};
  QColor violationWarning{255, 140, 0};
  QColor highlight{0, 200, 255};

  QString fontFamily = QStringLiteral("Noto Sans CJK SC");
  int labelPixelSize = 12;
  QFont font(int pixelSize, bool bold = false) const;
};

} // namespace anzhi::render
