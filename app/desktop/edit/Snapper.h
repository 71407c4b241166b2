#pragma once

#include "app/render/MapTransform.h"

#include <QPointF>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::desktop {

class EditSession;

//! Snaps the cursor to the vertices (first) and segments (second) of the visible editable
//! layers within a tolerance in pixels, in the edited project (base snapshot + edits).
//! Queries go through the layers' STR-trees, so snapping costs the same at any project size.
class Snapper
{
public:
  explicit Snapper(const EditSession &session)
      : m_session(session)
  {
  }
  struct Snap
  {
    QPointF map;
    bool vertex = false; //!< a vertex, else a point on a segment
  };
  void setEnabled(bool on) { m_enabled = on; }
  bool isEnabled() const { return m_enabled; }
  void setTolerancePixels(double px) { m_tolerancePx = px; }
  double tolerancePixels() const { return m_tolerancePx; }
  //! Where the layers to snap to come from (asked at each snap: visibility may change).
  void setLayers(std::function<std::vector<std::string>()> layers) { m_layers = std::move(layers); }
  //! Layers with more features than this under the cursor are not snapped to.
  static constexpr std::size_t kMaxCandidates = 200;
  //! The snapped point near `screen`, if any is within the tolerance.
  std::optional<Snap> snap(QPointF screen, const render::MapTransform &t) const;

private:
  const EditSession &m_session;
  bool m_enabled = true;
  double m_tolerancePx = 10;
  std::function<std::vector<std::string>()> m_layers;
};

} // namespace anzhi::desktop
