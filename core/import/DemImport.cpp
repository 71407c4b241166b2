#include "core/import/DemImport.h"

#include "core/import/ImportError.h"
#include "gis/GisError.h"
#include "gis/GpkgRaster.h"

namespace anzhi::core {

void importDem(const std::string &source, const std::string &project)
{
  try {
    gis::importRasterTable(source, project, "dem");
  } catch (const gis::GisError &e) {
    throw ImportError(e.what());
  }
}

} // namespace anzhi::core
