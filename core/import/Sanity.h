#pragma once

// Coordinate sanity checks of an import: pure functions on numbers (fuzz entry points).

#include <optional>
#include <string>

namespace anzhi::core {

//! Whether lon/lat (degrees) lies in China's extent, generously: 73°–136°E, 3°–54°N.
bool insideChina(double lon, double lat);

//! The Gauss-Kruger CRS whose eastings carry zone prefix `zone`, on the datum of `sameDatumAs`
//! when that is a Xian 1980 or Beijing 1954 zone CRS, else CGCS2000 (3-degree zones 25–45:
//! EPSG:4513–4533, Xian 1980 2349–2369, Beijing 1954 2401–2421; 6-degree zones 13–23 of
//! CGCS2000: EPSG:4491–4501), if there is one.
std::optional<int> prefixedZoneEpsg(int zone, std::optional<int> sameDatumAs = std::nullopt);
//! The same zone without prefix (EPSG:4525 → 4546, EPSG:4491 → 4502, EPSG:2361 → 2382), if
//! `epsg` is one of them.
std::optional<int> unprefixedZoneEpsg(int epsg);

//! Compares the eastings of the data with what a projected CRS expects: a false easting of
//! Z 500 000 (Z ≥ 1) means eastings carry the zone number Z before 6 digits. Returns a warning
//! when the data's eastings (`easting`, e.g. the centre of the extent) carry no prefix, another
//! prefix, or a prefix the CRS does not expect; `epsg` (if known) lets it name the likely CRS.
std::optional<std::string> zonePrefixProblem(double falseEasting, std::optional<int> epsg,
                                             double easting);

//! For a layer without CRS: a hint from its extent's centre — "EPSG:4490" for lon/lat in
//! China, the zone-prefixed CRS for eastings like 37 5xx xxx, a zone without prefix for
//! eastings near 500 000 — or nothing.
std::optional<std::string> suggestCrs(double x, double y);

} // namespace anzhi::core
