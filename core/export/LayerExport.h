#pragma once

// `anzhi-cli export` and the desktop's 导出选中要素: a project's layer as a 国土 界址点坐标 TXT,
// or the project's layers (and the check's violations) as an Esri File Geodatabase for 汇交.
// docs/import.md, "Exporting".

#include "core/Progress.h"
#include "gis/TextEncoding.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace anzhi::core {

//! An export refused or failed; what() is one line naming the file, layer, feature or field.
//! Nothing was written: an existing output is left as it was.
class ExportError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

//! Which features of a layer: all, those an attribute filter selects (--where, SQL of the
//! GeoPackage), those with the given codes (--codes), or those with the given fids (the
//! desktop's selection). At most one of the three.
struct ExportSelection
{
  std::optional<std::string> where;
  std::vector<std::string> codes;
  std::vector<std::int64_t> fids;
  bool empty() const { return !where && codes.empty() && fids.empty(); }
};

struct TxtExportRequest
{
  std::string project;
  std::string layer; //!< a polygon layer: planned_plots, resettlement_sites, …
  std::string out;
  ExportSelection selection;
  gis::TextEncoding encoding = gis::TextEncoding::Gbk;
  bool force = false;              //!< replace an existing output
  std::string producer;            //!< 数据产生单位 (empty by default)
  std::optional<std::string> date; //!< 数据产生日期, YYYY-MM-DD (default: today)
};

struct GdbExportRequest
{
  std::string project;
  std::string out; //!< a folder whose name ends in .gdb
  //! One layer (the selection applies to it); nothing: every canonical layer of the project.
  std::optional<std::string> layer;
  ExportSelection selection;
  //! Also run the check and write its open violations (violations_polygon, _line, _point,
  //! _none by the dimension of their location).
  bool violations = false;
  std::optional<std::string> rulesFile; //!< for the check; the built-in rule set when unset
  std::string lang = "zh";              //!< of the violations' messages
  bool force = false;
};

struct ExportedLayer
{
  std::string name;
  std::int64_t features = 0;
};

struct ExportSummary
{
  std::string out;
  std::string crs; //!< auth id of the coordinates written (TXT: the zone-prefixed CRS)
  std::vector<ExportedLayer> layers;
  std::vector<std::string> notes; //!< what the user should know (a zone chosen, …)
};

//! Writes the selected polygons of a layer as a 界址点坐标 TXT: the header from the project's
//! working CRS (a CGCS2000 Gauss-Krüger zone; the coordinates are transformed into that zone
//! with the zone prefix, e.g. EPSG:4546 → EPSG:4527), one plot per feature (地块编号 code,
//! 地块名称 name, 地类编码 land_use, 地块用途 its Chinese class, 地块面积 ellipsoidal in 公顷
//! with 4 decimals), coordinates in mm, CRLF, GBK unless asked otherwise, written atomically.
//! Throws ExportError: an output that exists (unless force) or is the project, a layer that is
//! missing or not polygonal, a selection that matches nothing (or names codes the layer lacks),
//! text the encoding cannot hold, a feature without geometry.
ExportSummary exportBoundaryPoints(const TxtExportRequest &request,
                                   const Progress *progress = nullptr);

//! Writes the project's canonical layers (or one, with its selection) to a new File
//! Geodatabase with the layers' and fields' Chinese names as aliases, and with `violations`
//! the check's open violations. Written into a private folder beside the output and renamed
//! into place only when complete: a failed export leaves nothing, and an output it replaces
//! (force) stays until then. Throws ExportError (or Cancelled through progress).
ExportSummary exportFileGdb(const GdbExportRequest &request, const Progress *progress = nullptr);

} // namespace anzhi::core
