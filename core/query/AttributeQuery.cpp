#include "core/query/AttributeQuery.h"

#include "core/Parallel.h"
#include "core/Schema.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <compare>
#include <cstdlib>
#include <optional>

namespace anzhi::core {

namespace {

std::string lowered(std::string_view text)
{
  std::string out(text);
  for (char &c : out)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

//! Characters (UTF-8 code points) before byte `offset`, counted from 1: what an error names.
std::size_t characterPosition(std::string_view text, std::size_t offset)
{
  std::size_t n = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      ++n;
  return n;
}

struct Token
{
  enum class Kind
  {
    Word,
    Quoted,
    Operator,
    End
  };
  Kind kind = Kind::End;
  std::string text;
  std::size_t offset = 0;
};

bool isOperatorStart(std::string_view rest)
{
  return rest.starts_with('=') || rest.starts_with('<') || rest.starts_with('>') ||
         rest.starts_with('!') || rest.starts_with("≠") || rest.starts_with("≤") ||
         rest.starts_with("≥");
}

std::vector<Token> tokenize(std::string_view text)
{
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    Token t;
    t.offset = i;
    std::string_view rest = text.substr(i);
    if (c == '\'') {
      t.kind = Token::Kind::Quoted;
      ++i;
      for (;;) {
        if (i >= text.size())
          throw QueryError(characterPosition(text, t.offset), std::string(rest),
                           "the quote is not closed");
        if (text[i] == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') {
            t.text += '\'';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        t.text += text[i++];
      }
    } else if (isOperatorStart(rest)) {
      t.kind = Token::Kind::Operator;
      for (std::string_view op : {"<=", ">=", "!=", "<>", "≠", "≤", "≥", "=", "<", ">"})
        if (rest.starts_with(op)) {
          t.text = op;
          break;
        }
      if (t.text.empty())
        throw QueryError(characterPosition(text, i), std::string(1, c), "not an operator");
      i += t.text.size();
    } else {
      t.kind = Token::Kind::Word;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) &&
             text[i] != '\'' && !isOperatorStart(text.substr(i)))
        t.text += text[i++];
    }
    tokens.push_back(std::move(t));
  }
  tokens.push_back({Token::Kind::End, {}, text.size()});
  return tokens;
}

std::optional<CompareOp> comparison(const std::string &op)
{
  if (op == "=")
    return CompareOp::Equal;
  if (op == "!=" || op == "<>" || op == "≠")
    return CompareOp::NotEqual;
  if (op == "<")
    return CompareOp::Less;
  if (op == "<=" || op == "≤")
    return CompareOp::LessEqual;
  if (op == ">")
    return CompareOp::Greater;
  if (op == ">=" || op == "≥")
    return CompareOp::GreaterEqual;
  return std::nullopt;
}

//! The column a word names: a field's name or display name, or fid.
std::optional<std::size_t> columnNamed(const LayerTable &table, const std::string &word)
{
  if (auto c = table.columnOf(word))
    return c;
  const std::string key = lowered(word);
  if (key == "fid")
    return 0;
  for (std::size_t c = 1; c < table.columnCount(); ++c) {
    const FieldSchema &f = *table.columnField(c);
    if (f.nameZh == word || lowered(f.nameEn) == key || lowered(f.name) == key)
      return c;
  }
  return std::nullopt;
}

//! The literal as a value of the column's type; nothing when it is not one.
std::optional<gis::FieldValue> literal(const LayerTable &table, std::size_t column,
                                       std::string_view text, CompareOp op)
{
  if (op == CompareOp::Contains)
    return gis::FieldValue(std::string(text));
  std::string value(text);
  if (const FieldSchema *f = table.columnField(column))
    if (auto code = defaultCode(*f, text))
      value = *code;
  switch (table.columnType(column)) {
  case gis::FieldType::String:
    return gis::FieldValue(value);
  case gis::FieldType::Integer: {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size())
      return std::nullopt;
    return gis::FieldValue(n);
  }
  case gis::FieldType::Real: {
    double d = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), d);
    if (ec != std::errc() || end != value.data() + value.size())
      return std::nullopt;
    return gis::FieldValue(d);
  }
  case gis::FieldType::Date: {
    gis::Date d;
    char tail = 0;
    if (std::sscanf(value.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3 ||
        d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
      return std::nullopt;
    return gis::FieldValue(d);
  }
  }
  return std::nullopt;
}

