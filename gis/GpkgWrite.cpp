#include "gis/GpkgWrite.h"

#include "gis/GisError.h"

#include <gdal_priv.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

namespace anzhi::gis {

namespace {

sqlite3 *connection(const VectorDataset &dataset)
{
  auto *db = static_cast<sqlite3 *>(dataset.handle()->GetInternalHandle("SQLITE_HANDLE"));
  if (!db)
    throw GisError(dataset.path() + ": not a GeoPackage (no SQLite connection)");
  return db;
}

std::string lower(std::string text)
{
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

//! The first column of every row of a query with one text parameter.
std::vector<std::string> column(const VectorDataset &dataset, const char *sql,
                                const std::string &parameter)
{
  sqlite3 *db = connection(dataset);
  sqlite3_stmt *raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK)
    throw GisError(dataset.path() + ": cannot read the schema: " + sqlite3_errmsg(db));
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(raw, sqlite3_finalize);
  sqlite3_bind_text(raw, 1, parameter.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<std::string> values;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
    if (const unsigned char *text = sqlite3_column_text(raw, 0))
      values.emplace_back(reinterpret_cast<const char *>(text));
  if (rc != SQLITE_DONE)
    throw GisError(dataset.path() + ": cannot read the schema: " + sqlite3_errmsg(db));
  return values;
}

} // namespace

void takeWriteLock(VectorDataset &dataset)
{
  sqlite3 *db = connection(dataset);
  // A write statement that changes nothing: the first write of a deferred transaction takes
  // the RESERVED lock, waiting the busy timeout (as BEGIN IMMEDIATE would; GDAL issued the
  // BEGIN and must stay the owner of the transaction). WHERE 0: no row, so no trigger runs.
  char *error = nullptr;
  if (sqlite3_exec(db, "DELETE FROM gpkg_contents WHERE 0", nullptr, nullptr, &error) !=
      SQLITE_OK) {
    const std::string reason = error ? error : sqlite3_errmsg(db);
    sqlite3_free(error);
    throw GisError(dataset.path() + ": cannot take the write lock: " + reason +
                   (sqlite3_errcode(db) == SQLITE_BUSY
                        ? " (another program is writing to it; try again once it has finished)"
                        : ""));
  }
}

std::vector<std::string> ownTriggers(const VectorDataset &dataset, const std::string &table)
{
  std::set<std::string> standard = {lower("trigger_insert_feature_count_" + table),
                                    lower("trigger_delete_feature_count_" + table)};
  for (const std::string &geometry :
       column(dataset,
              "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
              table)) {
    const std::string suffix = lower(table + "_" + geometry);
    for (const char *event : {"insert", "update1", "update2", "update3", "update4", "update5",
                              "update6", "update7", "delete"})
      standard.insert("rtree_" + suffix + "_" + event);
    for (const char *check : {"fgti_", "fgui_", "fgsi_", "fgsu_"})
      standard.insert(check + suffix);
  }
  std::vector<std::string> own;
  for (std::string &name : column(dataset,
                                  "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                  "lower(tbl_name) = lower(?) ORDER BY rowid",
                                  table))
    if (!standard.count(lower(name)))
      own.push_back(std::move(name));
  return own;
}

} // namespace anzhi::gis
