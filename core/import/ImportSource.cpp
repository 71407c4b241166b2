#include "core/import/ImportSource.h"

#include "core/import/BoundaryPointLayer.h"
#include "core/import/CsvColumns.h"
#include "core/import/ImportError.h"
#include "gis/DataFile.h"
#include "gis/GisError.h"
#include "gis/Text.h"
#include "gis/VectorSupport.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

namespace anzhi::core {

namespace {

SourceFormat formatOf(const std::string &driver)
{
  if (driver == "GPKG")
    return SourceFormat::GeoPackage;
  if (driver == "ESRI Shapefile")
    return SourceFormat::Shapefile;
  if (driver == "DXF")
    return SourceFormat::Dxf;
  if (driver == "CSV")
    return SourceFormat::Csv;
  if (driver == "GeoJSON" || driver == "GeoJSONSeq")
    return SourceFormat::GeoJson;
  if (driver == "KML" || driver == "LIBKML")
    return SourceFormat::Kml;
  if (driver == "FlatGeobuf")
    return SourceFormat::FlatGeobuf;
  if (driver == "PGeo")
    return SourceFormat::PersonalGdb;
  return SourceFormat::Other;
}

bool hasExtension(const std::string &path, const std::string &ext)
{
  std::string e = std::filesystem::path(path).extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e == ext;
}

std::string joined(const std::vector<std::string> &names)
{
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

//! The CSV driver's open options that make the detected columns the geometry.
std::vector<std::string> csvOpenOptions(const std::string &path)
{
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = splitCsvLine(line, csvSeparator(line));
  // Column names are matched as decoded text but passed to GDAL as the file's own bytes.
  std::vector<std::string> names;
  for (const std::string &h : header)
    names.push_back(gis::isValidUtf8(h) ? h : gis::gbkToUtf8(h).value_or(h));
  const CsvGeometryColumns columns = detectCsvGeometry(names);
  std::vector<std::string> options{"KEEP_GEOM_COLUMNS=NO"};
  if (columns.wkt)
    options.push_back("GEOM_POSSIBLE_NAMES=" + header[*columns.wkt]);
  if (columns.x && columns.y) {
    options.push_back("X_POSSIBLE_NAMES=" + header[*columns.x]);
    options.push_back("Y_POSSIBLE_NAMES=" + header[*columns.y]);
  }
  return options;
}

gis::VectorDataset openDataset(const std::string &path, const std::vector<std::string> &options,
                               bool personalGdb = false)
{
  try {
    return gis::VectorDataset::open(path, gis::VectorDataset::Mode::ReadOnly, options);
  } catch (const gis::GisError &e) {
    if (!personalGdb)
      throw ImportError(e.what());
    // ODBC's reasons run over several lines and say little: the first one is enough.
    const std::string reason = e.what();
    throw ImportError(reason.substr(0, reason.find('\n')) +
                      " (is it a Personal Geodatabase, an ArcGIS .mdb?)");
  }
}

//! GDAL reads a Personal Geodatabase (.mdb) through its PGeo driver and the MDB Tools ODBC
//! driver: refused up front, saying what to install, when either is missing.
void requirePersonalGdbSupport(const std::string &path)
{
  if (!gis::hasVectorDriver("PGeo"))
    throw ImportError(path + ": this GDAL has no PGeo driver to read a Personal Geodatabase "
                             "(.mdb); convert it to a File Geodatabase (.gdb) or a GeoPackage");
  if (!gis::hasMdbToolsOdbc())
    throw ImportError(path + ": reading a Personal Geodatabase (.mdb) needs the MDB Tools ODBC "
                             "driver, which is not installed: install the package odbc-mdbtools "
                             "(sudo apt-get install odbc-mdbtools), or convert the file to a File "
                             "Geodatabase (.gdb) or a GeoPackage");
}

std::vector<std::string> cadLayers(const gis::VectorDataset &dataset)
{
  std::set<std::string> names;
  gis::VectorLayer entities = dataset.layer(dataset.layerNames().at(0));
  const int field = entities.fieldIndex("Layer");
  if (field >= 0)
    entities.forEach([&](const gis::FeatureRow &row) {
      names.insert(row.string(field).value_or(""));
      return true;
    });
  return {names.begin(), names.end()};
}

} // namespace

std::optional<std::string> SourceRow::text(int field) const
{
  std::optional<std::string> bytes = m_row.string(field);
  if (!bytes || !m_source.m_decode)
    return bytes;
  std::optional<std::string> decoded = gis::decodeText(*bytes, *m_source.m_decode);
  if (!decoded)
    throw ImportError(m_source.where(fid(), m_source.m_fieldNames.at(std::size_t(field))) +
                      ": the text is not " + std::string(gis::encodingName(*m_source.m_decode)) +
                      "; pass --encoding with the file's encoding");
  return decoded;
}

std::vector<std::string> ImportSource::layers(const std::string &path)
{
  if (isBoundaryPointPath(path))
    return {BoundaryPointLayer::kLayerName};
  if (hasExtension(path, ".mdb"))
    requirePersonalGdbSupport(path);
  gis::VectorDataset dataset = openDataset(path, {});
  if (formatOf(dataset.driverName()) == SourceFormat::Dxf && !dataset.layerNames().empty())
    return cadLayers(dataset);
  return dataset.layerNames();
}

ImportSource ImportSource::open(const std::string &path, const SourceOptions &options)
{
  try {
    // Before anything reads it: a CSV's header is read here, and a FIFO would block that.
    gis::requireRegularFile(path, /*allowFolder=*/true);
  } catch (const gis::GisError &e) {
    throw ImportError(e.what());
  }
  if (isBoundaryPointPath(path))
    return openBoundaryPoints(path, options);
  if (hasExtension(path, ".mdb"))
    requirePersonalGdbSupport(path);
  const bool csv = hasExtension(path, ".csv");
  std::optional<gis::ThreadConfigOption> dxfEncoding;
  if (options.encoding && hasExtension(path, ".dxf"))
    dxfEncoding.emplace("DXF_ENCODING", std::string(gis::gdalEncodingName(*options.encoding)));
  ImportSource source(openDataset(path, csv ? csvOpenOptions(path) : std::vector<std::string>{},
                                  hasExtension(path, ".mdb")),
                      path);
  source.m_format = formatOf(source.m_dataset.driverName());
  const std::vector<std::string> names = source.m_dataset.layerNames();
  if (names.empty())
    throw ImportError(path + (hasExtension(path, ".mdb")
                                  ? ": no feature class could be read (is it a Personal "
                                    "Geodatabase, an ArcGIS .mdb?)"
                                  : ": the file has no layers"));

  if (source.m_format == SourceFormat::Dxf) {
    source.m_gdalLayer = names.front();
    const std::vector<std::string> cad = cadLayers(source.m_dataset);
    if (options.layer) {
      if (std::find(cad.begin(), cad.end(), *options.layer) == cad.end())
        throw ImportError(path + ": no CAD layer '" + *options.layer +
                          "' (its layers: " + joined(cad) + ")");
      source.m_layerName = *options.layer;
    } else if (cad.size() == 1) {
      source.m_layerName = cad.front();
    } else {
      throw ImportError(path + ": the drawing has " + std::to_string(cad.size()) + " CAD layers (" +
                        joined(cad) + "); choose one with --layer");
    }
    source.m_cadLayerField = source.layer().fieldIndex("Layer");
  } else {
    if (options.layer) {
      if (!source.m_dataset.hasLayer(*options.layer))
        throw ImportError(path + ": no layer '" + *options.layer +
                          "' (its layers: " + joined(names) + ")");
      source.m_gdalLayer = *options.layer;
    } else if (names.size() == 1) {
      source.m_gdalLayer = names.front();
    } else {
      throw ImportError(path + ": the file has " + std::to_string(names.size()) + " layers (" +
                        joined(names) + "); choose one with --layer");
    }
    source.m_layerName = source.m_gdalLayer;
  }

  // Raw bytes (a Shapefile without code page, any CSV): --encoding, else detected from them.
  auto decodeAsAskedOrDetected = [&] {
    if (options.encoding) {
      source.m_decode = options.encoding;
      source.m_encodingNote = std::string(gis::encodingName(*options.encoding)) + " (--encoding)";
    } else {
      source.detectEncoding();
    }
  };
  switch (source.m_format) {
  case SourceFormat::Shapefile: {
    // GDAL decodes by the .cpg file or the DBF's language driver id; without either (or when
    // the user says otherwise) the bytes are read raw and decoded here.
    const std::string declared =
        source.layer().metadataItem("SOURCE_ENCODING", "SHAPEFILE").value_or("");
    if (!declared.empty() && !options.encoding) {
      source.m_encodingNote = declared + " (declared by .cpg or DBF header)";
      break;
    }
    source.m_dataset = openDataset(path, {"ENCODING="});
    decodeAsAskedOrDetected();
    break;
  }
  case SourceFormat::Csv:
    decodeAsAskedOrDetected();
    break;
  case SourceFormat::Dxf:
    source.m_encodingNote =
        options.encoding ? std::string(gis::encodingName(*options.encoding)) + " (--encoding)"
                         : std::string("from the drawing's $DWGCODEPAGE");
    break;
  default:
    if (options.encoding && *options.encoding != gis::TextEncoding::Utf8)
      source.m_notes.push_back("--encoding " + std::string(gis::encodingName(*options.encoding)) +
                               " ignored: this format's text is always UTF-8");
    break;
  }
  source.readFields();
  return source;
}

ImportSource ImportSource::openBoundaryPoints(const std::string &path, const SourceOptions &options)
{
  std::shared_ptr<const BoundaryPointLayer> plots =
      BoundaryPointLayer::load(path, options.encoding);
  if (options.layer && *options.layer != BoundaryPointLayer::kLayerName)
    throw ImportError(path + ": no layer '" + *options.layer +
                      "' (a 界址点 file has one: " + BoundaryPointLayer::kLayerName + ")");
  ImportSource source(openDataset(plots->gdalPath(), {}), path);
  source.m_boundary = plots;
  source.m_format = SourceFormat::BoundaryPoints;
  source.m_gdalLayer = source.m_layerName = BoundaryPointLayer::kLayerName;
  source.m_encodingNote = plots->encodingNote();
  source.readFields();
  return source;
}

std::vector<FieldMapping> ImportSource::suggestedFields() const
{
  return m_boundary ? BoundaryPointLayer::suggestedFields() : std::vector<FieldMapping>{};
}

std::vector<FieldMapping> withSuggestedFields(const LayerSchema &layer,
                                              std::vector<FieldMapping> mappings,
                                              const std::vector<FieldMapping> &suggested)
{
  for (const FieldMapping &s : suggested) {
    const bool mapped = std::any_of(mappings.begin(), mappings.end(),
                                    [&](const FieldMapping &m) { return m.ours == s.ours; });
    if (!mapped && layer.field(s.ours))
      mappings.push_back(s);
  }
  return mappings;
}

void ImportSource::detectEncoding()
{
  gis::EncodingDetector detector;
  std::optional<std::string> badField;
  std::int64_t badFid = -1;
  const gis::VectorLayer l = layer();
  const std::vector<gis::FieldDefinition> fields = l.fields();
  for (const gis::FieldDefinition &f : fields)
    detector.add(f.name);
  l.forEach([&](const gis::FeatureRow &row) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].type != gis::FieldType::String)
        continue;
      if (auto value = row.string(static_cast<int>(i))) {
        const bool before = detector.firstUndecodable().has_value();
        detector.add(*value);
        if (!before && detector.firstUndecodable()) {
          badField = fields[i].name;
          badFid = row.fid();
        }
      }
    }
    return true;
  });
  std::optional<gis::TextEncoding> verdict = detector.verdict();
  if (!verdict)
    throw ImportError(where(badFid, badField.value_or("")) +
                      ": the text is neither UTF-8 nor GBK; pass --encoding");
  m_decode = verdict;
  m_encodingNote = std::string(gis::encodingName(*verdict)) + " (detected)";
}

