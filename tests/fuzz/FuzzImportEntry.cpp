// The fuzz entry point for the import mappers (core/import on the `import` branch): built only
// when those sources are in the tree (see CMakeLists.txt).

#include "FuzzEntry.h"

#include "core/Schema.h"
#include "core/import/BoundaryPointFile.h"
#include "core/import/CsvColumns.h"
#include "core/import/FieldMapping.h"
#include "core/import/ImportError.h"
#include "core/import/Sanity.h"
#include "core/import/ValueMap.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::fuzz {

namespace {

[[noreturn]] void broken(const char *invariant)
{
  std::fprintf(stderr, "fuzz invariant broken: %s\n", invariant);
  std::abort();
}

std::vector<std::string> lines(std::string_view text)
{
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

} // namespace

int importMappers(const std::uint8_t *data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const std::vector<std::string> rows = lines(text);

  // CSV: the first line is the header, the others rows.
  const char separator = core::csvSeparator(rows.front());
  if (separator != ',' && separator != ';' && separator != '\t')
    broken("csvSeparator returned another separator");
  const std::vector<std::string> header = core::splitCsvLine(rows.front(), separator);
  const core::CsvGeometryColumns geometry = core::detectCsvGeometry(header);
  for (const auto &column : {geometry.wkt, geometry.x, geometry.y})
    if (column && *column >= header.size())
      broken("detectCsvGeometry gave a column beyond the header");
  for (std::size_t i = 1; i < rows.size(); ++i)
    core::splitCsvLine(rows[i], separator);

  // `--field` and `--land-use` arguments: every line after the first, against the header's
  // fields, for the layer the first byte picks.
  const std::vector<std::string> arguments(rows.begin() + 1, rows.end());
  const auto &schema = core::canonicalSchema();
  const core::LayerSchema &layer = schema[size > 0 ? data[0] % schema.size() : 0];
  try {
    const std::vector<core::FieldMapping> mappings = core::parseFieldMappings(arguments);
    const std::vector<int> resolved = core::resolveFieldMapping(layer, header, mappings);
    if (resolved.size() != layer.fields.size())
      broken("resolveFieldMapping's result does not match the layer's fields");
    for (int index : resolved)
      if (index < -1 || index >= int(header.size()))
        broken("resolveFieldMapping gave an index beyond the source's fields");
  } catch (const core::ImportError &) {
  }
  try {
    core::parseLandUseMappings(arguments);
  } catch (const core::ImportError &) {
  }
  // `--value` arguments and the whole text as a value-map file, then every line through the
  // mapper of each coded field of the layer, with the user's map where it parsed.
  core::ValueMaps values;
  try {
    values = core::parseValueMappings(arguments);
  } catch (const core::ImportError &) {
  }
  try {
    core::overrideValueMaps(values, core::parseValueMapToml(text, "fuzz.toml"));
  } catch (const core::ImportError &) {
  }
  for (const core::FieldSchema &field : layer.fields) {
    if (field.coding == core::Coding::Free)
      continue;
    try {
      const core::CodeMapper mapper(layer, field, values);
      for (const std::string &row : rows) {
        const core::CodeMapper::Result r = mapper.map(row);
        if (field.coding == core::Coding::Closed && r.value && !r.value->empty() &&
            !core::isFieldCode(field, *r.value))
          broken("a closed field's value was mapped to no code of it");
      }
    } catch (const core::ImportError &) {
    }
  }
  for (const std::string &row : rows)
    if (auto level = core::levelFromSchoolCode(row);
        level && !core::isFieldCode(*core::findLayerSchema("schools")->field("level"), *level))
      broken("levelFromSchoolCode gave no school level");

  // Sanity checks: the first bytes as numbers, whatever they are (NaN, infinities included).
  if (size >= 3 * sizeof(double) + sizeof(int)) {
    double x, y, falseEasting;
    int zone;
    std::memcpy(&x, data, sizeof x);
    std::memcpy(&y, data + 8, sizeof y);
    std::memcpy(&falseEasting, data + 16, sizeof falseEasting);
    std::memcpy(&zone, data + 24, sizeof zone);
    core::insideChina(x, y);
    core::suggestCrs(x, y);
    core::prefixedZoneEpsg(zone);
    core::unprefixedZoneEpsg(zone);
    core::zonePrefixProblem(falseEasting, core::prefixedZoneEpsg(zone), x);
    core::zonePrefixProblem(falseEasting, std::nullopt, y);
  }

  // The same bytes as a 界址点坐标 TXT: read, or refused with ImportError, never anything else.
  try {
    const core::BoundaryPointFile file = core::parseBoundaryPointFile(text, "fuzz.txt");
    if (file.plots.empty())
      broken("parseBoundaryPointFile accepted a file without plots");
    core::boundaryPointCrs(file, "fuzz.txt");
    for (const core::BoundaryPlot &plot : file.plots)
      try {
        if (!core::plotGeometry(plot, "fuzz.txt"))
          broken("plotGeometry returned no geometry");
      } catch (const core::ImportError &) {
      }
  } catch (const core::ImportError &) {
  }
  return 0;
}

} // namespace anzhi::fuzz
