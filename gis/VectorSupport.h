#pragma once

// Odds and ends of GDAL the importer and the exports need beside gis/Vector.h: files in GDAL's
// memory (/vsimem/), which drivers this GDAL has, and an attribute filter.

#include "gis/Vector.h"

#include <cstdint>
#include <string>
#include <vector>

namespace anzhi::gis {

//! A folder of its own in GDAL's memory file system (/vsimem/anzhi-…/), removed with everything
//! in it when the object goes. Thread: the files may be used from any thread.
class MemoryFolder
{
public:
  MemoryFolder();
  ~MemoryFolder();
  MemoryFolder(const MemoryFolder &) = delete;
  MemoryFolder &operator=(const MemoryFolder &) = delete;
  //! The path of a file in the folder.
  std::string file(const std::string &name) const { return m_path + "/" + name; }

private:
  std::string m_path;
};

//! Whether GDAL has the vector driver of that short name ("PGeo", "OpenFileGDB", …).
bool hasVectorDriver(const std::string &name);

//! Whether the MDB Tools ODBC driver (libmdbodbc.so, Debian's odbc-mdbtools), through which
//! GDAL's PGeo driver reads a Personal Geodatabase (.mdb), is installed where GDAL looks for it.
bool hasMdbToolsOdbc();

//! The fids of a layer's features that the attribute filter `where` selects (the driver's SQL
//! dialect, e.g. SQLite for a GeoPackage: "land_use = '0804' AND name LIKE '%小学%'"). Throws
//! GisError naming the file, layer and filter when the driver refuses it.
std::vector<std::int64_t> fidsWhere(const VectorDataset &dataset, const std::string &layer,
                                    const std::string &where);

} // namespace anzhi::gis
