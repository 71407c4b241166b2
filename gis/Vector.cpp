#include "gis/Vector.h"

#include "gis/DataFile.h"
#include "gis/GdalSupport.h"
#include "gis/GisError.h"
#include "gis/GpkgGeometry.h"
#include "gis/GpkgScan.h"
#include "gis/Text.h"

#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace anzhi::gis {

using detail::initGdal;
using detail::lastGdalError;
using detail::ogrFieldType;

namespace {

bool isConnectionString(const std::string &path)
{
  return path.rfind("PG:", 0) == 0 || path.rfind("/vsi", 0) == 0;
}

//! Whether the file is an SQLite database marked as a GeoPackage (application_id 'GPKG', or
//! 'GP10'/'GP11' of GeoPackage 1.0/1.1) — read from its header, never opened by SQLite.
bool isGeoPackageFile(const std::string &path)
{
  std::FILE *f = std::fopen(path.c_str(), "rb");
  if (!f)
    return false;
  unsigned char header[72] = {};
  const std::size_t n = std::fread(header, 1, sizeof header, f);
  std::fclose(f);
  if (n < sizeof header || std::memcmp(header, "SQLite format 3", 16) != 0)
    return false;
  const unsigned char *id = header + 68;
  return std::memcmp(id, "GPKG", 4) == 0 || std::memcmp(id, "GP10", 4) == 0 ||
         std::memcmp(id, "GP11", 4) == 0;
}

OGRwkbGeometryType toOgr(GeometryKind kind)
{
  switch (kind) {
  case GeometryKind::None:
    return wkbNone;
  case GeometryKind::Point:
    return wkbPoint;
  case GeometryKind::Line:
    return wkbLineString;
  case GeometryKind::Polygon:
    return wkbPolygon;
  case GeometryKind::MultiPolygon:
    return wkbMultiPolygon;
  case GeometryKind::Any:
    return wkbUnknown;
  }
  return wkbUnknown;
}

std::optional<Date> parseDate(const std::string &text)
{
  Date d;
  char sep1 = 0, sep2 = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c%d", &d.year, &sep1, &d.month, &sep2, &d.day) != 5)
    return std::nullopt;
  if (sep1 != sep2 || (sep1 != '-' && sep1 != '/') || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > 31)
    return std::nullopt;
  return d;
}

void setField(OGRFeature &feature, int idx, const FieldValue &v)
{
  if (std::holds_alternative<std::monostate>(v))
    feature.SetFieldNull(idx);
  else if (auto *n = std::get_if<std::int64_t>(&v))
    feature.SetField(idx, static_cast<GIntBig>(*n));
  else if (auto *d = std::get_if<double>(&v))
    feature.SetField(idx, *d);
  else if (auto *s = std::get_if<std::string>(&v))
    feature.SetField(idx, s->c_str());
  else if (auto *date = std::get_if<Date>(&v))
    feature.SetField(idx, date->year, date->month, date->day);
}

} // namespace

std::string Date::toString() const
{
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// --- FeatureRow ---

std::int64_t FeatureRow::fid() const
{
  return m_scan ? m_scan->fid() : m_feature->GetFID();
}

void FeatureRow::failField(int fieldIndex, const std::string &problem) const
{
  const char *field = m_layer.m_layer->GetLayerDefn()->GetFieldDefn(fieldIndex)->GetNameRef();
  throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "', feature " +
                 std::to_string(fid()) + ", field '" + field + "': " + problem);
}

int FeatureRow::declaredType(int fieldIndex) const
{
  return m_layer.m_layer->GetLayerDefn()->GetFieldDefn(fieldIndex)->GetType();
}

FeatureRow::Stored FeatureRow::stored(int fieldIndex) const
{
  if (m_scan) {
    switch (m_scan->storageClass(fieldIndex)) {
    case SQLITE_INTEGER:
      return Stored::Integer;
    case SQLITE_FLOAT:
      return Stored::Real;
    default:
      return Stored::Text;
    }
  }
  switch (declaredType(fieldIndex)) {
  case OFTInteger:
  case OFTInteger64:
    return Stored::Integer;
  case OFTReal:
    return Stored::Real;
  default:
    return Stored::Text;
  }
}