void ImportSource::readFields()
{
  for (const gis::FieldDefinition &f : layer().fields()) {
    std::string name = f.name;
    if (m_decode)
      name = gis::decodeText(f.name, *m_decode).value_or(f.name);
    m_fieldNames.push_back(std::move(name));
    m_fieldTypes.push_back(f.type);
  }
}

bool ImportSource::hasGeometry() const
{
  return layer().geometryKind() != gis::GeometryKind::None;
}

gis::GeometryKind ImportSource::geometryKind() const
{
  return m_format == SourceFormat::Dxf ? gis::GeometryKind::Any : layer().geometryKind();
}

std::optional<gis::Crs> ImportSource::crs() const
{
  if (m_boundary) {
    if (!m_boundary->crs())
      throw ImportError(m_boundary->crsProblem());
    return m_boundary->crs();
  }
  try {
    return layer().crs();
  } catch (const gis::GisError &e) {
    throw ImportError(e.what());
  }
}

void ImportSource::forEach(const std::function<bool(const SourceRow &)> &fn) const
{
  layer().forEach([&](const gis::FeatureRow &row) {
    if (m_cadLayerField >= 0 && row.string(m_cadLayerField).value_or("") != m_layerName)
      return true;
    return fn(SourceRow(*this, row));
  });
}

