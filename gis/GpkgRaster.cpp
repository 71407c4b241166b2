#include "gis/GpkgRaster.h"

#include "gis/DataFile.h"
#include "gis/GisError.h"
#include "gis/GpkgWrite.h"
#include "gis/Raster.h"
#include "gis/Vector.h"

#include <gdal_utils.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <vector>

#include <unistd.h>

namespace anzhi::gis {

namespace {

//! The GeoPackage tables a gridded coverage lives in besides its own.
const char *const kMetadataTables[] = {"gpkg_tile_matrix_set", "gpkg_tile_matrix",
                                       "gpkg_extensions", "gpkg_2d_gridded_coverage_ancillary",
                                       "gpkg_2d_gridded_tile_ancillary"};

//! Removes the temporary GeoPackage however the import ends.
struct TemporaryFile
{
  std::string path;
  ~TemporaryFile()
  {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path + "-journal", ec);
  }
};

class Connection
{
public:
  Connection(sqlite3 *db, std::string path)
      : m_db(db)
      , m_path(std::move(path))
  {
  }
  void run(const std::string &sql) const
  {
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string reason = error ? error : sqlite3_errmsg(m_db);
      sqlite3_free(error);
      throw GisError(m_path + ": cannot store the raster: " + reason);
    }
  }
  //! The first column of every row of `sql`, as text.
  std::vector<std::string> texts(const std::string &sql) const
  {
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
      throw GisError(m_path + ": cannot store the raster: " + sqlite3_errmsg(m_db));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(raw, sqlite3_finalize);
    std::vector<std::string> values;
    while (sqlite3_step(raw) == SQLITE_ROW)
      if (const unsigned char *text = sqlite3_column_text(raw, 0))
        values.emplace_back(reinterpret_cast<const char *>(text));
    return values;
  }

private:
  sqlite3 *m_db;
  std::string m_path;
};

//! The columns src.table and main.table share, but an autoincrement `id` (renumbered in the
//! project): GDAL may write columns (definition_12_063) an older project's table lacks.
std::string sharedColumns(const Connection &db, const std::string &table, bool withId)
{
  std::string list;
  for (const std::string &name :
       db.texts("SELECT s.name FROM src.pragma_table_info(" + sqlLiteral(table) +
                ") s JOIN main.pragma_table_info(" + sqlLiteral(table) + ") m ON s.name = m.name"))
    if (withId || name != "id")
      list += (list.empty() ? "\"" : ", \"") + name + "\"";
  return list;
}

//! Copies the rows of src.table that `where` selects into main.table.
void copyRows(const Connection &db, const std::string &table, const std::string &where,
              bool withId = true, const std::string &verb = "INSERT")
{
  const std::string columns = sharedColumns(db, table, withId);
  db.run(verb + " INTO main.\"" + table + "\" (" + columns + ") SELECT " + columns +
         " FROM src.\"" + table + "\" WHERE " + where);
}

