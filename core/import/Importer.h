#pragma once

#include "core/Progress.h"
#include "core/import/DatumShift.h"
#include "core/import/FieldMapping.h"
#include "core/import/ValueMap.h"
#include "gis/Crs.h"
#include "gis/TextEncoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

//! What `anzhi-cli import` and the import wizard ask for.
struct ImportRequest
{
  std::string source;
  std::optional<std::string> layer; //!< a layer of the source, or a DXF file's CAD layer
  std::string project;              //!< the GeoPackage imported into (created if missing)
  std::string role;                 //!< a canonical table of docs/contract.md
  std::vector<FieldMapping> fields;
  LandUseValueMap landUse; //!< for planned_plots.land_use and buildings.use
  //! What source values of coded fields stand for (`--value`, `--values`, the wizard's
  //! choices), over the built-in table (docs/import.md, "Coded values").
  ValueMaps values;
  //! A value of a closed coded field that no map maps is imported as NULL (and counted)
  //! instead of refusing its row (`--unmapped null`).
  bool unmappedAsNull = false;
  std::optional<gis::TextEncoding> encoding;
  //! The CRS the source's coordinates are in, whatever the source says (none: the source's).
  std::optional<gis::Crs> assignCrs;
  //! Import the acceptable rows when some are refused, instead of refusing the whole import.
  bool skipRefused = false;
  //! Import into a table that has triggers of the project's own (refused otherwise).
  bool allowTriggers = false;
  //! From an old datum (Xian 1980, Beijing 1954) to CGCS2000: a surveyor's seven parameters,
  //! or a CSV of control points for a four-parameter plane fit (docs/import.md "Old datums").
  //! Without either, the project's stored shift for the source CRS, else the import refuses.
  std::optional<BursaWolf> towgs84;
  std::optional<std::string> controlPoints;
};

//! A sanity check that fired: the rows were imported, but a planner should look.
struct ImportWarning
{
  //! outside-china, swapped-axes, zone-prefix, duplicate-code, empty-code, unknown-reference,
  //! mojibake, land-use-other, unmapped-null, school-code, closed-lines, triggers, note
  std::string kind;
  std::string message;
};

//! A row that was not imported, and why.
struct RefusedRow
{
  std::int64_t fid = 0;
  std::string field; //!< empty when the geometry is at fault
  std::string reason;
};

//! Source values of a coded field written as something else, or as NULL, and on how many rows.
struct CodedValueCount
{
  std::string field;
  std::string value;               //!< as the source has it, trimmed
  std::optional<std::string> code; //!< what was written; null: NULL
  std::string how;                 //!< "map" (the user's), "default", "school code", "unmapped"
  std::int64_t rows = 0;
};

struct ImportSummary
{
  std::string source, layer, project, role;
  std::string encoding;             //!< how the source's text was decoded
  std::string sourceCrs, targetCrs; //!< auth ids, e.g. EPSG:4525
  bool createdTable = false;        //!< the role's table did not exist in the project
  std::int64_t read = 0;            //!< rows of the layer read
  std::int64_t imported = 0;        //!< rows written (0 when refused)
  std::int64_t repaired = 0;        //!< geometries made valid with GEOS make-valid
  std::vector<RefusedRow> refused;  //!< every refused row, in source order
  std::vector<ImportWarning> warnings;
  //! The datum shift applied (method, parameters; stored with the project), if any.
  std::optional<std::string> datumShift;
  //! Per control point of a plane fit: its name and residual in metres.
  std::vector<std::pair<std::string, double>> controlResiduals;
  //! Values of coded fields written as a code other than themselves (小学 → primary), by
  //! field and value.
  std::vector<CodedValueCount> mappedValues;
  //! Values no map maps, imported as NULL (unmappedAsNull), by field and value.
  std::vector<CodedValueCount> nullValues;
  //! Set when the import was refused: nothing was written and the project file is untouched.
  //! One line naming the file, layer, feature and field.
  std::optional<std::string> refusal;
};

//! Imports one layer of a source into the role's canonical table of a project, as one
//! transaction: every row or none. Rows are read and checked first (fields mapped and
//! converted, geometries checked, repaired and transformed to the table's CRS, sanity checks
//! run), and only then is the project opened for writing. The import is refused (summary with
//! `refusal`, project untouched) when the source or project cannot be read, the project is
//! read-only (no write permission bit, even for root), the role's table has triggers of the
//! project's own (unless allowTriggers), a required field is unmapped, the CRS is unknown, the
//! layer holds the wrong kind of geometry, or — unless skipRefused — any row is refused. The
//! codes are checked under the project's write lock, so that concurrent imports see each
//! other's codes. Throws Cancelled when the progress is cancelled (before
//! the commit). Thread: any, one import per thread.
ImportSummary importLayer(const ImportRequest &request, const Progress *progress = nullptr);

} // namespace anzhi::core
