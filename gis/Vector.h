#pragma once

#include "gis/Crs.h"
#include "gis/Geos.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <gdal_priv.h>

class OGRGeometry;
struct sqlite3;
class OGRLayer;
class OGRFeature;

namespace anzhi::gis {
class WalReaderGuard;
}

namespace anzhi::gis {

enum class FieldType
{
  Integer,
  Real,
  String,
  Date
};

struct FieldDefinition
{
  std::string name;
  FieldType type = FieldType::String;
};

enum class GeometryKind
{
  None,
  Point,
  Line,
  Polygon,
  MultiPolygon,
  Any
};

//! A calendar date as stored in a GeoPackage DATE field.
struct Date
{
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date &) const = default;
  std::string toString() const;
};

//! One feature being read. Valid only inside the callback of VectorLayer::forEach.
//! Field getters take an index from VectorLayer::requireField or fieldIndex; they throw
//! GisError naming file, layer, feature and field when the index names no field or the value
//! cannot be read as the asked type.
class FeatureRow
{
public:
  std::int64_t fid() const;
  bool isNull(int fieldIndex) const;
  std::optional<std::string> string(int fieldIndex) const;
  std::optional<std::int64_t> integer(int fieldIndex) const;
  std::optional<double> real(int fieldIndex) const;
  std::optional<Date> date(int fieldIndex) const;
  //! The geometry as GEOS, or null when the feature has none.
  Geometry geometry() const;

private:
  friend class VectorLayer;
  FeatureRow(const class VectorLayer &layer, OGRFeature *feature)
      : m_layer(layer)
      , m_feature(feature)
  {
  }
  FeatureRow(const class VectorLayer &layer, const class GpkgScan &scan)
      : m_layer(layer)
      , m_scan(&scan)
  {
  }
  [[noreturn]] void failField(int fieldIndex, const std::string &problem) const;
  int declaredType(int fieldIndex) const; //!< the field's OGRFieldType
  //! What the value is, as far as the source tells: a GeoPackage scan sees SQLite's storage
  //! class; OGR converts to the declared type, so that is all it shows.
  enum class Stored
  {
    Integer,
    Real,
    Text
  };
  Stored stored(int fieldIndex) const;
  //! A real read as a whole number; throws naming the field when it is not one.
  std::int64_t wholeNumber(int fieldIndex, double value) const;
  std::string rawString(int fieldIndex) const;
  std::int64_t rawInteger(int fieldIndex) const;
  double rawReal(int fieldIndex) const;
  Geometry geometryOf(OGRGeometry *g) const;
  const VectorLayer &m_layer;
  //! The row is either an OGR feature or the current row of a GeoPackage scan.
  OGRFeature *m_feature = nullptr;
  const class GpkgScan *m_scan = nullptr;
};

//! text as an SQL string literal: in single quotes, each quote doubled.
std::string sqlLiteral(std::string_view text);

//! A layer of an open VectorDataset; does not own it and must not outlive it.
class VectorLayer
{
public:
  const std::string &name() const { return m_name; }
  const std::string &sourcePath() const { return m_path; }
  std::int64_t featureCount() const;
  //! The layer's CRS, or nothing when it has none.
  std::optional<Crs> crs() const;
  GeometryKind geometryKind() const;
  std::vector<FieldDefinition> fields() const;
  //! The field's index, or -1.
  int fieldIndex(const std::string &field) const;
  //! The field's index; throws GisError naming the layer and field if it is missing or its
  //! type cannot hold the wanted type (an integer field may be read as real, any as text).
  int requireField(const std::string &field, FieldType wanted) const;
  //! Visits every feature, or those whose bounding box meets the filter. Stops early when
  //! fn returns false.
  void forEach(const std::function<bool(const FeatureRow &)> &fn,
               const std::optional<Envelope> &filter = std::nullopt) const;
  //! The extent of the layer's geometries, if any.
  std::optional<Envelope> extent() const;
  //! A metadata item of the driver, e.g. ("SOURCE_ENCODING", "SHAPEFILE"); nothing if unset.
  std::optional<std::string> metadataItem(const std::string &name,
                                          const std::string &domain = {}) const;

private:
  friend class VectorDataset;
  friend class FeatureRow;
  friend class LayerWriter;
  friend class LayerEditor;
  VectorLayer(OGRLayer *layer, std::string path);
  //! The SQLite connection of a read-only GeoPackage, through which a whole-layer scan reads
  //! the table directly (GpkgScan); null for any other source.
  sqlite3 *geoPackageConnection() const;
  void scanGeoPackage(const std::function<bool(const FeatureRow &)> &fn) const;
  OGRLayer *m_layer;
  std::string m_path;
  std::string m_name;
};

//! Field values for a feature being written, in the order of the layer's fields.
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string, Date>;

