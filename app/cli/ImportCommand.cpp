#include "app/cli/ImportCommand.h"

#include "app/cli/Commands.h"
#include "core/import/ImportError.h"
#include "core/import/Importer.h"

#include <iostream>

namespace anzhi::cli {

namespace {

void printSummary(const core::ImportSummary &s)
{
  std::cout << "导入 Import: " << s.source << " (" << s.layer << ") → " << s.project << " "
            << s.role << (s.createdTable ? "（新建 new table）" : "") << "\n";
  std::cout << "  编码 encoding: " << s.encoding << "\n";
  if (!s.sourceCrs.empty())
    std::cout << "  坐标系 CRS: " << s.sourceCrs << " → " << s.targetCrs << "\n";
  std::cout << "  读取 rows read: " << s.read << "\n"
            << "  导入 imported: " << s.imported << "\n"
            << "  修复 repaired: " << s.repaired << "\n"
            << "  拒绝 refused: " << s.refused.size() << "\n";
  for (const core::RefusedRow &r : s.refused)
    std::cout << "    feature " << r.fid << (r.field.empty() ? "" : ", field '" + r.field + "'")
              << ": " << r.reason << "\n";
  for (const core::ImportWarning &w : s.warnings)
    std::cout << "【警告 warning】" << w.kind << ": " << w.message << "\n";
}

} // namespace

int runImport(const ImportArgs &args)
{
  core::ImportRequest request;
  try {
    request.source = args.source;
    request.project = args.project;
    request.role = args.role;
    request.layer = args.layer;
    request.fields = core::parseFieldMappings(args.fields);
    request.landUse = core::parseLandUseMappings(args.landUse);
    if (args.encoding) {
      request.encoding = gis::encodingFromName(*args.encoding);
      if (!request.encoding)
        throw core::ImportError("--encoding " + *args.encoding + ": expected GBK or UTF-8");
    }
    if (args.assignCrs)
      request.assignCrs = gis::Crs::fromUserInput(*args.assignCrs);
    request.skipRefused = args.skipRefused;
  } catch (const std::exception &e) {
    std::cerr << "anzhi-cli: " << e.what() << "\n";
    return kCannotRun;
  }
  const core::ImportSummary summary = core::importLayer(request);
  if (summary.read > 0 || summary.imported > 0)
    printSummary(summary);
  if (summary.refusal) {
    std::cerr << "anzhi-cli: " << *summary.refusal << "\n";
    return kCannotRun;
  }
  return kOk;
}

} // namespace anzhi::cli