std::string FeatureRow::rawString(int fieldIndex) const
{
  if (!m_scan)
    return m_feature->GetFieldAsString(fieldIndex);
  switch (stored(fieldIndex)) {
  case Stored::Integer:
    return std::to_string(m_scan->integer(fieldIndex));
  case Stored::Real: {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", m_scan->real(fieldIndex));
    return buf;
  }
  case Stored::Text:
    break;
  }
  return m_scan->text(fieldIndex);
}

std::int64_t FeatureRow::rawInteger(int fieldIndex) const
{
  return m_scan ? m_scan->integer(fieldIndex) : m_feature->GetFieldAsInteger64(fieldIndex);
}

double FeatureRow::rawReal(int fieldIndex) const
{
  return m_scan ? m_scan->real(fieldIndex) : m_feature->GetFieldAsDouble(fieldIndex);
}

bool FeatureRow::isNull(int fieldIndex) const
{
  if (fieldIndex < 0 || fieldIndex >= m_layer.m_layer->GetLayerDefn()->GetFieldCount())
    throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "', feature " +
                   std::to_string(fid()) + ": no field number " + std::to_string(fieldIndex));
  return m_scan ? m_scan->isNull(fieldIndex) : !m_feature->IsFieldSetAndNotNull(fieldIndex);
}

std::optional<std::string> FeatureRow::string(int fieldIndex) const
{
  if (isNull(fieldIndex))
    return std::nullopt;
  return rawString(fieldIndex);
}

std::int64_t FeatureRow::wholeNumber(int fieldIndex, double value) const
{
  // Beyond 2^53 a real no longer tells neighbouring integers apart: whatever integer was meant
  // is lost, so such a value is refused rather than rounded (9e99 used to read as INT64_MAX).
  constexpr double kLargestExact = 9007199254740992.0; // 2^53
  char shortest[32] = {};
  std::to_chars(shortest, shortest + sizeof shortest - 1, value);
  if (!std::isfinite(value) || std::fabs(value) > kLargestExact)
    failField(fieldIndex, "value " + std::string(shortest) + " is out of range for a whole number");
  if (value != std::floor(value))
    failField(fieldIndex, "value " + std::string(shortest) + " is not a whole number");
  return static_cast<std::int64_t>(value);
}

std::optional<std::int64_t> FeatureRow::integer(int fieldIndex) const
{
  if (isNull(fieldIndex))
    return std::nullopt;
  switch (stored(fieldIndex)) {
  case Stored::Integer:
    return rawInteger(fieldIndex);
  case Stored::Real:
    return wholeNumber(fieldIndex, rawReal(fieldIndex));
  case Stored::Text:
    break;
  }
  std::string text = trimmed(rawString(fieldIndex));
  if (text.empty())
    return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range)
    failField(fieldIndex, "value '" + text + "' is out of range for a whole number");
  if (ec != std::errc() || end != text.data() + text.size())
    failField(fieldIndex, "value '" + text + "' is not a whole number");
  return value;
}

std::optional<double> FeatureRow::real(int fieldIndex) const
{
  if (isNull(fieldIndex))
    return std::nullopt;
  if (stored(fieldIndex) != Stored::Text)
    return rawReal(fieldIndex);
  std::string text = trimmed(rawString(fieldIndex));
  if (text.empty())
    return std::nullopt;
  char *end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size())
    failField(fieldIndex, "value '" + text + "' is not a number");
  return value;
}

std::optional<Date> FeatureRow::date(int fieldIndex) const
{
  if (isNull(fieldIndex))
    return std::nullopt;
  const int type = declaredType(fieldIndex);
  if (!m_scan && (type == OFTDate || type == OFTDateTime)) {
    int y, m, d, hh, mm, tz;
    float ss;
    m_feature->GetFieldAsDateTime(fieldIndex, &y, &m, &d, &hh, &mm, &ss, &tz);
    return Date{y, m, d};
  }
  // A GeoPackage keeps DATE and DATETIME as ISO 8601 text.
  std::string text = trimmed(rawString(fieldIndex));
  if (text.empty())
    return std::nullopt;
  auto parsed = parseDate(text.substr(0, 10));
  if (!parsed)
    failField(fieldIndex, "value '" + text + "' is not a date (YYYY-MM-DD)");
  return parsed;
}

