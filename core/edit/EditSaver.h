#pragma once

#include "core/edit/EditBuffer.h"
#include "gis/Crs.h"

#include <functional>
#include <map>
#include <stdexcept>
#include <string>

namespace anzhi::core {

//! The edits could not be saved; the project file is unchanged. what() names the file, layer
//! and feature at fault, or says that another program holds the project locked.
class SaveError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

struct SaveOutcome
{
  std::size_t inserted = 0, updated = 0, deleted = 0;
  //! The stored fid of every new feature (its negative buffer fid → the store's).
  std::map<FeatureKey, std::int64_t> newFids;
};

//! Writes an edit buffer into its project's GeoPackage in one transaction: deletions, then
//! updates, then insertions, geometries transformed from the working CRS back to each layer's
//! stored CRS. The file changes only at the commit, so SQLite's rollback journal leaves it in
//! the old or the new state whatever happens meanwhile (crash, kill, power loss), never a
//! mix. A lock held by another program makes it fail after `busyTimeoutMs`, with a SaveError
//! that says so, instead of waiting forever. `progress(done, total)` is called per feature.
SaveOutcome saveEdits(const std::string &projectPath, const gis::Crs &workingCrs,
                      const EditBuffer &buffer, int busyTimeoutMs = 3000,
                      const std::function<void(std::size_t, std::size_t)> &progress = {});

} // namespace anzhi::core
