#include "gis/HttpFetch.h"

#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_string.h>

#include <memory>

namespace anzhi::gis {

FetchResult fetchUrl(const std::string &url, int timeoutSeconds)
{
  FetchResult out;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
  const std::string timeout = std::to_string(timeoutSeconds);
  CPLStringList options;
  options.SetNameValue("TIMEOUT", timeout.c_str());
  options.SetNameValue("CONNECTTIMEOUT", timeout.c_str());
  options.SetNameValue("MAX_RETRY", "0");
  std::unique_ptr<CPLHTTPResult, decltype(&CPLHTTPDestroyResult)> result(
      CPLHTTPFetch(url.c_str(), options.List()), &CPLHTTPDestroyResult);
  CPLPopErrorHandler();
  if (!result) {
    out.error = url + ": cannot fetch (GDAL was built without curl)";
    return out;
  }
  if (result->nStatus == 0 && !result->pszErrBuf) {
    out.status = FetchResult::Status::Ok;
    if (result->pabyData)
      out.body.assign(reinterpret_cast<const char *>(result->pabyData),
                      std::size_t(result->nDataLen));
    return out;
  }
  const std::string why =
      result->pszErrBuf ? result->pszErrBuf : "error " + std::to_string(result->nStatus);
  out.error = url + ": " + why;
  // CPLHTTPFetch reports an HTTP status as "HTTP error code : N" with curl's status 0: the
  // server answered; 4xx means it has no such tile, 5xx that it cannot serve now.
  const std::string prefix = "HTTP error code : ";
  if (result->nStatus == 0 && why.starts_with(prefix)) {
    const int code = std::atoi(why.c_str() + prefix.size());
    if (code >= 400 && code < 500)
      out.status = FetchResult::Status::NotFound;
  }
  return out;
}

} // namespace anzhi::gis
