#include "core/edit/EditBuffer.h"

namespace anzhi::core {

SharedGeometry share(gis::Geometry g)
{
  return SharedGeometry(g.release(), gis::GeometryDeleter());
}

void EditBuffer::set(const FeatureKey &key, Slot slot)
{
  if (key.fid < 0)
    reserveFid(key.fid);
  // A new feature deleted again is simply gone: nothing to write for it.
  if (slot.kind == Slot::Kind::Base || (key.fid < 0 && slot.kind == Slot::Kind::Deleted))
    m_slots.erase(key);
  else
    m_slots[key] = std::move(slot);
}

Slot EditBuffer::slot(const FeatureKey &key) const
{
  auto it = m_slots.find(key);
  if (it != m_slots.end())
    return it->second;
  return key.fid < 0 ? Slot::deleted() : Slot::base();
}

std::int64_t EditBuffer::newFid()
{
  return m_nextFid--;
}

void EditBuffer::reserveFid(std::int64_t fid)
{
  if (fid <= m_nextFid)
    m_nextFid = fid - 1;
}

void EditBuffer::clear()
{
  m_slots.clear();
}

EditBuffer::Counts EditBuffer::counts() const
{
  Counts c;
  for (const auto &[key, slot] : m_slots) {
    if (slot.kind == Slot::Kind::Deleted)
      ++c.deleted;
    else if (key.fid < 0)
      ++c.inserted;
    else
      ++c.updated;
  }
  return c;
}

std::optional<FeatureState> currentState(const Project &base, const EditBuffer &buffer,
                                         const FeatureKey &key)
{
  Slot s = buffer.slot(key);
  if (s.kind == Slot::Kind::State)
    return *s.state;
  if (s.kind == Slot::Kind::Deleted)
    return std::nullopt;
  std::optional<std::size_t> index = findFid(base, key.layer, key.fid);
  if (!index)
    return std::nullopt;
  FeatureState state;
  if (const GEOSGeometry *g = baseGeometry(base, key.layer, *index))
    state.geometry = share(gis::clone(g));
  state.attributes = attributesOf(base, key.layer, *index);
  return state;
}

} // namespace anzhi::core
