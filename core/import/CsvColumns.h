#pragma once

// Finding the geometry of a CSV from its header: pure functions on text (fuzz entry points).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! The separator of a CSV header line: the one of ',', ';', '\t' that occurs most often outside
//! double quotes (',' when none does).
char csvSeparator(std::string_view headerLine);
//! Splits one CSV line at the separator; double-quoted cells may contain it, "" is a quote.
//! A UTF-8 byte order mark and a trailing \r are dropped.
std::vector<std::string> splitCsvLine(std::string_view line, char separator);

//! The geometry columns of a CSV: a WKT column, or an x (easting/longitude) and a y column.
struct CsvGeometryColumns
{
  std::optional<std::size_t> wkt;
  std::optional<std::size_t> x, y;
  bool found() const { return wkt || (x && y); }
};

//! Detects the geometry columns by name (ASCII case and surrounding space ignored): WKT from
//! wkt, geom, geometry, the_geom, shape, 几何; x from x, lon, lng, long, longitude, easting,
//! 经度, x坐标, 东坐标, 横坐标; y from y, lat, latitude, northing, 纬度, y坐标, 北坐标,
//! 纵坐标. A WKT column wins over x/y.
CsvGeometryColumns detectCsvGeometry(const std::vector<std::string> &header);

} // namespace anzhi::core