Geometry FeatureRow::geometry() const
{
  if (!m_scan)
    return geometryOf(m_feature->GetGeometryRef());
  const std::span<const unsigned char> blob = m_scan->geometryBlob();
  if (blob.empty())
    return nullptr;
  try {
    return readGpkgGeometry(blob).geometry;
  } catch (const GisError &) {
    // What the direct reader does not take (curves, extended blobs, damaged bytes) goes
    // through OGR, exactly as for any other source, with OGR's verdict and message.
    CPLErrorReset();
    OGRFeatureUniquePtr feature(m_layer.m_layer->GetFeature(fid()));
    // OGR returns a damaged BLOB as a feature without geometry and an error: never a silent
    // "no geometry".
    if (!feature || CPLGetLastErrorType() >= CE_Failure)
      throw UnreadableData(m_layer.sourcePath() + ": layer '" + m_layer.name() + "', feature " +
                           std::to_string(fid()) + ": cannot be read: " + lastGdalError());
    return geometryOf(feature->GetGeometryRef());
  }
}

Geometry FeatureRow::geometryOf(OGRGeometry *g) const
{
  if (!g)
    return nullptr;
  std::unique_ptr<OGRGeometry> linear;
  if (OGR_GT_IsNonLinear(g->getGeometryType())) {
    linear.reset(g->getLinearGeometry());
    g = linear.get();
  }
  g->flattenTo2D();
  std::vector<unsigned char> wkb(g->WkbSize());
  if (g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE)
    throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "', feature " +
                   std::to_string(fid()) + ": cannot read its geometry");
  try {
    return fromWkb(wkb);
  } catch (const GisError &e) {
    throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "', feature " +
                   std::to_string(fid()) + ": " + e.what());
  }
}

// --- VectorLayer ---

VectorLayer::VectorLayer(OGRLayer *layer, std::string path)
    : m_layer(layer)
    , m_path(std::move(path))
    , m_name(layer->GetName())
{
}

std::int64_t VectorLayer::featureCount() const
{
  return m_layer->GetFeatureCount(TRUE);
}

std::optional<Crs> VectorLayer::crs() const
{
  const OGRSpatialReference *srs = m_layer->GetSpatialRef();
  if (!srs)
    return std::nullopt;
  const char *auth = srs->GetAuthorityName(nullptr);
  const char *code = srs->GetAuthorityCode(nullptr);
  // A GeoPackage stores "no CRS" as srs_id 0 or -1, which GDAL presents as these names.
  const char *name = srs->GetName();
  if (!auth && name && EQUALN(name, "Undefined ", 10))
    return std::nullopt;
  try {
    if (auth && code && std::string(auth) == "EPSG")
      return Crs::fromUserInput(std::string("EPSG:") + code);
    char *wkt = nullptr;
    const char *options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    std::string text = wkt ? wkt : "";
    CPLFree(wkt);
    return Crs::fromUserInput(text);
  } catch (const GisError &e) {
    throw GisError(m_path + ": layer '" + m_name + "': " + e.what());
  }
}

GeometryKind VectorLayer::geometryKind() const
{
  OGRwkbGeometryType t = wkbFlatten(m_layer->GetGeomType());
  switch (t) {
  case wkbNone:
    return GeometryKind::None;
  case wkbPoint:
  case wkbMultiPoint:
    return GeometryKind::Point;
  case wkbLineString:
  case wkbMultiLineString:
    return GeometryKind::Line;
  case wkbPolygon:
  case wkbCurvePolygon:
    return GeometryKind::Polygon;
  case wkbMultiPolygon:
  case wkbMultiSurface:
    return GeometryKind::MultiPolygon;
  default:
    return GeometryKind::Any;
  }
}

std::vector<FieldDefinition> VectorLayer::fields() const
{
  std::vector<FieldDefinition> result;
  OGRFeatureDefn *defn = m_layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    OGRFieldDefn *f = defn->GetFieldDefn(i);
    FieldType type = FieldType::String;
    switch (f->GetType()) {
    case OFTInteger:
    case OFTInteger64:
      type = FieldType::Integer;
      break;
    case OFTReal:
      type = FieldType::Real;
      break;
    case OFTDate:
    case OFTDateTime:
      type = FieldType::Date;
      break;
    default:
      break;
    }
    result.push_back({f->GetNameRef(), type});
  }
  return result;
}

int VectorLayer::fieldIndex(const std::string &field) const
{
  return m_layer->GetLayerDefn()->GetFieldIndex(field.c_str());
}