std::string typeWords(gis::FieldType type)
{
  switch (type) {
  case gis::FieldType::Integer:
    return "a whole number";
  case gis::FieldType::Real:
    return "a number";
  case gis::FieldType::Date:
    return "a date (YYYY-MM-DD)";
  case gis::FieldType::String:
    break;
  }
  return "text";
}

std::optional<double> numberOf(const gis::FieldValue &v)
{
  if (auto *n = std::get_if<std::int64_t>(&v))
    return double(*n);
  if (auto *d = std::get_if<double>(&v))
    return *d;
  return std::nullopt;
}

//! Orders two values of a column: nulls first, numbers by value, text by bytes, dates by day.
std::weak_ordering compareValues(const gis::FieldValue &a, const gis::FieldValue &b)
{
  auto x = numberOf(a), y = numberOf(b);
  if (x && y) {
    if (*x < *y)
      return std::weak_ordering::less;
    return *y < *x ? std::weak_ordering::greater : std::weak_ordering::equivalent;
  }
  if (a < b)
    return std::weak_ordering::less;
  return b < a ? std::weak_ordering::greater : std::weak_ordering::equivalent;
}

bool isEmptyValue(const gis::FieldValue &v)
{
  if (std::holds_alternative<std::monostate>(v))
    return true;
  auto *s = std::get_if<std::string>(&v);
  return s && s->empty();
}

bool meets(const LayerTable &table, RowId row, const Condition &c)
{
  const gis::FieldValue v = table.value(row, c.column);
  switch (c.op) {
  case CompareOp::IsEmpty:
    return isEmptyValue(v);
  case CompareOp::IsNotEmpty:
    return !isEmptyValue(v);
  case CompareOp::Contains:
    return !isEmptyValue(v) &&
           cellContains(table.columnField(c.column), v, std::get<std::string>(c.value));
  default:
    break;
  }
  if (std::holds_alternative<std::monostate>(v))
    return c.op == CompareOp::NotEqual;
  const auto order = compareValues(v, c.value);
  switch (c.op) {
  case CompareOp::Equal:
    return order == 0;
  case CompareOp::NotEqual:
    return order != 0;
  case CompareOp::Less:
    return order < 0;
  case CompareOp::LessEqual:
    return order <= 0;
  case CompareOp::Greater:
    return order > 0;
  case CompareOp::GreaterEqual:
    return order >= 0;
  default:
    return false;
  }
}

//! The rows `keep` accepts, in order, tested on every core in slices.
template<typename Keep> std::vector<RowId> keepIf(const std::vector<RowId> &rows, Keep keep)
{
  constexpr std::size_t kSlice = 1 << 15;
  const std::size_t slices = (rows.size() + kSlice - 1) / kSlice;
  std::vector<std::vector<RowId>> kept(slices);
  parallelFor(slices, 0, [&](std::size_t s) {
    const std::size_t end = std::min(rows.size(), (s + 1) * kSlice);
    for (std::size_t i = s * kSlice; i < end; ++i)
      if (keep(rows[i]))
        kept[s].push_back(rows[i]);
  });
  std::vector<RowId> out;
  for (const auto &part : kept)
    out.insert(out.end(), part.begin(), part.end());
  return out;
}

} // namespace

QueryError::QueryError(std::size_t position, std::string token, const std::string &why)
    : std::runtime_error("position " + std::to_string(position) +
                         (token.empty() ? std::string(": ") : ", '" + token + "': ") + why)
    , m_position(position)
    , m_token(std::move(token))
{
}

