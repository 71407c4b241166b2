#pragma once

#include "core/edit/EditBuffer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace anzhi::core {

//! A row of a layer's attribute table: below baseCount() the index of a base feature, above it
//! an added feature (baseCount() + its place among the added ones).
using RowId = std::uint32_t;

//! One layer of the edited project as a table, frozen at one moment: the base snapshot's features
//! with the edit buffer applied (edited values, deleted features left out, added features after
//! the stored ones). Columns: fid, then the layer's fields (core/Schema). A row's values are read
//! on demand, so a table of 1.7 M plots costs little more than the project it shares.
//! Immutable once made; read it from any thread.
class LayerTable
{
public:
  //! Throws std::invalid_argument when `layer` is not a canonical layer.
  LayerTable(std::shared_ptr<const Project> project, std::string layer, const EditBuffer &edits);

  const std::string &layer() const { return m_layer; }
  const LayerSchema &schema() const { return *m_schema; }
  std::size_t columnCount() const { return 1 + m_schema->fields.size(); }
  //! "fid", then the fields' names.
  std::string columnName(std::size_t column) const;
  gis::FieldType columnType(std::size_t column) const;
  //! The field of a column; null for fid.
  const FieldSchema *columnField(std::size_t column) const;
  //! The column of a field name (or "fid"), if any.
  std::optional<std::size_t> columnOf(std::string_view name) const;

  //! Every row of the edited layer in stored order, added features last.
  std::vector<RowId> rows() const;
  //! One more than the largest RowId.
  std::size_t rowIdCount() const { return m_baseCount + m_added.size(); }
  std::size_t baseCount() const { return m_baseCount; }
  //! How many rows the edited layer has (rows().size()).
  std::size_t rowCount() const { return m_rowCount; }
  bool isDeleted(RowId row) const { return row < m_baseCount && m_deleted[row]; }

  gis::FieldValue value(RowId row, std::size_t column) const;
  std::int64_t fid(RowId row) const;
  FeatureKey key(RowId row) const { return {m_layer, fid(row)}; }
  //! The row of the feature with `fid` (nothing when it is not in the edited layer).
  std::optional<RowId> rowOf(std::int64_t fid) const;

private:
  std::shared_ptr<const Project> m_project;
  std::string m_layer;
  const LayerSchema *m_schema = nullptr;
  std::function<const FeatureBase &(std::size_t)> m_base;
  std::size_t m_baseCount = 0;
  std::size_t m_rowCount = 0;
  std::vector<bool> m_deleted;
  std::unordered_map<RowId, std::shared_ptr<const FeatureState>> m_edited;
  std::vector<std::pair<std::int64_t, std::shared_ptr<const FeatureState>>> m_added;
};

//! A cell's value as text: numbers in the shortest form that reads back, dates YYYY-MM-DD,
//! empty for null.
std::string cellText(const gis::FieldValue &value);

} // namespace anzhi::core
