#pragma once

#include <QImage>

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::render {

//! Web Mercator (EPSG:3857) tiles of 256 pixels: zoom z has 2^z x 2^z tiles, x eastwards from
//! 180°W, y southwards from the top row at 85.05°N (XYZ; TMS counts rows from the south).
struct TileId
{
  int z = 0, x = 0, y = 0;
  bool operator==(const TileId &) const = default;
};

//! Half the width of the Web Mercator world in metres (π times the sphere's radius 6378137).
constexpr double kMercatorHalfWorld = 20037508.342789244;
constexpr int kTilePixels = 256;
//! The finest zoom asked of a service: 天地图 and most services end at 18.
constexpr int kMaxTileZoom = 18;

//! Metres (EPSG:3857 units) per tile pixel at zoom z.
double tileResolution(int z);
//! The coarsest zoom whose pixels are at least as fine as `metresPerPixel` (3857 units), so
//! that tiles are shrunk, never enlarged; at most kMaxTileZoom.
int zoomFor(double metresPerPixel);

//! A tile service's URL template: {z} {x} {y}, {-y} (TMS row: 2^z - 1 - y), {s} (one of the
//! subdomains, chosen by the tile so that a tile always comes from the same one) and {key}
//! (the user's key, e.g. 天地图's tk). Thread: an immutable value.
class TileTemplate
{
public:
  TileTemplate(std::string pattern, std::string key, std::vector<std::string> subdomains);

  std::string url(const TileId &tile) const;
  const std::string &pattern() const { return m_pattern; }
  //! What names the service to the user: the URL's host ("t{s}.tianditu.gov.cn"), or for a
  //! file:// template its folder up to the first placeholder.
  std::string label() const;
  //! The service's identity for the cache and the no-retry window: a hash of the pattern, which
  //! holds {key} and not the key (a new key keeps the tiles).
  std::string id() const;

private:
  std::string m_pattern;
  std::string m_key;
  std::vector<std::string> m_subdomains;
};

//! Tiles kept on disk: <root>/<service id>/<z>/<x>/<y>, the bytes as the service sent them,
//! kept until deleted. Written atomically (a temporary file renamed), so that a render that
//! reads while another writes sees a whole tile or none. Thread: any; never throws.
class TileCache
{
public:
  TileCache(std::filesystem::path root, const TileTemplate &service);

  std::optional<std::string> get(const TileId &tile) const;
  //! False when the folder cannot be written (the tile is then only drawn).
  bool put(const TileId &tile, const std::string &bytes) const;
  std::filesystem::path pathOf(const TileId &tile) const;

private:
  std::filesystem::path m_folder;
};

//! How to get tiles: where they are cached, whether to ask the service at all, and how long a
//! service that did not answer is left alone.
struct TileOptions
{
  std::filesystem::path cacheRoot; //!< empty: no cache
  bool offline = false;            //!< only cached tiles
  int timeoutSeconds = 5;
  //! After a service fails to answer, tiles missing from the cache are not asked of it again
  //! for this long (process-wide): a planner offline must not wait on timeouts at each pan.
  int retryAfterSeconds = 30;
  int parallel = 4; //!< fetches at a time within one render
};

//! What one call of fetchTiles got, in the order asked.
struct FetchedTiles
{
  std::vector<QImage> images; //!< null: neither cached nor fetched (or undecodable)
  int fromCache = 0;
  int fetched = 0;
  int attempts = 0;         //!< requests sent to the service
  bool unreachable = false; //!< a tile was missing and the service did not answer (or is resting)
  bool cancelled = false;
};

//! Gets `tiles` from the cache, else from the service (a few at a time, the cancel flag polled
//! between tiles), caching what it fetched. Never throws.
FetchedTiles fetchTiles(const TileTemplate &service, const std::vector<TileId> &tiles,
                        const TileOptions &options, const std::atomic<bool> *cancel);

} // namespace anzhi::render
