#pragma once

#include <string>

namespace anzhi::gis {

//! What one fetch got: the body, or why not.
struct FetchResult
{
  enum class Status
  {
    Ok,
    NotFound,   //!< the server answered without the resource (HTTP 4xx)
    Unreachable //!< no answer: no connection, a timeout, a server error, an unreadable file://
  };
  Status status = Status::Unreachable;
  std::string body;
  std::string error; //!< names the URL; empty when Ok
};

//! Fetches `url` (http, https, or file:// — curl serves it) with GDAL's CPLHTTPFetch,
//! synchronously, giving up after `timeoutSeconds` (connection and transfer). For worker
//! threads: each call has its own connection. GDAL's error messages go into the result, not
//! to stderr. Never throws.
FetchResult fetchUrl(const std::string &url, int timeoutSeconds);

} // namespace anzhi::gis
