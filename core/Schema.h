#pragma once

#include "gis/Vector.h"

#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

namespace anzhi::core {

struct FeatureBase;

//! What geometry a canonical layer holds (docs/contract.md's "geometry" column).
enum class GeometryRole
{
  Polygon,
  Point,
  PointOrNone, //!< rangers: a residence point, or no geometry
  Line
};

//! The member of a typed feature (Site::population, …) that holds a field, reached through a
//! FeatureBase so that code walking the table needs no per-layer case. The functions cast the
//! feature to `feature`'s type: Layer<F> checks once, when it is made, that its table binds
//! members of F.
struct FieldBinding
{
  const std::type_info *feature = nullptr; //!< the struct declaring the member
  //! The member's value, null when it has none.
  gis::FieldValue (*get)(const FeatureBase &feature) = nullptr;
  //! Sets the member; a value of another type is null, except a real for an integer member,
  //! which is truncated.
  void (*set)(FeatureBase &feature, const gis::FieldValue &value) = nullptr;
  //! Reads the member from column `column` of a stored row (throws naming the feature and
  //! field when the value is not of the field's type).
  void (*read)(FeatureBase &feature, const gis::FeatureRow &row, int column) = nullptr;
  void (*copy)(FeatureBase &to, const FeatureBase &from) = nullptr;
};

//! A coded value docs/contract.md lists for a field, with the words planners use for it.
struct Choice
{
  std::string value;
  std::string nameZh;
  std::string nameEn;
  //! Other words a bureau's data uses for it (完全小学 and 完小 for primary; nameZh and nameEn
  //! count too): the import's built-in value map (docs/import.md, "Coded values").
  std::vector<std::string> aliases = {};
};

//! How a field's values are coded (docs/import.md, "Coded values").
enum class Coding
{
  Free,    //!< free text or a number
  Closed,  //!< one of `choices`: the import maps values onto them, `unknown-code` flags others
  Open,    //!< `choices` are the usual ones and others are allowed (docs/contract.md's "…")
  LandUse, //!< a land-use class name, or a code the rule set maps to one (core/LandUse.h)
};

//! One field of a canonical layer: everything the loader, the editor, the importer, the
//! generator, the command line and the desktop know about it.
struct FieldSchema
{
  std::string name;
  gis::FieldType type = gis::FieldType::String; //!< that of the member it binds
  //! The check cannot run without the column (docs/rules.md decision 9); `code` everywhere.
  //! The loader and the importer refuse a layer without it.
  bool mustExist = false;
  //! The attribute form refuses the feature while the field is null: a rule would misread the
  //! feature without it (docs/rules.md decision 13).
  bool formRequired = false;
  //! The canonical layer whose `code` this field names (ranger_code → rangers), or empty.
  std::string references;
  //! The coded values docs/contract.md lists, which the attribute form offers as its only ones
  //! (empty: free text or number).
  std::vector<Choice> choices;
  std::string nameZh; //!< what the desktop calls it in Chinese
  std::string nameEn; //!< and in English
  FieldBinding binding;
  Coding coding = Coding::Free;
};

//! A canonical layer of docs/contract.md: its table name (also the role `import --as` takes), its
//! geometry, display names and fields, `code` first, in docs/contract.md's order.
struct LayerSchema
{
  std::string name;
  GeometryRole geometry = GeometryRole::Polygon;
  bool optional = false; //!< marked "(optional)" in docs/contract.md
  std::string nameZh;    //!< what the desktop and `anzhi-cli info` call it in Chinese
  std::string nameEn;    //!< and in English
  //! What messages call one feature in English ("resettlement site"); in Chinese, nameZh.
  std::string featureEn;
  std::vector<FieldSchema> fields;

  //! The field of that name, or null.
  const FieldSchema *field(std::string_view fieldName) const;
};

//! The canonical layers in docs/contract.md's order (that of Project::canonicalLayers()).
const std::vector<LayerSchema> &canonicalSchema();
//! The layer's schema, or null when the name is not a canonical table.
const LayerSchema *findLayerSchema(std::string_view name);
//! The first field of that name in any layer, or null. A field name means one thing in every
//! layer that has it (site_code is always a site's code), so its display names are the same.
const FieldSchema *findFieldSchema(std::string_view fieldName);
//! The schema of the named layer, checked to bind members of `feature` (or of FeatureBase);
//! throws std::logic_error naming the layer and field otherwise.
const LayerSchema &schemaBinding(std::string_view name, const std::type_info &feature);
//! The words for a coded value of a field named `fieldName` in any layer (status pending →
//! 待拆除, level primary → 小学), or null when no layer lists that value for that field.
const Choice *findChoice(std::string_view fieldName, std::string_view value);
//! The codes a coded field allows: its choices' values, or the land-use class names; empty for
//! a free field.
std::vector<std::string> fieldCodes(const FieldSchema &field);
//! Whether `value` is, exactly, one of the field's codes (as the rules compare them).
bool isFieldCode(const FieldSchema &field, std::string_view value);
//! The code a word of a source stands for by the built-in table: a choice's value, its names
//! and aliases (land use: the class names, their Chinese names and aliases), matched exactly
//! after trimming (codeKey) — no guesses. Nothing for a free field or a word not in the table.
std::optional<std::string> defaultCode(const FieldSchema &field, std::string_view word);
//! The value without surrounding white space: ASCII, the no-break space and the ideographic
//! space U+3000 (common in Chinese spreadsheets).
std::string codeTrimmed(std::string_view value);
//! A source value as the value maps compare it: codeTrimmed, with ASCII letters in lower case.
std::string codeKey(std::string_view value);

//! The geometry kind a new table of the layer is created with: MultiPolygon for polygon layers
//! (make-valid and multi-part parcels need it), Point, Line.
gis::GeometryKind storedGeometryKind(GeometryRole role);
//! The kind of one geometry drawn in the layer (the editor's tools, the generator's tables):
//! Polygon, Point (rangers too), Line.
gis::GeometryKind drawnGeometryKind(GeometryRole role);
//! What is wrong when a geometry is not of the layer's dimension, e.g. "wrong geometry type:
//! LineString in a polygon layer"; nothing when it fits (single or multi, as docs/contract.md
//! allows).
std::optional<std::string> wrongGeometryType(GeometryRole role, const GEOSGeometry *geometry);

} // namespace anzhi::core
