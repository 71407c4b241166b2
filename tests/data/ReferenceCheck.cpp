#include "tests/data/ReferenceCheck.h"

#include "gis/Crs.h"
#include "gis/EllipsoidalArea.h"
#include "gis/Geos.h"
#include "gis/Vector.h"

#include <gdal_priv.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numbers>
#include <set>
#include <tuple>

namespace anzhi::sample::test {

namespace {

using gis::FieldType;
using gis::Geometry;

constexpr double kMinOverlapM2 = 1.0;
constexpr double kMinMu = 500.0;
constexpr double kRangerMaxDistance = 5000.0;
constexpr double kEmploymentRadius = 500.0;
constexpr int kPrimaryRatePer100 = 8, kJuniorRatePer100 = 4;
const gis::Date kDeadline{2020, 12, 31};
constexpr double kMaxCroplandSlope = 25.0;

double schoolRadius(const std::string &level, const std::string &setting)
{
  if (setting == "urban")
    return level == "primary" ? 500 : 1000;
  if (setting == "rural")
    return level == "primary" ? 2500 : 5000;
  return -1; // only catchments can cover
}

double clinicRadius(const std::string &setting)
{
  return setting == "urban" ? 1000 : setting == "rural" ? 3000 : -1;
}

bool codeWithDigits(const std::string &s, const std::string &prefix)
{
  if (s.rfind(prefix, 0) != 0 || s.size() > prefix.size() + 2)
    return false;
  return std::all_of(s.begin() + static_cast<long>(prefix.size()), s.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

//! The default land-use mapping of docs/contract.md.
std::string classOf(const std::optional<std::string> &value)
{
  if (!value)
    return "other";
  const std::string &s = *value;
  static const std::set<std::string> names = {"education",  "medical",     "elderly_care",
                                              "industrial", "residential", "commercial",
                                              "road",       "green"};
  if (names.count(s))
    return s;
  if (codeWithDigits(s, "A33") || codeWithDigits(s, "0804"))
    return "education";
  if (codeWithDigits(s, "A51") || codeWithDigits(s, "0806"))
    return "medical";
  if (s == "A6" || codeWithDigits(s, "0807"))
    return "elderly_care";
  if (s == "M" || s == "M1" || s == "M2" || s == "M3" || codeWithDigits(s, "1001"))
    return "industrial";
  return "other";
}

//! The envelope of g grown by d on every side: a query box for "within d".
gis::Envelope grown(const GEOSGeometry *g, double d)
{
  gis::Envelope e = gis::envelope(g);
  return {e.minX - d, e.minY - d, e.maxX + d, e.maxY + d};
}

bool isProtected(const std::string &cls)
{
  return cls == "education" || cls == "medical" || cls == "elderly_care" || cls == "industrial";
}

//! Stored geometry, repaired (keeping polygonal parts) when invalid, as the engine must.
Geometry usable(const gis::FeatureRow &row, bool polygonal)
{
  Geometry g = row.geometry();
  if (g && !gis::validity(g.get()).valid)
    return gis::makeValid(g.get(), polygonal);
  return g;
}

struct Site
{
  std::int64_t fid;
  std::string code, setting;
  std::int64_t population;
  std::optional<std::int64_t> pupils[2], supportPlan;
  Geometry geom, pos;
};

struct School
{
  std::int64_t fid;
  std::string code, level;
  std::int64_t capacity, enrolled;
  Geometry geom;
  std::int64_t assigned = 0;
};

struct Item
{
  std::string layer;
  std::int64_t fid;
  std::string cls;
  Geometry geom;
};

class Checker
{
public:
  explicit Checker(const std::string &path)
      : m_path(path)
      , m_ds(gis::VectorDataset::open(path))
      , m_area(gis::EllipsoidalArea::forThread(gis::Crs::fromEpsg(4546)))
  {
  }

  CheckResult run()
  {
    invalidGeometry();
    protectedLand();
    sitesAndServices();
    rangers();
    reclamation();
    waveTwo();
    suitability(m_path);
    unknownCodes();
    std::sort(m_result.findings.begin(), m_result.findings.end());
    return std::move(m_result);
  }

private:
  void find(std::string rule, std::string layer, std::int64_t fid,
            std::optional<std::string> level = std::nullopt,
            std::optional<std::string> otherLayer = std::nullopt,
            std::optional<std::int64_t> otherFid = std::nullopt)
  {
    m_result.findings.push_back({std::move(rule), std::move(layer), fid, std::move(level),
                                 std::move(otherLayer), otherFid});
  }
  double areaOf(const GEOSGeometry *g) const { return m_area.squareMetres(g); }

  void invalidGeometry()
  {
    for (const std::string &name : m_ds.layerNames()) {
      auto layer = m_ds.layer(name);
      if (layer.geometryKind() == gis::GeometryKind::None)
        continue;
      layer.forEach([&](const gis::FeatureRow &row) {
        Geometry g = row.geometry();
        if (g && !gis::validity(g.get()).valid)
          find("invalid-geometry", name, row.fid());
        return true;
      });
    }
  }

  //! unknown-code: a coded field holding a value outside docs/contract.md's list for it (the list
  //! copied from docs/contract.md's layer table); NULL and blank are not set, not unknown.
  void unknownCodes()
  {
    using Codes = std::set<std::string>;
    const std::vector<std::tuple<std::string, std::string, Codes>> coded = {
        {"resettlement_sites", "setting", {"urban", "rural"}},
        {"schools", "level", {"primary", "junior", "nine_year", "high", "vocational"}},
        {"clinics", "level", {"village", "township", "county"}},
        {"industrial_parks", "kind", {"park", "workshop"}},
        {"reclaimed_homesteads", "status", {"pending", "demolished", "reclaimed"}},
        {"reclaimed_homesteads", "target_use", {"cropland", "forest", "grassland"}},
        {"rangers", "status", {"relocated", "local"}},
    };
    std::set<std::pair<std::string, std::int64_t>> flagged;
    for (const auto &[name, field, codes] : coded) {
      if (!m_ds.hasLayer(name))
        continue;
      auto layer = m_ds.layer(name);
      const int column = layer.fieldIndex(field);
      if (column < 0)
        continue;
      layer.forEach([&, &name = name, &codes = codes](const gis::FeatureRow &row) {
        std::optional<std::string> v = row.string(column);
        if (v && v->find_first_not_of(" \t\r\n") != std::string::npos && !codes.count(*v) &&
            flagged.insert({name, row.fid()}).second)
          find("unknown-code", name, row.fid());
        return true;
      });
    }
  }

  void protectedLand()
  {
    std::vector<Item> items;
    for (const char *name : {"planned_plots", "buildings"}) {
      auto layer = m_ds.layer(name);
      const int field = layer.requireField(
          std::string(name) == "planned_plots" ? "land_use" : "use", FieldType::String);
      layer.forEach([&](const gis::FeatureRow &row) {
        items.push_back({name, row.fid(), classOf(row.string(field)), usable(row, true)});
        return true;
      });
    }
    std::vector<const GEOSGeometry *> geoms;
    for (const Item &i : items)
      geoms.push_back(i.geom.get());
    gis::StrTree tree(geoms);
    for (const Item &p : items) {
      if (p.layer != "planned_plots" || !isProtected(p.cls))
        continue;
      gis::PreparedGeometry prepared(p.geom.get());
      for (std::size_t j : tree.query(gis::envelope(p.geom.get()))) {
        const Item &q = items[j];
        if (&q == &p || q.cls == p.cls)
          continue;
        // Both protected plots: one violation, attached to the lower fid.
        if (q.layer == "planned_plots" && isProtected(q.cls) && q.fid < p.fid)
          continue;
        if (!prepared.intersects(q.geom.get()))
          continue;
        Geometry cut = gis::intersection(p.geom.get(), q.geom.get());
        const double area = areaOf(cut.get());
        if (area > kMinOverlapM2)
          find("protected-land", "planned_plots", p.fid, std::nullopt, q.layer, q.fid);
        else
          m_result.margins.maxProtectedOverlapBelowTolerance =
              std::max(m_result.margins.maxProtectedOverlapBelowTolerance, area);
      }
    }
  }

  void sitesAndServices()
  {
    std::vector<Site> sites;
    {
      auto layer = m_ds.layer("resettlement_sites");
      const int code = layer.requireField("code", FieldType::String);
      const int setting = layer.requireField("setting", FieldType::String);
      const int pop = layer.requireField("population", FieldType::Integer);
      const int pp = layer.requireField("pupils_primary", FieldType::Integer);
      const int pj = layer.requireField("pupils_junior", FieldType::Integer);
      const int sp = layer.requireField("support_plan", FieldType::Integer);
      layer.forEach([&](const gis::FeatureRow &row) {
        Site s;
        s.fid = row.fid();
        s.code = row.string(code).value_or("");
        s.setting = row.string(setting).value_or("");
        s.population = row.integer(pop).value_or(0);
        s.pupils[0] = row.integer(pp);
        s.pupils[1] = row.integer(pj);
        s.supportPlan = row.integer(sp);
        s.geom = usable(row, true);
        s.pos = gis::pointOnSurface(s.geom.get());
        sites.push_back(std::move(s));
        return true;
      });
    }
    for (const Site &s : sites)
      m_sitePolygons[s.code] = gis::clone(s.geom.get());

    std::vector<School> schools;
    {
      auto layer = m_ds.layer("schools");
      const int code = layer.requireField("code", FieldType::String);
      const int level = layer.requireField("level", FieldType::String);
      const int cap = layer.requireField("capacity", FieldType::Integer);
      const int enr = layer.requireField("enrolled", FieldType::Integer);
      layer.forEach([&](const gis::FeatureRow &row) {
        schools.push_back({row.fid(), row.string(code).value_or(""), row.string(level).value_or(""),
                           row.integer(cap).value_or(0), row.integer(enr).value_or(0),
                           row.geometry()});
        return true;
      });
    }
    std::map<std::string, std::vector<Geometry>> catchments;
    {
      auto layer = m_ds.layer("school_catchments");
      const int sc = layer.requireField("school_code", FieldType::String);
      layer.forEach([&](const gis::FeatureRow &row) {
        if (auto code = row.string(sc))
          catchments[*code].push_back(usable(row, true));
        return true;
      });
    }

    // school-coverage and the assignment of school-capacity. A school covers by catchment
    // (anywhere) or, without one, within the radius (at most 5000 m): index both.
    std::vector<const GEOSGeometry *> schoolGeoms;
    for (const School &school : schools)
      schoolGeoms.push_back(school.geom.get());
    gis::StrTree schoolTree(schoolGeoms);
    std::vector<std::pair<std::size_t, const GEOSGeometry *>> catchmentOf; // school index
    for (std::size_t i = 0; i < schools.size(); ++i) {
      auto it = catchments.find(schools[i].code);
      if (it != catchments.end())
        for (const Geometry &c : it->second)
          catchmentOf.push_back({i, c.get()});
    }
    std::vector<const GEOSGeometry *> catchmentGeoms;
    for (const auto &c : catchmentOf)
      catchmentGeoms.push_back(c.second);
    gis::StrTree catchmentTree(catchmentGeoms);
    for (const Site &s : sites) {
      std::set<std::size_t> candidates;
      for (std::size_t i : schoolTree.query(grown(s.geom.get(), 5000)))
        candidates.insert(i);
      for (std::size_t c : catchmentTree.query(gis::envelope(s.pos.get())))
        candidates.insert(catchmentOf[c].first);
      for (int li = 0; li < 2; ++li) {
        const std::string level = li == 0 ? "primary" : "junior";
        School *best = nullptr;
        double bestDistance = 0;
        for (std::size_t i : candidates) {
          School &school = schools[i];
          if (school.level != level && school.level != "nine_year")
            continue;
          const double d = gis::distance(school.geom.get(), s.geom.get());
          bool covered = false;
          auto it = catchments.find(school.code);
          if (it != catchments.end()) {
            for (const Geometry &c : it->second)
              covered = covered || gis::contains(c.get(), s.pos.get());
          } else {
            const double radius = schoolRadius(level, s.setting);
            covered = radius >= 0 && d <= radius;
          }
          if (covered &&
              (!best || d < bestDistance || (d == bestDistance && school.fid < best->fid))) {
            best = &school;
            bestDistance = d;
          }
        }
        if (!best) {
          find("school-coverage", "resettlement_sites", s.fid, level);
          continue;
        }
        const std::int64_t rate = li == 0 ? kPrimaryRatePer100 : kJuniorRatePer100;
        best->assigned += s.pupils[li].value_or(s.population * rate / 100);
      }
    }
    for (const School &school : schools) {
      if (school.level != "primary" && school.level != "junior" && school.level != "nine_year")
        continue;
      const std::int64_t spare = school.capacity - school.enrolled - school.assigned;
      if (spare < 0)
        find("school-capacity", "schools", school.fid);
      else
        m_result.margins.minSeatsSpare =
            std::min(m_result.margins.minSeatsSpare, static_cast<double>(spare));
    }

    // clinic-coverage: clinics are stored in EPSG:4490 and compared in EPSG:4546
    std::vector<Geometry> clinics;
    {
      auto layer = m_ds.layer("clinics");
      const auto &toWorking =
          gis::CoordinateTransform::forThread(*layer.crs(), gis::Crs::fromEpsg(4546));
      layer.forEach([&](const gis::FeatureRow &row) {
        if (Geometry g = row.geometry())
          clinics.push_back(toWorking.transform(g.get()));
        return true;
      });
    }
    std::vector<const GEOSGeometry *> clinicGeoms;
    for (const Geometry &c : clinics)
      clinicGeoms.push_back(c.get());
    gis::StrTree clinicTree(clinicGeoms);
    for (const Site &s : sites) {
      // Within 6 km is enough to see every radius and the margin of uncovered sites.
      double nearest = std::numeric_limits<double>::infinity();
      for (std::size_t i : clinicTree.query(grown(s.geom.get(), 6000)))
        nearest = std::min(nearest, gis::distance(clinics[i].get(), s.geom.get()));
      const double radius = clinicRadius(s.setting);
      if (!(radius >= 0 && nearest <= radius)) {
        find("clinic-coverage", "resettlement_sites", s.fid);
        m_result.margins.minClinicDistanceUncovered =
            std::min(m_result.margins.minClinicDistanceUncovered, nearest);
      } else {
        m_result.margins.maxClinicDistanceCovered =
            std::max(m_result.margins.maxClinicDistanceCovered, nearest);
      }
    }

    // large-site-employment and support-plan
    std::vector<Geometry> employment;
    {
      auto layer = m_ds.layer("service_points");
      const int kind = layer.requireField("kind", FieldType::String);
      layer.forEach([&](const gis::FeatureRow &row) {
        if (row.string(kind) == std::optional<std::string>("employment_service"))
          employment.push_back(row.geometry());
        return true;
      });
    }
    std::vector<const GEOSGeometry *> employmentGeoms;
    for (const Geometry &e : employment)
      employmentGeoms.push_back(e.get());
    gis::StrTree employmentTree(employmentGeoms);
    for (const Site &s : sites) {
      if (s.population >= 3000) {
        bool served = false;
        for (std::size_t i : employmentTree.query(grown(s.geom.get(), kEmploymentRadius)))
          served = served || gis::distance(employment[i].get(), s.geom.get()) <= kEmploymentRadius;
        if (!served)
          find("large-site-employment", "resettlement_sites", s.fid);
      }
      if (s.population >= 800 && s.supportPlan != std::optional<std::int64_t>(1))
        find("support-plan", "resettlement_sites", s.fid);
    }
  }

  //! jobs-near-home, elderly-care-coverage, elderly-care-beds and linkage-balance, brute
  //! force over every pair.
  void waveTwo()
  {
    struct WSite
    {
      std::int64_t fid;
      std::string code, setting;
      std::optional<std::string> county;
      std::int64_t population;
      Geometry geom;
    };
    std::vector<WSite> sites;
    {
      auto layer = m_ds.layer("resettlement_sites");
      const int code = layer.requireField("code", FieldType::String);
      const int setting = layer.requireField("setting", FieldType::String);
      const int county = layer.requireField("county", FieldType::String);
      const int pop = layer.requireField("population", FieldType::Integer);
      layer.forEach([&](const gis::FeatureRow &row) {
        sites.push_back({row.fid(), row.string(code).value_or(""), row.string(setting).value_or(""),
                         row.string(county), row.integer(pop).value_or(0), usable(row, true)});
        return true;
      });
    }
    auto radius = [](const std::string &setting, double urban, double rural) {
      return setting == "urban" ? urban : setting == "rural" ? rural : -1.0;
    };
    std::vector<Geometry> parksWithJobs;
    {
      auto layer = m_ds.layer("industrial_parks");
      const int jobs = layer.requireField("jobs", FieldType::Integer);
      layer.forEach([&](const gis::FeatureRow &row) {
        if (row.integer(jobs).value_or(0) > 0)
          parksWithJobs.push_back(usable(row, true));
        return true;
      });
    }
    struct Care
    {
      std::int64_t fid;
      std::int64_t beds;
      Geometry geom;
      std::int64_t assigned = 0;
    };
    std::vector<Care> care;
    {
      auto layer = m_ds.layer("elderly_care");
      const int beds = layer.requireField("beds", FieldType::Integer);
      layer.forEach([&](const gis::FeatureRow &row) {
        care.push_back({row.fid(), row.integer(beds).value_or(0), row.geometry()});
        return true;
      });
    }
    for (const WSite &s : sites) {
      const double jobsRadius = radius(s.setting, 5000, 3000);
      bool jobs = false;
      for (const Geometry &park : parksWithJobs)
        jobs = jobs || (jobsRadius >= 0 && gis::distance(park.get(), s.geom.get()) <= jobsRadius);
      if (!jobs)
        find("jobs-near-home", "resettlement_sites", s.fid);
      const double careRadius = radius(s.setting, 1000, 5000);
      Care *nearest = nullptr;
      double nearestDistance = 0;
      for (Care &c : care) {
        const double d = gis::distance(c.geom.get(), s.geom.get());
        if (!nearest || d < nearestDistance || (d == nearestDistance && c.fid < nearest->fid)) {
          nearest = &c;
          nearestDistance = d;
        }
      }
      const bool covered = nearest && careRadius >= 0 && nearestDistance <= careRadius;
      if (s.population >= 800 && !covered)
        find("elderly-care-coverage", "resettlement_sites", s.fid);
      if (covered)
        nearest->assigned += (s.population * 20 / 100) * 4 / 100;
    }
    for (const Care &c : care)
      if (c.assigned > c.beds)
        find("elderly-care-beds", "elderly_care", c.fid);

    // linkage-balance: union areas per county; a homestead counts for its site's county.
    std::map<std::string, std::vector<const GEOSGeometry *>> built, reclaimed;
    std::map<std::string, std::int64_t> firstSite;
    std::map<std::string, std::string> countyOf;
    for (const WSite &s : sites) {
      if (!s.county || s.county->empty())
        continue;
      built[*s.county].push_back(s.geom.get());
      auto [it, fresh] = firstSite.emplace(*s.county, s.fid);
      if (!fresh)
        it->second = std::min(it->second, s.fid);
      countyOf.emplace(s.code, *s.county);
    }
    std::vector<Geometry> homesteads;
    {
      auto layer = m_ds.layer("reclaimed_homesteads");
      const int site = layer.requireField("site_code", FieldType::String);
      const int status = layer.requireField("status", FieldType::String);
      layer.forEach([&](const gis::FeatureRow &row) {
        auto code = row.string(site);
        if (row.string(status) != std::optional<std::string>("reclaimed") || !code ||
            !countyOf.count(*code))
          return true;
        homesteads.push_back(usable(row, true));
        reclaimed[countyOf[*code]].push_back(homesteads.back().get());
        return true;
      });
    }
    for (const auto &[county, parts] : built) {
      const double builtM2 = areaOf(gis::unionAll(parts).get());
      const auto it = reclaimed.find(county);
      const double reclaimedM2 =
          it == reclaimed.end() ? 0 : areaOf(gis::unionAll(it->second).get());
      if (builtM2 > reclaimedM2)
        find("linkage-balance", "resettlement_sites", firstSite[county]);
    }
  }

  void rangers()
  {
    struct Ranger
    {
      std::int64_t fid;
      std::string code;
      std::optional<std::string> siteCode;
      Geometry point;
    };
    std::vector<Ranger> rangers;
    {
      auto layer = m_ds.layer("rangers");
      const int code = layer.requireField("code", FieldType::String);
      const int site = layer.requireField("site_code", FieldType::String);
      layer.forEach([&](const gis::FeatureRow &row) {
        rangers.push_back(
            {row.fid(), row.string(code).value_or(""), row.string(site), row.geometry()});
        return true;
      });
    }
    struct Plot
    {
      std::int64_t fid;
      std::optional<std::string> ranger;
      Geometry geom;
    };
    std::vector<Plot> plots;
    {
      auto layer = m_ds.layer("ranger_plots");
      const int rc = layer.requireField("ranger_code", FieldType::String);
      layer.forEach([&](const gis::FeatureRow &row) {
        plots.push_back({row.fid(), row.string(rc), usable(row, true)});
        return true;
      });
    }
    std::set<std::string> codes;
    for (const Ranger &r : rangers)
      codes.insert(r.code);
    std::map<std::string, std::vector<const Plot *>> byRanger;
    for (const Plot &p : plots) {
      if (!p.ranger || !codes.count(*p.ranger))
        find("ranger-orphan-plot", "ranger_plots", p.fid);
      else
        byRanger[*p.ranger].push_back(&p);
    }
    for (const Ranger &r : rangers) {
      auto it = byRanger.find(r.code);
      if (it == byRanger.end()) {
        find("ranger-unassigned", "rangers", r.fid);
        continue;
      }
      std::vector<const GEOSGeometry *> parts;
      for (const Plot *p : it->second)
        parts.push_back(p->geom.get());
      Geometry all = gis::unionAll(parts);
      const double mu = gis::EllipsoidalArea::toMu(areaOf(all.get()));
      m_result.margins.rangerMu[r.fid] = mu;
      if (mu < kMinMu)
        find("ranger-area", "rangers", r.fid);
      const GEOSGeometry *home = r.point.get();
      if (!home && r.siteCode) {
        auto site = m_sitePolygons.find(*r.siteCode);
        if (site != m_sitePolygons.end())
          home = site->second.get();
      }
      if (home) {
        double nearest = std::numeric_limits<double>::infinity();
        for (const Plot *p : it->second)
          nearest = std::min(nearest, gis::distance(home, p->geom.get()));
        if (nearest > kRangerMaxDistance)
          find("ranger-distance", "rangers", r.fid);
        else
          m_result.margins.maxRangerDistanceOk =
              std::max(m_result.margins.maxRangerDistanceOk, nearest);
      }
    }
    std::vector<const GEOSGeometry *> geoms;
    for (const Plot &p : plots)
      geoms.push_back(p.geom.get());
    gis::StrTree tree(geoms);
    for (std::size_t i = 0; i < plots.size(); ++i) {
      for (std::size_t j : tree.query(gis::envelope(plots[i].geom.get()))) {
        if (plots[j].fid <= plots[i].fid || plots[i].ranger == plots[j].ranger)
          continue;
        if (!gis::intersects(plots[i].geom.get(), plots[j].geom.get()))
          continue;
        Geometry cut = gis::intersection(plots[i].geom.get(), plots[j].geom.get());
        const double area = areaOf(cut.get());
        if (area > kMinOverlapM2)
          find("ranger-overlap", "ranger_plots", plots[i].fid, std::nullopt, "ranger_plots",
               plots[j].fid);
        else
          m_result.margins.maxRangerOverlapBelowTolerance =
              std::max(m_result.margins.maxRangerOverlapBelowTolerance, area);
      }
    }
  }

  void reclamation()
  {
    auto layer = m_ds.layer("reclaimed_homesteads");
    const int status = layer.requireField("status", FieldType::String);
    const int done = layer.requireField("done_date", FieldType::Date);
    layer.forEach([&](const gis::FeatureRow &row) {
      auto date = row.date(done);
      if (row.string(status) != std::optional<std::string>("reclaimed") ||
          (date && *date > kDeadline))
        find("reclamation-progress", "reclaimed_homesteads", row.fid());
      return true;
    });
  }

  //! reclamation-suitability the slow way: the whole DEM in memory, Horn's slope written out
  //! for each cell, each cell's weight the area GEOS gives its square's intersection with the
  //! homestead. The sample's DEM is in the working CRS (EPSG:4546).
  void suitability(const std::string &path)
  {
    GDALAllRegister();
    GDALDatasetUniquePtr dem(
        GDALDataset::Open(("GPKG:" + path + ":dem").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dem)
      return; // no DEM: the rule is skipped
    double gt[6];
    dem->GetGeoTransform(gt);
    const int nx = dem->GetRasterXSize(), ny = dem->GetRasterYSize();
    std::vector<double> z(std::size_t(nx) * std::size_t(ny));
    if (dem->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, nx, ny, z.data(), nx, ny, GDT_Float64, 0, 0,
                                        nullptr) != CE_None)
      throw std::runtime_error(path + ": cannot read the dem table");
    const double w = gt[1], h = -gt[5];
    auto at = [&](int c, int r) { return z[std::size_t(r) * std::size_t(nx) + std::size_t(c)]; };
    auto slope = [&](int c, int r) {
      const double dzdx = (at(c + 1, r - 1) + 2 * at(c + 1, r) + at(c + 1, r + 1) -
                           at(c - 1, r - 1) - 2 * at(c - 1, r) - at(c - 1, r + 1)) /
                          (8 * w);
      const double dzdy = (at(c - 1, r + 1) + 2 * at(c, r + 1) + at(c + 1, r + 1) -
                           at(c - 1, r - 1) - 2 * at(c, r - 1) - at(c + 1, r - 1)) /
                          (8 * h);
      return std::atan(std::sqrt(dzdx * dzdx + dzdy * dzdy)) * 180 / std::numbers::pi;
    };
    auto layer = m_ds.layer("reclaimed_homesteads");
    const int use = layer.requireField("target_use", FieldType::String);
    layer.forEach([&](const gis::FeatureRow &row) {
      if (row.string(use) != std::optional<std::string>("cropland"))
        return true;
      const Geometry geometry = row.geometry();
      if (!geometry || gis::isEmpty(geometry.get()))
        return true;
      const GEOSGeometry *g = geometry.get();
      const gis::Envelope env = gis::envelope(g);
      double sum = 0, weights = 0;
      for (int r = std::max(1, int((gt[3] - env.maxY) / h) - 1);
           r <= std::min(ny - 2, int((gt[3] - env.minY) / h) + 1); ++r)
        for (int c = std::max(1, int((env.minX - gt[0]) / w) - 1);
             c <= std::min(nx - 2, int((env.maxX - gt[0]) / w) + 1); ++c) {
          const double x0 = gt[0] + c * w, y1 = gt[3] - r * h;
          Geometry cell = gis::makePolygon(
              {{x0, y1 - h}, {x0 + w, y1 - h}, {x0 + w, y1}, {x0, y1}, {x0, y1 - h}});
          const double a = gis::planarArea(gis::intersection(g, cell.get()).get());
          sum += a * slope(c, r);
          weights += a;
        }
      if (weights == 0)
        return true; // not judged
      const double mean = sum / weights;
      if (mean > kMaxCroplandSlope) {
        find("reclamation-suitability", "reclaimed_homesteads", row.fid());
        m_result.margins.minSlopeFlagged = std::min(m_result.margins.minSlopeFlagged, mean);
      } else {
        m_result.margins.maxSlopeOk = std::max(m_result.margins.maxSlopeOk, mean);
      }
      return true;
    });
  }

  std::string m_path;
  gis::VectorDataset m_ds;
  const gis::EllipsoidalArea &m_area;
  std::map<std::string, Geometry> m_sitePolygons;
  CheckResult m_result;
};

} // namespace

std::string toString(const Finding &f)
{
  std::string s = f.rule + " " + f.layer + ":" + std::to_string(f.fid);
  if (f.level)
    s += " level=" + *f.level;
  if (f.otherLayer)
    s += " other=" + *f.otherLayer + ":" + (f.otherFid ? std::to_string(*f.otherFid) : "?");
  return s;
}

CheckResult referenceCheck(const std::string &path)
{
  return Checker(path).run();
}

} // namespace anzhi::sample::test