int VectorLayer::requireField(const std::string &field, FieldType wanted) const
{
  int index = fieldIndex(field);
  if (index < 0)
    throw GisError(m_path + ": layer '" + m_name + "' has no field '" + field + "'");
  OGRFieldType actual = m_layer->GetLayerDefn()->GetFieldDefn(index)->GetType();
  bool ok = true;
  switch (wanted) {
  case FieldType::Integer:
  case FieldType::Real:
    ok = actual == OFTInteger || actual == OFTInteger64 || actual == OFTReal || actual == OFTString;
    break;
  case FieldType::Date:
    ok = actual == OFTDate || actual == OFTDateTime || actual == OFTString;
    break;
  case FieldType::String:
    ok = actual != OFTBinary && actual != OFTIntegerList && actual != OFTRealList &&
         actual != OFTStringList && actual != OFTInteger64List;
    break;
  }
  if (!ok) {
    static const char *names[] = {"integer", "real", "text", "date"};
    throw GisError(m_path + ": layer '" + m_name + "', field '" + field + "' is of type " +
                   OGRFieldDefn::GetFieldTypeName(actual) + ", expected " +
                   names[static_cast<int>(wanted)]);
  }
  return index;
}

sqlite3 *VectorLayer::geoPackageConnection() const
{
  GDALDataset *ds = m_layer->GetDataset();
  if (!ds || ds->GetAccess() != GA_ReadOnly || !ds->GetDriver() ||
      !EQUAL(ds->GetDriver()->GetDescription(), "GPKG") || *m_layer->GetFIDColumn() == '\0')
    return nullptr;
  return static_cast<sqlite3 *>(ds->GetInternalHandle("SQLITE_HANDLE"));
}

void VectorLayer::scanGeoPackage(const std::function<bool(const FeatureRow &)> &fn) const
{
  std::vector<std::string> fields;
  OGRFeatureDefn *defn = m_layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i)
    fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  GpkgScan scan(geoPackageConnection(), m_path, m_name, m_layer->GetFIDColumn(),
                defn->GetGeomFieldCount() > 0 ? m_layer->GetGeometryColumn() : "", fields);
  FeatureRow row(*this, scan);
  while (scan.next())
    if (!fn(row))
      break;
}

void VectorLayer::forEach(const std::function<bool(const FeatureRow &)> &fn,
                          const std::optional<Envelope> &filter) const
{
  if (!filter && geoPackageConnection()) {
    scanGeoPackage(fn);
    return;
  }
  if (filter)
    m_layer->SetSpatialFilterRect(filter->minX, filter->minY, filter->maxX, filter->maxY);
  else
    m_layer->SetSpatialFilter(nullptr);
  m_layer->ResetReading();
  struct FilterReset
  {
    OGRLayer *layer;
    ~FilterReset() { layer->SetSpatialFilter(nullptr); }
  } reset{m_layer};
  // GDAL ends the iteration on a read error (a damaged page, a lock held too long) as if the
  // layer had ended: tell the two apart, so that no feature is ever dropped silently.
  CPLErrorReset();
  std::int64_t read = 0;
  for (;;) {
    OGRFeatureUniquePtr feature(m_layer->GetNextFeature());
    if (!feature) {
      if (CPLGetLastErrorType() >= CE_Failure)
        throw GisError(m_path + ": layer '" + m_name + "': reading stopped after " +
                       std::to_string(read) + " features: " + lastGdalError());
      break;
    }
    ++read;
    FeatureRow row(*this, feature.get());
    // A feature GDAL could only read in part (e.g. "Unable to read geometry" for a damaged
    // BLOB, which it returns as a feature without geometry).
    if (CPLGetLastErrorType() >= CE_Failure)
      throw GisError(m_path + ": layer '" + m_name + "', feature " + std::to_string(row.fid()) +
                     ": cannot be read: " + lastGdalError());
    if (!fn(row))
      break;
    CPLErrorReset();
  }
}

std::optional<Envelope> VectorLayer::extent() const
{
  OGREnvelope env;
  if (m_layer->GetExtent(&env, TRUE) != OGRERR_NONE)
    return std::nullopt;
  return Envelope{env.MinX, env.MinY, env.MaxX, env.MaxY};
}

std::optional<std::string> VectorLayer::metadataItem(const std::string &name,
                                                     const std::string &domain) const
{
  const char *value = m_layer->GetMetadataItem(name.c_str(), domain.c_str());
  if (!value)
    return std::nullopt;
  return std::string(value);
}

// --- LayerWriter ---