AttributeQuery AttributeQuery::parse(std::string_view text, const LayerTable &table)
{
  const std::vector<Token> tokens = tokenize(text);
  std::size_t i = 0;
  auto fail = [&](const Token &t, const std::string &why) -> QueryError {
    return QueryError(characterPosition(text, t.offset), t.text, why);
  };
  auto keyword = [&](const Token &t, std::string_view word) {
    return t.kind == Token::Kind::Word && lowered(t.text) == word;
  };
  AttributeQuery query;
  query.m_any.emplace_back();
  for (;;) {
    const Token &name = tokens[i++];
    if (name.kind != Token::Kind::Word)
      throw fail(name, name.kind == Token::Kind::End ? "a field name is missing"
                                                     : "a field name was expected");
    const auto column = columnNamed(table, name.text);
    if (!column)
      throw fail(name, "no such field in " + table.layer());
    Condition c{*column, CompareOp::Equal, {}};
    const Token &op = tokens[i++];
    if (keyword(op, "is")) {
      c.op = CompareOp::IsEmpty;
      if (keyword(tokens[i], "not")) {
        c.op = CompareOp::IsNotEmpty;
        ++i;
      }
      if (!keyword(tokens[i], "empty"))
        throw fail(tokens[i], "'empty' was expected");
      ++i;
    } else {
      if (keyword(op, "contains"))
        c.op = CompareOp::Contains;
      else if (auto o = op.kind == Token::Kind::Operator ? comparison(op.text) : std::nullopt)
        c.op = *o;
      else
        throw fail(op, "an operator (= ≠ < ≤ > ≥ contains, is empty) was expected");
      const Token &value = tokens[i++];
      if (value.kind != Token::Kind::Word && value.kind != Token::Kind::Quoted)
        throw fail(value, "a value was expected");
      auto v = literal(table, c.column, value.text, c.op);
      if (!v)
        throw fail(value,
                   table.columnName(c.column) + " takes " + typeWords(table.columnType(c.column)));
      c.value = std::move(*v);
    }
    query.m_any.back().push_back(std::move(c));
    const Token &next = tokens[i++];
    if (next.kind == Token::Kind::End)
      return query;
    if (keyword(next, "or"))
      query.m_any.emplace_back();
    else if (!keyword(next, "and"))
      throw fail(next, "AND, OR or the end was expected");
  }
}

AttributeQuery AttributeQuery::single(const LayerTable &table, std::size_t column, CompareOp op,
                                      std::string_view value)
{
  Condition c{column, op, {}};
  if (op != CompareOp::IsEmpty && op != CompareOp::IsNotEmpty) {
    auto v = literal(table, column, value, op);
    if (!v)
      throw QueryError(1, std::string(value),
                       table.columnName(column) + " takes " + typeWords(table.columnType(column)));
    c.value = std::move(*v);
  }
  AttributeQuery query;
  query.m_any.push_back({std::move(c)});
  return query;
}

bool AttributeQuery::matches(const LayerTable &table, RowId row) const
{
  return std::any_of(m_any.begin(), m_any.end(), [&](const std::vector<Condition> &all) {
    return std::all_of(all.begin(), all.end(),
                       [&](const Condition &c) { return meets(table, row, c); });
  });
}

bool cellContains(const FieldSchema *field, const gis::FieldValue &value, std::string_view needle)
{
  const std::string key = lowered(needle);
  const std::string text = cellText(value);
  if (lowered(text).find(key) != std::string::npos)
    return true;
  if (!field || field->choices.empty())
    return false;
  const Choice *choice = findChoice(field->name, text);
  return choice && (choice->nameZh.find(key) != std::string::npos ||
                    lowered(choice->nameEn).find(key) != std::string::npos);
}

std::vector<RowId> matchingRows(const LayerTable &table, const std::vector<RowId> &rows,
                                const AttributeQuery &query)
{
  return keepIf(rows, [&](RowId r) { return query.matches(table, r); });
}

std::vector<RowId> arrangeRows(const LayerTable &table, const RowRequest &request)
{
  std::vector<RowId> rows = table.rows();
  if (request.only)
    rows = keepIf(rows, [&](RowId r) {
      return std::binary_search(request.only->begin(), request.only->end(), r);
    });
  if (request.filter)
    rows = matchingRows(table, rows, *request.filter);
  if (!request.text.empty())
    rows = keepIf(rows, [&](RowId r) {
      for (std::size_t c = 0; c < table.columnCount(); ++c)
        if (cellContains(table.columnField(c), table.value(r, c), request.text))
          return true;
      return false;
    });
  if (!request.sortColumn)
    return rows;
  std::vector<std::pair<gis::FieldValue, RowId>> keyed(rows.size());
  constexpr std::size_t kSlice = 1 << 15;
  parallelFor((rows.size() + kSlice - 1) / kSlice, 0, [&](std::size_t s) {
    for (std::size_t i = s * kSlice; i < std::min(rows.size(), (s + 1) * kSlice); ++i)
      keyed[i] = {table.value(rows[i], *request.sortColumn), rows[i]};
  });
  const bool descending = request.descending;
  std::sort(keyed.begin(), keyed.end(), [descending](const auto &a, const auto &b) {
    const auto order = compareValues(a.first, b.first);
    if (order != 0)
      return descending ? order > 0 : order < 0;
    return a.second < b.second;
  });
  for (std::size_t i = 0; i < rows.size(); ++i)
    rows[i] = keyed[i].second;
  return rows;
}

} // namespace anzhi::core
