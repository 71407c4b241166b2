#include "core/import/Sanity.h"

#include <cmath>

namespace anzhi::core {

namespace {

//! The zone number an easting carries before its 6 digits (37 for 37 512 345), if any.
std::optional<int> zoneOf(double easting)
{
  if (!std::isfinite(easting) || easting < 1.0e6 || easting >= 1.0e8)
    return std::nullopt;
  return static_cast<int>(std::floor(easting / 1.0e6));
}

std::string epsgText(std::optional<int> epsg)
{
  return epsg ? "EPSG:" + std::to_string(*epsg) : std::string("the CRS");
}

} // namespace

bool insideChina(double lon, double lat)
{
  return lon >= 73.0 && lon <= 136.0 && lat >= 3.0 && lat <= 54.0;
}

std::optional<int> prefixedZoneEpsg(int zone, std::optional<int> sameDatumAs)
{
  const bool xian80 = sameDatumAs && *sameDatumAs >= 2349 && *sameDatumAs <= 2390;
  const bool beijing54 = sameDatumAs && *sameDatumAs >= 2401 && *sameDatumAs <= 2442;
  if (zone >= 25 && zone <= 45)
    return (xian80 ? 2349 : beijing54 ? 2401 : 4513) + zone - 25;
  if (xian80 || beijing54)
    return std::nullopt;
  if (zone >= 13 && zone <= 23)
    return 4491 + zone - 13;
  return std::nullopt;
}

std::optional<int> unprefixedZoneEpsg(int epsg)
{
  if ((epsg >= 4513 && epsg <= 4533) || (epsg >= 2349 && epsg <= 2369) ||
      (epsg >= 2401 && epsg <= 2421))
    return epsg + 21;
  if (epsg >= 4491 && epsg <= 4501)
    return epsg + 11;
  return std::nullopt;
}

std::optional<std::string> zonePrefixProblem(double falseEasting, std::optional<int> epsg,
                                             double easting)
{
  const std::optional<int> expected = zoneOf(falseEasting);
  const std::optional<int> actual = zoneOf(easting);
  const std::string crs = epsgText(epsg);
  const std::string at = "eastings near " + std::to_string(std::llround(easting));
  if (expected && !actual) {
    std::string hint;
    if (epsg)
      if (auto plain = unprefixedZoneEpsg(*epsg))
        hint =
            "; the data is probably in EPSG:" + std::to_string(*plain) + " (same zone, no prefix)";
    return at + " lack the zone prefix " + std::to_string(*expected) + " that " + crs + " expects" +
           hint;
  }
  if (!expected && actual) {
    std::string hint;
    if (auto prefixed = prefixedZoneEpsg(*actual, epsg))
      hint = "; the data is probably in EPSG:" + std::to_string(*prefixed) + " (zone " +
             std::to_string(*actual) + " with prefix)";
    return at + " carry the zone prefix " + std::to_string(*actual) + ", which " + crs +
           " does not expect" + hint;
  }
  if (expected && actual && *expected != *actual) {
    std::string hint;
    if (auto prefixed = prefixedZoneEpsg(*actual, epsg))
      hint = "; the data is probably in EPSG:" + std::to_string(*prefixed);
    return at + " carry the zone prefix " + std::to_string(*actual) + " but " + crs + " is zone " +
           std::to_string(*expected) + hint;
  }
  return std::nullopt;
}

std::optional<std::string> suggestCrs(double x, double y)
{
  if (insideChina(x, y))
    return std::string("EPSG:4490 (CGCS2000 longitude/latitude)");
  if (insideChina(y, x))
    return std::string("EPSG:4490 (CGCS2000 latitude/longitude: the axes look swapped)");
  if (auto zone = zoneOf(x); zone && y > 0 && y < 6.0e6)
    if (auto epsg = prefixedZoneEpsg(*zone))
      return "EPSG:" + std::to_string(*epsg) + " (Gauss-Kruger zone " + std::to_string(*zone) +
             ", eastings with zone prefix)";
  if (x > 2.0e5 && x < 8.0e5 && y > 3.0e5 && y < 6.0e6)
    return std::string("a Gauss-Kruger zone without prefix, EPSG:4534–4554 (in Shanxi EPSG:4546 "
                       "for 111°E or EPSG:4547 for 114°E)");
  return std::nullopt;
}

} // namespace anzhi::core