int LayerWriter::addField(const FieldDefinition &field)
{
  OGRLayer *layer = m_layer.m_layer;
  OGRFieldDefn defn(field.name.c_str(), ogrFieldType(field.type));
  CPLErrorReset();
  if (layer->CreateField(&defn) != OGRERR_NONE)
    throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "': cannot add field '" +
                   field.name + "': " + lastGdalError());
  return layer->GetLayerDefn()->GetFieldIndex(field.name.c_str());
}

std::int64_t LayerWriter::add(const GEOSGeometry *geometry, const std::vector<FieldValue> &values,
                              std::int64_t fid)
{
  OGRLayer *layer = m_layer.m_layer;
  OGRFeature feature(layer->GetLayerDefn());
  if (fid >= 0)
    feature.SetFID(fid);
  if (geometry) {
    std::vector<unsigned char> wkb = toWkb(geometry);
    OGRGeometry *g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), layer->GetSpatialRef(), &g, wkb.size()) !=
        OGRERR_NONE)
      throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() +
                     "': cannot convert a geometry for writing");
    feature.SetGeometryDirectly(g);
  }
  for (std::size_t i = 0; i < values.size(); ++i)
    setField(feature, static_cast<int>(i), values[i]);
  if (layer->CreateFeature(&feature) != OGRERR_NONE)
    throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() +
                   "': cannot write a feature: " + lastGdalError());
  return feature.GetFID();
}

// --- VectorDataset ---

VectorDataset::VectorDataset(GDALDatasetUniquePtr ds, std::string path)
    : m_dataset(std::move(ds))
    , m_path(std::move(path))
{
}

VectorDataset::VectorDataset(VectorDataset &&) noexcept = default;
VectorDataset &VectorDataset::operator=(VectorDataset &&) noexcept = default;
VectorDataset::~VectorDataset() = default;

VectorDataset VectorDataset::open(const std::string &path, Mode mode)
{
  return open(path, mode, {});
}

VectorDataset VectorDataset::open(const std::string &path, Mode mode,
                                  const std::vector<std::string> &openOptions)
{
  initGdal();
  if (!isConnectionString(path)) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      throw GisError(path + ": file not found");
    requireRegularFile(path, /*allowFolder=*/true);
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0)
      throw GisError(path + ": the file is empty, not a GIS data source");
  }
  // A read-only connection cannot roll back what a crashed writer left, and without it SQLite
  // refuses every read ("attempt to write a readonly database").
  const bool readOnlyFile = mode == Mode::ReadOnly && !isConnectionString(path);
  if (readOnlyFile)
    recoverInterruptedWrite(path);
  std::shared_ptr<WalReaderGuard> walGuard;
  if (readOnlyFile && hasPendingWal(path))
    walGuard = std::make_shared<WalReaderGuard>(path);
  CPLErrorReset();
  unsigned flags = GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR |
                   (mode == Mode::Update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
  std::vector<const char *> options;
  for (const std::string &o : openOptions)
    options.push_back(o.c_str());
  options.push_back(nullptr);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), flags, nullptr, options.data()));
  if (!ds) {
    std::string reason = lastGdalError();
    if (reason.find("database is locked") != std::string::npos)
      reason += " (another program holds a write lock on it; try again once it has finished)";
    else if (reason.find("malformed") != std::string::npos)
      reason += " (the file is damaged or truncated)";
    else if (reason.find("not recognized") != std::string::npos && !isConnectionString(path) &&
             isGeoPackageFile(path))
      // GDAL opens a GeoPackage without vector tables only for update, and then says the
      // file is "not recognized": say what it is instead.
      throw GisError(path + ": the GeoPackage has no vector layer (gpkg_contents lists no "
                            "features table): nothing to read");
    throw GisError(path + ": cannot open as a vector data source: " + reason);
  }
  // A reader leaves the project's bytes, and a log a writer left, as they were.
  VectorDataset dataset(std::move(ds), path);
  dataset.m_walGuard = std::move(walGuard);
  return dataset;
}

VectorDataset VectorDataset::createGeoPackage(const std::string &path)
{
  initGdal();
  std::error_code ec;
  if (std::filesystem::exists(path, ec))
    throw GisError(path + ": file already exists");
  GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver)
    throw GisError("GDAL has no GeoPackage driver");
  CPLErrorReset();
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds)
    throw GisError(path + ": cannot create GeoPackage: " + lastGdalError());
  return VectorDataset(std::move(ds), path);
}