void writeTemporary(const std::string &source, const std::string &to, const std::string &table)
{
  GDALDatasetUniquePtr in(GDALDataset::Open(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  const std::string tableOption = "RASTER_TABLE=" + table;
  const char *args[] = {
      "-of",  "GPKG", "-ot", "Float32", "-co", tableOption.c_str(), "-co", "TILE_FORMAT=TIFF",
      nullptr};
  std::unique_ptr<GDALTranslateOptions, void (*)(GDALTranslateOptions *)> options(
      GDALTranslateOptionsNew(const_cast<char **>(args), nullptr), GDALTranslateOptionsFree);
  CPLErrorReset();
  int usageError = 0;
  GDALDatasetH out =
      GDALTranslate(to.c_str(), GDALDataset::ToHandle(in.get()), options.get(), &usageError);
  if (!out)
    throw GisError(
        source + ": cannot write it as a GeoPackage raster: " + std::string(CPLGetLastErrorMsg()));
  GDALClose(out);
}

} // namespace

void importRasterTable(const std::string &source, const std::string &gpkgPath,
                       const std::string &table)
{
  RasterDataset::open(source); // refuses what is not a georeferenced raster, naming it
  std::error_code ec;
  if (!std::filesystem::is_regular_file(gpkgPath, ec))
    throw GisError(gpkgPath + ": no such GeoPackage (import the project's layers first)");
  if (!isWritableFile(gpkgPath))
    throw GisError(gpkgPath + ": the project is read-only");
  const TemporaryFile temporary{gpkgPath + ".raster-" + std::to_string(::getpid()) + ".gpkg"};
  std::filesystem::remove(temporary.path, ec);
  writeTemporary(source, temporary.path, table);

  VectorDataset project = VectorDataset::open(gpkgPath, VectorDataset::Mode::Update);
  auto *handle = static_cast<sqlite3 *>(project.handle()->GetInternalHandle("SQLITE_HANDLE"));
  if (!handle)
    throw GisError(gpkgPath + ": not a GeoPackage (no SQLite connection)");
  const Connection db(handle, gpkgPath);
  // SQLite attaches outside a transaction only.
  db.run("ATTACH DATABASE " + sqlLiteral(temporary.path) + " AS src");
  struct Detach
  {
    const Connection &db;
    ~Detach()
    {
      try {
        db.run("DETACH DATABASE src");
      } catch (const GisError &) {
        // The connection closes with the dataset, detaching it anyway.
      }
    }
  } detach{db};
  {
    Transaction transaction(project);
    takeWriteLock(project);
    const std::string t = sqlLiteral(table);
    if (!db.texts("SELECT name FROM main.sqlite_master WHERE lower(name) = lower(" + t + ")")
             .empty())
      throw GisError(gpkgPath + ": the project already has a table '" + table +
                     "'; it is left as it is");
    for (const std::string &id :
         db.texts("SELECT srs_id FROM src.gpkg_spatial_ref_sys s WHERE EXISTS (SELECT 1 FROM "
                  "main.gpkg_spatial_ref_sys m WHERE m.srs_id = s.srs_id AND "
                  "(lower(m.organization) IS NOT lower(s.organization) OR "
                  "m.organization_coordsys_id IS NOT s.organization_coordsys_id))"))
      throw GisError(gpkgPath + ": SRS id " + id +
                     " means another CRS in the project than in the raster " + source);
    copyRows(db, "gpkg_spatial_ref_sys",
             "srs_id NOT IN (SELECT srs_id FROM main.gpkg_spatial_ref_sys)");
    // The metadata tables the project lacks, the coverage's table, with their triggers.
    std::vector<std::string> created;
    for (const char *name : kMetadataTables)
      if (db.texts("SELECT name FROM main.sqlite_master WHERE name = " + sqlLiteral(name)).empty())
        created.push_back(name);
    created.push_back(table);
    for (const std::string &name : created)
      for (const std::string &sql : db.texts("SELECT sql FROM src.sqlite_master WHERE type = "
                                             "'table' AND name = " +
                                             sqlLiteral(name)))
        db.run(sql);
    db.run("INSERT INTO main.\"" + table + "\" SELECT * FROM src.\"" + table + "\"");
    copyRows(db, "gpkg_contents", "table_name = " + t);
    copyRows(db, "gpkg_tile_matrix_set", "table_name = " + t);
    copyRows(db, "gpkg_tile_matrix", "table_name = " + t);
    // The coverage's extensions only: another (gpkg_crs_wkt) may need columns the project's
    // tables lack.
    copyRows(db, "gpkg_extensions",
             "table_name IN (" + t +
                 ", 'gpkg_2d_gridded_coverage_ancillary', 'gpkg_2d_gridded_tile_ancillary')",
             true, "INSERT OR IGNORE");
    copyRows(db, "gpkg_2d_gridded_coverage_ancillary", "tile_matrix_set_name = " + t, false);
    copyRows(db, "gpkg_2d_gridded_tile_ancillary", "tpudt_name = " + t, false);
    for (const std::string &name : created)
      for (const std::string &sql :
           db.texts("SELECT sql FROM src.sqlite_master WHERE type IN ('trigger', 'index') AND "
                    "sql IS NOT NULL AND tbl_name = " +
                    sqlLiteral(name)))
        db.run(sql);
    transaction.commit();
  }
}

} // namespace anzhi::gis
