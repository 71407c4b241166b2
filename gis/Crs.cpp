#include "gis/Crs.h"

#include "gis/GisError.h"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace anzhi::gis {

namespace {

//! One PJ_CONTEXT per thread, with network access off: Anzhi never fetches grids.
struct ThreadProj
{
  PJ_CONTEXT *ctx = proj_context_create();
  ThreadProj()
  {
    proj_context_set_enable_network(ctx, 0);
    proj_log_level(ctx, PJ_LOG_NONE);
  }
  ~ThreadProj() { proj_context_destroy(ctx); }
  ThreadProj(const ThreadProj &) = delete;
  ThreadProj &operator=(const ThreadProj &) = delete;
};

PJ_CONTEXT *projContext()
{
  thread_local ThreadProj proj;
  return proj.ctx;
}

struct PjDeleter
{
  void operator()(PJ *pj) const { proj_destroy(pj); }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string lastProjError(PJ_CONTEXT *ctx)
{
  int err = proj_context_errno(ctx);
  return err ? proj_context_errno_string(ctx, err) : "unknown PROJ error";
}

PjPtr createCrs(const std::string &definition)
{
  PJ_CONTEXT *ctx = projContext();
  PjPtr pj(proj_create(ctx, definition.c_str()));
  if (!pj) {
    std::string shortDef = definition.size() > 80 ? definition.substr(0, 80) + "…" : definition;
    throw GisError("unknown coordinate reference system '" + shortDef + "': " + lastProjError(ctx));
  }
  return pj;
}

} // namespace

Crs Crs::fromUserInput(const std::string &definition)
{
  PJ_CONTEXT *ctx = projContext();
  PjPtr pj = createCrs(definition);
  PJ_TYPE type = proj_get_type(pj.get());
  Crs crs;
  crs.m_geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  crs.m_projected = type == PJ_TYPE_PROJECTED_CRS;
  if (!crs.m_geographic && !crs.m_projected && type != PJ_TYPE_COMPOUND_CRS &&
      type != PJ_TYPE_GEODETIC_CRS && type != PJ_TYPE_GEOCENTRIC_CRS && type != PJ_TYPE_BOUND_CRS)
    throw GisError("'" + definition + "' is not a coordinate reference system");
  const char *name = proj_get_name(pj.get());
  crs.m_name = name ? name : "";
  const char *auth = proj_get_id_auth_name(pj.get(), 0);
  const char *code = proj_get_id_code(pj.get(), 0);
  if (auth && code && std::string(auth) == "EPSG") {
    crs.m_epsg = std::stoi(code);
    crs.m_definition = "EPSG:" + std::string(code);
  } else {
    crs.m_definition = definition;
  }
  PjPtr ellipsoid(proj_get_ellipsoid(ctx, pj.get()));
  if (ellipsoid) {
    double a = 0, b = 0, invF = 0;
    int computed = 0;
    proj_ellipsoid_get_parameters(ctx, ellipsoid.get(), &a, &b, &computed, &invF);
    crs.m_semiMajor = a;
    crs.m_flattening = invF > 0 ? 1.0 / invF : (a - b) / a;
  }
  return crs;
}

Crs Crs::fromEpsg(int code)
{
  return fromUserInput("EPSG:" + std::to_string(code));
}

std::string Crs::authId() const
{
  return m_epsg ? "EPSG:" + std::to_string(*m_epsg) : m_name;
}

Crs Crs::geographicBase() const
{
  if (m_geographic)
    return *this;
  PJ_CONTEXT *ctx = projContext();
  PjPtr pj = createCrs(m_definition);
  PjPtr base(proj_crs_get_geodetic_crs(ctx, pj.get()));
  if (!base)
    throw GisError("coordinate reference system " + authId() + " has no geographic base");
  const char *wkt = proj_as_wkt(ctx, base.get(), PJ_WKT2_2019, nullptr);
  const char *auth = proj_get_id_auth_name(base.get(), 0);
  const char *code = proj_get_id_code(base.get(), 0);
  if (auth && code && std::string(auth) == "EPSG")
    return fromUserInput("EPSG:" + std::string(code));
  return fromUserInput(wkt ? wkt : "");
}

bool Crs::equivalentTo(const Crs &other) const
{
  if (m_definition == other.m_definition)
    return true;
  PJ_CONTEXT *ctx = projContext();
  PjPtr a = createCrs(m_definition);
  PjPtr b = createCrs(other.m_definition);
  return proj_is_equivalent_to_with_ctx(ctx, a.get(), b.get(),
                                        PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) == 1;
}

std::optional<double> Crs::projectionParameter(const char *name) const
{
  if (!m_projected)
    return std::nullopt;
  PJ_CONTEXT *ctx = projContext();
  PjPtr pj = createCrs(m_definition);
  PjPtr op(proj_crs_get_coordoperation(ctx, pj.get()));
  if (!op)
    return std::nullopt;
  const int index = proj_coordoperation_get_param_index(ctx, op.get(), name);
  if (index < 0)
    return std::nullopt;
  double value = 0, toSi = 1;
  if (!proj_coordoperation_get_param(ctx, op.get(), index, nullptr, nullptr, nullptr, &value,
                                     nullptr, &toSi, nullptr, nullptr, nullptr, nullptr))
    return std::nullopt;
  return value * toSi;
}

std::optional<double> Crs::falseEasting() const
{
  return projectionParameter("False easting");
}

std::optional<double> Crs::centralMeridian() const
{
  const std::optional<double> radians = projectionParameter("Longitude of natural origin");
  if (!radians)
    return std::nullopt;
  // Back to degrees, rounded to 1e-9° so that 114 stays 114 after the trip through radians.
  return std::round(*radians * 180.0 / M_PI * 1e9) / 1e9;
}

std::string Crs::projString() const
{
  PJ_CONTEXT *ctx = projContext();
  PjPtr pj = createCrs(m_definition);
  const char *text = proj_as_proj_string(ctx, pj.get(), PJ_PROJ_5, nullptr);
  if (!text)
    throw GisError("coordinate reference system " + authId() +
                   " has no PROJ string: " + lastProjError(ctx));
  std::string s = text;
  const std::string type = " +type=crs";
  if (auto at = s.find(type); at != std::string::npos)
    s.erase(at, type.size());
  return s;
}

int Crs::gaussKrugerZoneEpsg(double longitude)
{
  // Central meridians run 75°E..135°E in 3° steps; a tie (longitude exactly between two
  // meridians) goes west, hence ceil(x - 0.5) rather than round().
  if (!std::isfinite(longitude))
    throw GisError("cannot choose a Gauss-Kruger zone for longitude " + std::to_string(longitude));
  double zone = std::ceil((longitude - 75.0) / 3.0 - 0.5);
  zone = std::clamp(zone, 0.0, 20.0);
  return 4534 + static_cast<int>(zone);
}

struct CoordinateTransform::Impl
{
  PjPtr pj;
};

CoordinateTransform::CoordinateTransform(const Crs &source, const Crs &target)
    : m_impl(std::make_unique<Impl>())
    , m_description(source.authId() + " → " + target.authId())
{
  if (source.equivalentTo(target)) {
    m_identity = true;
    return;
  }
  PJ_CONTEXT *ctx = projContext();
  PjPtr src = createCrs(source.definition());
  PjPtr dst = createCrs(target.definition());
  PjPtr op(proj_create_crs_to_crs_from_pj(ctx, src.get(), dst.get(), nullptr, nullptr));
  if (!op)
    throw GisError("no transformation from " + m_description + ": " + lastProjError(ctx));
  m_impl->pj.reset(proj_normalize_for_visualization(ctx, op.get()));
  if (!m_impl->pj)
    throw GisError("no transformation from " + m_description + ": " + lastProjError(ctx));
}

CoordinateTransform::CoordinateTransform(const std::string &pipeline, std::string description)
    : m_impl(std::make_unique<Impl>())
    , m_description(std::move(description))
{
  PJ_CONTEXT *ctx = projContext();
  m_impl->pj.reset(proj_create(ctx, pipeline.c_str()));
  if (!m_impl->pj)
    throw GisError("not a PROJ transformation: " + m_description + ": " + lastProjError(ctx));
}

CoordinateTransform::~CoordinateTransform() = default;

const CoordinateTransform &CoordinateTransform::forThread(const std::string &pipeline)
{
  projContext();
  thread_local std::map<std::string, std::unique_ptr<CoordinateTransform>> cache;
  auto it = cache.find(pipeline);
  if (it == cache.end())
    it = cache.emplace(pipeline, std::make_unique<CoordinateTransform>(pipeline, pipeline)).first;
  return *it->second;
}

const CoordinateTransform &CoordinateTransform::forThread(const Crs &source, const Crs &target)
{
  // The context first: thread_locals die in reverse order, and the cached PJs need it.
  projContext();
  thread_local std::map<std::pair<std::string, std::string>, std::unique_ptr<CoordinateTransform>>
      cache;
  auto key = std::make_pair(source.definition(), target.definition());
  auto it = cache.find(key);
  if (it == cache.end())
    it = cache.emplace(key, std::make_unique<CoordinateTransform>(source, target)).first;
  return *it->second;
}

bool CoordinateTransform::transform(double &x, double &y) const
{
  if (m_identity)
    return true;
  PJ_COORD c = proj_coord(x, y, 0, 0);
  PJ_COORD r = proj_trans(m_impl->pj.get(), PJ_FWD, c);
  if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL)
    return false;
  x = r.xy.x;
  y = r.xy.y;
  return true;
}

std::size_t CoordinateTransform::transform(double *x, double *y, std::size_t n) const
{
  if (m_identity)
    return n;
  proj_trans_generic(m_impl->pj.get(), PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr,
                     0, 0, nullptr, 0, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      return i;
  return n;
}

Geometry CoordinateTransform::transform(const GEOSGeometry *g) const
{
  if (m_identity)
    return clone(g);
  double badX = 0, badY = 0;
  Geometry result = transformXY(g, [&](double &x, double &y) {
    badX = x;
    badY = y;
    return transform(x, y);
  });
  if (!result)
    throw GisError("cannot transform the point (" + std::to_string(badX) + ", " +
                   std::to_string(badY) + ") from " + m_description);
  return result;
}

} // namespace anzhi::gis
