#include "gis/VectorSupport.h"

#include "gis/GdalSupport.h"
#include "gis/GisError.h"

#include <cpl_vsi.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <filesystem>
#include <unistd.h>

namespace anzhi::gis {

using detail::initGdal;
using detail::lastGdalError;

MemoryFolder::MemoryFolder()
{
  static std::atomic<unsigned long> counter{0};
  m_path = "/vsimem/anzhi-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  VSIMkdir(m_path.c_str(), 0700);
}

MemoryFolder::~MemoryFolder()
{
  VSIRmdirRecursive(m_path.c_str());
}

bool hasVectorDriver(const std::string &name)
{
  initGdal();
  GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(name.c_str());
  return driver && driver->GetMetadataItem(GDAL_DCAP_VECTOR) != nullptr;
}

bool hasMdbToolsOdbc()
{
  // Where GDAL's CPLODBCDriverInstaller looks for the driver library (cpl_odbc.cpp), and where
  // Debian's odbc-mdbtools installs it.
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const char *path :
       {"/usr/lib/x86_64-linux-gnu/odbc/libmdbodbc.so",
        "/usr/lib/aarch64-linux-gnu/odbc/libmdbodbc.so", "/usr/lib/odbc/libmdbodbc.so",
        "/usr/lib/libmdbodbc.so", "/usr/local/lib/libmdbodbc.so", "/usr/lib64/libmdbodbc.so",
        "/usr/local/lib/odbc/libmdbodbc.so"})
    if (fs::exists(path, ec))
      return true;
  for (const char *folder : {"/usr/lib", "/usr/lib64"}) {
    for (const auto &entry : fs::directory_iterator(folder, ec))
      if (fs::exists(entry.path() / "odbc" / "libmdbodbc.so", ec))
        return true;
  }
  return false;
}

std::vector<std::int64_t> fidsWhere(const VectorDataset &dataset, const std::string &layer,
                                    const std::string &where)
{
  OGRLayer *l = dataset.handle()->GetLayerByName(layer.c_str());
  if (!l)
    throw GisError(dataset.path() + ": no layer '" + layer + "'");
  CPLErrorReset();
  if (l->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
    throw GisError(dataset.path() + ": layer '" + layer + "': the filter '" + where +
                   "' is not valid: " + lastGdalError());
  std::vector<std::int64_t> fids;
  l->ResetReading();
  for (OGRFeatureUniquePtr f{l->GetNextFeature()}; f; f.reset(l->GetNextFeature()))
    fids.push_back(f->GetFID());
  const bool failed = CPLGetLastErrorType() >= CE_Failure;
  const std::string reason = failed ? lastGdalError() : std::string();
  l->SetAttributeFilter(nullptr);
  l->ResetReading();
  if (failed)
    throw GisError(dataset.path() + ": layer '" + layer + "': the filter '" + where +
                   "' failed: " + reason);
  return fids;
}

} // namespace anzhi::gis
