#include "app/render/TileService.h"

#include "core/Parallel.h"
#include "gis/HttpFetch.h"

#include <QByteArray>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace anzhi::render {

namespace {

void replaceAll(std::string &text, const std::string &from, const std::string &to)
{
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

//! When each service last failed to answer, process-wide: every render of every view shares it.
class ServiceHealth
{
public:
  static ServiceHealth &instance()
  {
    static ServiceHealth health;
    return health;
  }
  bool resting(const std::string &id, int retryAfterSeconds)
  {
    std::lock_guard lock(m_mutex);
    const auto it = m_failedAt.find(id);
    return it != m_failedAt.end() &&
           Clock::now() < it->second + std::chrono::seconds(retryAfterSeconds);
  }
  void failed(const std::string &id)
  {
    std::lock_guard lock(m_mutex);
    m_failedAt[id] = Clock::now();
  }
  void answered(const std::string &id)
  {
    std::lock_guard lock(m_mutex);
    m_failedAt.erase(id);
  }

private:
  using Clock = std::chrono::steady_clock;
  std::mutex m_mutex;
  std::map<std::string, Clock::time_point> m_failedAt;
};

} // namespace

double tileResolution(int z)
{
  return 2 * kMercatorHalfWorld / (kTilePixels * std::ldexp(1.0, z));
}

int zoomFor(double metresPerPixel)
{
  if (!(metresPerPixel > 0))
    return kMaxTileZoom;
  const double z = std::ceil(std::log2(2 * kMercatorHalfWorld / (kTilePixels * metresPerPixel)) -
                             1e-9); // a view exactly at a zoom's resolution takes that zoom
  return std::clamp(int(z), 0, kMaxTileZoom);
}

TileTemplate::TileTemplate(std::string pattern, std::string key,
                           std::vector<std::string> subdomains)
    : m_pattern(std::move(pattern))
    , m_key(std::move(key))
    , m_subdomains(std::move(subdomains))
{
}

std::string TileTemplate::url(const TileId &tile) const
{
  std::string out = m_pattern;
  replaceAll(out, "{z}", std::to_string(tile.z));
  replaceAll(out, "{x}", std::to_string(tile.x));
  replaceAll(out, "{-y}", std::to_string((1 << tile.z) - 1 - tile.y));
  replaceAll(out, "{y}", std::to_string(tile.y));
  replaceAll(out, "{key}", m_key);
  if (!m_subdomains.empty())
    replaceAll(out, "{s}", m_subdomains[std::size_t(tile.x + tile.y) % m_subdomains.size()]);
  return out;
}

std::string TileTemplate::label() const
{
  const std::size_t scheme = m_pattern.find("://");
  if (scheme == std::string::npos)
    return m_pattern.substr(0, m_pattern.find('{'));
  const std::size_t start = scheme + 3;
  if (m_pattern.compare(0, scheme, "file") == 0)
    return m_pattern.substr(start, m_pattern.find('{', start) - start);
  return m_pattern.substr(start, m_pattern.find('/', start) - start);
}

std::string TileTemplate::id() const
{
  // FNV-1a, 64 bits: stable across runs and builds (std::hash is not).
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : m_pattern) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

TileCache::TileCache(std::filesystem::path root, const TileTemplate &service)
    : m_folder(root.empty() ? root : root / service.id())
{
  if (m_folder.empty())
    return;
  // Says which service the hashed folder holds, for whoever looks into the cache.
  std::error_code ec;
  std::filesystem::create_directories(m_folder, ec);
  const auto about = m_folder / "service.txt";
  if (!ec && !std::filesystem::exists(about, ec))
    std::ofstream(about) << service.pattern() << "\n";
}

std::filesystem::path TileCache::pathOf(const TileId &tile) const
{
  return m_folder / std::to_string(tile.z) / std::to_string(tile.x) / std::to_string(tile.y);
}

std::optional<std::string> TileCache::get(const TileId &tile) const
{
  if (m_folder.empty())
    return std::nullopt;
  std::ifstream in(pathOf(tile), std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

bool TileCache::put(const TileId &tile, const std::string &bytes) const
{
  if (m_folder.empty())
    return false;
  const auto path = pathOf(tile);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec)
    return false;
  std::ostringstream suffix;
  suffix << ".tmp" << std::this_thread::get_id();
  auto temporary = path;
  temporary += suffix.str();
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out.write(bytes.data(), std::streamsize(bytes.size())) || !out.flush()) {
      std::filesystem::remove(temporary, ec);
      return false;
    }
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec)
    std::filesystem::remove(temporary, ec);
  return !ec;
}

FetchedTiles fetchTiles(const TileTemplate &service, const std::vector<TileId> &tiles,
                        const TileOptions &options, const std::atomic<bool> *cancel)
{
  FetchedTiles out;
  out.images.resize(tiles.size());
  const TileCache cache(options.cacheRoot, service);
  const std::string id = service.id();
  ServiceHealth &health = ServiceHealth::instance();
  std::mutex mutex; // guards the counters
  auto decode = [](const std::string &bytes) {
    return QImage::fromData(QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())))
        .convertToFormat(QImage::Format_RGBA8888);
  };
  core::parallelFor(tiles.size(), std::max(1, options.parallel), [&](std::size_t i) {
    if (cancel && cancel->load())
      return;
    if (auto bytes = cache.get(tiles[i])) {
      out.images[i] = decode(*bytes);
      std::lock_guard lock(mutex);
      ++out.fromCache;
      return;
    }
    if (options.offline)
      return;
    if (health.resting(id, options.retryAfterSeconds)) {
      std::lock_guard lock(mutex);
      out.unreachable = true;
      return;
    }
    {
      std::lock_guard lock(mutex);
      ++out.attempts;
    }
    const gis::FetchResult got = gis::fetchUrl(service.url(tiles[i]), options.timeoutSeconds);
    if (got.status == gis::FetchResult::Status::Unreachable) {
      health.failed(id);
      std::lock_guard lock(mutex);
      out.unreachable = true;
      return;
    }
    if (got.status != gis::FetchResult::Status::Ok)
      return; // the service has no such tile: transparent
    health.answered(id);
    out.images[i] = decode(got.body);
    if (!out.images[i].isNull())
      cache.put(tiles[i], got.body); // a body that is no image (an error page) is not kept
    std::lock_guard lock(mutex);
    ++out.fetched;
  });
  out.cancelled = cancel && cancel->load();
  return out;
}

} // namespace anzhi::render
