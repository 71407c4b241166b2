#include "core/import/FieldMapping.h"

#include "core/import/ImportError.h"
#include "gis/Text.h"

#include <algorithm>
#include <cctype>

namespace anzhi::core {

namespace {

std::string asciiLower(std::string_view s)
{
  std::string out(s);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string joined(const std::vector<std::string> &names)
{
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "(none)" : out;
}

//! Splits "left=right" at the first '='; both sides trimmed and non-empty.
std::pair<std::string, std::string> splitPair(std::string_view text, const char *option,
                                              const char *form)
{
  const auto eq = text.find('=');
  std::string left = eq == std::string_view::npos ? "" : gis::trimmed(text.substr(0, eq));
  std::string right = eq == std::string_view::npos ? "" : gis::trimmed(text.substr(eq + 1));
  if (left.empty() || right.empty())
    throw ImportError(std::string(option) + " '" + std::string(text) + "': expected " + form);
  return {left, right};
}

} // namespace

FieldMapping parseFieldMapping(std::string_view text)
{
  auto [ours, theirs] = splitPair(text, "--field", "ours=theirs, e.g. name=XMMC");
  for (char c : ours)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      throw ImportError("--field '" + std::string(text) + "': '" + ours +
                        "' is not a field name of Anzhi (letters, digits and _)");
  return {ours, theirs};
}

std::vector<FieldMapping> parseFieldMappings(const std::vector<std::string> &texts)
{
  std::vector<FieldMapping> result;
  for (const std::string &text : texts) {
    FieldMapping m = parseFieldMapping(text);
    for (const FieldMapping &seen : result)
      if (seen.ours == m.ours)
        throw ImportError("--field: field '" + m.ours + "' is mapped twice ('" + seen.theirs +
                          "' and '" + m.theirs + "')");
    result.push_back(std::move(m));
  }
  return result;
}

std::vector<int> resolveFieldMapping(const LayerSchema &layer,
                                     const std::vector<std::string> &sourceFields,
                                     const std::vector<FieldMapping> &mappings)
{
  auto findSource = [&](const std::string &name) -> int {
    auto exact = std::find(sourceFields.begin(), sourceFields.end(), name);
    if (exact != sourceFields.end())
      return static_cast<int>(exact - sourceFields.begin());
    const std::string lower = asciiLower(name);
    for (std::size_t i = 0; i < sourceFields.size(); ++i)
      if (asciiLower(gis::trimmed(sourceFields[i])) == lower)
        return static_cast<int>(i);
    return -1;
  };
  std::vector<int> result(layer.fields.size(), -1);
  for (const FieldMapping &m : mappings) {
    auto field = std::find_if(layer.fields.begin(), layer.fields.end(),
                              [&](const FieldSchema &f) { return f.name == m.ours; });
    if (field == layer.fields.end()) {
      std::vector<std::string> names;
      for (const FieldSchema &f : layer.fields)
        names.push_back(f.name);
      throw ImportError("--field " + m.ours + "=" + m.theirs + ": " + layer.name +
                        " has no field '" + m.ours + "' (its fields: " + joined(names) + ")");
    }
    const int source = findSource(m.theirs);
    if (source < 0)
      throw ImportError("--field " + m.ours + "=" + m.theirs + ": the source has no field '" +
                        m.theirs + "' (its fields: " + joined(sourceFields) + ")");
    result[static_cast<std::size_t>(field - layer.fields.begin())] = source;
  }
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    if (result[i] >= 0)
      continue;
    const bool mapped = std::any_of(mappings.begin(), mappings.end(), [&](const FieldMapping &m) {
      return m.ours == layer.fields[i].name;
    });
    if (!mapped)
      result[i] = findSource(layer.fields[i].name);
    if (result[i] < 0 && layer.fields[i].mustExist)
      throw ImportError("field '" + layer.fields[i].name + "' of " + layer.name +
                        " is required but the source has no such field; map one with --field " +
                        layer.fields[i].name +
                        "=THEIRS (the source's fields: " + joined(sourceFields) + ")");
  }
  return result;
}

LandUseValueMap parseLandUseMappings(const std::vector<std::string> &texts)
{
  LandUseValueMap result;
  for (const std::string &text : texts) {
    auto [value, name] = splitPair(text, "--land-use", "value=class, e.g. R2=residential");
    std::optional<LandUseClass> cls = classFromName(name);
    for (int c = 0; !cls && c <= static_cast<int>(LandUseClass::Other); ++c)
      if (classNameZh(static_cast<LandUseClass>(c)) == name)
        cls = static_cast<LandUseClass>(c);
    if (!cls)
      throw ImportError("--land-use '" + text + "': '" + name +
                        "' is not a land-use class (education, medical, elderly_care, "
                        "industrial, residential, commercial, road, green, other)");
    auto [it, inserted] = result.emplace(value, *cls);
    if (!inserted && it->second != *cls)
      throw ImportError("--land-use: value '" + value + "' is mapped to two classes");
  }
  return result;
}

} // namespace anzhi::core
