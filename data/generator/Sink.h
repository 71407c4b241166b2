#pragma once

#include "core/Schema.h"
#include "data/generator/SampleCounty.h"
#include "gis/Vector.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace anzhi::sample::detail {

using XY = std::pair<double, double>;
using Ring = std::vector<XY>;

//! The project layers of docs/contract.md, in the order they are created in the GeoPackage.
enum Layer : int
{
  kSites,
  kPlots,
  kBuildings,
  kSchools,
  kCatchments,
  kClinics,
  kElderly,
  kServices,
  kParks,
  kHomesteads,
  kForest,
  kRangers,
  kRangerPlots,
  kRoads,
  kLayerCount
};

//! How the generator writes a layer: its table in core/Schema (name, geometry, fields), CRS and
//! codes.
struct LayerSpec
{
  const core::LayerSchema *table;
  int epsg;
  const char *codePrefix; //!< codes are prefix + zero-padded fid, so unique per layer
  int codeDigits;
};

const std::array<LayerSpec, kLayerCount> &layerSpecs();
//! The layer's fields, `code` first, as its table gives them.
std::vector<gis::FieldDefinition> fieldsOf(const LayerSpec &spec);

enum class Shape : std::uint8_t
{
  None,
  Point,
  Line,
  Polygon
};

//! A feature waiting to be written: plain coordinates, so that a chunk of sites costs little
//! memory and GEOS objects live only while a feature is written.
struct PendingFeature
{
  std::int64_t fid = 0;
  Shape shape = Shape::None;
  Ring coords;
  std::vector<gis::FieldValue> values; //!< including the code
};

//! Hands out fids in write order (1, 2, … per layer) and codes derived from them, collects the
//! features of a chunk of sites and the planted violations.
class Sink
{
public:
  Sink();
  //! The code the feature with this fid has (or will have) in the layer.
  static std::string code(Layer layer, std::int64_t fid);
  std::int64_t peekFid(Layer layer) const { return m_nextFid[layer]; }
  //! Queues a feature; `values` are the fields after `code`. Returns its fid.
  std::int64_t add(Layer layer, Shape shape, Ring coords, std::vector<gis::FieldValue> values);
  void plant(std::string rule, Layer layer, std::int64_t fid,
             std::optional<std::string> level = std::nullopt,
             std::optional<Layer> otherLayer = std::nullopt,
             std::optional<std::int64_t> otherFid = std::nullopt);

  std::array<std::vector<PendingFeature>, kLayerCount> &pending() { return m_pending; }
  const std::vector<PlantedViolation> &planted() const { return m_planted; }
  //! Records that the DEM rises steeply under the western village of `site` (SampleDem).
  void steepSite(int site) { m_steepSites.push_back(site); }
  const std::vector<int> &steepSites() const { return m_steepSites; }
  std::int64_t count(Layer layer) const { return m_nextFid[layer] - 1; }

private:
  std::array<std::int64_t, kLayerCount> m_nextFid;
  std::array<std::vector<PendingFeature>, kLayerCount> m_pending;
  std::vector<PlantedViolation> m_planted;
  std::vector<int> m_steepSites;
};

} // namespace anzhi::sample::detail
