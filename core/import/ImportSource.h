#pragma once

#include "core/import/FieldMapping.h"
#include "gis/TextEncoding.h"
#include "gis/Vector.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

enum class SourceFormat
{
  GeoPackage,
  Shapefile,
  Dxf,
  Csv,
  GeoJson,
  Kml,
  FlatGeobuf,
  BoundaryPoints, //!< 国土 界址点坐标 TXT (core/import/BoundaryPointLayer.h)
  PersonalGdb,    //!< Esri Personal Geodatabase (.mdb), through GDAL's PGeo driver
  Other
};

class BoundaryPointLayer;

struct SourceOptions
{
  //! The layer to read: a layer of the dataset, or for a DXF file a CAD layer. May be left out
  //! when there is only one.
  std::optional<std::string> layer;
  //! The text encoding of a Shapefile's DBF, a CSV or a DXF; otherwise from the .cpg or DXF
  //! header, else detected from the bytes (UTF-8 if they all are, else GBK).
  std::optional<gis::TextEncoding> encoding;
};

//! One feature of an ImportSource, its text decoded to UTF-8. Valid inside forEach only.
class SourceRow
{
public:
  std::int64_t fid() const { return m_row.fid(); }
  //! The field's value as UTF-8 text, or nothing when null. Throws ImportError naming file,
  //! layer, feature and field when the bytes are not in the source's encoding.
  std::optional<std::string> text(int field) const;
  //! The feature as GDAL reads it (numbers, dates, geometry).
  const gis::FeatureRow &raw() const { return m_row; }

private:
  friend class ImportSource;
  SourceRow(const class ImportSource &source, const gis::FeatureRow &row)
      : m_source(source)
      , m_row(row)
  {
  }
  const ImportSource &m_source;
  const gis::FeatureRow &m_row;
};

//! A layer of any source the import reads — GeoPackage, Shapefile, DXF (one CAD layer; closed
//! polylines come as closed lines), GeoJSON, KML, CSV (WKT or x/y columns), FlatGeobuf — with
//! field names and text in UTF-8 whatever the file's encoding. Owns its GDAL dataset; one
//! thread at a time.
class ImportSource
{
public:
  //! Opens the source; throws ImportError naming the file (and layer) when it cannot be read,
  //! the layer is missing or ambiguous, or its text is neither UTF-8 nor GBK.
  static ImportSource open(const std::string &path, const SourceOptions &options);
  //! The layers one can import from the file: its layers, or a DXF file's CAD layers.
  static std::vector<std::string> layers(const std::string &path);

  const std::string &path() const { return m_path; }
  //! The layer read (for a DXF file, the CAD layer).
  const std::string &layerName() const { return m_layerName; }
  SourceFormat format() const { return m_format; }
  const std::vector<std::string> &fieldNames() const { return m_fieldNames; }
  const std::vector<gis::FieldType> &fieldTypes() const { return m_fieldTypes; }
  bool hasGeometry() const;
  //! The number of features of the GDAL layer (of all CAD layers for a DXF file).
  std::int64_t featureCount() const { return layer().featureCount(); }
  //! The geometry type the layer declares (Any for a DXF file, whose entities are mixed).
  gis::GeometryKind geometryKind() const;
  std::optional<gis::Crs> crs() const;
  //! How the text was decoded, e.g. "GBK (detected)", "CP936 (from .cpg)", "UTF-8".
  const std::string &encodingNote() const { return m_encodingNote; }
  //! What opening noticed and the user should know (an --encoding that does not apply).
  const std::vector<std::string> &notes() const { return m_notes; }
  //! The field mapping the format implies (a 界址点 TXT's code=地块编号, …), taken for the fields
  //! the user leaves unmapped.
  std::vector<FieldMapping> suggestedFields() const;
  //! Visits the features of the layer (of the CAD layer for a DXF); stops when fn is false.
  void forEach(const std::function<bool(const SourceRow &)> &fn) const;
  //! "FILE: layer 'L', feature F, field 'X'" for messages (field left out when empty); for a
  //! 界址点 TXT "FILE: plot F 'CODE' (line N), field 'X'".
  std::string where(std::int64_t fid, const std::string &field = {}) const;

private:
  friend class SourceRow;
  ImportSource(gis::VectorDataset dataset, std::string path)
      : m_dataset(std::move(dataset))
      , m_path(std::move(path))
  {
  }
  //! A 界址点 TXT: parsed into GDAL's memory, then read as any layer.
  static ImportSource openBoundaryPoints(const std::string &path, const SourceOptions &options);
  gis::VectorLayer layer() const { return m_dataset.layer(m_gdalLayer); }
  void readFields();
  void detectEncoding();

  //! A 界址点 TXT's plots in GDAL's memory: declared first, so that it outlives the dataset.
  std::shared_ptr<const BoundaryPointLayer> m_boundary;
  gis::VectorDataset m_dataset;
  std::string m_path;
  std::string m_gdalLayer;
  std::string m_layerName;
  SourceFormat m_format = SourceFormat::Other;
  int m_cadLayerField = -1; //!< DXF: the "Layer" field filtering the CAD layer
  std::vector<std::string> m_fieldNames;
  std::vector<gis::FieldType> m_fieldTypes;
  std::optional<gis::TextEncoding> m_decode; //!< set when the bytes come raw from GDAL
  std::string m_encodingNote = "UTF-8";
  std::vector<std::string> m_notes;
};

//! The first rows of a source, as text, for a preview (the import wizard).
struct SourcePreview
{
  std::vector<std::string> layers; //!< what one can choose from (CAD layers for a DXF file)
  std::string layer;               //!< the layer previewed
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> rows; //!< one text per field, "" for null
  std::string crs;                            //!< auth id, empty when the layer has none
  std::string encoding;
  std::int64_t features = 0;
  SourceFormat format = SourceFormat::Other;
  gis::GeometryKind geometry = gis::GeometryKind::Any; //!< what the layer declares
  //! Why the layer has no CRS when its format says why (a 界址点 TXT's 坐标系 西安80), else empty.
  std::string crsProblem;
  //! The mapping the format implies (ImportSource::suggestedFields).
  std::vector<FieldMapping> suggestedFields;
};

//! The mapping the user gave, then the suggested mappings of the fields of `layer` the user left
//! unmapped (suggestions for fields `layer` lacks are left out).
std::vector<FieldMapping> withSuggestedFields(const LayerSchema &layer,
                                              std::vector<FieldMapping> mappings,
                                              const std::vector<FieldMapping> &suggested);

//! Opens the source and reads its first `rows` rows; without options.layer, the first layer.
//! Throws ImportError like ImportSource::open.
SourcePreview previewSource(const std::string &path, SourceOptions options, std::size_t rows = 5);

//! The distinct values of a field of the source (sorted, at most `limit`), e.g. the land-use
//! codes to map to classes.
std::vector<std::string> distinctValues(const std::string &path, const SourceOptions &options,
                                        const std::string &field, std::size_t limit = 200);

} // namespace anzhi::core
