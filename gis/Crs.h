#pragma once

#include "gis/Geos.h"

#include <memory>
#include <optional>
#include <string>

namespace anzhi::gis {

//! A coordinate reference system, kept as a definition PROJ accepts ("EPSG:4546" or WKT)
//! plus the facts Anzhi asks about it. A value type: cheap to copy, safe to share between
//! threads (it holds no PROJ object; each thread builds its own from the definition).
class Crs
{
public:
  //! "EPSG:4546", a WKT string or a PROJ string. Throws GisError if PROJ cannot read it.
  static Crs fromUserInput(const std::string &definition);
  static Crs fromEpsg(int code);

  const std::string &definition() const { return m_definition; }
  //! "EPSG:4546" when the CRS has an EPSG code, else its name.
  std::string authId() const;
  const std::string &name() const { return m_name; }
  std::optional<int> epsg() const { return m_epsg; }
  bool isGeographic() const { return m_geographic; }
  bool isProjected() const { return m_projected; }
  //! Semi-major axis (m) and flattening of the CRS's ellipsoid.
  double semiMajor() const { return m_semiMajor; }
  double flattening() const { return m_flattening; }
  //! The base geodetic (geographic) CRS, e.g. CGCS2000 for EPSG:4546.
  Crs geographicBase() const;
  //! Same CRS up to axis order of geographic CRSs.
  bool equivalentTo(const Crs &other) const;
  //! The false easting of a projected CRS in metres (37 500 000 for EPSG:4525, whose eastings
  //! carry the zone number 37; 500 000 for EPSG:4546), or nothing for other CRSs.
  std::optional<double> falseEasting() const;
  //! The longitude of natural origin (central meridian) of a projected CRS, in degrees.
  std::optional<double> centralMeridian() const;
  //! The CRS as a PROJ string without `+type=crs` (for a pipeline step), e.g. "+proj=tmerc
  //! +lat_0=0 +lon_0=111 … +ellps=GRS80 +units=m +no_defs".
  std::string projString() const;

  //! The CGCS2000 3-degree Gauss-Kruger zone (no zone prefix) whose central meridian is
  //! nearest to longitude; a tie goes to the western zone. EPSG = 4534 + (CM - 75) / 3.
  static int gaussKrugerZoneEpsg(double longitude);

private:
  //! A parameter of a projected CRS's conversion by its EPSG name, in SI units (m, radians).
  std::optional<double> projectionParameter(const char *name) const;

  std::string m_definition;
  std::string m_name;
  std::optional<int> m_epsg;
  bool m_geographic = false;
  bool m_projected = false;
  double m_semiMajor = 0;
  double m_flattening = 0;
};

//! A PROJ transformation between two CRSs in traditional GIS axis order (x = easting or
//! longitude). Owns its PJ and the calling thread's PJ_CONTEXT is used: create and use it on
//! one thread only (see forThread()).
class CoordinateTransform
{
public:
  CoordinateTransform(const Crs &source, const Crs &target);
  //! A transformation given as a PROJ pipeline (e.g. a datum shift with a surveyor's
  //! parameters), input and output in traditional GIS order. Throws GisError if PROJ cannot
  //! read it.
  CoordinateTransform(const std::string &pipeline, std::string description);
  ~CoordinateTransform();
  CoordinateTransform(const CoordinateTransform &) = delete;
  CoordinateTransform &operator=(const CoordinateTransform &) = delete;

  //! The calling thread's cached transform between the two CRSs.
  static const CoordinateTransform &forThread(const Crs &source, const Crs &target);
  static const CoordinateTransform &forThread(const std::string &pipeline);

  bool isIdentity() const { return m_identity; }
  //! Transforms in place; false if PROJ could not (the point is outside the CRS's domain).
  bool transform(double &x, double &y) const;
  //! Transforms n points in place in one PROJ call (what a per-point loop costs twice over);
  //! returns the index of the first point PROJ could not transform, or n.
  std::size_t transform(double *x, double *y, std::size_t n) const;
  //! A transformed copy of g; throws GisError naming both CRSs if a vertex fails.
  Geometry transform(const GEOSGeometry *g) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  bool m_identity = false;
  std::string m_description;
};

} // namespace anzhi::gis
