#pragma once

#include "app/render/MapTransform.h"

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace anzhi::desktop {

//! A tool that takes over the map's mouse and keys (the edit tools). MapCanvas offers each
//! event to the active tool first; a handler returns true when it used the event, and the
//! canvas repaints. Wheel zoom and arrow-key panning stay with the canvas.
class MapTool
{
public:
  virtual ~MapTool() = default;
  virtual bool mousePress(QMouseEvent *, const render::MapTransform &) { return false; }
  virtual bool mouseMove(QMouseEvent *, const render::MapTransform &) { return false; }
  virtual bool mouseRelease(QMouseEvent *, const render::MapTransform &) { return false; }
  virtual bool mouseDoubleClick(QMouseEvent *, const render::MapTransform &) { return false; }
  virtual bool keyPress(QKeyEvent *) { return false; }
  //! Draws the tool's shapes (rubber band, vertices, snap marker) over the map.
  virtual void paint(QPainter &, const render::MapTransform &) const {}
  //! The tool stops being the active one: drop anything half drawn.
  virtual void deactivate() {}
};

} // namespace anzhi::desktop
