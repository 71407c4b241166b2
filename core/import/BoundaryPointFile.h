#pragma once

// 国土 界址点坐标 TXT, the boundary-point file of 建设用地报批 电子报盘: an optional [扩展信息]
// section, [属性描述] (key=value lines: 坐标系, 几度分带, 带号, …) and [地块坐标], where each plot
// is a header line `界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码,@`
// followed by its `点号,圈号,X,Y` lines — X the northing, Y the easting with the zone prefix.
// The layout is in docs/import.md. Pure functions on bytes and numbers (no I/O): the parser
// throws ImportError naming the file and the 1-based line at fault.

#include "gis/Geos.h"
#include "gis/TextEncoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! One `点号,圈号,X,Y` line, as written: X the northing, Y the easting (zone prefix included).
struct BoundaryPoint
{
  std::string name; //!< 点号: "J1" or "1"
  int ring = 0;     //!< 圈号
  double x = 0;     //!< X: northing
  double y = 0;     //!< Y: easting
  int line = 0;     //!< 1-based line of the file (0 for points made to be written)
};

//! One plot of [地块坐标]: its header line and its point lines.
struct BoundaryPlot
{
  int line = 0;                       //!< the header line
  std::int64_t pointCount = 0;        //!< 界址点数: the number of point lines
  std::optional<double> areaHectares; //!< 地块面积 (公顷); empty in the file: nothing
  std::string code;                   //!< 地块编号
  std::string name;                   //!< 地块名称
  std::string shape;                  //!< 记录图形属性: 点, 线 or 面
  std::string sheet;                  //!< 图幅号
  std::string use;                    //!< 地块用途
  std::string landClass;              //!< 地类编码
  std::vector<std::string> extra;     //!< fields after 地类编码, before the final @
  std::vector<BoundaryPoint> points;
};

//! A key=value line of [扩展信息] or [属性描述].
struct BoundaryPointItem
{
  std::string key, value;
  int line = 0;
};

//! A parsed file (text in UTF-8 whatever the file's encoding).
struct BoundaryPointFile
{
  std::vector<BoundaryPointItem> extension;   //!< [扩展信息]
  std::vector<BoundaryPointItem> description; //!< [属性描述]
  bool hasDescription = false;
  std::vector<BoundaryPlot> plots;
  gis::TextEncoding encoding = gis::TextEncoding::Utf8; //!< how the bytes were decoded
  bool encodingDetected = false;                        //!< rather than given
  //! The zone number the eastings carry (37 for 37 512 345.678), when they carry one.
  std::optional<int> eastingZone;

  //! The [属性描述] item of that key, if any.
  const BoundaryPointItem *item(std::string_view key) const;
};

//! Parses the file's bytes. The encoding is `encoding` when given, else UTF-8 when every byte
//! is (a BOM is skipped), else GBK when every byte is. Lines may end in CRLF or LF. Refuses
//! (ImportError "FILE: line N: …") a line in no section or in an unknown one, a plot header with
//! fewer than 8 fields before @, a point line before any plot or without 4 fields, a bad number
//! (界址点数, 地块面积, 圈号, X, Y, 几度分带, 带号), a 界址点数 that is not the plot's number of
//! point lines, an easting whose zone prefix is not the 带号 (or not that of the other eastings),
//! a file without [地块坐标] or without plots.
BoundaryPointFile parseBoundaryPointFile(std::string_view bytes, const std::string &file,
                                         std::optional<gis::TextEncoding> encoding = {});

//! The plot's geometry in GIS axis order (x the easting Y, y the northing X; coordinates as in
//! the file). 面 (or empty, or anything else): a MultiPolygon — a change of 圈号 starts a ring;
//! a ring inside the previous outer ring (the latest ring that is not a hole) is a hole of it,
//! any other ring a new part; a ring may repeat its first point at its end or not. 线: a
//! MultiLineString, one line per ring. 点: a MultiPoint. Refuses (ImportError naming file and
//! line) a plot without points, a ring of fewer than 3 distinct points (a line of fewer than 2).
gis::Geometry plotGeometry(const BoundaryPlot &plot, const std::string &file);

//! The CRS of the file's coordinates: EPSG code, or why there is none.
struct BoundaryPointCrs
{
  std::optional<int> epsg;
  std::string problem; //!< one line naming the file (and line), when epsg is empty
};

//! The CGCS2000 Gauss-Krüger CRS the header and the eastings describe: 坐标系 2000国家大地坐标系
//! (or any name with 2000 or CGCS), 几度分带 3 or 6 (else from the zone number), 带号 (else the
//! eastings' zone prefix): eastings with the prefix → EPSG:4513–4533 (3°, zones 25–45) or
//! EPSG:4491–4501 (6°, zones 13–23); without → EPSG:4534–4554 or EPSG:4502–4512. 西安80 and
//! 北京54 are refused: their conversion needs parameters Anzhi does not apply yet.
BoundaryPointCrs boundaryPointCrs(const BoundaryPointFile &file, const std::string &path);

//! The lines of a polygonal geometry (x easting, y northing, in a CRS whose eastings carry the
//! zone prefix) as a plot's points: each polygon's outer ring clockwise, then its holes counter-
//! clockwise, each ring closed (its first point repeated with its name), 圈号 from 1 across all
//! rings, 点号 J1, J2, … across the plot.
std::vector<BoundaryPoint> boundaryPointsOf(const GEOSGeometry *polygonal);

//! The file as UTF-8 text with CRLF line ends: [扩展信息] when it has items, [属性描述],
//! [地块坐标] with each plot's header (地块面积 with 4 decimals, 界址点数 the number of its points)
//! and points (X, Y with 3 decimals). Encode it with gis::encodeText.
std::string formatBoundaryPointFile(const BoundaryPointFile &file);

} // namespace anzhi::core