//! Appends features to a layer. Use inside a Transaction for speed and atomicity.
class LayerWriter
{
public:
  //! Writes one feature; fid < 0 lets the store choose. Returns the stored fid.
  std::int64_t add(const GEOSGeometry *geometry, const std::vector<FieldValue> &values,
                   std::int64_t fid = -1);
  const VectorLayer &layer() const { return m_layer; }
  //! Adds a field to the layer and returns its index (values passed to add() follow it).
  int addField(const FieldDefinition &field);

private:
  friend class VectorDataset;
  explicit LayerWriter(VectorLayer layer)
      : m_layer(std::move(layer))
  {
  }
  VectorLayer m_layer;
};

//! Field values by field name, for LayerEditor; fields not named keep their stored value.
using NamedValues = std::vector<std::pair<std::string, FieldValue>>;

//! Inserts, rewrites and deletes features of an existing layer by fid. Geometries are given in
//! the layer's own CRS. Use inside a Transaction so that a set of edits lands all or nothing.
class LayerEditor
{
public:
  explicit LayerEditor(VectorLayer layer)
      : m_layer(std::move(layer))
  {
  }
  //! Returns the fid the store chose.
  std::int64_t insert(const GEOSGeometry *geometry, const NamedValues &values);
  //! Throws GisError naming the layer and fid when there is no such feature.
  void update(std::int64_t fid, const GEOSGeometry *geometry, const NamedValues &values);
  void remove(std::int64_t fid);
  const VectorLayer &layer() const { return m_layer; }

private:
  void fill(OGRFeature &feature, const GEOSGeometry *geometry, const NamedValues &values) const;
  [[noreturn]] void fail(const std::string &what, std::int64_t fid) const;
  VectorLayer m_layer;
};

//! An open OGR vector source: GeoPackage, Shapefile (its .cpg honoured), GeoJSON,
//! FlatGeobuf, or a PostGIS connection string ("PG:dbname=…"). Owns the GDAL dataset.
//! Thread: one dataset per thread; GDAL datasets must not be shared between threads.
class VectorDataset
{
public:
  enum class Mode
  {
    ReadOnly,
    Update
  };
  //! Opens the source; throws GisError naming it when it is missing, not readable, or not a
  //! vector source GDAL knows.
  static VectorDataset open(const std::string &path, Mode mode = Mode::ReadOnly);
  //! Opens with driver open options ("ENCODING=" for a Shapefile's raw bytes, the CSV
  //! driver's X_POSSIBLE_NAMES=…).
  static VectorDataset open(const std::string &path, Mode mode,
                            const std::vector<std::string> &openOptions);
  //! Creates a new GeoPackage (replacing none: fails if the file exists).
  static VectorDataset createGeoPackage(const std::string &path);

  VectorDataset(VectorDataset &&) noexcept;
  VectorDataset &operator=(VectorDataset &&) noexcept;
  ~VectorDataset();

  const std::string &path() const { return m_path; }
  //! GDAL's short name of the driver: "GPKG", "ESRI Shapefile", "CSV", "DXF", …
  std::string driverName() const;
  std::vector<std::string> layerNames() const;
  bool hasLayer(const std::string &name) const;
  //! Tables a GeoPackage's catalogue (gpkg_contents) lists that the file does not hold — GDAL
  //! leaves such a layer out as if it had never been there. Empty for other formats.
  std::vector<std::string> listedButMissingTables() const;
  //! Throws GisError naming the file and layer if it is missing.
  VectorLayer layer(const std::string &name) const;

  //! Creates a layer; crs may be empty for a table without geometry.
  LayerWriter createLayer(const std::string &name, GeometryKind kind, const std::optional<Crs> &crs,
                          const std::vector<FieldDefinition> &fields);

  //! Appends to an existing layer; throws GisError naming the file and layer if it is missing.
  LayerWriter writerFor(const std::string &name);

  //! Runs a statement GDAL passes to the store (e.g. SQLite for a GeoPackage); quote values
  //! with sqlLiteral().
  void executeSql(const std::string &sql);
  //! The first column of the first row a query yields, as text; nothing when it yields no row
  //! or a null.
  std::optional<std::string> queryText(const std::string &sql) const;

  GDALDataset *handle() const { return m_dataset.get(); }

private:
  VectorDataset(GDALDatasetUniquePtr ds, std::string path);
  //! Declared before the dataset, so destroyed after it: see WalReaderGuard.
  std::shared_ptr<WalReaderGuard> m_walGuard;
  GDALDatasetUniquePtr m_dataset;
  std::string m_path;
};

//! Sets a GDAL configuration option for the calling thread while it lives (e.g. DXF_ENCODING
//! for one open), restoring the previous value after.
class ThreadConfigOption
{
public:
  ThreadConfigOption(std::string key, const std::string &value);
  ~ThreadConfigOption();
  ThreadConfigOption(const ThreadConfigOption &) = delete;
  ThreadConfigOption &operator=(const ThreadConfigOption &) = delete;

private:
  std::string m_key;
  std::optional<std::string> m_previous;
};

//! A dataset transaction, rolled back unless commit() is called.
class Transaction
{
public:
  explicit Transaction(VectorDataset &dataset);
  ~Transaction();
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;
  void commit();

private:
  VectorDataset &m_dataset;
  bool m_open = false;
};

} // namespace anzhi::gis
