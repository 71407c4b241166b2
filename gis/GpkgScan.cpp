#include "gis/GpkgScan.h"

#include "gis/GisError.h"

#include <sqlite3.h>

namespace anzhi::gis {

namespace {

std::string quoted(const std::string &identifier)
{
  std::string q = "\"";
  for (char c : identifier)
    q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

constexpr int kFirstField = 2; //!< columns: fid, geometry, fields…

} // namespace

GpkgScan::GpkgScan(sqlite3 *db, const std::string &path, const std::string &table,
                   const std::string &fidColumn, const std::string &geometryColumn,
                   const std::vector<std::string> &fields)
    : m_path(path)
    , m_table(table)
    , m_hasGeometry(!geometryColumn.empty())
    , m_db(db)
{
  std::string sql = "SELECT " + quoted(fidColumn) + ", " +
                    (m_hasGeometry ? quoted(geometryColumn) : std::string("NULL"));
  for (const std::string &f : fields)
    sql += ", " + quoted(f);
  sql += " FROM " + quoted(table);
  if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &m_statement, nullptr) != SQLITE_OK)
    fail("cannot read it");
}

GpkgScan::~GpkgScan()
{
  sqlite3_finalize(m_statement);
}

void GpkgScan::fail(const std::string &what) const
{
  throw GisError(m_path + ": layer '" + m_table + "': " + what + ": " + sqlite3_errmsg(m_db));
}

bool GpkgScan::next()
{
  const int rc = sqlite3_step(m_statement);
  if (rc == SQLITE_ROW) {
    ++m_read;
    return true;
  }
  if (rc == SQLITE_DONE)
    return false;
  fail("reading stopped after " + std::to_string(m_read) + " features" +
       (rc == SQLITE_BUSY ? ": another program holds a write lock on it" : ""));
}

std::int64_t GpkgScan::fid() const
{
  return sqlite3_column_int64(m_statement, 0);
}

std::span<const unsigned char> GpkgScan::geometryBlob() const
{
  if (!m_hasGeometry || sqlite3_column_type(m_statement, 1) != SQLITE_BLOB)
    return {};
  const auto *bytes = static_cast<const unsigned char *>(sqlite3_column_blob(m_statement, 1));
  return {bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, 1))};
}

bool GpkgScan::isNull(int field) const
{
  return sqlite3_column_type(m_statement, kFirstField + field) == SQLITE_NULL;
}

int GpkgScan::storageClass(int field) const
{
  return sqlite3_column_type(m_statement, kFirstField + field);
}

std::int64_t GpkgScan::integer(int field) const
{
  return sqlite3_column_int64(m_statement, kFirstField + field);
}

double GpkgScan::real(int field) const
{
  return sqlite3_column_double(m_statement, kFirstField + field);
}

std::string GpkgScan::text(int field) const
{
  const auto *chars =
      reinterpret_cast<const char *>(sqlite3_column_text(m_statement, kFirstField + field));
  return chars ? std::string(chars,
                             std::size_t(sqlite3_column_bytes(m_statement, kFirstField + field)))
               : std::string();
}

} // namespace anzhi::gis
