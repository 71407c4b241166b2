#include "core/import/DatumShift.h"

#include "core/import/ImportError.h"
#include "gis/GisError.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace anzhi::core {

namespace {

constexpr double kSecondsPerRadian = 180.0 * 3600.0 / M_PI;

std::string trimmed(std::string_view s)
{
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

std::optional<double> number(std::string_view text)
{
  const std::string t = trimmed(text);
  double value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::vector<std::string> splitFields(const std::string &line)
{
  const char separator = line.find('\t') != std::string::npos  ? '\t'
                         : line.find(';') != std::string::npos ? ';'
                                                               : ',';
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, separator))
    fields.push_back(trimmed(field));
  if (!line.empty() && line.back() == separator)
    fields.emplace_back();
  return fields;
}

std::string formatted(double v, int decimals)
{
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

//! The pipeline steps from a CRS's coordinates (traditional order, degrees or metres) to
//! geodetic longitude/latitude in radians on its ellipsoid, and back.
std::string toRadiansStep(const gis::Crs &crs)
{
  return crs.isGeographic() ? "+step +proj=unitconvert +xy_in=deg +xy_out=rad"
                            : "+step +inv " + crs.projString();
}

std::string fromRadiansStep(const gis::Crs &crs)
{
  return crs.isGeographic() ? "+step +proj=unitconvert +xy_in=rad +xy_out=deg"
                            : "+step " + crs.projString();
}

std::string ellipsoidOf(const gis::Crs &crs)
{
  return "+a=" + formatted(crs.semiMajor(), 4) +
         (crs.flattening() > 0 ? " +rf=" + formatted(1 / crs.flattening(), 9)
                               : " +b=" + formatted(crs.semiMajor(), 4));
}

} // namespace

BursaWolf parseBursaWolf(std::string_view text)
{
  std::vector<double> values;
  std::string_view rest = text;
  for (;;) {
    const std::size_t comma = rest.find(',');
    auto v = number(rest.substr(0, comma));
    if (!v)
      throw ImportError("--towgs84 " + std::string(text) + ": '" + trimmed(rest.substr(0, comma)) +
                        "' is not a number; give dx,dy,dz (m),rx,ry,rz (″),ds (ppm)");
    values.push_back(*v);
    if (comma == std::string_view::npos)
      break;
    rest.remove_prefix(comma + 1);
  }
  if (values.size() != 7)
    throw ImportError("--towgs84 " + std::string(text) + ": " + std::to_string(values.size()) +
                      " numbers; a Bursa-Wolf shift has seven: dx,dy,dz (m),rx,ry,rz (″),ds (ppm)");
  return {values[0], values[1], values[2], values[3], values[4], values[5], values[6]};
}

std::vector<ControlPoint> readControlPoints(const std::string &path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ImportError(path + ": cannot read the control points");
  std::vector<ControlPoint> points;
  std::string line;
  int lineNumber = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++lineNumber;
    if (lineNumber == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
      line.erase(0, 3);
    if (trimmed(line).empty())
      continue;
    const std::vector<std::string> f = splitFields(line);
    if (header) {
      header = false;
      if (f.size() >= 5 && !number(f[1]))
        continue; // the header line
    }
    if (f.size() != 5)
      throw ImportError(path + ", line " + std::to_string(lineNumber) + ": " +
                        std::to_string(f.size()) +
                        " fields; a control point is name,source_x,source_y,target_x,target_y");
    ControlPoint p{f[0]};
    double *slots[] = {&p.sourceX, &p.sourceY, &p.targetX, &p.targetY};
    for (int i = 0; i < 4; ++i) {
      auto v = number(f[std::size_t(i) + 1]);
      if (!v)
        throw ImportError(path + ", line " + std::to_string(lineNumber) + ": '" +
                          f[std::size_t(i) + 1] + "' is not a number");
      *slots[i] = *v;
    }
    points.push_back(p);
  }
  return points;
}

double PlaneSimilarity::scale() const
{
  return std::hypot(a, b);
}

double PlaneSimilarity::rotationSeconds() const
{
  return std::atan2(b, a) * kSecondsPerRadian;
}

double PlaneSimilarity::rootMeanSquare() const
{
  double sum = 0;
  for (double r : residuals)
    sum += r * r;
  return residuals.empty() ? 0 : std::sqrt(sum / double(residuals.size()));
}

PlaneSimilarity fitPlaneSimilarity(const std::vector<ControlPoint> &points)
{
  if (points.size() < 3)
    throw ImportError("control points: " + std::to_string(points.size()) +
                      " given; a four-parameter fit needs at least 3 (2 fix it, the others "
                      "check it)");
  // Centred on the means, the normal equations separate (zone-prefixed eastings are ~10^7 m).
  double sx = 0, sy = 0, tx = 0, ty = 0;
  for (const ControlPoint &p : points) {
    sx += p.sourceX;
    sy += p.sourceY;
    tx += p.targetX;
    ty += p.targetY;
  }
  const double n = double(points.size());
  sx /= n, sy /= n, tx /= n, ty /= n;
  double spread = 0, along = 0, across = 0;
  for (const ControlPoint &p : points) {
    const double x = p.sourceX - sx, y = p.sourceY - sy;
    const double u = p.targetX - tx, v = p.targetY - ty;
    spread += x * x + y * y;
    along += x * u + y * v;
    across += x * v - y * u;
  }
  if (spread < 1e-6)
    throw ImportError("control points: all at the same source position; a fit needs points "
                      "apart from each other");
  PlaneSimilarity fit;
  fit.a = along / spread;
  fit.b = across / spread;
  fit.tx = tx - fit.a * sx + fit.b * sy;
  fit.ty = ty - fit.b * sx - fit.a * sy;
  for (const ControlPoint &p : points) {
    const double x = fit.tx + fit.a * p.sourceX - fit.b * p.sourceY;
    const double y = fit.ty + fit.b * p.sourceX + fit.a * p.sourceY;
    fit.residuals.push_back(std::hypot(x - p.targetX, y - p.targetY));
  }
  return fit;
}

DatumShift bursaWolfShift(const gis::Crs &source, const BursaWolf &p)
{
  const gis::Crs target = cgcs2000Counterpart(source);
  DatumShift shift{source, target, "", ""};
  shift.pipeline = "+proj=pipeline " + toRadiansStep(source) + " +step +proj=cart " +
                   ellipsoidOf(source) + " +step +proj=helmert +x=" + formatted(p.dx, 6) +
                   " +y=" + formatted(p.dy, 6) + " +z=" + formatted(p.dz, 6) +
                   " +rx=" + formatted(p.rx, 9) + " +ry=" + formatted(p.ry, 9) +
                   " +rz=" + formatted(p.rz, 9) + " +s=" + formatted(p.ds, 9) +
                   " +convention=position_vector +step +inv +proj=cart " + ellipsoidOf(target) +
                   " " + fromRadiansStep(target);
  shift.description = source.authId() + " → " + target.authId() +
                      ", Bursa-Wolf (position vector) dx " + formatted(p.dx, 3) + " m, dy " +
                      formatted(p.dy, 3) + " m, dz " + formatted(p.dz, 3) + " m, rx " +
                      formatted(p.rx, 4) + "″, ry " + formatted(p.ry, 4) + "″, rz " +
                      formatted(p.rz, 4) + "″, ds " + formatted(p.ds, 4) + " ppm";
  return shift;
}

DatumShift planeShift(const gis::Crs &source, const PlaneSimilarity &fit)
{
  if (!source.isProjected())
    throw ImportError(source.authId() +
                      ": a four-parameter plane fit needs projected coordinates; give the "
                      "seven parameters (--towgs84) for geographic data");
  const gis::Crs target = cgcs2000Counterpart(source);
  DatumShift shift{source, target, "", ""};
  shift.pipeline = "+proj=affine +xoff=" + formatted(fit.tx, 6) + " +yoff=" + formatted(fit.ty, 6) +
                   " +s11=" + formatted(fit.a, 15) + " +s12=" + formatted(-fit.b, 15) +
                   " +s21=" + formatted(fit.b, 15) + " +s22=" + formatted(fit.a, 15);
  shift.description = source.authId() + " → " + target.authId() + ", four-parameter plane fit to " +
                      std::to_string(fit.residuals.size()) + " control points: scale " +
                      formatted((fit.scale() - 1) * 1e6, 3) + " ppm, rotation " +
                      formatted(fit.rotationSeconds(), 3) + "″, residuals RMS " +
                      formatted(fit.rootMeanSquare(), 3) + " m";
  return shift;
}

bool needsDatumParameters(const gis::Crs &source, const gis::Crs &target)
{
  return std::fabs(source.semiMajor() - target.semiMajor()) > 1.0;
}

gis::Crs cgcs2000Counterpart(const gis::Crs &oldCrs)
{
  if (oldCrs.isGeographic())
    return gis::Crs::fromEpsg(4490);
  const std::optional<double> cm = oldCrs.centralMeridian();
  const std::optional<double> fe = oldCrs.falseEasting();
  if (cm && fe && std::fmod(*cm, 3.0) == 0 && *cm >= 75 && *cm <= 135) {
    if (*fe == 500000)
      return gis::Crs::fromEpsg(4534 + int(*cm - 75) / 3);
    const int zone = int(std::floor(*fe / 1e6));
    if (*fe == zone * 1e6 + 500000) {
      if (*cm == 3.0 * zone && zone >= 25 && zone <= 45)
        return gis::Crs::fromEpsg(4513 + zone - 25);
      if (*cm == 6.0 * zone - 3 && zone >= 13 && zone <= 23)
        return gis::Crs::fromEpsg(4491 + zone - 13);
    }
  }
  throw ImportError(oldCrs.authId() + " (" + oldCrs.name() +
                    "): not a Gauss-Kruger zone of China or a geographic CRS; assign the "
                    "source a Xian 1980 or Beijing 1954 zone CRS (--assign-crs EPSG:N)");
}

std::string datumShiftKey(const gis::Crs &source)
{
  return "datum_shift:" + source.authId();
}

} // namespace anzhi::core
