#include "core/query/LayerTable.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace anzhi::core {

LayerTable::LayerTable(std::shared_ptr<const Project> project, std::string layer,
                       const EditBuffer &edits)
    : m_project(std::move(project))
    , m_layer(std::move(layer))
{
  const bool known = m_project->visitLayer(m_layer, [&](const auto &l) {
    m_schema = l.schema;
    m_baseCount = l.features.size();
    // The project is immutable and shared by this table: the reference stays valid.
    m_base = [&l](std::size_t i) -> const FeatureBase & { return l.features[i]; };
  });
  if (!known)
    throw std::invalid_argument("'" + m_layer + "' is not a layer of a project");
  m_deleted.assign(m_baseCount, false);
  for (const auto &[key, slot] : edits.changes()) {
    if (key.layer != m_layer)
      continue;
    std::optional<std::size_t> index =
        key.fid >= 0 ? findFid(*m_project, m_layer, key.fid) : std::nullopt;
    if (!index) {
      if (slot.kind == Slot::Kind::State)
        m_added.emplace_back(key.fid, slot.state);
      continue;
    }
    if (slot.kind == Slot::Kind::Deleted)
      m_deleted[*index] = true;
    else if (slot.kind == Slot::Kind::State)
      m_edited.emplace(RowId(*index), slot.state);
  }
  m_rowCount = m_baseCount + m_added.size() -
               std::size_t(std::count(m_deleted.begin(), m_deleted.end(), true));
  // New features in the order they were drawn: -1, -2, …
  std::sort(m_added.begin(), m_added.end(),
            [](const auto &a, const auto &b) { return a.first > b.first; });
}

std::string LayerTable::columnName(std::size_t column) const
{
  return column == 0 ? "fid" : m_schema->fields.at(column - 1).name;
}

gis::FieldType LayerTable::columnType(std::size_t column) const
{
  return column == 0 ? gis::FieldType::Integer : m_schema->fields.at(column - 1).type;
}

const FieldSchema *LayerTable::columnField(std::size_t column) const
{
  return column == 0 ? nullptr : &m_schema->fields.at(column - 1);
}

std::optional<std::size_t> LayerTable::columnOf(std::string_view name) const
{
  if (name == "fid")
    return 0;
  for (std::size_t i = 0; i < m_schema->fields.size(); ++i)
    if (m_schema->fields[i].name == name)
      return i + 1;
  return std::nullopt;
}

std::vector<RowId> LayerTable::rows() const
{
  std::vector<RowId> out;
  out.reserve(rowIdCount());
  for (std::size_t i = 0; i < m_baseCount; ++i)
    if (!m_deleted[i])
      out.push_back(RowId(i));
  for (std::size_t i = 0; i < m_added.size(); ++i)
    out.push_back(RowId(m_baseCount + i));
  return out;
}

gis::FieldValue LayerTable::value(RowId row, std::size_t column) const
{
  if (column == 0)
    return fid(row);
  const FieldSchema &field = m_schema->fields.at(column - 1);
  const FeatureState *state = nullptr;
  if (row >= m_baseCount)
    state = m_added.at(row - m_baseCount).second.get();
  else if (auto it = m_edited.find(row); it != m_edited.end())
    state = it->second.get();
  if (!state)
    return field.binding.get(m_base(row));
  auto it = state->attributes.find(field.name);
  return it == state->attributes.end() ? gis::FieldValue{} : it->second;
}

std::int64_t LayerTable::fid(RowId row) const
{
  return row >= m_baseCount ? m_added.at(row - m_baseCount).first : m_base(row).fid;
}

std::optional<RowId> LayerTable::rowOf(std::int64_t fid) const
{
  if (fid < 0) {
    for (std::size_t i = 0; i < m_added.size(); ++i)
      if (m_added[i].first == fid)
        return RowId(m_baseCount + i);
    return std::nullopt;
  }
  auto index = findFid(*m_project, m_layer, fid);
  if (!index || m_deleted[*index])
    return std::nullopt;
  return RowId(*index);
}

std::string cellText(const gis::FieldValue &value)
{
  if (auto *s = std::get_if<std::string>(&value))
    return *s;
  if (auto *n = std::get_if<std::int64_t>(&value))
    return std::to_string(*n);
  if (auto *d = std::get_if<double>(&value)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return ec == std::errc() ? std::string(buf, end) : std::string();
  }
  if (auto *date = std::get_if<gis::Date>(&value))
    return date->toString();
  return {};
}

} // namespace anzhi::core
