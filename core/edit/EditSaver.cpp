#include "core/edit/EditSaver.h"

#include "gis/GisError.h"
#include "gis/Vector.h"

#include <memory>

namespace anzhi::core {

namespace {

bool isLockError(const std::string &message)
{
  return message.find("locked") != std::string::npos || message.find("busy") != std::string::npos ||
         message.find("BUSY") != std::string::npos;
}

//! The values to write: the schema's fields (a layer may have more, which the editor leaves
//! as they are) that the stored layer has. An optional field the layer lacks is skipped while
//! it is empty; a value for it is an error, not a silent loss.
gis::NamedValues namedValues(const gis::VectorLayer &layer, const LayerSpec *spec,
                             const Attributes &attributes)
{
  gis::NamedValues values;
  for (const auto &[name, value] : attributes) {
    if (spec && !spec->field(name))
      continue;
    if (layer.fieldIndex(name) < 0) {
      if (std::holds_alternative<std::monostate>(value))
        continue;
      throw SaveError(layer.sourcePath() + ": layer '" + layer.name() + "' has no field '" + name +
                      "' to hold the edited value; add the field (e.g. in QGIS) and save again");
    }
    values.emplace_back(name, value);
  }
  return values;
}

//! One layer being written: its editor and the transform back to its stored CRS.
struct LayerTarget
{
  std::unique_ptr<gis::LayerEditor> editor;
  std::unique_ptr<gis::CoordinateTransform> toStored;
  const LayerSpec *spec = nullptr;

  gis::Geometry stored(const SharedGeometry &g) const
  {
    if (!g)
      return nullptr;
    if (!toStored || toStored->isIdentity())
      return gis::clone(g.get());
    return toStored->transform(g.get());
  }
};

} // namespace

SaveOutcome saveEdits(const std::string &projectPath, const gis::Crs &workingCrs,
                      const EditBuffer &buffer, int busyTimeoutMs,
                      const std::function<void(std::size_t, std::size_t)> &progress)
{
  SaveOutcome outcome;
  if (buffer.empty())
    return outcome;
  try {
    gis::VectorDataset dataset =
        gis::VectorDataset::open(projectPath, gis::VectorDataset::Mode::Update);
    // SQLite waits this long for another program's lock, then reports it instead of hanging.
    dataset.executeSql("PRAGMA busy_timeout = " + std::to_string(busyTimeoutMs));
    std::map<std::string, LayerTarget> targets;
    for (const auto &[key, slot] : buffer.changes()) {
      if (targets.count(key.layer))
        continue;
      LayerTarget t;
      gis::VectorLayer layer = dataset.layer(key.layer);
      if (std::optional<gis::Crs> crs = layer.crs())
        t.toStored = std::make_unique<gis::CoordinateTransform>(workingCrs, *crs);
      t.spec = layerSpec(key.layer);
      t.editor = std::make_unique<gis::LayerEditor>(layer);
      targets.emplace(key.layer, std::move(t));
    }
    const std::size_t total = buffer.size();
    std::size_t done = 0;
    auto step = [&] {
      if (progress)
        progress(++done, total);
    };
    gis::Transaction transaction(dataset);
    // Deletions first, so that a code freed by a deleted feature can be reused by a new one.
    for (const auto &[key, slot] : buffer.changes())
      if (slot.kind == Slot::Kind::Deleted) {
        targets.at(key.layer).editor->remove(key.fid);
        ++outcome.deleted;
        step();
      }
    for (const auto &[key, slot] : buffer.changes())
      if (slot.kind == Slot::Kind::State && key.fid >= 0) {
        const LayerTarget &t = targets.at(key.layer);
        gis::Geometry g = t.stored(slot.state->geometry);
        t.editor->update(key.fid, g.get(),
                         namedValues(t.editor->layer(), t.spec, slot.state->attributes));
        ++outcome.updated;
        step();
      }
    for (const auto &[key, slot] : buffer.changes())
      if (slot.kind == Slot::Kind::State && key.fid < 0) {
        const LayerTarget &t = targets.at(key.layer);
        gis::Geometry g = t.stored(slot.state->geometry);
        outcome.newFids[key] = t.editor->insert(
            g.get(), namedValues(t.editor->layer(), t.spec, slot.state->attributes));
        ++outcome.inserted;
        step();
      }
    transaction.commit();
  } catch (const std::exception &e) {
    std::string message = e.what();
    if (isLockError(message))
      throw SaveError(projectPath +
                      ": the project is locked by another program (e.g. QGIS editing it); "
                      "close it there and save again. Nothing was written; your edits are kept. (" +
                      message + ")");
    throw SaveError(projectPath +
                    ": the edits could not be saved; nothing was written: " + message);
  }
  return outcome;
}

} // namespace anzhi::core
