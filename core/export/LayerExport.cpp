#include "core/export/LayerExport.h"

#include "core/Glossary.h"
#include "core/LandUse.h"
#include "core/Project.h"
#include "core/Schema.h"
#include "core/import/BoundaryPointFile.h"
#include "core/report/AtomicFile.h"
#include "core/report/CheckRun.h"
#include "core/report/OutputGuard.h"
#include "core/report/ViolationLayer.h"
#include "gis/EllipsoidalArea.h"
#include "gis/FileGdb.h"
#include "gis/GisError.h"
#include "gis/Text.h"
#include "gis/Vector.h"
#include "gis/VectorSupport.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>

namespace anzhi::core {

namespace {

namespace fs = std::filesystem;

std::string lower(std::string s)
{
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

//! Refuses an output that is the project (or one of its files), or exists (unless force).
void checkOutput(const std::string &out, const std::string &project, bool force)
{
  if (out.empty())
    throw ExportError("no output named (--out)");
  refuseOutputOverProject(out, project);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(out, ec)) && !force)
    throw ExportError(out + ": already exists; nothing written (pass --force to replace it)");
}

gis::VectorDataset openProject(const std::string &project)
{
  return gis::VectorDataset::open(project);
}

std::string layerList(const gis::VectorDataset &dataset)
{
  std::string names;
  for (const std::string &n : dataset.layerNames())
    names += (names.empty() ? "" : ", ") + n;
  return names.empty() ? "none" : names;
}

gis::VectorLayer requireLayer(const gis::VectorDataset &dataset, const std::string &name)
{
  if (!dataset.hasLayer(name))
    throw ExportError(dataset.path() + ": no layer '" + name +
                      "' (its layers: " + layerList(dataset) + ")");
  return dataset.layer(name);
}

//! The fids the selection names, or nothing for every feature.
std::optional<std::set<std::int64_t>> selectedFids(const gis::VectorDataset &dataset,
                                                   const gis::VectorLayer &layer,
                                                   const ExportSelection &selection)
{
  const int given = int(selection.where.has_value()) + int(!selection.codes.empty()) +
                    int(!selection.fids.empty());
  if (given > 1)
    throw ExportError("choose the features with one of --where and --codes");
  if (selection.where)
    try {
      const std::vector<std::int64_t> fids =
          gis::fidsWhere(dataset, layer.name(), *selection.where);
      return std::set<std::int64_t>(fids.begin(), fids.end());
    } catch (const gis::GisError &e) {
      throw ExportError(std::string(e.what()) + "; nothing written");
    }
  if (!selection.fids.empty())
    return std::set<std::int64_t>(selection.fids.begin(), selection.fids.end());
  if (selection.codes.empty())
    return std::nullopt;
  const int code = layer.fieldIndex("code");
  if (code < 0)
    throw ExportError(dataset.path() + ": layer '" + layer.name() +
                      "' has no field 'code' for --codes");
  std::set<std::string> wanted, found;
  for (const std::string &c : selection.codes)
    if (!gis::trimmed(c).empty())
      wanted.insert(gis::trimmed(c));
  std::set<std::int64_t> fids;
  layer.forEach([&](const gis::FeatureRow &row) {
    if (auto c = row.string(code))
      if (wanted.count(gis::trimmed(*c))) {
        fids.insert(row.fid());
        found.insert(gis::trimmed(*c));
      }
    return true;
  });
  std::string missing;
  for (const std::string &c : wanted)
    if (!found.count(c))
      missing += (missing.empty() ? "'" : ", '") + c + "'";
  if (!missing.empty())
    throw ExportError(dataset.path() + ": layer '" + layer.name() + "' has no feature with code " +
                      missing + "; nothing written");
  return fids;
}

//! A CGCS2000 Gauss-Krüger zone whose eastings carry the zone number.
struct Zone
{
  int epsg = 0;   //!< the prefixed CRS
  int number = 0; //!< 带号
  int width = 3;  //!< 几度分带
};

//! The zone of a CGCS2000 Gauss-Krüger CRS, with or without prefix.
std::optional<Zone> zoneOf(std::optional<int> epsg)
{
  if (!epsg)
    return std::nullopt;
  const int e = *epsg;
  if (e >= 4513 && e <= 4533)
    return Zone{e, 25 + e - 4513, 3};
  if (e >= 4534 && e <= 4554)
    return Zone{e - 21, 25 + e - 4534, 3};
  if (e >= 4491 && e <= 4501)
    return Zone{e, 13 + e - 4491, 6};
  if (e >= 4502 && e <= 4512)
    return Zone{e - 11, 13 + e - 4502, 6};
  return std::nullopt;
}

std::string today()
{
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

std::string where(const gis::VectorLayer &layer, std::int64_t fid, const std::string &field = {})
{
  return layer.sourcePath() + ": layer '" + layer.name() + "', feature " + std::to_string(fid) +
         (field.empty() ? "" : ", field '" + field + "'");
}

//! A private folder beside a File Geodatabase being written: the .gdb is made inside it and
//! renamed into place only when complete; the folder (with a replaced output) goes at the end.
class GdbStaging
{
public:
  explicit GdbStaging(const std::string &out)
      : m_out(out)
  {
    const fs::path parent = fs::path(out).parent_path();
    std::string folder = ((parent.empty() ? fs::path(".") : parent) /
                          (fs::path(out).filename().string() + ".partial-XXXXXX"))
                             .string();
    if (!::mkdtemp(folder.data()))
      throw ExportError(out + ": cannot write beside it: " + std::strerror(errno));
    m_folder = folder;
    m_staged = (fs::path(m_folder) / fs::path(out).filename()).string();
  }
  ~GdbStaging()
  {
    std::error_code ec;
    fs::remove_all(m_folder, ec);
  }
  GdbStaging(const GdbStaging &) = delete;
  GdbStaging &operator=(const GdbStaging &) = delete;
  const std::string &staged() const { return m_staged; }

  //! Moves the finished .gdb into place, the output it replaces into the private folder.
  void commit(bool force)
  {
    std::error_code ec;
    const bool exists = fs::exists(fs::symlink_status(m_out, ec));
    if (exists && !force)
      throw ExportError(m_out + ": appeared while the export ran; nothing written");
    const fs::path replaced = fs::path(m_folder) / "replaced";
    if (exists) {
      fs::rename(m_out, replaced, ec);
      if (ec)
        throw ExportError(m_out + ": cannot replace it: " + ec.message());
    }
    fs::rename(m_staged, m_out, ec);
    if (ec) {
      std::error_code back;
      if (exists)
        fs::rename(replaced, m_out, back);
      throw ExportError(m_out + ": cannot move the export into place: " + ec.message());
    }
  }

private:
  std::string m_out, m_folder, m_staged;
};

//! A File Geodatabase layer's kind for a project layer.
gis::GeometryKind gdbKind(gis::GeometryKind kind, const LayerSchema *schema,
                          const std::string &name)
{
  if (kind != gis::GeometryKind::Any)
    return kind;
  if (!schema)
    throw ExportError("layer '" + name +
                      "' has mixed geometries, which a File Geodatabase "
                      "layer cannot hold");
  switch (schema->geometry) {
  case GeometryRole::Polygon:
    return gis::GeometryKind::MultiPolygon;
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    return gis::GeometryKind::Point;
  case GeometryRole::Line:
    return gis::GeometryKind::Line;
  }
  return kind;
}

std::int64_t writeGdbLayer(gis::FileGdbWriter &gdb, const gis::VectorDataset &dataset,
                           const std::string &name,
                           const std::optional<std::set<std::int64_t>> &fids,
                           const Progress *progress)
{
  const gis::VectorLayer layer = dataset.layer(name);
  const LayerSchema *schema = findLayerSchema(name);
  const std::vector<gis::FieldDefinition> fields = layer.fields();
  std::vector<gis::GdbField> gdbFields;
  for (const gis::FieldDefinition &f : fields) {
    const FieldSchema *known = schema ? schema->field(f.name) : nullptr;
    if (!known)
      known = findFieldSchema(f.name);
    gdbFields.push_back({f.name, f.type, known ? known->nameZh : std::string()});
  }
  const gis::GeometryKind kind = gdbKind(layer.geometryKind(), schema, name);
  const std::optional<gis::Crs> crs = kind == gis::GeometryKind::None ? std::nullopt : layer.crs();
  gdb.createLayer(name, schema ? schema->nameZh : std::string(), kind, crs, gdbFields);
  std::int64_t written = 0;
  layer.forEach([&](const gis::FeatureRow &row) {
    if (fids && !fids->count(row.fid()))
      return true;
    if ((written & 0x3FF) == 0)
      throwIfCancelled(progress);
    std::vector<gis::FieldValue> values(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const int index = static_cast<int>(i);
      switch (fields[i].type) {
      case gis::FieldType::Integer:
        if (auto v = row.integer(index))
          values[i] = *v;
        break;
      case gis::FieldType::Real:
        if (auto v = row.real(index))
          values[i] = *v;
        break;
      case gis::FieldType::String:
        if (auto v = row.string(index))
          values[i] = *v;
        break;
      case gis::FieldType::Date:
        if (auto v = row.date(index))
          values[i] = *v;
        break;
      }
    }
    gis::Geometry g = kind == gis::GeometryKind::None ? nullptr : row.geometry();
    if (g && kind == gis::GeometryKind::Point && gis::typeId(g.get()) == GEOS_MULTIPOINT &&
        gis::partCount(g.get()) == 1)
      g = gis::part(g.get(), 0);
    try {
      gdb.add(g.get(), values);
    } catch (const gis::GisError &e) {
      throw ExportError(where(layer, row.fid()) + ": " + e.what());
    }
    ++written;
    return true;
  });
  return written;
}

//! The violations' locations by dimension: a File Geodatabase layer holds one kind.
enum class Shape
{
  Polygon,
  Line,
  Point,
  None
};

std::pair<Shape, gis::Geometry> violationShape(const Violation &v)
{
  if (v.wkt.empty())
    return {Shape::None, nullptr};
  gis::Geometry g = gis::fromWkt(v.wkt);
  if (!g || gis::isEmpty(g.get()))
    return {Shape::None, nullptr};
  switch (gis::typeId(g.get())) {
  case GEOS_POLYGON:
  case GEOS_MULTIPOLYGON:
    return {Shape::Polygon, std::move(g)};
  case GEOS_LINESTRING:
  case GEOS_LINEARRING:
  case GEOS_MULTILINESTRING:
    return {Shape::Line, std::move(g)};
  case GEOS_POINT:
    return {Shape::Point, std::move(g)};
  case GEOS_MULTIPOINT:
    return {Shape::Point, gis::part(g.get(), 0)}; // where to look: its first point
  default:
    break;
  }
  // A collection (an overlap that also touches along a line): its most telling parts.
  if (gis::Geometry polygons = gis::polygonalParts(g.get());
      polygons && !gis::isEmpty(polygons.get()))
    return {Shape::Polygon, std::move(polygons)};
  std::vector<gis::Geometry> lines;
  for (int i = 0; i < gis::partCount(g.get()); ++i) {
    gis::Geometry p = gis::part(g.get(), i);
    const int t = gis::typeId(p.get());
    if (t == GEOS_LINESTRING || t == GEOS_MULTILINESTRING)
      lines.push_back(std::move(p));
    else if (t == GEOS_POINT && lines.empty() && i == gis::partCount(g.get()) - 1)
      return {Shape::Point, std::move(p)};
  }
  if (!lines.empty())
    return {Shape::Line,
            gis::unaryUnion(gis::makeCollection(GEOS_GEOMETRYCOLLECTION, std::move(lines)).get())};
  return {Shape::Point, gis::pointOnSurface(g.get())};
}

void writeGdbViolations(gis::FileGdbWriter &gdb, const CheckRun &run, const std::string &lang,
                        ExportSummary &summary)
{
  static const char *const aliases[] = {"规则",
                                        "严重程度",
                                        "条款",
                                        "图层",
                                        "要素编号",
                                        "编码",
                                        "关联图层",
                                        "关联要素编号",
                                        "关联编码",
                                        "级别",
                                        "面积（平方米）",
                                        "面积（亩）",
                                        "距离（米）",
                                        "通行时间（分钟）",
                                        "缺少学位",
                                        "数值",
                                        "说明"};
  const std::vector<gis::FieldDefinition> &fields = violationFields();
  std::vector<gis::GdbField> gdbFields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    gdbFields.push_back(
        {fields[i].name, fields[i].type, i < std::size(aliases) ? aliases[i] : std::string()});
  const gis::Crs crs = run.report.workingCrs ? *run.report.workingCrs
                                             : gis::Crs::fromUserInput(run.report.open.workingCrs);
  std::vector<std::pair<const Violation *, gis::Geometry>> byShape[4];
  for (const Violation &v : run.report.open.violations) {
    auto [shape, g] = violationShape(v);
    byShape[static_cast<int>(shape)].emplace_back(&v, std::move(g));
  }
  const struct
  {
    const char *name, *alias;
    gis::GeometryKind kind;
  } layers[] = {{"violations_polygon", "违规（面）", gis::GeometryKind::MultiPolygon},
                {"violations_line", "违规（线）", gis::GeometryKind::Line},
                {"violations_point", "违规（点）", gis::GeometryKind::Point},
                {"violations_none", "违规（无位置）", gis::GeometryKind::None}};
  for (int s = 0; s < 4; ++s) {
    if (byShape[s].empty())
      continue;
    gdb.createLayer(layers[s].name, layers[s].alias, layers[s].kind,
                    layers[s].kind == gis::GeometryKind::None ? std::nullopt
                                                              : std::optional<gis::Crs>(crs),
                    gdbFields);
    for (const auto &[v, g] : byShape[s])
      gdb.add(g.get(), violationValues(*v, lang));
    summary.layers.push_back({layers[s].name, static_cast<std::int64_t>(byShape[s].size())});
  }
}

template<typename F> ExportSummary guarded(F run)
{
  try {
    return run();
  } catch (const ExportError &) {
    throw;
  } catch (const Cancelled &) {
    throw;
  } catch (const std::exception &e) {
    throw ExportError(e.what());
  }
}

} // namespace

ExportSummary exportBoundaryPoints(const TxtExportRequest &request, const Progress *progress)
{
  return guarded([&] {
    checkOutput(request.out, request.project, request.force);
    const gis::VectorDataset dataset = openProject(request.project);
    const gis::VectorLayer layer = requireLayer(dataset, request.layer);
    const gis::GeometryKind kind = layer.geometryKind();
    if (kind != gis::GeometryKind::Polygon && kind != gis::GeometryKind::MultiPolygon &&
        kind != gis::GeometryKind::Any)
      throw ExportError(request.project + ": layer '" + request.layer +
                        "' does not hold polygons; a 界址点 file holds plots");
    const std::optional<gis::Crs> layerCrs = layer.crs();
    if (!layerCrs)
      throw ExportError(request.project + ": layer '" + request.layer +
                        "' has no coordinate reference system");
    const std::optional<std::set<std::int64_t>> fids =
        selectedFids(dataset, layer, request.selection);

    ExportSummary summary;
    summary.out = request.out;
    std::optional<Zone> zone;
    try {
      zone = zoneOf(chooseWorkingCrs(dataset).epsg());
    } catch (const std::exception &) {
      // A project whose working CRS cannot be chosen: the layer's own, or the features'.
    }
    if (!zone)
      zone = zoneOf(layerCrs->epsg());
    std::vector<std::pair<std::int64_t, gis::Geometry>> shapes;
    int code = layer.fieldIndex("code"), name = layer.fieldIndex("name");
    int landUse = layer.fieldIndex("land_use");
    if (landUse < 0)
      landUse = layer.fieldIndex("use");
    std::vector<BoundaryPlot> plots;
    layer.forEach([&](const gis::FeatureRow &row) {
      if (fids && !fids->count(row.fid()))
        return true;
      if ((plots.size() & 0x3FF) == 0)
        throwIfCancelled(progress);
      gis::Geometry g = row.geometry();
      if (!g || gis::isEmpty(g.get()))
        throw ExportError(where(layer, row.fid()) + ": no geometry; nothing written");
      if (!gis::isPolygonal(g.get()))
        throw ExportError(where(layer, row.fid()) + ": a " + gis::typeName(g.get()) +
                          ", not a polygon; nothing written");
      BoundaryPlot plot;
      if (code >= 0)
        plot.code = gis::trimmed(row.string(code).value_or(""));
      if (name >= 0)
        plot.name = row.string(name).value_or("");
      if (landUse >= 0)
        plot.landClass = row.string(landUse).value_or("");
      plot.shape = "面";
      plots.push_back(std::move(plot));
      shapes.emplace_back(row.fid(), std::move(g));
      return true;
    });
    if (plots.empty())
      throw ExportError(request.project + ": layer '" + request.layer +
                        "': " + (fids ? "the selection matches no feature" : "the layer is empty") +
                        "; nothing written");
    if (!zone) {
      // Not a CGCS2000 Gauss-Krüger zone: the 3° zone of the features' centre.
      gis::Envelope extent = gis::envelope(shapes.front().second.get());
      for (const auto &[fid, g] : shapes)
        extent.expandToInclude(gis::envelope(g.get()));
      double lon = extent.centerX(), lat = extent.centerY();
      const gis::Crs base = layerCrs->geographicBase();
      if (!gis::CoordinateTransform::forThread(*layerCrs, base).transform(lon, lat))
        throw ExportError(request.project + ": layer '" + request.layer +
                          "': cannot find the Gauss-Krüger zone of its features");
      zone = zoneOf(gis::Crs::gaussKrugerZoneEpsg(lon));
      if (!zone)
        throw ExportError(request.project + ": layer '" + request.layer +
                          "': its features lie outside China's Gauss-Krüger zones");
      summary.notes.push_back("the project's CRS is not a CGCS2000 Gauss-Krüger zone: written in "
                              "EPSG:" +
                              std::to_string(zone->epsg) + ", the 3° zone of the features");
    }
    const gis::Crs target = gis::Crs::fromEpsg(zone->epsg);
    summary.crs = target.authId();
    const gis::CoordinateTransform &toTarget =
        gis::CoordinateTransform::forThread(*layerCrs, target);
    const gis::EllipsoidalArea &area = gis::EllipsoidalArea::forThread(target);
    const LandUseMapping landUseClasses(LandUseMapping::defaultPatterns());
    const std::string landUseName =
        landUse >= 0 ? layer.fields()[std::size_t(landUse)].name : std::string("land_use");
    for (std::size_t i = 0; i < plots.size(); ++i) {
      BoundaryPlot &plot = plots[i];
      const std::int64_t fid = shapes[i].first;
      gis::Geometry g = toTarget.isIdentity() ? std::move(shapes[i].second)
                                              : toTarget.transform(shapes[i].second.get());
      plot.areaHectares = area.squareMetres(g.get()) / 10000.0;
      plot.points = boundaryPointsOf(g.get());
      plot.pointCount = static_cast<std::int64_t>(plot.points.size());
      if (!plot.landClass.empty())
        plot.use = landUseLabelZh(landUseClasses.classify(plot.landClass), plot.landClass);
      for (const auto &[field, text] :
           {std::pair<std::string, const std::string *>{"code", &plot.code},
            {"name", &plot.name},
            {landUseName, &plot.landClass}})
        if (!gis::encodeText(*text, request.encoding))
          throw ExportError(where(layer, fid, field) + ": '" + *text + "' has a character " +
                            std::string(gis::encodingName(request.encoding)) +
                            " cannot hold; nothing written (try --encoding UTF-8)");
    }

    BoundaryPointFile file;
    file.hasDescription = true;
    file.description = {{"格式版本号", "1.0", 0},
                        {"数据产生单位", request.producer, 0},
                        {"数据产生日期", request.date.value_or(today()), 0},
                        {"坐标系", "2000国家大地坐标系", 0},
                        {"几度分带", std::to_string(zone->width), 0},
                        {"投影类型", "高斯克吕格", 0},
                        {"计量单位", "米", 0},
                        {"带号", std::to_string(zone->number), 0},
                        {"精度", "0.001", 0},
                        {"转换参数", ",,,,,,", 0}};
    file.plots = std::move(plots);
    file.encoding = request.encoding;
    const std::optional<std::string> bytes =
        gis::encodeText(formatBoundaryPointFile(file), request.encoding);
    if (!bytes)
      throw ExportError(request.out + ": the text cannot be written in " +
                        std::string(gis::encodingName(request.encoding)) +
                        "; nothing written (try --encoding UTF-8)");
    throwIfCancelled(progress);
    writeFileAtomically(request.out, *bytes);
    summary.layers.push_back({request.layer, static_cast<std::int64_t>(file.plots.size())});
    return summary;
  });
}

ExportSummary exportFileGdb(const GdbExportRequest &request, const Progress *progress)
{
  return guarded([&] {
    if (!lower(fs::path(request.out).filename().string()).ends_with(".gdb"))
      throw ExportError(request.out + ": a File Geodatabase is a folder whose name ends in .gdb");
    if (!request.selection.empty() && !request.layer)
      throw ExportError("--where and --codes choose features of one layer: name it with --layer");
    checkOutput(request.out, request.project, request.force);
    if (!gis::hasVectorDriver("OpenFileGDB"))
      throw ExportError("this GDAL has no OpenFileGDB driver to write a File Geodatabase");
    const gis::VectorDataset dataset = openProject(request.project);
    std::vector<std::string> layers;
    if (request.layer) {
      requireLayer(dataset, *request.layer);
      layers.push_back(*request.layer);
    } else {
      for (const std::string &name : Project::canonicalLayers())
        if (dataset.hasLayer(name))
          layers.push_back(name);
    }
    if (layers.empty() && !request.violations)
      throw ExportError(request.project + ": no layer of a project to export (its layers: " +
                        layerList(dataset) + ")");
    std::optional<std::set<std::int64_t>> fids;
    if (request.layer)
      fids = selectedFids(dataset, dataset.layer(*request.layer), request.selection);

    std::optional<CheckRun> check;
    if (request.violations) {
      CheckOptions options;
      options.project = request.project;
      options.rulesFile = request.rulesFile;
      options.lang = request.lang;
      check = runCheck(options, progress);
    }

    ExportSummary summary;
    summary.out = request.out;
    GdbStaging staging(request.out);
    {
      gis::FileGdbWriter gdb(staging.staged());
      for (std::size_t i = 0; i < layers.size(); ++i) {
        if (progress)
          progress->report("export", double(i) / double(layers.size() + 1));
        summary.layers.push_back(
            {layers[i], writeGdbLayer(gdb, dataset, layers[i], fids, progress)});
      }
      if (check)
        writeGdbViolations(gdb, *check, request.lang, summary);
      throwIfCancelled(progress);
      gdb.close();
    }
    staging.commit(request.force);
    return summary;
  });
}

} // namespace anzhi::core
