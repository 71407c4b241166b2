#pragma once

#include "core/RuleSet.h"
#include "core/Violation.h"

#include <QString>

namespace anzhi::desktop {

class MapCanvas;
class ProjectSession;

//! What the editing needs of the application around it, and no more: the map, the open
//! project, the rule set, reopening a project (after a save) and showing a violation. The
//! MainWindow implements it; the edit classes do not depend on the window's other parts.
//! Thread: UI only.
class EditHost
{
public:
  virtual MapCanvas *canvas() const = 0;
  virtual ProjectSession *session() const = 0;
  virtual const core::RuleSet &rules() const = 0;
  virtual void openProject(const QString &path) = 0;
  //! Opens `path` again after a save, keeping the view, the selection and the check (re-run
  //! on the saved features): saving does not end what the planner was looking at.
  virtual void reopenKeepingSession(const QString &path) = 0;
  virtual void showViolation(const core::Violation &v) = 0;

protected:
  ~EditHost() = default;
};

} // namespace anzhi::desktop
