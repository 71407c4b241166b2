#pragma once

#include "core/edit/FeatureSchema.h"

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace anzhi::core {

//! A feature of the edited project: its layer and fid. New features get negative fids
//! (-1, -2, …) until the save gives them stored ones.
struct FeatureKey
{
  std::string layer;
  std::int64_t fid = 0;
  auto operator<=>(const FeatureKey &) const = default;
};

//! A GEOS geometry shared read-only between the buffer, undo commands and check workers.
using SharedGeometry = std::shared_ptr<const GEOSGeometry>;
SharedGeometry share(gis::Geometry g);

//! What an edited feature is: its geometry in the working CRS (null for none) and its
//! field values. Immutable once made; shared between the buffer and the undo history.
struct FeatureState
{
  SharedGeometry geometry;
  Attributes attributes;
};

//! A feature's place in the edited project: as stored (Base), deleted, or a new state.
struct Slot
{
  enum class Kind
  {
    Base,
    Deleted,
    State
  };
  Kind kind = Kind::Base;
  std::shared_ptr<const FeatureState> state; //!< set for Kind::State only

  static Slot base() { return {}; }
  static Slot deleted() { return {Kind::Deleted, nullptr}; }
  static Slot of(FeatureState s)
  {
    return {Kind::State, std::make_shared<FeatureState>(std::move(s))};
  }
};

//! One step of an edit: a feature going from `before` to `after`. An edit the user names
//! ("split plot") is a list of these, undone in reverse.
struct Change
{
  FeatureKey key;
  Slot before, after;
};

//! The unsaved edits of a project, over its immutable base snapshot: per feature, the slot
//! that differs from the stored one. The rules, the map and the save see the base with these
//! applied. A value type, cheap to copy (states are shared), so that a check worker can take
//! a copy while the user keeps editing. Thread: not synchronised; copy it to share.
class EditBuffer
{
public:
  //! Puts `slot` for `key`; Slot::base() forgets the feature's edits.
  void set(const FeatureKey &key, Slot slot);
  void apply(const Change &c) { set(c.key, c.after); }
  void revert(const Change &c) { set(c.key, c.before); }
  //! The feature's slot (Slot::base() when it is not edited).
  Slot slot(const FeatureKey &key) const;
  const std::map<FeatureKey, Slot> &changes() const { return m_slots; }
  bool empty() const { return m_slots.empty(); }
  std::size_t size() const { return m_slots.size(); }
  //! A fresh negative fid for a new feature (never reused within this buffer).
  std::int64_t newFid();
  //! Lowers the next new fid below `fid` (used when replaying a journal).
  void reserveFid(std::int64_t fid);
  void clear();
  //! How many features are inserted, updated and deleted.
  struct Counts
  {
    std::size_t inserted = 0, updated = 0, deleted = 0;
  };
  Counts counts() const;

private:
  std::map<FeatureKey, Slot> m_slots;
  std::int64_t m_nextFid = -1;
};

//! The state of a feature in the edited project: the buffer's, else the base snapshot's
//! (geometry cloned); nothing when it is deleted or does not exist.
std::optional<FeatureState> currentState(const Project &base, const EditBuffer &buffer,
                                         const FeatureKey &key);

} // namespace anzhi::core
