#include "core/import/ValueMap.h"

#include "core/import/ImportError.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace anzhi::core {

namespace {

//! Every field of that name with coded values, in any layer (level: schools' and clinics').
std::vector<std::pair<const LayerSchema *, const FieldSchema *>>
codedFieldsNamed(std::string_view name)
{
  std::vector<std::pair<const LayerSchema *, const FieldSchema *>> out;
  for (const LayerSchema &layer : canonicalSchema())
    if (const FieldSchema *f = layer.field(name); f && f->coding != Coding::Free)
      out.push_back({&layer, f});
  return out;
}

std::string codedFieldNames()
{
  std::vector<std::string> names;
  for (const LayerSchema &layer : canonicalSchema())
    for (const FieldSchema &f : layer.fields)
      if (f.coding != Coding::Free && std::find(names.begin(), names.end(), f.name) == names.end())
        names.push_back(f.name);
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

//! The fields a value-map key ("level" or "schools.level") names; throws naming `origin` when
//! none.
std::vector<std::pair<const LayerSchema *, const FieldSchema *>>
fieldsOfKey(const std::string &key, const std::string &origin)
{
  const auto dot = key.find('.');
  if (dot == std::string::npos) {
    auto fields = codedFieldsNamed(key);
    if (fields.empty())
      throw ImportError(origin + ": '" + key + "' is not a coded field (" + codedFieldNames() +
                        ", or layer.field such as schools.level)");
    return fields;
  }
  const LayerSchema *layer = findLayerSchema(key.substr(0, dot));
  const FieldSchema *field = layer ? layer->field(key.substr(dot + 1)) : nullptr;
  if (!field || field->coding == Coding::Free)
    throw ImportError(origin + ": '" + key + "' is not a coded field of a layer (e.g. " +
                      "schools.level, reclaimed_homesteads.status)");
  return {{layer, field}};
}

bool isIdentifier(std::string_view s)
{
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z'))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

//! The code `target` names for the field: "" is NULL, a code, a word of the built-in table
//! (小学), or any identifier for an open field; nothing when the field does not allow it.
std::optional<std::optional<std::string>> resolveTarget(const FieldSchema &field,
                                                        const std::string &target)
{
  if (target.empty())
    return std::optional<std::string>();
  if (isFieldCode(field, target))
    return std::optional<std::string>(target);
  if (auto code = defaultCode(field, target))
    return std::optional<std::string>(*code);
  if (field.coding == Coding::Open && isIdentifier(target))
    return std::optional<std::string>(target);
  return std::nullopt;
}

std::string describeField(const LayerSchema &layer, const FieldSchema &field)
{
  std::string codes;
  for (const std::string &c : fieldCodes(field))
    codes += (codes.empty() ? "" : ", ") + c;
  if (field.coding == Coding::Open)
    codes += ", …";
  return layer.name + "." + field.name + " (" + codes + ")";
}

//! Checks that `target` is a code of at least one of the fields the key names.
void validateTarget(const std::string &key, const std::string &target, const std::string &origin)
{
  std::string allowed;
  for (const auto &[layer, field] : fieldsOfKey(key, origin)) {
    if (resolveTarget(*field, target))
      return;
    allowed += (allowed.empty() ? "" : "; ") + describeField(*layer, *field);
  }
  throw ImportError(origin + ": '" + target + "' is not a code of " + allowed +
                    " (nor a word for one; nothing for NULL)");
}

void addEntry(ValueMaps &maps, const std::string &key, const std::string &source,
              ValueMapEntry entry)
{
  const std::string sourceKey = codeKey(source);
  if (sourceKey.empty())
    throw ImportError(entry.origin + ": no source value (a blank one is always NULL)");
  validateTarget(key, entry.code, entry.origin);
  auto &field = maps.fields[key];
  auto [it, inserted] = field.emplace(sourceKey, entry);
  if (!inserted && it->second.code != entry.code)
    throw ImportError(entry.origin + ": '" + source + "' of " + key + " is mapped twice ('" +
                      it->second.code + "' at " + it->second.origin + ")");
}

} // namespace

ValueMaps parseValueMappings(const std::vector<std::string> &texts)
{
  ValueMaps maps;
  for (const std::string &text : texts) {
    const std::string origin = "--value " + text;
    const auto eq = text.find('=');
    const std::string key = eq == std::string::npos ? "" : codeTrimmed(text.substr(0, eq));
    std::string rest = eq == std::string::npos ? "" : text.substr(eq + 1);
    // The code follows the last colon, ASCII or full-width (：, as a Chinese keyboard types it).
    std::size_t colon = rest.rfind(':'), width = 1;
    const std::size_t wide = rest.rfind("\xEF\xBC\x9A");
    if (wide != std::string::npos && (colon == std::string::npos || wide > colon)) {
      colon = wide;
      width = 3;
    }
    if (key.empty() || colon == std::string::npos)
      throw ImportError(origin + ": expected field=source:code, e.g. level=小学:primary");
    const std::string source = codeTrimmed(rest.substr(0, colon));
    const std::string code = codeTrimmed(rest.substr(colon + width));
    addEntry(maps, key, source, {code, origin, true});
  }
  return maps;
}

ValueMaps parseValueMapToml(std::string_view text, const std::string &name)
{
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error &e) {
    std::ostringstream out;
    out << name << ":" << e.source().begin.line << ": " << e.description();
    throw ImportError(out.str());
  }
  ValueMaps maps;
  auto where = [&](const toml::node &node) {
    return name + ":" + std::to_string(node.source().begin.line);
  };
  // `[field]` holds "source" = "code"; `[layer.field]` is a table of the layer's table.
  auto readTable = [&](const std::string &key, const toml::table &table) {
    for (const auto &[k, v] : table) {
      const std::string source(k.str());
      const std::string origin = where(v) + ": [" + key + "] \"" + source + "\"";
      const auto *code = v.as_string();
      if (!code)
        throw ImportError(origin + ": expected a code in quotes, e.g. \"primary\", or \"\" for "
                                   "NULL");
      addEntry(maps, key, source, {codeTrimmed(code->get()), where(v), false});
    }
  };
  for (const auto &[k, v] : root) {
    const std::string key(k.str());
    const toml::table *table = v.as_table();
    if (!table)
      throw ImportError(where(v) + ": '" + key + "' must be a table: [" + key +
                        "] followed by lines \"source\" = \"code\"");
    if (findLayerSchema(key)) {
      for (const auto &[fk, fv] : *table) {
        const std::string fieldKey = key + "." + std::string(fk.str());
        const toml::table *fieldTable = fv.as_table();
        if (!fieldTable)
          throw ImportError(where(fv) + ": '" + fieldKey + "' must be a table: [" + fieldKey +
                            "] followed by lines \"source\" = \"code\"");
        fieldsOfKey(fieldKey, where(fv));
        readTable(fieldKey, *fieldTable);
      }
    } else {
      fieldsOfKey(key, where(v));
      readTable(key, *table);
    }
  }
  return maps;
}

ValueMaps readValueMapFile(const std::string &path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ImportError("--values " + path + ": cannot read the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parseValueMapToml(buffer.str(), path);
}

void overrideValueMaps(ValueMaps &base, const ValueMaps &later)
{
  for (const auto &[key, entries] : later.fields)
    for (const auto &[source, entry] : entries)
      base.fields[key][source] = entry;
}

CodeMapper::CodeMapper(const LayerSchema &layer, const FieldSchema &field, const ValueMaps &user)
    : m_layer(&layer)
    , m_field(&field)
{
  for (const std::string &key : {field.name, layer.name + "." + field.name}) {
    auto entries = user.fields.find(key);
    if (entries == user.fields.end())
      continue;
    const bool ownLayer = key != field.name;
    for (const auto &[source, entry] : entries->second) {
      if (auto code = resolveTarget(field, entry.code))
        m_user[source] = *code;
      else if (entry.strict || ownLayer)
        throw ImportError(entry.origin + ": '" + entry.code + "' is not a code of " + describe());
    }
  }
}

std::string CodeMapper::describe() const
{
  return describeField(*m_layer, *m_field);
}

CodeMapper::Result CodeMapper::map(std::string_view source) const
{
  const std::string key = codeKey(source);
  if (key.empty())
    return {std::nullopt, How::Empty};
  if (auto user = m_user.find(key); user != m_user.end())
    return {user->second, How::User};
  const std::string trimmed = codeTrimmed(source);
  if (isFieldCode(*m_field, trimmed))
    return {trimmed, How::Code};
  if (auto code = defaultCode(*m_field, key))
    return {*code, How::Default};
  if (m_field->coding == Coding::Closed)
    return {std::nullopt, How::Unmapped};
  return {std::string(source), How::Kept};
}

const std::vector<SchoolCodeType> &schoolCodeTypes()
{
  // 教育部《学校（机构）代码管理办法》(2011): 学校类别码. Only the types that are one of
  // docs/contract.md's levels give one; a nine-year school (九年一贯制) has no type of its own and
  // is registered as 31 普通初中, a 完全中学 as 34 普通高中 (docs/import.md).
  static const std::vector<SchoolCodeType> types = {
      {"11", "幼儿园", std::nullopt},
      {"21", "普通小学", "primary"},
      {"22", "成人小学", std::nullopt},
      {"31", "普通初中", "junior"},
      {"32", "职业初中", std::nullopt},
      {"33", "成人初中", std::nullopt},
      {"34", "普通高中", "high"},
      {"35", "成人高中", std::nullopt},
      {"36", "中等职业学校", "vocational"},
      {"37", "工读学校", std::nullopt},
      {"41", "普通高等学校", std::nullopt},
      {"42", "成人高等学校", std::nullopt},
      {"51", "特殊教育学校", std::nullopt},
      {"91", "培养研究生的科研机构", std::nullopt},
      {"92", "民办的其他高等教育机构", std::nullopt},
      {"93", "中等职业培训机构", std::nullopt},
  };
  return types;
}

std::optional<std::string> levelFromSchoolCode(std::string_view code, std::string *why)
{
  const std::string digits = codeTrimmed(code);
  auto fail = [&](const std::string &reason) -> std::optional<std::string> {
    if (why)
      *why = reason;
    return std::nullopt;
  };
  if (digits.size() != 10 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return fail("'" + digits + "' is not a ten-digit 学校（机构）标识码");
  for (const SchoolCodeType &type : schoolCodeTypes())
    if (digits.compare(0, 2, type.digits) == 0) {
      if (type.level)
        return std::string(*type.level);
      return fail("学校（机构）标识码 '" + digits + "' is of type " + std::string(type.digits) +
                  " " + std::string(type.nameZh) + ", which is none of the school levels");
    }
  return fail("学校（机构）标识码 '" + digits + "' is of type " + digits.substr(0, 2) +
              ", which is not a type of the code");
}

bool isSchoolCodeFieldName(std::string_view name)
{
  const std::string key = codeKey(name);
  for (std::string_view known : {"school_id", "学校标识码", "学校（机构）标识码",
                                 "学校(机构)标识码", "机构标识码", "标识码"})
    if (key == known)
      return true;
  return false;
}

std::vector<std::map<std::string, std::int64_t>>
distinctValueCounts(const std::string &path, const SourceOptions &options,
                    const std::vector<std::string> &fields, std::size_t limit)
{
  const ImportSource source = ImportSource::open(path, options);
  const auto &names = source.fieldNames();
  std::vector<int> index;
  for (const std::string &field : fields) {
    const auto it = std::find(names.begin(), names.end(), field);
    if (it == names.end())
      throw ImportError(source.where(-1) + ": no field '" + field + "'");
    index.push_back(static_cast<int>(it - names.begin()));
  }
  // Values that differ in ASCII case or surrounding space are one value to the value map: the
  // first spelling met stands for them.
  std::vector<std::map<std::string, std::string>> spelling(fields.size());
  std::vector<std::map<std::string, std::int64_t>> counts(fields.size());
  source.forEach([&](const SourceRow &row) {
    for (std::size_t i = 0; i < index.size(); ++i) {
      const std::optional<std::string> text = row.text(index[i]);
      if (!text)
        continue;
      const std::string key = codeKey(*text);
      if (key.empty())
        continue;
      auto known = spelling[i].find(key);
      if (known == spelling[i].end()) {
        if (spelling[i].size() >= limit)
          continue;
        known = spelling[i].emplace(key, codeTrimmed(*text)).first;
      }
      ++counts[i][known->second];
    }
    return true;
  });
  return counts;
}

} // namespace anzhi::core