std::string VectorDataset::driverName() const
{
  GDALDriver *driver = m_dataset->GetDriver();
  return driver ? driver->GetDescription() : "";
}

std::vector<std::string> VectorDataset::layerNames() const
{
  std::vector<std::string> names;
  for (int i = 0; i < m_dataset->GetLayerCount(); ++i)
    names.emplace_back(m_dataset->GetLayer(i)->GetName());
  return names;
}

bool VectorDataset::hasLayer(const std::string &name) const
{
  for (int i = 0; i < m_dataset->GetLayerCount(); ++i)
    if (name == m_dataset->GetLayer(i)->GetName())
      return true;
  return false;
}

std::vector<std::string> VectorDataset::listedButMissingTables() const
{
  std::vector<std::string> missing;
  GDALDriver *driver = m_dataset->GetDriver();
  if (!driver || !EQUAL(driver->GetDescription(), "GPKG"))
    return missing;
  auto *db = static_cast<sqlite3 *>(m_dataset->GetInternalHandle("SQLITE_HANDLE"));
  if (!db)
    return missing;
  sqlite3_stmt *statement = nullptr;
  const char *sql = "SELECT table_name FROM gpkg_contents WHERE lower(table_name) NOT IN "
                    "(SELECT lower(name) FROM sqlite_master WHERE type IN ('table', 'view'))";
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
    throw GisError(
        m_path + ": cannot read the GeoPackage's catalogue (gpkg_contents): " + sqlite3_errmsg(db));
  while (sqlite3_step(statement) == SQLITE_ROW)
    if (const unsigned char *name = sqlite3_column_text(statement, 0))
      missing.emplace_back(reinterpret_cast<const char *>(name));
  sqlite3_finalize(statement);
  return missing;
}

VectorLayer VectorDataset::layer(const std::string &name) const
{
  for (int i = 0; i < m_dataset->GetLayerCount(); ++i) {
    OGRLayer *l = m_dataset->GetLayer(i);
    if (name == l->GetName())
      return VectorLayer(l, m_path);
  }
  throw GisError(m_path + ": no layer '" + name + "'");
}

LayerWriter VectorDataset::createLayer(const std::string &name, GeometryKind kind,
                                       const std::optional<Crs> &crs,
                                       const std::vector<FieldDefinition> &fields)
{
  OGRSpatialReference srs;
  if (crs) {
    if (srs.SetFromUserInput(crs->definition().c_str()) != OGRERR_NONE)
      throw GisError(m_path + ": layer '" + name + "': cannot use CRS " + crs->authId());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  const char *options[] = {"FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", nullptr};
  CPLErrorReset();
  OGRLayer *layer = m_dataset->CreateLayer(name.c_str(), crs ? &srs : nullptr, toOgr(kind),
                                           const_cast<char **>(options));
  if (!layer)
    throw GisError(m_path + ": cannot create layer '" + name + "': " + lastGdalError());
  for (const FieldDefinition &f : fields) {
    OGRFieldDefn defn(f.name.c_str(), ogrFieldType(f.type));
    if (layer->CreateField(&defn) != OGRERR_NONE)
      throw GisError(m_path + ": layer '" + name + "': cannot create field '" + f.name +
                     "': " + lastGdalError());
  }
  return LayerWriter(VectorLayer(layer, m_path));
}

LayerWriter VectorDataset::writerFor(const std::string &name)
{
  return LayerWriter(layer(name));
}

void VectorDataset::executeSql(const std::string &sql)
{
  CPLErrorReset();
  OGRLayer *result = m_dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result)
    m_dataset->ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure)
    throw GisError(m_path + ": SQL failed: " + lastGdalError());
}

std::optional<std::string> VectorDataset::queryText(const std::string &sql) const
{
  CPLErrorReset();
  OGRLayer *rows = m_dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  std::optional<std::string> value;
  if (rows) {
    if (OGRFeatureUniquePtr row{rows->GetNextFeature()}; row && row->IsFieldSetAndNotNull(0))
      value = row->GetFieldAsString(0);
    m_dataset->ReleaseResultSet(rows);
  }
  if (CPLGetLastErrorType() >= CE_Failure)
    throw GisError(m_path + ": SQL failed: " + lastGdalError());
  return value;
}

// --- ThreadConfigOption ---

