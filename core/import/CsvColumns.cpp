#include "core/import/CsvColumns.h"

#include "gis/Text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace anzhi::core {

namespace {

std::string normalised(std::string_view s)
{
  std::string out = gis::trimmed(s);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template<std::size_t N>
std::optional<std::size_t> findColumn(const std::vector<std::string> &header,
                                      const std::array<std::string_view, N> &names)
{
  // Names in order of preference: "lon" beats a stray "x" only if it comes first in the list.
  for (std::string_view name : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (normalised(header[i]) == name)
        return i;
  return std::nullopt;
}

} // namespace

char csvSeparator(std::string_view line)
{
  std::array<std::size_t, 3> counts{};
  const std::array<char, 3> separators{',', ';', '\t'};
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (!quoted)
      for (std::size_t k = 0; k < separators.size(); ++k)
        if (c == separators[k])
          ++counts[k];
  }
  const auto best = std::max_element(counts.begin(), counts.end());
  return *best == 0 ? ',' : separators[static_cast<std::size_t>(best - counts.begin())];
}

std::vector<std::string> splitCsvLine(std::string_view line, char separator)
{
  if (line.substr(0, 3) == "\xEF\xBB\xBF")
    line.remove_prefix(3);
  if (!line.empty() && line.back() == '\r')
    line.remove_suffix(1);
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

CsvGeometryColumns detectCsvGeometry(const std::vector<std::string> &header)
{
  static constexpr std::array<std::string_view, 6> wkt{"wkt",      "geom",  "geometry",
                                                       "the_geom", "shape", "几何"};
  static constexpr std::array<std::string_view, 10> x{
      "x", "lon", "lng", "long", "longitude", "easting", "经度", "x坐标", "东坐标", "横坐标"};
  static constexpr std::array<std::string_view, 8> y{"y",    "lat",   "latitude", "northing",
                                                     "纬度", "y坐标", "北坐标",   "纵坐标"};
  CsvGeometryColumns result;
  result.wkt = findColumn(header, wkt);
  if (!result.wkt) {
    result.x = findColumn(header, x);
    result.y = findColumn(header, y);
    if (!result.x || !result.y || *result.x == *result.y)
      result.x = result.y = std::nullopt;
  }
  return result;
}

} // namespace anzhi::core
