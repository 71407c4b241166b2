#include "app/render/MapStyle.h"

namespace anzhi::render {

MapStyle MapStyle::defaults()
{
  using C = core::LandUseClass;
  MapStyle s;
  s.classFill = {
      {C::Education, QColor(0xFF, 0x85, 0xC9)},   {C::Medical, QColor(0xFF, 0x7F, 0x7E)},
      {C::ElderlyCare, QColor(0xFF, 0x9F, 0x7F)}, {C::Industrial, QColor(0xBB, 0x96, 0x74)},
      {C::Residential, QColor(0xFF, 0xFF, 0x2D)}, {C::Commercial, QColor(0xFF, 0x00, 0x00)},
      {C::Road, QColor(0xA3, 0xA3, 0xA3)},        {C::Green, QColor(0x00, 0xFF, 0x00)},
  };
  s.codeFill = {
      {"0804", QColor(0xFF, 0x85, 0xC9)}, {"0806", QColor(0xFF, 0x7F, 0x7E)},
      {"0807", QColor(0xFF, 0x9F, 0x7F)}, {"1001", QColor(0xBB, 0x96, 0x74)},
      {"0701", QColor(0xFF, 0xFF, 0x2D)}, {"0703", QColor(0xFF, 0xD3, 0x80)},
      {"0901", QColor(0xFF, 0x00, 0x00)}, {"1207", QColor(0xA3, 0xA3, 0xA3)},
      {"1401", QColor(0x00, 0xFF, 0x00)}, {"1402", QColor(0x14, 0x8D, 0x4A)},
      {"08", QColor(0xFF, 0x00, 0xFF)},   {"1101", QColor(0x87, 0x61, 0xD3)},
      {"01", QColor(0xF5, 0xF8, 0xDC)},   {"03", QColor(0x68, 0xB1, 0x67)},
      {"04", QColor(0xCD, 0xF5, 0x7A)},   {"17", QColor(0x33, 0x8E, 0xC0)},
  };
  return s;
}

QColor MapStyle::landUseFill(core::LandUseClass cls, const std::optional<std::string> &raw) const
{
  if (cls != core::LandUseClass::Other) {
    auto it = classFill.find(cls);
    if (it != classFill.end())
      return it->second;
  }
  if (raw) {
    std::size_t best = 0;
    QColor colour;
    for (const auto &[code, c] : codeFill) {
      if (code.size() > best && raw->compare(0, code.size(), code) == 0) {
        best = code.size();
        colour = c;
      }
    }
    if (best > 0)
      return colour;
  }
  return otherFill;
}

QFont MapStyle::font(int pixelSize, bool bold) const
{
  QFont f(fontFamily);
  f.setPixelSize(pixelSize);
  f.setBold(bold);
  f.setStyleStrategy(QFont::PreferAntialias);
  return f;
}

} // namespace anzhi::render
