#pragma once

// A 界址点坐标 TXT written out by hand for the import, export, CLI and app tests, and the
// ellipsoidal area of its rings computed here with PROJ's own geodesic code (geod_polygonarea),
// independently of Anzhi's gis::EllipsoidalArea.

#include <geodesic.h>
#include <iconv.h>
#include <proj.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace anzhi::test {

using EastNorth = std::vector<std::pair<double, double>>;

//! The sample's rings (easting with zone prefix 37, northing), in CGCS2000 zone 37, EPSG:4525.
//! DK-1: a 100 m square. DK-2: a 200 m square with a 50 m square hole. DK-3: two parts, a 100 m
//! square and a triangle, written without closing points.
inline const EastNorth kSquare = {
    {37543000, 4284000}, {37543100, 4284000}, {37543100, 4284100}, {37543000, 4284100}};
inline const EastNorth kOuter = {
    {37544000, 4284000}, {37544200, 4284000}, {37544200, 4284200}, {37544000, 4284200}};
inline const EastNorth kHole = {
    {37544050, 4284050}, {37544100, 4284050}, {37544100, 4284100}, {37544050, 4284100}};
inline const EastNorth kPartA = {
    {37545000, 4284000}, {37545100, 4284000}, {37545100, 4284100}, {37545000, 4284100}};
inline const EastNorth kPartB = {{37545300, 4284000}, {37545400, 4284000}, {37545300, 4284080}};

//! The point lines of a ring ("J1,1,X,Y" with X the northing), numbered from `first`.
inline std::vector<std::string> pointLines(const EastNorth &ring, int ringNo, int first,
                                           bool closed)
{
  std::vector<std::string> lines;
  auto line = [&](int n, const std::pair<double, double> &p) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "J%d,%d,%.3f,%.3f", n, ringNo, p.second, p.first);
    lines.push_back(buf);
  };
  for (std::size_t i = 0; i < ring.size(); ++i)
    line(first + int(i), ring[i]);
  if (closed)
    line(first, ring.front());
  return lines;
}

//! The sample file as lines (UTF-8). Line numbers (1-based): [属性描述] 1, 带号 9, [地块坐标] 12,
//! DK-1's header 13 and points 14–18, DK-2's header 19 and points 20–29 (hole 25–29), DK-3's
//! header 30 and points 31–37.
inline std::vector<std::string> sampleLines(const std::string &system = "2000国家大地坐标系")
{
  std::vector<std::string> l = {"[属性描述]",
                                "格式版本号=1.0",
                                "数据产生单位=岚县自然资源局",
                                "数据产生日期=2024-05-06",
                                "坐标系=" + system,
                                "几度分带=3",
                                "投影类型=高斯克吕格",
                                "计量单位=米",
                                "带号=37",
                                "精度=0.01",
                                "转换参数=,,,,,,",
                                "[地块坐标]",
                                "5,1.0000,DK-1,安置区小学,面,J49G064057,教育用地,0804,@"};
  auto add = [&](const std::vector<std::string> &more) {
    l.insert(l.end(), more.begin(), more.end());
  };
  add(pointLines(kSquare, 1, 1, true));
  l.push_back("10,3.7500,DK-2,带天井的住宅,面,,城镇住宅用地,0701,@");
  add(pointLines(kOuter, 1, 1, true));
  add(pointLines(kHole, 2, 5, true));
  l.push_back("7,1.4000,DK-3,两块商业地,面,,商业用地,0901,扩展值,@");
  add(pointLines(kPartA, 1, 1, false));
  add(pointLines(kPartB, 2, 5, false));
  return l;
}

inline std::string joinLines(const std::vector<std::string> &lines, const char *end = "\r\n")
{
  std::string out;
  for (const std::string &line : lines)
    out += line + end;
  return out;
}

//! UTF-8 text as GBK bytes (iconv, as a Chinese Windows program writes them).
inline std::string toGbk(const std::string &utf8)
{
  iconv_t cd = iconv_open("GBK", "UTF-8");
  std::string out(utf8.size() * 2 + 4, '\0');
  char *in = const_cast<char *>(utf8.data());
  std::size_t inLeft = utf8.size(), outLeft = out.size();
  char *dst = out.data();
  const std::size_t r = iconv(cd, &in, &inLeft, &dst, &outLeft);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1))
    throw std::runtime_error("not convertible to GBK");
  out.resize(out.size() - outLeft);
  return out;
}

//! GBK bytes as UTF-8 text.
inline std::string fromGbk(const std::string &gbk)
{
  iconv_t cd = iconv_open("UTF-8", "GBK");
  std::string out(gbk.size() * 3 + 4, '\0');
  char *in = const_cast<char *>(gbk.data());
  std::size_t inLeft = gbk.size(), outLeft = out.size();
  char *dst = out.data();
  const std::size_t r = iconv(cd, &in, &inLeft, &dst, &outLeft);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1))
    throw std::runtime_error("not GBK");
  out.resize(out.size() - outLeft);
  return out;
}

//! The area in m² on the CGCS2000 ellipsoid of a ring given in a projected CRS (x easting),
//! from its vertices' longitudes and latitudes: PROJ's transformation, then geod_polygonarea.
inline double geodesicArea(const EastNorth &ring, const std::string &crs = "EPSG:4525")
{
  PJ_CONTEXT *ctx = proj_context_create();
  PJ *raw = proj_create_crs_to_crs(ctx, crs.c_str(), "EPSG:4490", nullptr);
  PJ *p = proj_normalize_for_visualization(ctx, raw);
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1.0 / 298.257222101);
  geod_polygon polygon;
  geod_polygon_init(&polygon, 0);
  for (const auto &[e, n] : ring) {
    PJ_COORD c = proj_trans(p, PJ_FWD, proj_coord(e, n, 0, 0));
    geod_polygon_addpoint(&g, &polygon, c.lp.phi, c.lp.lam);
  }
  double area = 0, perimeter = 0;
  geod_polygon_compute(&g, &polygon, 0, 1, &area, &perimeter);
  proj_destroy(p);
  proj_destroy(raw);
  proj_context_destroy(ctx);
  return std::fabs(area);
}

} // namespace anzhi::test
