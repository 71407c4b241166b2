#pragma once

#include "core/query/LayerTable.h"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! The comparisons of 按属性选择 (select by attribute).
enum class CompareOp
{
  Equal,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  Contains, //!< the value's text holds the given text (letters in any case)
  IsEmpty,  //!< null or empty text
  IsNotEmpty
};

//! A query that does not parse: what() says where ("position 14: …") and which token.
class QueryError : public std::runtime_error
{
public:
  QueryError(std::size_t position, std::string token, const std::string &why);
  std::size_t position() const { return m_position; }
  const std::string &token() const { return m_token; }

private:
  std::size_t m_position;
  std::string m_token;
};

//! One comparison of a column with a value of the column's type.
struct Condition
{
  std::size_t column = 0;
  CompareOp op = CompareOp::Equal;
  gis::FieldValue value;
};

//! A filter on a layer's attribute table: comparisons joined by AND and OR, AND binding
//! tighter (`level = 'junior' AND capacity < 300 OR level = 'primary'`). A null value meets
//! only ≠ and `is empty`. docs/editing.md, "Attribute table", gives the grammar.
//! Immutable; evaluate from any thread.
class AttributeQuery
{
public:
  //! Parses `text` against `table`'s columns: a field is named by its name, its Chinese or
  //! English display name, or fid; operators = != <> ≠ < <= ≤ > >= ≥ contains, `is empty`,
  //! `is not empty`; values are 'quoted' ('' for a quote), numbers, or bare words; a coded field
  //! also takes a value's words (初中 for junior). Throws QueryError naming the position and
  //! token of the first thing that does not fit (an unknown field, a number field compared
  //! with text, a missing value).
  static AttributeQuery parse(std::string_view text, const LayerTable &table);
  //! One comparison, as the field / operator / value form builds it; `value` is read as the
  //! column's type (QueryError at position 0 when it does not fit).
  static AttributeQuery single(const LayerTable &table, std::size_t column, CompareOp op,
                               std::string_view value);

  bool matches(const LayerTable &table, RowId row) const;

private:
  //! OR of ANDs.
  std::vector<std::vector<Condition>> m_any;
};

//! Whether the cell's text holds `needle` (ASCII letters in any case); coded values also match
//! by their Chinese and English words.
bool cellContains(const FieldSchema *field, const gis::FieldValue &value, std::string_view needle);

//! What the table shows and in what order: the rows a filter keeps, those holding a text in
//! any cell, only some rows, sorted by a column.
struct RowRequest
{
  std::optional<AttributeQuery> filter;
  std::string text; //!< kept when any cell contains it (empty: every row)
  //! Kept only when listed (nothing: no such restriction); sorted.
  std::optional<std::vector<RowId>> only;
  std::optional<std::size_t> sortColumn;
  bool descending = false;
};

//! The rows of `table` a request keeps, in its order. Sorting compares raw values (codes, not
//! their words), nulls first when ascending; equal values keep stored order. Runs on every core:
//! call it on a worker for a large layer.
std::vector<RowId> arrangeRows(const LayerTable &table, const RowRequest &request);

//! The rows among `rows` that `query` matches, in their order.
std::vector<RowId> matchingRows(const LayerTable &table, const std::vector<RowId> &rows,
                                const AttributeQuery &query);

} // namespace anzhi::core
