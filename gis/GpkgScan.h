#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace anzhi::gis {

//! Reads a GeoPackage table row by row straight through SQLite: the fast path of
//! VectorLayer::forEach for whole-layer scans of a read-only GeoPackage. Loading a project
//! reads millions of features, and OGR's per-feature objects (an OGRFeature, an OGRGeometry
//! parsed from the blob and exported again as WKB for GEOS) tripled the cost of the read.
//! Columns: the fid, the geometry blob, then the fields in the order asked for.
//! Ownership: uses, never closes, the connection of the GDAL dataset that has the layer open
//! (its schema is parsed already). Thread: that dataset's.
class GpkgScan
{
public:
  //! Prepares the scan on `db`; throws GisError naming the file and table.
  GpkgScan(sqlite3 *db, const std::string &path, const std::string &table,
           const std::string &fidColumn, const std::string &geometryColumn,
           const std::vector<std::string> &fields);
  ~GpkgScan();
  GpkgScan(const GpkgScan &) = delete;
  GpkgScan &operator=(const GpkgScan &) = delete;

  //! Steps to the next row; false at the end. Throws GisError naming the file and table.
  bool next();
  std::int64_t fid() const;
  //! The geometry column's bytes; empty when it is NULL or the table has none.
  std::span<const unsigned char> geometryBlob() const;
  bool isNull(int field) const;
  //! The SQLite storage class of the field's value in this row (SQLITE_INTEGER, SQLITE_FLOAT,
  //! SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL): what is stored, whatever the column's declared
  //! type (a column declared INTEGER holds text as readily as integers).
  int storageClass(int field) const;
  std::int64_t integer(int field) const;
  double real(int field) const;
  std::string text(int field) const;

private:
  [[noreturn]] void fail(const std::string &what) const;
  std::string m_path;
  std::string m_table;
  bool m_hasGeometry;
  sqlite3 *m_db = nullptr;
  sqlite3_stmt *m_statement = nullptr;
  std::int64_t m_read = 0;
};

} // namespace anzhi::gis
