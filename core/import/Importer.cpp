#include "core/import/Importer.h"

#include "core/LandUse.h"
#include "core/Schema.h"
#include "core/import/ImportError.h"
#include "core/import/ImportSource.h"
#include "core/import/Sanity.h"
#include "gis/DataFile.h"
#include "gis/GisError.h"
#include "gis/GpkgWrite.h"
#include "gis/Text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unistd.h>
#include <variant>

namespace anzhi::core {

namespace {

//! A row the importer will not write; caught per row and listed in the summary.
struct RowRefused
{
  std::string field;
  std::string reason;
};

struct PendingRow
{
  std::int64_t fid = 0;
  gis::Geometry geometry;
  std::vector<gis::FieldValue> values; //!< one per field of the layer's schema
};

//! The codes the import's rows are checked against: those already in the role's table, and
//! those of the layers its fields refer to (when the project has them).
struct ProjectCodes
{
  std::set<std::string> codes;                             //!< codes already in the table
  std::map<std::string, std::set<std::string>> references; //!< codes of referenced layers present
};

//! What the import needs to know of the project before writing: read only, so that a refused
//! import leaves the file as it was.
struct ProjectState
{
  bool exists = false;
  bool hasTable = false;
  bool tableHasGeometry = false;
  std::optional<gis::Crs> tableCrs;
  gis::GeometryKind tableKind = gis::GeometryKind::Any;
  //! As they were before the rows were read; re-read under the write lock before writing.
  ProjectCodes codes;
  std::vector<std::string> triggers; //!< the table's own (not GeoPackage's or GDAL's)
};

std::set<std::string> codesOf(const gis::VectorDataset &dataset, const std::string &layer)
{
  std::set<std::string> codes;
  const gis::VectorLayer l = dataset.layer(layer);
  const int code = l.fieldIndex("code");
  if (code >= 0)
    l.forEach([&](const gis::FeatureRow &row) {
      if (auto c = row.string(code))
        codes.insert(gis::trimmed(*c));
      return true;
    });
  return codes;
}

ProjectCodes readCodes(const gis::VectorDataset &dataset, const LayerSchema &schema)
{
  ProjectCodes codes;
  if (dataset.hasLayer(schema.name))
    codes.codes = codesOf(dataset, schema.name);
  for (const FieldSchema &f : schema.fields)
    if (!f.references.empty() && dataset.hasLayer(f.references))
      codes.references[f.references] = codesOf(dataset, f.references);
  return codes;
}

//! Refuses a project file its owner marked read-only. Root may write any file, so the mode
//! bits decide, as in the desktop (ProjectSession::isReadOnlyFile); and SQLite needs the
//! folder for its journal.
void requireWritable(const std::string &path)
{
  namespace fs = std::filesystem;
  if (!gis::isWritableFile(path)) {
    char octal[8];
    std::snprintf(octal, sizeof octal, "%04o",
                  static_cast<unsigned>(fs::status(path).permissions() & fs::perms::mask));
    throw ImportError(path + ": the project is read-only (mode " + octal +
                      "); nothing imported — make it writable (chmod u+w) to import into it");
  }
  if (!gis::isWritableFolderOf(path))
    throw ImportError(path + ": its folder " + fs::absolute(path).parent_path().string() +
                      " is read-only, and SQLite writes its journal there; nothing imported");
}

ProjectState inspectProject(const std::string &path, const LayerSchema &schema)
{
  ProjectState state;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return state;
  state.exists = true;
  gis::VectorDataset dataset = gis::VectorDataset::open(path);
  requireWritable(path);
  if (dataset.driverName() != "GPKG")
    throw ImportError(path + ": the project is not a GeoPackage");
  if (dataset.hasLayer(schema.name)) {
    state.hasTable = true;
    const gis::VectorLayer table = dataset.layer(schema.name);
    state.tableKind = table.geometryKind();
    state.tableHasGeometry = state.tableKind != gis::GeometryKind::None;
    if (state.tableHasGeometry) {
      state.tableCrs = table.crs();
      if (!state.tableCrs)
        throw ImportError(path + ": layer '" + schema.name +
                          "' has no coordinate reference system; assign one before importing "
                          "into it");
    }
    state.triggers = gis::ownTriggers(dataset, schema.name);
  }
  state.codes = readCodes(dataset, schema);
  return state;
}

//! Kept with the project, so that the next import from the same CRS needs no parameters.
void storeDatumShift(gis::VectorDataset &dataset, const DatumShift &shift)
{
  dataset.executeSql(
      "CREATE TABLE IF NOT EXISTS anzhi_settings (key TEXT PRIMARY KEY, value TEXT)");
  dataset.executeSql("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, "
                     "description) VALUES ('anzhi_settings', 'attributes', 'anzhi_settings', "
                     "'Anzhi project settings')");
  const std::string key = datumShiftKey(shift.source);
  for (const auto &[k, v] :
       {std::pair{key, shift.pipeline}, {key + ":description", shift.description}})
    dataset.executeSql("INSERT OR REPLACE INTO anzhi_settings (key, value) VALUES (" +
                       gis::sqlLiteral(k) + ", " + gis::sqlLiteral(v) + ")");
}

const char *shapeName(GeometryRole role)
{
  switch (role) {
  case GeometryRole::Polygon:
    return "polygons";
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    return "points";
  case GeometryRole::Line:
    return "lines";
  }
  return "geometries";
}

//! Refuses a source layer that declares geometries the role cannot hold (points for a polygon
//! layer); lines may be closed polylines and are judged row by row.
void checkDeclaredKind(const ImportSource &source, gis::GeometryKind kind,
                       const LayerSchema &schema)
{
  using K = gis::GeometryKind;
  bool wrong = false;
  switch (schema.geometry) {
  case GeometryRole::Polygon:
    wrong = kind == K::Point;
    break;
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    wrong = kind == K::Line || kind == K::Polygon || kind == K::MultiPolygon;
    break;
  case GeometryRole::Line:
    wrong = kind == K::Point || kind == K::Polygon || kind == K::MultiPolygon;
    break;
  }
  if (wrong)
    throw ImportError(source.where(-1) + ": wrong geometry type: the layer holds " +
                      (kind == K::Point  ? "points"
                       : kind == K::Line ? "lines"
                                         : "polygons") +
                      ", " + schema.name + " holds " + shapeName(schema.geometry));
}

//! The geometry as the role stores it: polygons (closed lines become polygons), points (a
//! one-point MultiPoint becomes its point) or lines. Refuses anything else.
gis::Geometry asRoleGeometry(gis::Geometry g, GeometryRole role, std::int64_t &closedLines)
{
  const int type = gis::typeId(g.get());
  switch (role) {
  case GeometryRole::Polygon:
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
      return g;
    if (gis::Geometry polygons = gis::closedLinesAsPolygons(g.get())) {
      ++closedLines;
      return polygons;
    }
    break;
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    if (type == GEOS_POINT)
      return g;
    if (type == GEOS_MULTIPOINT && gis::partCount(g.get()) == 1)
      return gis::part(g.get(), 0);
    break;
  case GeometryRole::Line:
    if (type == GEOS_LINESTRING || type == GEOS_MULTILINESTRING)
      return g;
    break;
  }
  std::string what = gis::typeName(g.get());
  if (type == GEOS_LINESTRING || type == GEOS_MULTILINESTRING)
    what += " that is not closed";
  throw RowRefused{"",
                   "wrong geometry type for the role: " + what + ", expected " + shapeName(role)};
}

//! Single or multi as the table declares (a GeoPackage column is typed).
gis::Geometry asTableKind(gis::Geometry g, gis::GeometryKind kind)
{
  const int type = gis::typeId(g.get());
  if (kind == gis::GeometryKind::MultiPolygon && type == GEOS_POLYGON) {
    std::vector<gis::Geometry> parts;
    parts.push_back(std::move(g));
    return gis::makeCollection(GEOS_MULTIPOLYGON, std::move(parts));
  }
  if (kind == gis::GeometryKind::Polygon && type == GEOS_MULTIPOLYGON &&
      gis::partCount(g.get()) == 1)
    return gis::part(g.get(), 0);
  return g;
}

std::optional<std::int64_t> parseInteger(const std::string &text)
{
  const std::string t = gis::trimmed(text);
  if (t.empty())
    return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec == std::errc() && end == t.data() + t.size())
    return value;
  // Real-typed sources give "12.0".
  char *stop = nullptr;
  const double d = std::strtod(t.c_str(), &stop);
  if (stop == t.c_str() + t.size() && std::isfinite(d) && d == std::floor(d) &&
      std::fabs(d) < 9.0e15)
    return static_cast<std::int64_t>(d);
  throw RowRefused{"", "value '" + t + "' is not a whole number"};
}

std::optional<gis::Date> parseDate(const std::string &text)
{
  const std::string t = gis::trimmed(text);
  if (t.empty())
    return std::nullopt;
  gis::Date d;
  char sep1 = 0, sep2 = 0;
  if (std::sscanf(t.c_str(), "%d%c%d%c%d", &d.year, &sep1, &d.month, &sep2, &d.day) != 5 ||
      sep1 != sep2 || (sep1 != '-' && sep1 != '/') || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > 31)
    throw RowRefused{"", "value '" + t + "' is not a date (YYYY-MM-DD)"};
  return d;
}

//! Counts a kind of finding and remembers its first occurrence, for one warning per kind.
struct Tally
{
  std::int64_t count = 0;
  std::int64_t firstFid = 0;
  std::string firstDetail;
  void add(std::int64_t fid, const std::string &detail)
  {
    if (count++ == 0) {
      firstFid = fid;
      firstDetail = detail;
    }
  }
  std::string more() const
  {
    return count > 1 ? " (and " + std::to_string(count - 1) + " more)" : "";
  }
};

std::string fixed(double v, int decimals)
{
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

//! The run of one import: reads and checks every row, then writes them.
class Import
{
public:
  Import(const ImportRequest &request, const Progress *progress, ImportSummary &summary)
      : m_request(request)
      , m_progress(progress)
      , m_summary(summary)
  {
  }
  void run();

private:
  void prepare();
  void prepareCodes();
  void readRows();
  void readRow(const SourceRow &row);
  //! Maps the source value of coded field i; throws RowRefused when it is unmapped (and not
  //! imported as NULL).
  std::optional<std::string> codedValue(std::size_t i, const std::string &text);
  //! The level of a school whose source gives none, from its 学校（机构）标识码.
  void levelFromCode(const SourceRow &row, PendingRow &pending);
  void countCodes();
  void checkTriggers();
  void chooseDatumShift();
  void checkCoordinates(std::int64_t fid, const GEOSGeometry *g);
  void checkCodes(const ProjectCodes &project);
  void addWarnings();
  //! Every warning of the summary, the codes checked against those of `project`.
  void warn(const ProjectCodes &project);
  void write();

  const ImportRequest &m_request;
  const Progress *m_progress;
  ImportSummary &m_summary;
  const LayerSchema *m_schema = nullptr;
  std::optional<ImportSource> m_source;
  std::string m_where; //!< the source file and layer, for warnings
  ProjectState m_project;
  std::vector<int> m_sourceField; //!< per schema field
  std::optional<gis::Crs> m_sourceCrs, m_targetCrs;
  std::optional<DatumShift> m_shift; //!< from m_sourceCrs to its CGCS2000 counterpart
  bool m_storeShift = false;         //!< given with this import: kept with the project
  gis::GeometryKind m_targetKind = gis::GeometryKind::Any;
  std::optional<gis::Envelope> m_extent; //!< of the source geometries, in the source CRS
  const LandUseMapping m_defaultLandUse{LandUseMapping::defaultPatterns()};
  int m_landUseField = -1; //!< index in the schema of land_use / use
  //! Per field of the schema: how a coded field's values are mapped (none for a free field).
  std::vector<std::optional<CodeMapper>> m_codes;
  int m_schoolCode = -1; //!< schools: the source field of the 学校（机构）标识码, or -1
  std::string m_schoolCodeName; //!< its name (the source is closed before the summary)
  int m_level = -1;             //!< schools: the index in the schema of level
  bool m_unmappedLevel = false; //!< the row's level was given, unmapped, imported as NULL
  //! (field, value, code, how) → rows, for the summary's mappedValues and nullValues.
  std::map<std::tuple<std::string, std::string, std::optional<std::string>, std::string>,
           std::int64_t>
      m_codedCounts;
  std::vector<PendingRow> m_rows;
  std::int64_t m_closedLines = 0;
  Tally m_outside, m_swapped, m_emptyGeometry;
  std::map<std::string, Tally> m_mojibake; //!< by field
  std::map<std::string, std::int64_t> m_otherLandUse;
};

//! The field mapping and the value maps of coded fields; for schools, the field of the
//! 学校（机构）标识码 that gives the level where the source gives none (docs/import.md).
void Import::prepareCodes()
{
  std::vector<FieldMapping> fields = m_request.fields;
  LayerSchema schema = *m_schema;
  if (schema.name == "schools") {
    const std::vector<std::string> &names = m_source->fieldNames();
    auto named = std::find_if(fields.begin(), fields.end(),
                              [](const FieldMapping &m) { return m.ours == "school_id"; });
    for (std::size_t i = 0; i < names.size() && m_schoolCode < 0; ++i)
      if (named != fields.end() ? codeKey(names[i]) == codeKey(named->theirs)
                                : isSchoolCodeFieldName(names[i]))
        m_schoolCode = static_cast<int>(i);
    if (named != fields.end()) {
      if (m_schoolCode < 0)
        throw ImportError("--field school_id=" + named->theirs + ": the source has no field '" +
                          named->theirs + "'");
      fields.erase(named);
    }
    if (m_schoolCode >= 0)
      m_schoolCodeName = names[std::size_t(m_schoolCode)];
    // The level may then come from the code alone.
    for (FieldSchema &f : schema.fields)
      if (f.name == "level" && m_schoolCode >= 0)
        f.mustExist = false;
  }
  // A format's own mapping (a 界址点 TXT's code=地块编号, …) for the fields the user left unmapped.
  m_sourceField =
      resolveFieldMapping(schema, m_source->fieldNames(),
                          withSuggestedFields(schema, fields, m_source->suggestedFields()));

  ValueMaps values = m_request.values;
  for (std::size_t i = 0; i < m_schema->fields.size(); ++i) {
    const FieldSchema &f = m_schema->fields[i];
    if (f.coding == Coding::LandUse) {
      m_landUseField = static_cast<int>(i);
      // --land-use value=class is the land-use field's value map.
      for (const auto &[value, cls] : m_request.landUse) {
        ValueMapEntry entry{std::string(className(cls)),
                            "--land-use " + value + "=" + std::string(className(cls)), true};
        auto [it, inserted] = values.fields[f.name].emplace(codeKey(value), entry);
        if (!inserted && it->second.code != entry.code)
          throw ImportError(entry.origin + ": '" + value + "' is also mapped to '" +
                            it->second.code + "' (" + it->second.origin + ")");
      }
    }
    if (f.name == "level" && m_schema->name == "schools")
      m_level = static_cast<int>(i);
  }
  m_codes.resize(m_schema->fields.size());
  for (std::size_t i = 0; i < m_schema->fields.size(); ++i)
    if (m_schema->fields[i].coding != Coding::Free)
      m_codes[i].emplace(*m_schema, m_schema->fields[i], values);
}

void Import::prepare()
{
  m_schema = findLayerSchema(m_request.role);
  if (!m_schema) {
    std::string roles;
    for (const LayerSchema &l : canonicalSchema())
      roles += (roles.empty() ? "" : ", ") + l.name;
    throw ImportError("--as " + m_request.role + ": not a layer of a project (one of " + roles +
                      ")");
  }
  if (!m_request.landUse.empty() && m_schema->name != "planned_plots" &&
      m_schema->name != "buildings")
    throw ImportError("--land-use applies to planned_plots and buildings only, not " +
                      m_schema->name);
  m_summary.role = m_schema->name;
  m_project = inspectProject(m_request.project, *m_schema);
  checkTriggers();
  m_source = ImportSource::open(m_request.source, {m_request.layer, m_request.encoding});
  m_where = m_source->where(-1);
  m_summary.layer = m_source->layerName();
  m_summary.encoding = m_source->encodingNote();
  for (const std::string &note : m_source->notes())
    m_summary.warnings.push_back({"note", note});
  prepareCodes();

  const bool hasGeometry = m_source->hasGeometry();
  if (!hasGeometry && m_schema->geometry != GeometryRole::PointOrNone)
    throw ImportError(m_source->where(-1) + ": the layer has no geometry, and " + m_schema->name +
                      " holds " + shapeName(m_schema->geometry) +
                      (m_source->format() == SourceFormat::Csv
                           ? " (name the CSV's columns WKT, or X and Y, or lon and lat)"
                           : ""));
  if (!hasGeometry)
    return;
  m_sourceCrs = m_request.assignCrs ? m_request.assignCrs : m_source->crs();
  if (!m_sourceCrs) {
    std::optional<gis::Envelope> extent;
    m_source->forEach([&](const SourceRow &row) {
      gis::Geometry g = row.raw().geometry();
      if (g && !gis::isEmpty(g.get()) && !gis::hasNonFiniteCoordinate(g.get())) {
        const gis::Envelope e = gis::envelope(g.get());
        extent ? extent->expandToInclude(e) : void(extent = e);
      }
      return true;
    });
    std::string hint = " with --assign-crs EPSG:N";
    if (extent)
      if (auto guess = suggestCrs(extent->centerX(), extent->centerY()))
        hint += "; the coordinates look like " + *guess;
    throw ImportError(m_source->where(-1) +
                      ": the layer has no coordinate reference system; "
                      "assign one" +
                      hint);
  }
  m_summary.sourceCrs = m_sourceCrs->authId();
  chooseDatumShift();
  m_targetCrs =
      m_project.hasTable ? m_project.tableCrs : (m_shift ? m_shift->target : *m_sourceCrs);
  if (m_project.hasTable && !m_project.tableHasGeometry)
    throw ImportError(m_request.project + ": layer '" + m_schema->name +
                      "' has no geometry column; the source's geometries have nowhere to go");
  m_targetKind = m_project.hasTable ? m_project.tableKind : storedGeometryKind(m_schema->geometry);
  m_summary.targetCrs = m_targetCrs->authId();
  checkDeclaredKind(*m_source, m_source->geometryKind(), *m_schema);
}

//! PROJ has only a ballpark from Xian 1980 or Beijing 1954 to CGCS2000 (tens of metres off):
//! such an import takes the planner's parameters, or the project's stored ones, or is refused.
void Import::chooseDatumShift()
{
  const gis::Crs reference = m_project.hasTable ? *m_project.tableCrs : gis::Crs::fromEpsg(4490);
  const bool given = m_request.towgs84 || m_request.controlPoints;
  if (!needsDatumParameters(*m_sourceCrs, reference)) {
    if (given)
      throw ImportError(m_where + ": " + m_sourceCrs->authId() + " and " + reference.authId() +
                        " share their ellipsoid; there is no datum shift to give parameters for");
    return;
  }
  if (m_request.towgs84) {
    m_shift = bursaWolfShift(*m_sourceCrs, *m_request.towgs84);
  } else if (m_request.controlPoints) {
    const std::vector<ControlPoint> points = readControlPoints(*m_request.controlPoints);
    const PlaneSimilarity fit = fitPlaneSimilarity(points);
    m_shift = planeShift(*m_sourceCrs, fit);
    for (std::size_t i = 0; i < points.size(); ++i)
      m_summary.controlResiduals.emplace_back(points[i].name, fit.residuals[i]);
  } else if (m_project.exists) {
    const gis::VectorDataset project = gis::VectorDataset::open(m_request.project);
    if (project.queryText("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                          "'anzhi_settings'")) {
      const std::string key = datumShiftKey(*m_sourceCrs);
      auto pipeline =
          project.queryText("SELECT value FROM anzhi_settings WHERE key = " + gis::sqlLiteral(key));
      auto note = project.queryText("SELECT value FROM anzhi_settings WHERE key = " +
                                    gis::sqlLiteral(key + ":description"));
      if (pipeline)
        m_shift = DatumShift{*m_sourceCrs, cgcs2000Counterpart(*m_sourceCrs), *pipeline,
                             (note ? *note : *pipeline) + " (stored with the project)"};
    }
  }
  if (!m_shift)
    throw ImportError(
        m_where + ": " + m_sourceCrs->authId() + " (" + m_sourceCrs->name() +
        ") is on another "
        "datum than " +
        reference.authId() +
        ", and PROJ has no real transformation between "
        "them (only a ballpark, tens of metres off); give the seven parameters of your "
        "surveying office (--towgs84 dx,dy,dz,rx,ry,rz,ds) or at least 3 control points known in "
        "both systems (--control-points FILE.csv)");
  m_storeShift = given;
  m_summary.datumShift = m_shift->description;
}

//! A project's own triggers on the table would run their SQL on every imported row (writing
//! elsewhere, or refusing rows half-way): only when the planner says so.
void Import::checkTriggers()
{
  if (m_project.triggers.empty())
    return;
  std::string names;
  for (const std::string &t : m_project.triggers)
    names += (names.empty() ? "'" : ", '") + t + "'";
  const std::string what = m_request.project + ": layer '" + m_schema->name + "' has trigger(s) " +
                           names + " of the project's own";
  if (!m_request.allowTriggers)
    throw ImportError(what + ", which would run on every imported row; nothing imported — pass "
                             "--allow-triggers to import anyway");
  m_summary.warnings.push_back(
      {"triggers", what + ", run on every imported row (--allow-triggers)"});
}

void Import::readRows()
{
  // A DXF file's count covers all CAD layers: the fraction is then a lower bound.
  const double total = static_cast<double>(std::max<std::int64_t>(1, m_source->featureCount()));
  std::int64_t seen = 0;
  m_source->forEach([&](const SourceRow &row) {
    if ((++seen & 0x3FF) == 0) {
      throwIfCancelled(m_progress);
      if (m_progress)
        m_progress->report("import", std::min(1.0, static_cast<double>(seen) / total));
    }
    ++m_summary.read;
    try {
      readRow(row);
    } catch (const RowRefused &r) {
      m_summary.refused.push_back({row.fid(), r.field, r.reason});
    } catch (const ImportError &e) {
      m_summary.refused.push_back({row.fid(), "", e.what()});
    } catch (const gis::GisError &e) {
      m_summary.refused.push_back({row.fid(), "", e.what()});
    }
    return true;
  });
}

void Import::readRow(const SourceRow &row)
{
  PendingRow pending;
  pending.fid = row.fid();
  pending.values.resize(m_schema->fields.size());
  m_unmappedLevel = false;
  for (std::size_t i = 0; i < m_schema->fields.size(); ++i) {
    const int source = m_sourceField[i];
    if (source < 0)
      continue;
    const FieldSchema &field = m_schema->fields[i];
    try {
      std::optional<std::string> text = row.text(source);
      if (!text)
        continue;
      switch (field.type) {
      case gis::FieldType::Integer:
        if (auto v = parseInteger(*text))
          pending.values[i] = *v;
        break;
      case gis::FieldType::Date:
        if (auto v = parseDate(*text))
          pending.values[i] = *v;
        break;
      case gis::FieldType::Real:
      case gis::FieldType::String: {
        if (auto reason = gis::mojibakeReason(*text))
          m_mojibake[field.name].add(row.fid(), "'" + *text + "': " + *reason);
        if (m_codes[i]) {
          if (auto value = codedValue(i, *text))
            pending.values[i] = std::move(*value);
          break;
        }
        pending.values[i] = field.name == "code" ? gis::trimmed(*text) : *text;
        break;
      }
      }
    } catch (RowRefused &r) {
      r.field = field.name;
      if (m_source->fieldNames()[std::size_t(source)] != field.name)
        r.reason =
            "from source field '" + m_source->fieldNames()[std::size_t(source)] + "': " + r.reason;
      throw;
    } catch (const ImportError &) {
      throw RowRefused{field.name, "the text of source field '" +
                                       m_source->fieldNames()[std::size_t(source)] +
                                       "' is not in the source's encoding (" + m_summary.encoding +
                                       "); pass --encoding"};
    }
  }

  if (m_schoolCode >= 0 &&
      std::holds_alternative<std::monostate>(pending.values[std::size_t(m_level)]))
    levelFromCode(row, pending);

  if (!m_sourceCrs) { // a table without geometry (rangers without residence)
    m_rows.push_back(std::move(pending));
    return;
  }
  gis::Geometry g = row.raw().geometry();
  if (!g || gis::isEmpty(g.get())) {
    if (m_schema->geometry == GeometryRole::PointOrNone) {
      m_emptyGeometry.add(row.fid(), "");
      m_rows.push_back(std::move(pending));
      return;
    }
    throw RowRefused{"", g ? "empty geometry" : "no geometry"};
  }
  if (gis::hasNonFiniteCoordinate(g.get()))
    throw RowRefused{"", "NaN or infinite coordinates"};
  g = asRoleGeometry(std::move(g), m_schema->geometry, m_closedLines);
  const gis::Envelope e = gis::envelope(g.get());
  m_extent ? m_extent->expandToInclude(e) : void(m_extent = e);
  checkCoordinates(row.fid(), g.get());
  if (!gis::validity(g.get()).valid) {
    // Repaired in the source CRS, as the check does (docs/rules.md decision 10).
    gis::Geometry repaired = gis::makeValid(g.get(), m_schema->geometry == GeometryRole::Polygon);
    if (!repaired || gis::isEmpty(repaired.get()))
      throw RowRefused{"", "invalid geometry that make-valid reduces to nothing"};
    g = std::move(repaired);
    ++m_summary.repaired;
  }
  if (m_shift)
    g = gis::CoordinateTransform::forThread(m_shift->pipeline).transform(g.get());
  const gis::CoordinateTransform &toTarget =
      gis::CoordinateTransform::forThread(m_shift ? m_shift->target : *m_sourceCrs, *m_targetCrs);
  if (!toTarget.isIdentity())
    g = toTarget.transform(g.get());
  pending.geometry = asTableKind(std::move(g), m_targetKind);
  m_rows.push_back(std::move(pending));
}

std::optional<std::string> Import::codedValue(std::size_t i, const std::string &text)
{
  const FieldSchema &field = m_schema->fields[i];
  const CodeMapper::Result mapped = m_codes[i]->map(text);
  const std::string trimmed = codeTrimmed(text);
  using How = CodeMapper::How;
  switch (mapped.how) {
  case How::Empty:
  case How::Code:
    break;
  case How::User:
  case How::Default:
    if (!mapped.value || *mapped.value != trimmed)
      ++m_codedCounts[{field.name, trimmed, mapped.value,
                       mapped.how == How::User ? "map" : "default"}];
    break;
  case How::Kept:
    if (static_cast<int>(i) == m_landUseField &&
        m_defaultLandUse.classify(text) == LandUseClass::Other && text != "other")
      ++m_otherLandUse[gis::trimmed(text)];
    break;
  case How::Unmapped:
    if (m_request.unmappedAsNull) {
      ++m_codedCounts[{field.name, trimmed, std::nullopt, "unmapped"}];
      m_unmappedLevel = static_cast<int>(i) == m_level;
      break;
    }
    throw RowRefused{"", "'" + trimmed + "' is not a code of " + m_codes[i]->describe() +
                             " and no map maps it: map it with --value " + field.name + "=" +
                             trimmed +
                             ":CODE (or a --values file), or pass --unmapped null to "
                             "import it as NULL"};
  }
  return mapped.value;
}

void Import::levelFromCode(const SourceRow &row, PendingRow &pending)
{
  if (m_unmappedLevel) // a 学段 was given but no map maps it: the code does not override it
    return;
  const std::optional<std::string> code = row.text(m_schoolCode);
  if (!code || codeTrimmed(*code).empty())
    return;
  const std::string digits = codeTrimmed(*code);
  std::string why;
  if (auto level = levelFromSchoolCode(digits, &why)) {
    ++m_codedCounts[{"level", digits, level, "school code"}];
    pending.values[std::size_t(m_level)] = std::move(*level);
    return;
  }
  if (m_request.unmappedAsNull) {
    ++m_codedCounts[{"level", digits, std::nullopt, "unmapped"}];
    return;
  }
  throw RowRefused{"level", "no 学段 given, and the level cannot come from source field '" +
                                m_source->fieldNames()[std::size_t(m_schoolCode)] + "': " + why +
                                "; give the level (--field level=…), or pass --unmapped null to "
                                "import it as NULL"};
}

void Import::checkCoordinates(std::int64_t fid, const GEOSGeometry *g)
{
  const gis::Envelope e = gis::envelope(g);
  const double x = e.centerX(), y = e.centerY();
  thread_local std::map<std::string, gis::Crs> bases;
  auto base = bases.find(m_sourceCrs->definition());
  if (base == bases.end())
    base = bases.emplace(m_sourceCrs->definition(), m_sourceCrs->geographicBase()).first;
  const gis::CoordinateTransform &toLonLat =
      gis::CoordinateTransform::forThread(*m_sourceCrs, base->second);
  double lon = x, lat = y;
  if (toLonLat.transform(lon, lat) && insideChina(lon, lat))
    return;
  double swappedLon = y, swappedLat = x;
  if (toLonLat.transform(swappedLon, swappedLat) && insideChina(swappedLon, swappedLat)) {
    m_swapped.add(fid, "x " + fixed(x, 3) + ", y " + fixed(y, 3));
    return;
  }
  m_outside.add(fid, "x " + fixed(x, 3) + ", y " + fixed(y, 3));
}

void Import::checkCodes(const ProjectCodes &project)
{
  const std::size_t code = 0; // `code` is every schema's first field
  std::map<std::string, std::int64_t> firstFid;
  Tally empty, duplicate, existing;
  std::map<std::size_t, Tally> unknown, missingTable;
  for (const PendingRow &row : m_rows) {
    const auto *value = std::get_if<std::string>(&row.values[code]);
    if (!value || value->empty()) {
      empty.add(row.fid, "");
    } else if (auto [it, inserted] = firstFid.emplace(*value, row.fid); !inserted) {
      duplicate.add(row.fid, "'" + *value + "' (also feature " + std::to_string(it->second) + ")");
    } else if (project.codes.count(*value)) {
      existing.add(row.fid, "'" + *value + "'");
    }
    for (std::size_t i = 0; i < m_schema->fields.size(); ++i) {
      const FieldSchema &f = m_schema->fields[i];
      if (f.references.empty())
        continue;
      const auto *ref = std::get_if<std::string>(&row.values[i]);
      auto codes = project.references.find(f.references);
      if (!ref || gis::trimmed(*ref).empty()) {
        if (f.formRequired) // a plot must name its ranger, a catchment its school
          unknown[i].add(row.fid, "empty");
      } else if (codes == project.references.end()) {
        missingTable[i].add(row.fid, "");
      } else if (!codes->second.count(gis::trimmed(*ref))) {
        unknown[i].add(row.fid, "'" + *ref + "'");
      }
    }
  }
  auto &w = m_summary.warnings;
  const std::string &where = m_where;
  if (empty.count)
    w.push_back({"empty-code", where + ": " + std::to_string(empty.count) +
                                   " feature(s) without code, first feature " +
                                   std::to_string(empty.firstFid) +
                                   "; other layers cannot refer to them"});
  if (duplicate.count)
    w.push_back({"duplicate-code", where + ", feature " + std::to_string(duplicate.firstFid) +
                                       ", field 'code': duplicate code " + duplicate.firstDetail +
                                       duplicate.more()});
  if (existing.count)
    w.push_back({"duplicate-code", where + ", feature " + std::to_string(existing.firstFid) +
                                       ", field 'code': code " + existing.firstDetail +
                                       " is already in the project's " + m_schema->name +
                                       existing.more()});
  for (const auto &[i, tally] : unknown) {
    const FieldSchema &f = m_schema->fields[i];
    w.push_back({"unknown-reference", where + ", feature " + std::to_string(tally.firstFid) +
                                          ", field '" + f.name + "': " + tally.firstDetail +
                                          " names no code of " + f.references + " in the project" +
                                          tally.more()});
  }
  for (const auto &[i, tally] : missingTable) {
    const FieldSchema &f = m_schema->fields[i];
    w.push_back({"unknown-reference", where + ", field '" + f.name + "': the project has no " +
                                          f.references + " yet, so " + std::to_string(tally.count) +
                                          " reference(s) could not be checked"});
  }
}

void Import::addWarnings()
{
  auto &w = m_summary.warnings;
  const std::string &where = m_where;
  bool zoneProblem = false;
  if (m_extent && m_sourceCrs && m_sourceCrs->isProjected())
    if (auto fe = m_sourceCrs->falseEasting())
      if (auto problem = zonePrefixProblem(*fe, m_sourceCrs->epsg(), m_extent->centerX())) {
        w.push_back({"zone-prefix", where + ": " + *problem});
        zoneProblem = true;
      }
  if (m_swapped.count)
    w.push_back({"swapped-axes", where + ", feature " + std::to_string(m_swapped.firstFid) +
                                     ": x and y look swapped (" + m_swapped.firstDetail + " in " +
                                     m_sourceCrs->authId() + " lies in China only when swapped)" +
                                     m_swapped.more()});
  if (m_outside.count && !zoneProblem)
    w.push_back({"outside-china", where + ", feature " + std::to_string(m_outside.firstFid) +
                                      ": coordinates outside China's extent (" +
                                      m_outside.firstDetail + " in " + m_sourceCrs->authId() +
                                      "); is the CRS right?" + m_outside.more()});
  if (m_emptyGeometry.count)
    w.push_back({"empty-geometry", where + ", feature " + std::to_string(m_emptyGeometry.firstFid) +
                                       ": no geometry (imported without residence)" +
                                       m_emptyGeometry.more()});
  for (const auto &[field, tally] : m_mojibake)
    w.push_back({"mojibake", where + ", feature " + std::to_string(tally.firstFid) + ", field '" +
                                 field + "': text looks garbled: " + tally.firstDetail +
                                 tally.more() + "; the encoding (" + m_summary.encoding +
                                 ") may be wrong, try --encoding GBK or --encoding UTF-8"});
  if (m_closedLines)
    w.push_back({"closed-lines", where + ": " + std::to_string(m_closedLines) +
                                     " closed line(s) imported as polygons"});
  if (!m_otherLandUse.empty()) {
    std::string values;
    int shown = 0;
    for (const auto &[value, count] : m_otherLandUse)
      if (shown++ < 10)
        values += (values.empty() ? "'" : ", '") + value + "' (" + std::to_string(count) + ")";
    if (m_otherLandUse.size() > 10)
      values += ", …";
    w.push_back({"land-use-other",
                 where + ", field '" + m_schema->fields[std::size_t(m_landUseField)].name +
                     "': values the built-in rule set reads as class 'other': " + values +
                     "; map them with --land-use VALUE=CLASS if they are protected land"});
  }
}

//! The summary's mapped and NULL values, and a warning for each field with NULL values and for
//! levels taken from the 学校（机构）标识码.
void Import::countCodes()
{
  m_summary.mappedValues.clear();
  m_summary.nullValues.clear();
  std::map<std::string, std::pair<std::int64_t, std::string>> nulls; //!< by field
  std::map<std::string, std::int64_t> fromCode;                      //!< by level
  for (const auto &[key, rows] : m_codedCounts) {
    const auto &[field, value, code, how] = key;
    CodedValueCount count{field, value, code, how, rows};
    if (how == "unmapped") {
      auto &[n, values] = nulls[field];
      n += rows;
      if (values.size() < 200)
        values += (values.empty() ? "'" : ", '") + value + "' (" + std::to_string(rows) + ")";
      m_summary.nullValues.push_back(count);
    } else {
      if (how == "school code")
        fromCode[*code] += rows;
      m_summary.mappedValues.push_back(count);
    }
  }
  for (const auto &[field, tally] : nulls)
    m_summary.warnings.push_back({"unmapped-null", m_where + ", field '" + field +
                                                       "': " + std::to_string(tally.first) +
                                                       " value(s) no map maps imported as NULL "
                                                       "(--unmapped null): " +
                                                       tally.second});
  if (!fromCode.empty()) {
    std::string levels;
    for (const auto &[level, rows] : fromCode)
      levels += (levels.empty() ? "" : ", ") + level + " " + std::to_string(rows);
    m_summary.warnings.push_back(
        {"school-code",
         m_where +
             ": the level of school(s) without 学段 comes from the 学校（机构）标识码 in "
             "field '" +
             m_schoolCodeName + "' (" + levels +
             "); a 九年一贯制 school is registered as type 31 普通初中 and so imported as junior, "
             "a 完全中学 as 34 普通高中: give the level of those"});
  }
}

void Import::warn(const ProjectCodes &project)
{
  checkCodes(project);
  addWarnings();
  countCodes();
}

void Import::write()
{
  const std::string &path = m_request.project;
  const bool create = !m_project.exists;
  try {
    gis::VectorDataset dataset =
        create ? gis::VectorDataset::createGeoPackage(path)
               : gis::VectorDataset::open(path, gis::VectorDataset::Mode::Update);
    gis::Transaction transaction(dataset);
    // The codes are checked against the project as the commit will find it: an import that
    // ran at the same time has committed, or waits for this one (docs/import.md decision 11).
    gis::takeWriteLock(dataset);
    if (!create && dataset.hasLayer(m_schema->name) != m_project.hasTable)
      throw ImportError(path + ": layer '" + m_schema->name +
                        "' was created or removed by another program while the rows were read; "
                        "nothing imported — run the import again");
    warn(create ? ProjectCodes{} : readCodes(dataset, *m_schema));
    std::vector<gis::FieldDefinition> fields;
    for (const FieldSchema &f : m_schema->fields)
      fields.push_back({f.name, f.type});
    gis::LayerWriter writer =
        m_project.hasTable
            ? dataset.writerFor(m_schema->name)
            : dataset.createLayer(m_schema->name,
                                  m_sourceCrs ? m_targetKind : gis::GeometryKind::None, m_targetCrs,
                                  fields);
    // An existing table may lack optional fields: added when the import has values for them.
    std::vector<int> column(m_schema->fields.size(), -1);
    for (std::size_t i = 0; i < m_schema->fields.size(); ++i) {
      column[i] = writer.layer().fieldIndex(m_schema->fields[i].name);
      if (column[i] < 0 && m_sourceField[i] >= 0)
        column[i] = writer.addField(fields[i]);
    }
    const std::size_t width = writer.layer().fields().size();
    std::size_t written = 0;
    for (const PendingRow &row : m_rows) {
      if ((++written & 0x3FF) == 0)
        throwIfCancelled(m_progress);
      std::vector<gis::FieldValue> values(width);
      for (std::size_t i = 0; i < column.size(); ++i)
        if (column[i] >= 0)
          values[std::size_t(column[i])] = row.values[i];
      writer.add(row.geometry.get(), values);
    }
    throwIfCancelled(m_progress);
    if (m_storeShift)
      storeDatumShift(dataset, *m_shift);
    transaction.commit();
  } catch (...) {
    if (create) {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
    throw;
  }
  m_summary.createdTable = !m_project.hasTable;
  m_summary.imported = static_cast<std::int64_t>(m_rows.size());
}

void Import::run()
{
  prepare();
  readRows();
  if (!m_summary.refused.empty() && !m_request.skipRefused) {
    warn(m_project.codes);
    const RefusedRow &first = m_summary.refused.front();
    m_summary.refusal = m_source->where(first.fid, first.field) + ": " + first.reason + " (" +
                        std::to_string(m_summary.refused.size()) +
                        " row(s) refused; nothing imported — fix the source or pass "
                        "--skip-refused)";
    return;
  }
  if (m_rows.empty()) {
    warn(m_project.codes);
    m_summary.refusal = m_where + ": no rows to import";
    return;
  }
  m_source.reset(); // closed before writing: the source may be a layer of the project itself
  write();
}

} // namespace

ImportSummary importLayer(const ImportRequest &request, const Progress *progress)
{
  ImportSummary summary;
  summary.source = request.source;
  summary.project = request.project;
  summary.role = request.role;
  try {
    Import(request, progress, summary).run();
  } catch (const Cancelled &) {
    throw;
  } catch (const std::exception &e) {
    summary.refusal = e.what();
    summary.imported = 0;
  }
  return summary;
}

} // namespace anzhi::core
