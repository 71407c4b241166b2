#include "core/import/BoundaryPointFile.h"

#include "core/import/ImportError.h"
#include "core/import/Sanity.h"
#include "gis/GisError.h"
#include "gis/Text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

namespace anzhi::core {

namespace {

constexpr std::string_view kExtension = "扩展信息";
constexpr std::string_view kDescription = "属性描述";
constexpr std::string_view kPlots = "地块坐标";

using Coords = std::vector<std::pair<double, double>>;

std::string at(const std::string &file, int line)
{
  return file + ": line " + std::to_string(line) + ": ";
}

std::vector<std::string> splitFields(std::string_view line)
{
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(gis::trimmed(line.substr(start, comma - start)));
    if (comma == std::string_view::npos)
      break;
    start = comma + 1;
  }
  return fields;
}

std::optional<double> parseReal(const std::string &text)
{
  if (text.empty())
    return std::nullopt;
  const char *begin = text.data() + (text[0] == '+' ? 1 : 0);
  double value = 0;
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<long long> parseWhole(const std::string &text)
{
  if (text.empty())
    return std::nullopt;
  const char *begin = text.data() + (text[0] == '+' ? 1 : 0);
  long long value = 0;
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

//! The leading digits of a header value ("3", "3度" → 3), or nothing.
std::optional<int> leadingNumber(const std::string &text)
{
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data())
    return std::nullopt;
  return value;
}

[[noreturn]] void badNumber(const std::string &file, int line, const char *what,
                            const std::string &text)
{
  throw ImportError(at(file, line) + "bad number for " + what + ": '" + text + "'");
}

//! The zone number an easting carries before its 6 digits (37 for 37 512 345.678), if any.
std::optional<int> zonePrefix(double easting)
{
  if (easting < 1.0e6 || easting >= 1.0e8)
    return std::nullopt;
  return static_cast<int>(std::floor(easting / 1.0e6));
}

std::string fixed(double value, int decimals)
{
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

std::string plotName(const BoundaryPlot &plot)
{
  return "plot '" + plot.code + "'";
}

//! Checks the plot's 界址点数 against its lines once all are read.
void finishPlot(const BoundaryPlot &plot, const std::string &file)
{
  if (plot.pointCount != static_cast<std::int64_t>(plot.points.size()))
    throw ImportError(at(file, plot.line) + "界址点数 " + std::to_string(plot.pointCount) + " of " +
                      plotName(plot) + ", but it has " + std::to_string(plot.points.size()) +
                      " point line(s)");
}

//! Text as a field of a line holds it: a comma would split the field (not in a KEY=VALUE
//! line: keepCommas), a line break the line.
std::string fieldText(const std::string &text, bool keepCommas = false)
{
  std::string out;
  for (char c : text) {
    if (c == ',' && !keepCommas)
      out += "，";
    else if (c == '\r' || c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

//! Twice the signed area of a ring (x east, y north): positive when counter-clockwise.
double signedArea2(const Coords &ring)
{
  double sum = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const auto &[x1, y1] = ring[i];
    const auto &[x2, y2] = ring[(i + 1) % ring.size()];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

struct Ring
{
  Coords coords;
  int number = 0;
  int line = 0; //!< of its first point
};

std::vector<Ring> ringsOf(const BoundaryPlot &plot)
{
  std::vector<Ring> rings;
  for (const BoundaryPoint &p : plot.points) {
    if (rings.empty() || rings.back().number != p.ring)
      rings.push_back({{}, p.ring, p.line});
    rings.back().coords.emplace_back(p.y, p.x); // GIS order: easting, northing
  }
  for (Ring &r : rings)
    if (r.coords.size() > 1 && r.coords.front() == r.coords.back())
      r.coords.pop_back();
  return rings;
}

} // namespace

const BoundaryPointItem *BoundaryPointFile::item(std::string_view key) const
{
  for (const BoundaryPointItem &i : description)
    if (i.key == key)
      return &i;
  return nullptr;
}

BoundaryPointFile parseBoundaryPointFile(std::string_view bytes, const std::string &file,
                                         std::optional<gis::TextEncoding> encoding)
{
  BoundaryPointFile result;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (!encoding)
      encoding = gis::TextEncoding::Utf8;
  }
  // Raw lines first: a line's number is the same whatever the encoding.
  std::vector<std::string_view> raw;
  for (std::size_t start = 0; start <= bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos)
      end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    raw.push_back(line);
    start = end + 1;
  }
  if (encoding) {
    result.encoding = *encoding;
  } else if (gis::isValidUtf8(bytes)) {
    result.encoding = gis::TextEncoding::Utf8;
    result.encodingDetected = true;
  } else if (gis::isValidGbk(bytes)) {
    result.encoding = gis::TextEncoding::Gbk;
    result.encodingDetected = true;
  } else {
    for (std::size_t i = 0; i < raw.size(); ++i)
      if (!gis::isValidUtf8(raw[i]) && !gis::isValidGbk(raw[i]))
        throw ImportError(at(file, int(i) + 1) +
                          "the text is neither UTF-8 nor GBK; pass --encoding");
    throw ImportError(file + ": the text is neither UTF-8 nor GBK; pass --encoding");
  }

  enum class Section
  {
    None,
    Extension,
    Description,
    Plots
  } section = Section::None;
  bool sawPlots = false;
  std::optional<int> declaredZone;
  int zoneLine = 0;
  int firstEastingLine = 0;
  std::optional<int> firstEastingZone;
  BoundaryPlot *plot = nullptr;

  for (std::size_t i = 0; i < raw.size(); ++i) {
    const int number = int(i) + 1;
    std::optional<std::string> decoded = gis::decodeText(raw[i], result.encoding);
    if (!decoded)
      throw ImportError(at(file, number) + "the text is not " +
                        std::string(gis::encodingName(result.encoding)) +
                        "; pass --encoding with the file's encoding");
    const std::string line = gis::trimmed(*decoded);
    if (line.empty())
      continue;
    if (line.front() == '[' && line.back() == ']') {
      const std::string name = gis::trimmed(std::string_view(line).substr(1, line.size() - 2));
      if (plot)
        finishPlot(*plot, file);
      plot = nullptr;
      if (name == kExtension) {
        section = Section::Extension;
      } else if (name == kDescription) {
        section = Section::Description;
        result.hasDescription = true;
      } else if (name == kPlots) {
        section = Section::Plots;
        sawPlots = true;
      } else {
        throw ImportError(at(file, number) + "unknown section [" + name +
                          "] (expected [扩展信息], [属性描述] or [地块坐标])");
      }
      continue;
    }
    switch (section) {
    case Section::None:
      throw ImportError(at(file, number) +
                        "text before any section (expected [属性描述] or [地块坐标])");
    case Section::Extension:
    case Section::Description: {
      const std::size_t eq = line.find('=');
      if (eq == std::string::npos)
        throw ImportError(at(file, number) + "expected KEY=VALUE in [" +
                          std::string(section == Section::Extension ? kExtension : kDescription) +
                          "], found '" + line + "'");
      BoundaryPointItem item{gis::trimmed(std::string_view(line).substr(0, eq)),
                             gis::trimmed(std::string_view(line).substr(eq + 1)), number};
      if (section == Section::Description) {
        if (item.key == "带号" && !item.value.empty()) {
          std::optional<long long> zone = parseWhole(item.value);
          if (!zone || *zone < 1 || *zone > 60)
            badNumber(file, number, "带号", item.value);
          declaredZone = int(*zone);
          zoneLine = number;
        } else if (item.key == "几度分带" && !item.value.empty() && !leadingNumber(item.value)) {
          badNumber(file, number, "几度分带", item.value);
        }
        result.description.push_back(std::move(item));
      } else {
        result.extension.push_back(std::move(item));
      }
      break;
    }
    case Section::Plots: {
      std::vector<std::string> fields = splitFields(line);
      if (fields.back() == "@") {
        if (plot)
          finishPlot(*plot, file);
        fields.pop_back();
        if (fields.size() < 8)
          throw ImportError(at(file, number) +
                            "a plot header needs 8 fields before @ "
                            "(界址点数,地块面积,地块编号,地块名称,记录图形属性,"
                            "图幅号,地块用途,地类编码), found " +
                            std::to_string(fields.size()));
        BoundaryPlot p;
        p.line = number;
        std::optional<long long> count = parseWhole(fields[0]);
        if (!count || *count < 0)
          badNumber(file, number, "界址点数", fields[0]);
        p.pointCount = *count;
        if (!fields[1].empty()) {
          p.areaHectares = parseReal(fields[1]);
          if (!p.areaHectares)
            badNumber(file, number, "地块面积", fields[1]);
        }
        p.code = fields[2];
        p.name = fields[3];
        p.shape = fields[4];
        p.sheet = fields[5];
        p.use = fields[6];
        p.landClass = fields[7];
        p.extra.assign(fields.begin() + 8, fields.end());
        result.plots.push_back(std::move(p));
        plot = &result.plots.back();
        break;
      }
      while (fields.size() > 4 && fields.back().empty())
        fields.pop_back();
      if (!plot)
        throw ImportError(at(file, number) +
                          "a point line before any plot header (a header ends in ,@)");
      if (fields.size() != 4)
        throw ImportError(at(file, number) + "expected 点号,圈号,X,Y, found " +
                          std::to_string(fields.size()) + " field(s)");
      BoundaryPoint point;
      point.name = fields[0];
      point.line = number;
      std::optional<long long> ring = parseWhole(fields[1]);
      if (!ring || *ring < 0 || *ring > 1000000)
        badNumber(file, number, "圈号", fields[1]);
      point.ring = int(*ring);
      std::optional<double> x = parseReal(fields[2]);
      if (!x)
        badNumber(file, number, "X", fields[2]);
      std::optional<double> y = parseReal(fields[3]);
      if (!y)
        badNumber(file, number, "Y", fields[3]);
      point.x = *x;
      point.y = *y;
      const std::optional<int> prefix = zonePrefix(point.y);
      if (declaredZone && prefix && *prefix != *declaredZone)
        throw ImportError(at(file, number) + "the easting Y " + fields[3] +
                          " carries the zone prefix " + std::to_string(*prefix) +
                          ", but 带号 (line " + std::to_string(zoneLine) + ") is " +
                          std::to_string(*declaredZone));
      if (firstEastingLine == 0) {
        firstEastingLine = number;
        firstEastingZone = prefix;
      } else if (prefix != firstEastingZone) {
        const auto zoneText = [](std::optional<int> z) {
          return z ? "the zone prefix " + std::to_string(*z) : std::string("no zone prefix");
        };
        throw ImportError(at(file, number) + "the easting Y " + fields[3] + " carries " +
                          zoneText(prefix) + ", unlike line " + std::to_string(firstEastingLine) +
                          "'s with " + zoneText(firstEastingZone));
      }
      plot->points.push_back(std::move(point));
      break;
    }
    }
  }
  if (plot)
    finishPlot(*plot, file);
  if (!sawPlots)
    throw ImportError(file + ": no [地块坐标] section: not a 界址点坐标 file");
  if (result.plots.empty())
    throw ImportError(file + ": [地块坐标] holds no plot (a header line ends in ,@)");
  result.eastingZone = firstEastingZone;
  return result;
}

namespace {

gis::Geometry buildPlotGeometry(const BoundaryPlot &plot, const std::string &file);

} // namespace

gis::Geometry plotGeometry(const BoundaryPlot &plot, const std::string &file)
{
  try {
    return buildPlotGeometry(plot, file);
  } catch (const gis::GisError &e) {
    throw ImportError(at(file, plot.line) + plotName(plot) + ": " + e.what());
  }
}

namespace {

gis::Geometry buildPlotGeometry(const BoundaryPlot &plot, const std::string &file)
{
  if (plot.points.empty())
    throw ImportError(at(file, plot.line) + plotName(plot) + " has no points");
  std::vector<Ring> rings = ringsOf(plot);
  if (plot.shape == "点") {
    std::vector<gis::Geometry> points;
    for (const BoundaryPoint &p : plot.points)
      points.push_back(gis::makePoint(p.y, p.x));
    return gis::makeCollection(GEOS_MULTIPOINT, std::move(points));
  }
  if (plot.shape == "线") {
    std::vector<gis::Geometry> lines;
    for (Ring &r : rings) {
      if (r.coords.size() < 2)
        throw ImportError(at(file, r.line) + "line 圈号 " + std::to_string(r.number) + " of " +
                          plotName(plot) + " has " + std::to_string(r.coords.size()) +
                          " point; a line needs at least 2");
      lines.push_back(gis::makeLine(r.coords));
    }
    return gis::makeCollection(GEOS_MULTILINESTRING, std::move(lines));
  }

  struct Part
  {
    Coords outer;
    std::vector<Coords> holes;
    gis::Geometry shape; //!< the outer ring as a polygon, for the containment test
  };
  std::vector<Part> parts;
  for (Ring &r : rings) {
    if (r.coords.size() < 3)
      throw ImportError(at(file, r.line) + "ring 圈号 " + std::to_string(r.number) + " of " +
                        plotName(plot) + " has " + std::to_string(r.coords.size()) +
                        " distinct point(s); a ring needs at least 3");
    gis::Geometry ring = gis::makePolygon(r.coords);
    bool hole = false;
    if (!parts.empty()) {
      try {
        hole = gis::contains(parts.back().shape.get(), ring.get());
      } catch (const gis::GisError &) {
        hole = false; // an outer ring GEOS cannot test (self-crossing): a part of its own
      }
    }
    if (hole)
      parts.back().holes.push_back(std::move(r.coords));
    else
      parts.push_back({std::move(r.coords), {}, std::move(ring)});
  }
  std::vector<gis::Geometry> polygons;
  for (const Part &p : parts)
    polygons.push_back(gis::makePolygon(p.outer, p.holes));
  return gis::makeCollection(GEOS_MULTIPOLYGON, std::move(polygons));
}

} // namespace

BoundaryPointCrs boundaryPointCrs(const BoundaryPointFile &file, const std::string &path)
{
  BoundaryPointCrs result;
  const std::string assign = "; pass --assign-crs with the CRS of the coordinates";
  if (!file.hasDescription) {
    result.problem = path + ": no [属性描述] section, so the coordinate system is unknown" + assign;
    return result;
  }
  const BoundaryPointItem *system = file.item("坐标系");
  const std::string name = system ? system->value : "";
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const auto has = [&](const char *text) { return upper.find(text) != std::string::npos; };
  if (name.empty()) {
    result.problem = path + ": [属性描述] names no 坐标系" + assign;
    return result;
  }
  // Old datums map to their own zone CRS: the import then asks for the datum parameters
  // (docs/import.md "Old datums") instead of guessing.
  enum class Datum
  {
    Cgcs2000,
    Xian1980,
    Beijing1954
  };
  Datum datum = Datum::Cgcs2000;
  if (!has("2000") && !has("CGCS")) {
    if (has("西安") || has("XIAN") || has("XI'AN") || has("80")) {
      datum = Datum::Xian1980;
    } else if (has("北京") || has("BEIJING") || has("54")) {
      datum = Datum::Beijing1954;
    } else {
      result.problem = at(path, system->line) + "坐标系 '" + name +
                       "' is not one Anzhi knows (expected 2000国家大地坐标系, 1980西安坐标系 or "
                       "1954北京坐标系)" +
                       assign;
      return result;
    }
  }
  // 高斯克吕格, 高斯-克吕格 and 高斯投影 all read as Gauss-Krüger.
  if (const BoundaryPointItem *projection = file.item("投影类型");
      projection && !projection->value.empty() &&
      projection->value.find("高斯") == std::string::npos &&
      projection->value.find("Gauss") == std::string::npos &&
      projection->value.find("GAUSS") == std::string::npos) {
    result.problem = at(path, projection->line) + "投影类型 '" + projection->value +
                     "' is not Gauss-Krüger (高斯克吕格)" + assign;
    return result;
  }
  std::optional<int> zone;
  int zoneLine = 0;
  if (const BoundaryPointItem *z = file.item("带号"); z && !z->value.empty()) {
    zone = leadingNumber(z->value);
    zoneLine = z->line;
  }
  if (!zone)
    zone = file.eastingZone;
  if (!zone) {
    result.problem = path +
                     ": no 带号 in [属性描述] and the eastings carry no zone prefix, so the "
                     "zone is unknown" +
                     assign;
    return result;
  }
  std::optional<int> width;
  int widthLine = 0;
  if (const BoundaryPointItem *w = file.item("几度分带"); w && !w->value.empty()) {
    width = leadingNumber(w->value);
    widthLine = w->line;
  }
  if (!width)
    width = *zone >= 25 && *zone <= 45 ? 3 : *zone >= 13 && *zone <= 23 ? 6 : 0;
  const bool threeDegree = *width == 3 && *zone >= 25 && *zone <= 45;
  const bool sixDegree = *width == 6 && *zone >= 13 && *zone <= 23;
  if (!threeDegree && !sixDegree) {
    const std::string where = zoneLine ? at(path, zoneLine) : path + ": ";
    result.problem = where + "带号 " + std::to_string(*zone) + " is not a " +
                     (*width == 6   ? std::string("6° zone of China (13–23)")
                      : *width == 3 ? std::string("3° zone of China (25–45)")
                                    : "zone of China (3°: 25–45, 6°: 13–23)") +
                     (widthLine ? " (几度分带 " + std::to_string(*width) + ", line " +
                                      std::to_string(widthLine) + ")"
                                : std::string()) +
                     assign;
    return result;
  }
  // EPSG codes of the zones 25–45 (3°) or 13–23 (6°), with prefix and without (projinfo).
  struct ZoneCodes
  {
    int threePrefixed, threePlain, sixPrefixed, sixPlain;
  };
  const ZoneCodes codes = datum == Datum::Xian1980      ? ZoneCodes{2349, 2370, 2327, 2338}
                          : datum == Datum::Beijing1954 ? ZoneCodes{2401, 2422, 21413, 21473}
                                                        : ZoneCodes{4513, 4534, 4491, 4502};
  if (threeDegree)
    result.epsg = (file.eastingZone ? codes.threePrefixed : codes.threePlain) + *zone - 25;
  else
    result.epsg = (file.eastingZone ? codes.sixPrefixed : codes.sixPlain) + *zone - 13;
  return result;
}

std::vector<BoundaryPoint> boundaryPointsOf(const GEOSGeometry *polygonal)
{
  std::vector<BoundaryPoint> points;
  int ring = 0, name = 0;
  gis::forEachRing(polygonal, [&](const Coords &coords, bool isHole) {
    Coords c = coords;
    if (c.size() > 1 && c.front() == c.back())
      c.pop_back();
    if (c.size() < 3)
      return;
    const double area = signedArea2(c);
    if ((!isHole && area > 0) || (isHole && area < 0))
      std::reverse(c.begin() + 1, c.end()); // same first point, other direction
    ++ring;
    const int first = name + 1;
    for (const auto &[x, y] : c)
      points.push_back({"J" + std::to_string(++name), ring, y, x, 0});
    points.push_back({"J" + std::to_string(first), ring, c.front().second, c.front().first, 0});
  });
  return points;
}

std::string formatBoundaryPointFile(const BoundaryPointFile &file)
{
  std::string out;
  const auto line = [&](const std::string &text) { out += text + "\r\n"; };
  if (!file.extension.empty()) {
    line("[" + std::string(kExtension) + "]");
    for (const BoundaryPointItem &i : file.extension)
      line(fieldText(i.key) + "=" + fieldText(i.value, true));
  }
  line("[" + std::string(kDescription) + "]");
  for (const BoundaryPointItem &i : file.description)
    line(fieldText(i.key) + "=" + fieldText(i.value, true));
  line("[" + std::string(kPlots) + "]");
  for (const BoundaryPlot &p : file.plots) {
    std::string header = std::to_string(p.points.size()) + "," +
                         (p.areaHectares ? fixed(*p.areaHectares, 4) : std::string()) + "," +
                         fieldText(p.code) + "," + fieldText(p.name) + "," + fieldText(p.shape) +
                         "," + fieldText(p.sheet) + "," + fieldText(p.use) + "," +
                         fieldText(p.landClass) + ",";
    for (const std::string &e : p.extra)
      header += fieldText(e) + ",";
    line(header + "@");
    for (const BoundaryPoint &pt : p.points)
      line(fieldText(pt.name) + "," + std::to_string(pt.ring) + "," + fixed(pt.x, 3) + "," +
           fixed(pt.y, 3));
  }
  return out;
}

} // namespace anzhi::core
