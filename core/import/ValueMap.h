#pragma once

// The value maps of coded fields (docs/import.md, "Coded values"): what the words of a source
// stand for in the codes docs/contract.md lists (小学 → primary, 城镇 → urban), from the user's map
// (`--value`, `--values FILE.toml`, the wizard's choices) and the built-in table of
// core/Schema.cpp. The parsers are pure functions without I/O (fuzz entry points), throwing
// ImportError with one line naming the argument, or the file and line, at fault.

#include "core/Schema.h"
#include "core/import/ImportSource.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! One entry of a user's value map: the code a source value stands for.
struct ValueMapEntry
{
  std::string code;   //!< a code of the field, or empty: the value is imported as NULL
  std::string origin; //!< for messages: "--value level=小学:primary" or "map.toml:3"
  //! From the command line: a code the role's field does not allow is an error. A file's plain
  //! `[field]` table may serve several layers (`level` of schools and of clinics): its entries
  //! whose code another layer's field allows are left out.
  bool strict = false;
};

//! A user's value maps, by "field" (the field of that name of the role imported) or
//! "layer.field"; within a field, by the codeKey() of the source value.
struct ValueMaps
{
  std::map<std::string, std::map<std::string, ValueMapEntry, std::less<>>, std::less<>> fields;
  bool empty() const { return fields.empty(); }
};

//! Parses `--value` arguments "field=source:code": `field` a coded field (or layer.field),
//! `source` the value as the source writes it (trimmed, compared as codeKey), `code` after the
//! last ':' a code of the field or a word the built-in table maps to one (小学), or nothing for
//! NULL. A source value mapped twice to different codes is an error.
ValueMaps parseValueMappings(const std::vector<std::string> &texts);
//! Parses a value-map file: `[field]` or `[layer.field]` tables of `"source" = "code"` (docs/
//! import.md). `name` is the file's name in messages (name:line).
ValueMaps parseValueMapToml(std::string_view text, const std::string &name);
//! Reads and parses a value-map file (`--values FILE.toml`).
ValueMaps readValueMapFile(const std::string &path);
//! Adds `later`'s entries to `base`, overriding those of the same field and value.
void overrideValueMaps(ValueMaps &base, const ValueMaps &later);

//! How one coded field of the role imported maps a source value: the user's map (its `field`
//! entries, then `layer.field` ones), the value itself when it is a code, then the built-in table
//! (core::defaultCode). A closed field's other values are unmapped; an open field's (service
//! kinds) and land use's are kept as they are (the rule set classifies land-use codes).
class CodeMapper
{
public:
  enum class How
  {
    Empty,   //!< nothing but white space: NULL
    Code,    //!< already a code
    User,    //!< by the user's map (the code may be NULL)
    Default, //!< by the built-in table
    Kept,    //!< an open field's or land use's other value, as it is
    Unmapped //!< a closed field's other value
  };
  struct Result
  {
    std::optional<std::string> value; //!< what is written (null: NULL)
    How how = How::Empty;
  };

  //! Throws ImportError when a strict entry of `user` names a code the field does not allow.
  CodeMapper(const LayerSchema &layer, const FieldSchema &field, const ValueMaps &user);
  Result map(std::string_view source) const;
  const FieldSchema &field() const { return *m_field; }
  //! "schools.level (primary, junior, nine_year, high, vocational)", for messages.
  std::string describe() const;

private:
  const LayerSchema *m_layer;
  const FieldSchema *m_field;
  std::map<std::string, std::optional<std::string>, std::less<>> m_user;
};

//! The type digits (the first two) of the ten-digit 学校（机构）标识码 of the Ministry of
//! Education (学校类别码 2 + 省级行政区划码 2 + 序号 6), what they name, and the school level
//! they give, if any (docs/import.md).
struct SchoolCodeType
{
  std::string_view digits;
  std::string_view nameZh;
  std::optional<std::string_view> level;
};
const std::vector<SchoolCodeType> &schoolCodeTypes();
//! The level a 学校（机构）标识码 gives; nothing, with the reason in `why`, when it is not ten
//! digits or its type gives no level (a kindergarten, a school for adults, a type not listed).
std::optional<std::string> levelFromSchoolCode(std::string_view code, std::string *why = nullptr);
//! Whether a source field of this name holds the 学校（机构）标识码 (学校标识码, 机构标识码,
//! 标识码, school_id, … compared as codeKey).
bool isSchoolCodeFieldName(std::string_view name);

//! The distinct values of some fields of a source, trimmed, each with its number of rows (NULL
//! and blank values left out), at most `limit` values per field: what the wizard's values step
//! lists. Reads the whole layer; throws ImportError naming a field the source lacks.
std::vector<std::map<std::string, std::int64_t>>
distinctValueCounts(const std::string &path, const SourceOptions &options,
                    const std::vector<std::string> &fields, std::size_t limit = 500);

} // namespace anzhi::core