ThreadConfigOption::ThreadConfigOption(std::string key, const std::string &value)
    : m_key(std::move(key))
{
  if (const char *previous = CPLGetThreadLocalConfigOption(m_key.c_str(), nullptr))
    m_previous = previous;
  CPLSetThreadLocalConfigOption(m_key.c_str(), value.c_str());
}

ThreadConfigOption::~ThreadConfigOption()
{
  CPLSetThreadLocalConfigOption(m_key.c_str(), m_previous ? m_previous->c_str() : nullptr);
}

// --- LayerEditor ---

void LayerEditor::fail(const std::string &what, std::int64_t fid) const
{
  throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "', feature " +
                 std::to_string(fid) + ": cannot " + what + ": " + lastGdalError());
}

void LayerEditor::fill(OGRFeature &feature, const GEOSGeometry *geometry,
                       const NamedValues &values) const
{
  OGRLayer *layer = m_layer.m_layer;
  if (geometry) {
    std::vector<unsigned char> wkb = toWkb(geometry);
    OGRGeometry *g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), layer->GetSpatialRef(), &g, wkb.size()) !=
        OGRERR_NONE)
      fail("convert the geometry", feature.GetFID());
    feature.SetGeometryDirectly(g);
  } else {
    feature.SetGeometryDirectly(nullptr);
  }
  for (const auto &[name, value] : values) {
    int idx = feature.GetFieldIndex(name.c_str());
    if (idx < 0)
      throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "' has no field '" +
                     name + "'");
    setField(feature, idx, value);
  }
}

std::int64_t LayerEditor::insert(const GEOSGeometry *geometry, const NamedValues &values)
{
  OGRLayer *layer = m_layer.m_layer;
  OGRFeature feature(layer->GetLayerDefn());
  fill(feature, geometry, values);
  if (layer->CreateFeature(&feature) != OGRERR_NONE)
    fail("insert", -1);
  return feature.GetFID();
}

void LayerEditor::update(std::int64_t fid, const GEOSGeometry *geometry, const NamedValues &values)
{
  OGRLayer *layer = m_layer.m_layer;
  OGRFeatureUniquePtr feature(layer->GetFeature(fid));
  if (!feature)
    throw GisError(m_layer.sourcePath() + ": layer '" + m_layer.name() + "' has no feature " +
                   std::to_string(fid) + " to update");
  fill(*feature, geometry, values);
  if (layer->SetFeature(feature.get()) != OGRERR_NONE)
    fail("update", fid);
}

void LayerEditor::remove(std::int64_t fid)
{
  if (m_layer.m_layer->DeleteFeature(fid) != OGRERR_NONE)
    fail("delete", fid);
}

// --- Transaction ---

Transaction::Transaction(VectorDataset &dataset)
    : m_dataset(dataset)
{
  if (m_dataset.handle()->StartTransaction() != OGRERR_NONE)
    throw GisError(m_dataset.path() + ": cannot start a transaction: " + lastGdalError());
  m_open = true;
}

Transaction::~Transaction()
{
  if (m_open)
    m_dataset.handle()->RollbackTransaction();
}

void Transaction::commit()
{
  if (m_dataset.handle()->CommitTransaction() != OGRERR_NONE)
    throw GisError(m_dataset.path() + ": cannot commit: " + lastGdalError());
  m_open = false;
}

std::string sqlLiteral(std::string_view text)
{
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += '\'';
    out += c;
  }
  return out + "'";
}

namespace detail {

GDALDatasetUniquePtr createVectorFile(const std::string &path, const char *driverName,
                                      const std::string &what)
{
  initGdal();
  std::error_code ec;
  if (std::filesystem::exists(path, ec))
    throw GisError(path + ": already exists");
  GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName);
  if (!driver || !driver->GetMetadataItem(GDAL_DCAP_CREATE))
    throw GisError(std::string("this GDAL cannot write ") + what + " (no " + driverName +
                   " driver that creates files)");
  CPLErrorReset();
  GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset)
    throw GisError(path + ": cannot create " + what + ": " + lastGdalError());
  return dataset;
}

OGRFieldType ogrFieldType(FieldType type)
{
  switch (type) {
  case FieldType::Integer:
    return OFTInteger64;
  case FieldType::Real:
    return OFTReal;
  case FieldType::String:
    return OFTString;
  case FieldType::Date:
    return OFTDate;
  }
  return OFTString;
}

} // namespace detail

} // namespace anzhi::gis