std::string ImportSource::where(std::int64_t fid, const std::string &field) const
{
  if (m_boundary)
    return m_path + (fid >= 0 ? ": " + m_boundary->describe(fid) : std::string()) +
           (field.empty() ? std::string() : (fid >= 0 ? ", field '" : ": field '") + field + "'");
  std::string text = m_path + ": " + (m_format == SourceFormat::Dxf ? "CAD layer '" : "layer '") +
                     m_layerName + "'";
  if (fid >= 0)
    text += ", feature " + std::to_string(fid);
  if (!field.empty())
    text += ", field '" + field + "'";
  return text;
}

SourcePreview previewSource(const std::string &path, SourceOptions options, std::size_t rows)
{
  SourcePreview preview;
  preview.layers = ImportSource::layers(path);
  if (!options.layer && !preview.layers.empty())
    options.layer = preview.layers.front();
  const ImportSource source = ImportSource::open(path, options);
  preview.layer = source.layerName();
  preview.fields = source.fieldNames();
  preview.encoding = source.encodingNote();
  preview.features = source.featureCount();
  preview.format = source.format();
  preview.geometry = source.geometryKind();
  preview.suggestedFields = source.suggestedFields();
  try {
    if (source.hasGeometry())
      if (auto crs = source.crs())
        preview.crs = crs->authId();
  } catch (const ImportError &e) {
    preview.crsProblem = e.what(); // a 界址点 TXT in 西安80: --assign-crs can still import it
  }
  source.forEach([&](const SourceRow &row) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < preview.fields.size(); ++i) {
      try {
        texts.push_back(row.text(static_cast<int>(i)).value_or(""));
      } catch (const ImportError &) {
        texts.push_back("?");
      }
    }
    preview.rows.push_back(std::move(texts));
    return preview.rows.size() < rows;
  });
  return preview;
}

std::vector<std::string> distinctValues(const std::string &path, const SourceOptions &options,
                                        const std::string &field, std::size_t limit)
{
  const ImportSource source = ImportSource::open(path, options);
  const auto &names = source.fieldNames();
  const auto it = std::find(names.begin(), names.end(), field);
  if (it == names.end())
    throw ImportError(source.where(-1) + ": no field '" + field + "'");
  const int index = static_cast<int>(it - names.begin());
  std::set<std::string> values;
  source.forEach([&](const SourceRow &row) {
    if (auto v = row.text(index))
      values.insert(gis::trimmed(*v));
    return values.size() < limit;
  });
  return {values.begin(), values.end()};
}

} // namespace anzhi::core
