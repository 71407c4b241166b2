#include "gis/GdalSupport.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace anzhi::gis::detail {

void initGdal()
{
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
  });
}

std::string lastGdalError()
{
  std::string message = CPLGetLastErrorMsg();
  return message.empty() ? "unknown GDAL error" : message;
}

} // namespace anzhi::gis::detail
