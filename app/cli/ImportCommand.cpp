#include "app/cli/ImportCommand.h"

#include "app/cli/Commands.h"
#include "core/import/DemImport.h"
#include "core/import/ImportError.h"
#include "core/import/Importer.h"
#include "gis/TextEncoding.h"

#include <iomanip>
#include <iostream>

namespace anzhi::cli {

namespace {

//! One line on stderr. Messages quote the source's data (codes, names, values), which must not
//! forge or hide a line: they are printed through gis::printable, as is the summary.
int refuse(const std::string &message)
{
  std::cerr << "anzhi-cli: " << gis::printable(message) << "\n";
  return kCannotRun;
}

//! The values of coded fields written as codes (小学 → primary) and those written as NULL.
void printCodedValues(const core::ImportSummary &s)
{
  using gis::printable;
  if (!s.mappedValues.empty())
    std::cout << "  映射 mapped values:\n";
  for (const core::CodedValueCount &c : s.mappedValues)
    std::cout << "    " << c.field << ": " << printable(c.value) << " → "
              << printable(c.code.value_or("NULL")) << " (" << c.how << ", " << c.rows
              << " row(s))\n";
  std::int64_t nulls = 0;
  for (const core::CodedValueCount &c : s.nullValues)
    nulls += c.rows;
  if (nulls > 0)
    std::cout << "  未映射置空 unmapped → NULL: " << nulls << "\n";
  for (const core::CodedValueCount &c : s.nullValues)
    std::cout << "    " << c.field << ": " << printable(c.value) << " (" << c.rows << " row(s))\n";
}

void printSummary(const core::ImportSummary &s)
{
  using gis::printable;
  std::cout << "导入 Import: " << printable(s.source) << " (" << printable(s.layer) << ") → "
            << printable(s.project) << " " << printable(s.role)
            << (s.createdTable ? "（新建 new table）" : "") << "\n";
  std::cout << "  编码 encoding: " << printable(s.encoding) << "\n"; // may quote a .cpg
  if (!s.sourceCrs.empty())
    std::cout << "  坐标系 CRS: " << s.sourceCrs << " → " << s.targetCrs << "\n";
  if (s.datumShift)
    std::cout << "  基准转换 datum shift: " << printable(*s.datumShift) << "\n";
  for (const auto &[name, residual] : s.controlResiduals)
    std::cout << "    公共点 control point " << printable(name) << ": 残差 residual " << std::fixed
              << std::setprecision(3) << residual << " m\n"
              << std::defaultfloat;
  std::cout << "  读取 rows read: " << s.read << "\n"
            << "  导入 imported: " << s.imported << "\n"
            << "  修复 repaired: " << s.repaired << "\n"
            << "  拒绝 refused: " << s.refused.size() << "\n";
  for (const core::RefusedRow &r : s.refused)
    std::cout << "    feature " << r.fid
              << printable((r.field.empty() ? "" : ", field '" + r.field + "'") + ": " + r.reason)
              << "\n";
  printCodedValues(s);
  for (const core::ImportWarning &w : s.warnings)
    std::cout << "【警告 warning】" << w.kind << ": " << printable(w.message) << "\n";
}

//! --as dem: a raster, not a layer; none of the layer options apply.
int runDemImport(const ImportArgs &args)
{
  try {
    if (args.layer || !args.fields.empty() || !args.landUse.empty() || args.encoding ||
        args.assignCrs || args.skipRefused || args.allowTriggers || !args.values.empty() ||
        args.valuesFile || args.unmapped != "refuse" || args.towgs84 || args.controlPoints)
      throw core::ImportError("--as dem imports a raster: --layer, --field, --land-use, "
                              "--value, --values, --unmapped, --encoding, --assign-crs, "
                              "--towgs84, --control-points, --skip-refused and "
                              "--allow-triggers do not apply");
    core::importDem(args.source, args.project);
  } catch (const std::exception &e) {
    return refuse(e.what());
  }
  std::cout << "导入 Import: " << gis::printable(args.source) << " → "
            << gis::printable(args.project) << " dem（数字高程模型 DEM, Float32）\n";
  return kOk;
}

} // namespace

int runImport(const ImportArgs &args)
{
  if (args.role == "dem")
    return runDemImport(args);
  core::ImportRequest request;
  try {
    request.source = args.source;
    request.project = args.project;
    request.role = args.role;
    request.layer = args.layer;
    request.fields = core::parseFieldMappings(args.fields);
    request.landUse = core::parseLandUseMappings(args.landUse);
    // --value overrides the file's entries, which override the built-in table.
    if (args.valuesFile)
      request.values = core::readValueMapFile(*args.valuesFile);
    core::overrideValueMaps(request.values, core::parseValueMappings(args.values));
    request.unmappedAsNull = args.unmapped == "null";
    if (args.encoding) {
      request.encoding = gis::encodingFromName(*args.encoding);
      if (!request.encoding)
        throw core::ImportError("--encoding " + *args.encoding + ": expected GBK or UTF-8");
    }
    if (args.assignCrs)
      request.assignCrs = gis::Crs::fromUserInput(*args.assignCrs);
    request.skipRefused = args.skipRefused;
    request.allowTriggers = args.allowTriggers;
    if (args.towgs84)
      request.towgs84 = core::parseBursaWolf(*args.towgs84);
    request.controlPoints = args.controlPoints;
  } catch (const std::exception &e) {
    return refuse(e.what());
  }
  const core::ImportSummary summary = core::importLayer(request);
  if (summary.read > 0 || summary.imported > 0)
    printSummary(summary);
  if (summary.refusal)
    return refuse(*summary.refusal);
  return kOk;
}

} // namespace anzhi::cli
