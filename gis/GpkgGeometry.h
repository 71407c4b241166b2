#pragma once

#include "gis/Geos.h"

#include <cstdint>
#include <optional>
#include <span>
#include <utility>

namespace anzhi::gis {

//! The header of a GeoPackage geometry BLOB (GeoPackage 1.3, §2.1.3 "GeoPackageBinary").
struct GpkgHeader
{
  int version = 0;           //!< 0 means GeoPackage 1.x, the only one defined
  bool littleEndian = true;  //!< byte order of srs_id and the envelope (flags bit 0)
  bool empty = false;        //!< flags bit 4: the geometry is empty
  bool extended = false;     //!< flags bit 5: an ExtendedGeoPackageBinary (not readable here)
  int envelopeIndicator = 0; //!< flags bits 1–3: 0 none, 1 xy, 2 xyz, 3 xym, 4 xyzm
  std::int32_t srsId = 0;
  //! The envelope's x/y part as stored (may hold NaN for an empty geometry); none when
  //! envelopeIndicator is 0.
  std::optional<Envelope> envelope;
  std::optional<std::pair<double, double>> zRange, mRange; //!< (min, max) when stored
  std::size_t size = 8; //!< bytes of header, envelope included: where the WKB starts
};

//! A parsed GeoPackage geometry: its header and the geometry in 2D (Z and M dropped).
struct GpkgGeometry
{
  GpkgHeader header;
  Geometry geometry; //!< never null; an empty geometry when the BLOB holds one
};

//! Reads only the header of a GeoPackage geometry BLOB. Throws GisError with the reason
//! (bad magic, unknown version, envelope indicator 5–7, too short) on malformed input.
GpkgHeader readGpkgHeader(std::span<const unsigned char> blob);

//! Parses a GeoPackage geometry BLOB: header, then ISO or OGC WKB (little or big endian,
//! the Z, M and ZM variants in ISO (1000/2000/3000) or EWKB-flag form, flattened to 2D;
//! Point, LineString, Polygon, Multi* and GeometryCollection). Every length is checked against
//! the bytes there are, so arbitrary bytes give GisError, never a crash or a huge
//! allocation. A point whose x and y are NaN is the empty point, as the GeoPackage says.
//! Extended BLOBs, curves, surfaces and TINs are refused with GisError naming the type.
GpkgGeometry readGpkgGeometry(std::span<const unsigned char> blob);

//! The bounds-checked WKB reader behind readGpkgGeometry, on its own: the whole span must be
//! one geometry (trailing bytes are an error). Throws GisError naming the problem and offset.
Geometry readWkb2D(std::span<const unsigned char> wkb);

} // namespace anzhi::gis
