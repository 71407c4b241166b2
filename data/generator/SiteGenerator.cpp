// The layout of one cell (local metres from the cell's south-west corner, cell 4000 m):
//
//   y 2460–3940  north forest band: ranger strips; x 3300–3940 kept free for planted extras
//   y 1600–2400  middle band: the site (centred at 2000, at most 800 x 600 m), its industrial
//                park 60 m east of it (at most 130 m wide), villages with old homesteads at x ≈ 650
//                and x ≈ 3350
//   y 1570       county road joining the cells of a row
//   y   60–1540  south forest band: ranger strips
//
// Every rule of docs/contract.md then has a wide margin on clean data: sites of neighbouring
// cells are ≥ 3 km apart, every clean site holds its own clinic and its own schools (distance
// 0, so they are always the nearest covering ones), no two plots of different classes share
// more than an edge, rangers manage 525–700 mu (planar; ≥ 522 mu ellipsoidal anywhere on the
// largest grid) within 3.7 km of their residence, and ranger strips only touch.
//
// Planted packages (each recorded in Sink::planted with what docs/contract.md attaches it to):
//   0: urban, population ≥ 3000, support_plan 1, no junior school (school-coverage junior),
//      no employment_service but a community_service point inside (large-site-employment),
//      a commercial plot reaching 10 x 40 m into the education plot (protected-land), a road
//      plot reaching 1 x 0.5 m into it (no violation), a 450 mu ranger (ranger-area), a ranger
//      without plots (ranger-unassigned), a 'pending' homestead (reclamation-progress), an
//      elderly-care facility 4 beds short of the site's demand (elderly-care-beds).
//   1: urban, 1000–1600 people, support_plan 0 (support-plan), primary school inside but its
//      catchment drawn 1 km west (school-coverage primary), no clinic in the cell
//      (clinic-coverage), a residential building on the medical plot (protected-land) and one
//      flush against it (no violation), rangers at 499.9 mu (ranger-area) and 500.1 mu (none),
//      a 'demolished' homestead (reclamation-progress), no elderly care in the cell
//      (elderly-care-coverage).
//   2: rural, 850–1400 people, support_plan NULL (support-plan), primary school short of seats
//      (school-capacity), an elderly_care plot reaching 8 x 50 m into the education plot
//      (protected-land), two ranger plots overlapping by 20 x 100 m (ranger-overlap), plots
//      with an unknown and a NULL ranger_code (ranger-orphan-plot), a homestead reclaimed on
//      2021-03-15 (reclamation-progress), a workshop whose jobs are NULL and no other park
//      within 3000 m (jobs-near-home).
//   3: rural, 300–700 people, support_plan 0 (no violation below 800), a bow-tie green plot and
//      a bow-tie ranger plot (invalid-geometry), a ranger living 8 km from their plots
//      (ranger-distance), a ranger with neither residence nor site (not checked), homesteads
//      reclaimed on 2020-12-31 and with no date (no violation), a clinic whose level is
//      written 村卫生室 instead of village (unknown-code).
//   The first site: the one county's linkage balance falls short (linkage-balance), as its
//   sites take far more land than the few reclaimed homesteads give back.

#include "data/generator/SiteGenerator.h"

#include "data/generator/Names.h"
#include "data/generator/SampleDem.h"
#include "gis/Crs.h"
#include "gis/EllipsoidalArea.h"
#include "gis/GisError.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::sample::detail {

namespace {

using gis::FieldValue;
using Null = std::monostate;

constexpr double kCell = Grid::kCell;
// The county seat of Kelan in EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E).
constexpr double kCentreX = 543000.0;
constexpr double kCentreY = 4284000.0;
constexpr double kMu = 10000.0 / 15.0;

//! Centimetre grid: coordinates that print tidily and edges that two features share exactly
//! (both are computed from the same rounded breakpoint).
double cm(double v)
{
  return std::round(v * 100.0) / 100.0;
}

struct Rect
{
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double w() const { return x1 - x0; }
  double h() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
  //! The part left after taking fraction fx of the width and fy of the height off each side.
  Rect inset(double fx, double fy) const
  {
    return {cm(x0 + fx * w()), cm(y0 + fy * h()), cm(x1 - fx * w()), cm(y1 - fy * h())};
  }
};

Ring ring(const Rect &r)
{
  return {{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}};
}

Ring point(double x, double y)
{
  return {{x, y}};
}

enum class Cls
{
  Residential,
  Commercial,
  Green,
  Road,
  Education,
  Medical,
  Elderly,
  Industrial
};

//! A land_use / use value of the class, in one of the spellings the default mapping of
//! docs/contract.md accepts: the class name, a GB 50137 code or a 用地用海分类 code. For classes
//! that are not protected some spellings map to `other`, which is harmless since such plots
//! never overlap protected ones.
std::optional<std::string> spell(Cls cls, Rng &rng)
{
  static constexpr std::array<std::string_view, 4> education = {"education", "A33", "0804",
                                                                "080403"};
  static constexpr std::array<std::string_view, 4> medical = {"medical", "A51", "0806", "080601"};
  static constexpr std::array<std::string_view, 4> elderly = {"elderly_care", "A6", "0807",
                                                              "080701"};
  static constexpr std::array<std::string_view, 5> industrial = {"industrial", "M1", "M2", "1001",
                                                                 "100101"};
  auto pick = [&rng](const auto &items) {
    return std::string(
        items[static_cast<std::size_t>(rng.intIn(0, static_cast<int>(items.size()) - 1))]);
  };
  switch (cls) {
  case Cls::Education:
    return pick(education);
  case Cls::Medical:
    return pick(medical);
  case Cls::Elderly:
    return pick(elderly);
  case Cls::Industrial:
    return pick(industrial);
  case Cls::Residential: {
    double u = rng.uniform();
    if (u < 0.03)
      return std::nullopt; // NULL maps to `other`; still harmless
    return u < 0.85 ? "residential" : "0701";
  }
  case Cls::Commercial:
    return rng.chance(0.8) ? "commercial" : "0901";
  case Cls::Green:
    return rng.chance(0.8) ? "green" : "1401";
  case Cls::Road:
    return rng.chance(0.8) ? "road" : "1207";
  }
  return std::nullopt;
}

const char *classZh(Cls cls)
{
  switch (cls) {
  case Cls::Residential:
    return "居住用地";
  case Cls::Commercial:
    return "商业用地";
  case Cls::Green:
    return "绿地";
  case Cls::Road:
    return "道路用地";
  case Cls::Education:
    return "中小学用地";
  case Cls::Medical:
    return "医疗卫生用地";
  case Cls::Elderly:
    return "社会福利用地";
  case Cls::Industrial:
    return "工业用地";
  }
  return "";
}

FieldValue opt(const std::optional<std::string> &s)
{
  return s ? FieldValue(*s) : FieldValue(Null{});
}
FieldValue opt(const std::optional<int> &v)
{
  return v ? FieldValue(static_cast<std::int64_t>(*v)) : FieldValue(Null{});
}
FieldValue num(std::int64_t v)
{
  return FieldValue(v);
}

const gis::Crs &workingCrs()
{
  thread_local const gis::Crs crs = gis::Crs::fromEpsg(4546);
  return crs;
}

const gis::Crs &clinicCrs()
{
  thread_local const gis::Crs crs = gis::Crs::fromEpsg(4490);
  return crs;
}

//! A block of the site's grid, between road strips.
struct Block
{
  Rect r;
  int row = 0, col = 0;
  Cls cls = Cls::Residential;
  int split = 1; //!< residential blocks: number of plots side by side
};

struct BuildingPlan
{
  Rect r;
  std::optional<std::string> use;
  //! The protected plot this building intrudes on, for a planted protected-land case.
  std::optional<std::int64_t> intrudesOn;
};

struct Band
{
  double y0, y1, xEnd;
};
// The north band ends its strips at x 3280 so that x 3300–3940 stays free for planted extras.
constexpr std::array<Band, 2> kBands = {{{60, 1540, 3940}, {2460, 3940, 3280}}};
constexpr double kBandX0 = 60;

enum class Residence
{
  InSite,     //!< a point inside the site (relocated rangers)
  SiteOnly,   //!< no point, site_code set: the residence is the site polygon
  NearSite,   //!< a point in the middle band near the site (local rangers)
  FarWest8km, //!< planted ranger-distance: 8 km west of the ranger's plots
  Nowhere     //!< no point and no site_code: the ranger-distance rule skips the ranger
};

class SiteBuilder
{
public:
  SiteBuilder(Sink &sink, const Grid &grid, int site)
      : m_sink(sink)
      , m_rng(Rng::forItem(grid.seed, 1, static_cast<std::uint64_t>(site)))
  {
    const int col = site % grid.cols;
    const int row = site / grid.cols;
    m_ox = grid.originX + col * kCell;
    m_oy = grid.originY + row * kCell;
    const int tcol = std::min(3, col * 4 / grid.cols);
    const int trow = std::min(2, row * 3 / grid.rows);
    m_township = kTownships[trow * 4 + tcol];
    m_first = site == 0;
    if (site < 4)
      m_pkg = site;
    else if (m_rng.chance(0.02))
      m_pkg = m_rng.intIn(0, 3);
    m_steep = m_pkg == 0 && SampleDem::covers(grid, site);
    if (m_steep)
      sink.steepSite(site);
  }

  void run()
  {
    siteAttributes();
    siteLayout();
    emitSite();
    emitPlots();
    emitIndustrialPark();
    emitBuildings();
    emitSchools();
    emitFacilities();
    emitHomesteads();
    emitForest();
    emitRangers();
    emitRoads();
  }

private:
  // ---- helpers ----------------------------------------------------------------------------
  double gx(double local) const { return cm(m_ox + local); }
  double gy(double local) const { return cm(m_oy + local); }
  Rect local(double x0, double y0, double x1, double y1) const
  {
    return {gx(x0), gy(y0), gx(x1), gy(y1)};
  }
  std::int64_t addPlot(Ring r, Cls cls, std::optional<std::string> landUse)
  {
    ++m_plotNumber;
    std::string name = m_siteName + "-" + classZh(cls) + "-" + std::to_string(m_plotNumber);
    return m_sink.add(kPlots, Shape::Polygon, std::move(r), {name, opt(landUse)});
  }
  std::int64_t addPlot(const Rect &r, Cls cls) { return addPlot(ring(r), cls, spell(cls, m_rng)); }
  void building(const Rect &r, std::optional<std::string> use,
                std::optional<std::int64_t> intrudesOn = std::nullopt)
  {
    m_buildings.push_back({r, std::move(use), intrudesOn});
  }
  //! One or two buildings set back inside a plot.
  void buildingsIn(const Rect &r, Cls cls)
  {
    auto use = [&]() -> std::optional<std::string> {
      if (cls == Cls::Residential)
        return "residential";
      if (cls == Cls::Commercial)
        return "commercial";
      return spell(cls, m_rng); // a protected class: same class as the plot, any spelling
    };
    const double f = cls == Cls::Residential ? m_rng.uniform(0.15, 0.3) : 0.3;
    if (cls == Cls::Residential && r.w() * r.h() > 3000 && m_rng.chance(0.5)) {
      if (r.w() >= r.h()) {
        double xm = cm(r.x0 + r.w() / 2);
        building(Rect{r.x0, r.y0, xm, r.y1}.inset(f, f), use());
        building(Rect{xm, r.y0, r.x1, r.y1}.inset(f, f), use());
      } else {
        double ym = cm(r.y0 + r.h() / 2);
        building(Rect{r.x0, r.y0, r.x1, ym}.inset(f, f), use());
        building(Rect{r.x0, ym, r.x1, r.y1}.inset(f, f), use());
      }
      return;
    }
    building(r.inset(f, f), use());
  }

  // ---- the site's attributes --------------------------------------------------------------
  void siteAttributes()
  {
    Rng &rng = m_rng;
    switch (m_pkg) {
    case 0:
      m_urban = true;
      m_areaHa = rng.uniform(22, 28);
      m_population = rng.intIn(3200, 3900);
      break;
    case 1:
      m_urban = true;
      m_areaHa = rng.uniform(14, 20);
      m_population = rng.intIn(1000, 1600);
      break;
    case 2:
      m_urban = false;
      m_areaHa = rng.uniform(15, 20);
      m_population = rng.intIn(850, 1400);
      break;
    case 3:
      m_urban = false;
      m_areaHa = rng.uniform(12, 16);
      m_population = rng.intIn(300, 700);
      break;
    default: {
      m_urban = rng.chance(0.35);
      if (m_urban) {
        m_areaHa = rng.uniform(8, 30);
        m_population = static_cast<int>(std::lround(m_areaHa * rng.uniform(100, 170)));
      } else {
        double u = rng.uniform();
        m_areaHa = 2 + 18 * u * u;
        m_population = std::max(30, static_cast<int>(std::lround(m_areaHa * rng.uniform(45, 110))));
      }
    }
    }
    m_households = std::max(1, static_cast<int>(std::lround(m_population / rng.uniform(2.8, 3.6))));
    auto pupils = [&](int per100, bool forceKnown) -> std::optional<int> {
      if (!forceKnown && rng.chance(0.25))
        return std::nullopt; // the engine derives floor(population × rate)
      return static_cast<int>(std::lround(m_population * per100 / 100.0 * rng.uniform(0.7, 1.3)));
    };
    m_pupilsPrimary = pupils(8, m_pkg == 2);
    m_pupilsJunior = pupils(4, false);
    // What the engine assigns: the field, or floor(population × rate) computed exactly.
    m_effPrimary = m_pupilsPrimary.value_or(m_population * 8 / 100);
    m_effJunior = m_pupilsJunior.value_or(m_population * 4 / 100);
    if (m_pkg == 1 || m_pkg == 3)
      m_supportPlan = 0;
    else if (m_pkg == 2)
      m_supportPlan = std::nullopt;
    else if (m_population >= 800)
      m_supportPlan = 1;
    else {
      double u = rng.uniform();
      m_supportPlan = u < 0.45 ? std::optional<int>(0)
                               : (u < 0.9 ? std::optional<int>(1) : std::optional<int>());
    }
    m_village = villageName(rng);
    m_compound = compoundName(rng);
    m_siteName = m_urban ? std::string(m_township) + m_compound + "安置小区"
                         : std::string(m_township) + m_village + "村安置区";
  }

  // ---- blocks, roads and classes ----------------------------------------------------------
  void splitAxis(double a, double b, int n, double road, double wlo, double whi,
                 std::vector<double> &s, std::vector<double> &e)
  {
    std::vector<double> weights(n);
    double sum = 0;
    for (double &w : weights)
      sum += (w = m_rng.uniform(wlo, whi));
    const double avail = (b - a) - (n - 1) * road;
    s.assign(n, 0);
    e.assign(n, 0);
    for (int i = 0; i < n; ++i) {
      s[i] = i == 0 ? a : cm(e[i - 1] + road);
      e[i] = i == n - 1 ? b : cm(s[i] + avail * weights[i] / sum);
    }
  }

  void siteLayout()
  {
    Rng &rng = m_rng;
    const double area = m_areaHa * 10000.0;
    const double aspect = m_pkg >= 0 ? rng.uniform(1.0, 1.2) : rng.uniform(0.75, 1.35);
    double w = std::sqrt(area * aspect), h = area / w;
    if (h > 600) {
      h = 600;
      w = area / h;
    }
    if (w > 800) {
      w = 800;
      h = area / w;
    }
    const double cx = 2000 + rng.uniform(-40, 40), cy = 2000 + rng.uniform(-30, 30);
    m_site = {gx(cx - w / 2), gy(cy - h / 2), 0, 0};
    m_site.x1 = cm(m_site.x0 + w);
    m_site.y1 = cm(m_site.y0 + h);
    m_nc = m_pkg >= 0 ? 4 : (w > 380 ? 5 : 4);
    m_nr = m_pkg >= 0 ? 4 : (h > 380 ? 5 : 4);
    m_road = cm(std::clamp(std::min(w, h) / 40.0, 7.0, 14.0));
    // Planted sites get even blocks so that every tab and set-back has room.
    const double wlo = m_pkg >= 0 ? 0.95 : 0.85, whi = m_pkg >= 0 ? 1.05 : 1.15;
    splitAxis(m_site.x0, m_site.x1, m_nc, m_road, wlo, whi, m_xs, m_xe);
    splitAxis(m_site.y0, m_site.y1, m_nr, m_road, wlo, whi, m_ys, m_ye);
    m_notch = m_pkg < 0 && rng.chance(0.3);

    for (int r = 0; r < m_nr; ++r)
      for (int c = 0; c < m_nc; ++c)
        if (!(m_notch && r == m_nr - 1 && c == m_nc - 1))
          m_blocks.push_back({Rect{m_xs[c], m_ys[r], m_xe[c], m_ye[r]}, r, c});

    // Classes: shuffle, then the education block (not in the bottom row, so that a road runs
    // under it for package 0's sliver), medical, elderly care, commercial and green blocks.
    std::vector<std::size_t> order(m_blocks.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    for (std::size_t i = order.size() - 1; i > 0; --i)
      std::swap(order[i], order[static_cast<std::size_t>(rng.intIn(0, static_cast<int>(i)))]);
    auto take = [&](bool needRowAboveZero) {
      for (std::size_t &i : order)
        if (i != SIZE_MAX && (!needRowAboveZero || m_blocks[i].row > 0)) {
          std::size_t chosen = i;
          i = SIZE_MAX;
          return chosen;
        }
      throw gis::GisError("sample generator: no block left");
    };
    m_blocks[take(true)].cls = Cls::Education;
    m_blocks[take(false)].cls = Cls::Medical;
    if (m_pkg != 2) // package 2 puts the elderly-care plot inside the education block
      m_blocks[take(false)].cls = Cls::Elderly;
    const int commercial = 1 + rng.intIn(0, 1) + (m_blocks.size() >= 20 ? 1 : 0);
    for (int i = 0; i < commercial; ++i)
      m_blocks[take(false)].cls = Cls::Commercial;
    const int green = 1 + rng.intIn(0, 1);
    for (int i = 0; i < green; ++i)
      m_blocks[take(false)].cls = Cls::Green;

    // Split residential blocks into up to 4 plots (none narrower than 12 m) until the site
    // has about 49 plots; with the industrial park's 0–3 that is about 50 per site.
    const int roads = (m_nr - 1) + m_nr * (m_nc - 1);
    int plots = static_cast<int>(m_blocks.size()) + roads + (m_pkg >= 0 && m_pkg <= 2 ? 1 : 0);
    int extra = rng.intIn(45, 53) - plots;
    for (int pass = 0; pass < 3 && extra > 0; ++pass)
      for (std::size_t i : order) {
        if (i == SIZE_MAX || extra <= 0)
          continue;
        Block &b = m_blocks[i];
        if (b.r.w() / (b.split + 1) >= 12 && (pass > 0 || rng.chance(0.7))) {
          ++b.split;
          --extra;
        }
      }
  }

  Ring sitePolygon() const
  {
    const Rect &s = m_site;
    if (!m_notch)
      return ring(s);
    const double nx = m_xs[m_nc - 1], ny = m_ys[m_nr - 1];
    return {{s.x0, s.y0}, {s.x1, s.y0}, {s.x1, ny}, {nx, ny}, {nx, s.y1}, {s.x0, s.y1}};
  }

  void emitSite()
  {
    m_siteFid =
        m_sink.add(kSites, Shape::Polygon, sitePolygon(),
                   {m_siteName, std::string(kCounty), std::string(m_township),
                    std::string(m_urban ? "urban" : "rural"), num(m_households), num(m_population),
                    opt(m_pupilsPrimary), opt(m_pupilsJunior), opt(m_supportPlan)});
    m_siteCode = Sink::code(kSites, m_siteFid);
    switch (m_pkg) {
    case 0:
      m_sink.plant("school-coverage", kSites, m_siteFid, "junior");
      m_sink.plant("large-site-employment", kSites, m_siteFid);
      break;
    case 1:
      m_sink.plant("school-coverage", kSites, m_siteFid, "primary");
      m_sink.plant("clinic-coverage", kSites, m_siteFid);
      m_sink.plant("support-plan", kSites, m_siteFid);
      m_sink.plant("elderly-care-coverage", kSites, m_siteFid);
      break;
    case 2:
      m_sink.plant("support-plan", kSites, m_siteFid);
      m_sink.plant("jobs-near-home", kSites, m_siteFid);
      break;
    default:
      break;
    }
    // One county whose sites take far more land than its few reclaimed homesteads give back:
    // the balance falls short, reported at its first site.
    if (m_first)
      m_sink.plant("linkage-balance", kSites, m_siteFid);
  }

  // ---- planned plots ----------------------------------------------------------------------
  void emitPlots()
  {
    for (const Block &b : m_blocks) {
      const Rect &r = b.r;
      switch (b.cls) {
      case Cls::Education:
        emitEducationBlock(b);
        break;
      case Cls::Medical:
        if (m_pkg == 1) {
          // Medical plot on the left, residential on the right. A residential building stands
          // on the medical plot (violation) and one is flush against it (only touches).
          const double xm = cm(r.x0 + 0.6 * r.w());
          const Rect med{r.x0, r.y0, xm, r.y1}, res{xm, r.y0, r.x1, r.y1};
          const std::int64_t medFid = addPlot(med, Cls::Medical);
          addPlot(res, Cls::Residential);
          m_medical = med;
          building(med.inset(0.3, 0.3), spell(Cls::Medical, m_rng));
          building(Rect{cm(med.x0 + 4), cm(med.y0 + 4), cm(med.x0 + 20), cm(med.y0 + 16)},
                   "residential", medFid);
          const double by = cm(r.y0 + 0.4 * r.h());
          building(Rect{xm, by, cm(xm + std::min(12.0, 0.5 * res.w())), cm(by + 14)},
                   "residential");
        } else {
          addPlot(r, Cls::Medical);
          m_medical = r;
          buildingsIn(r, Cls::Medical);
        }
        break;
      case Cls::Elderly:
        addPlot(r, Cls::Elderly);
        m_elderly = r;
        buildingsIn(r, Cls::Elderly);
        break;
      case Cls::Commercial:
        addPlot(r, Cls::Commercial);
        m_commercial.push_back(r);
        buildingsIn(r, Cls::Commercial);
        break;
      case Cls::Green:
        if (m_pkg == 3 && !m_bowTiePlanted) {
          // A bow-tie: make-valid turns it into two triangles that touch the block's left and
          // right edges, so it overlaps nothing even after repair.
          m_bowTiePlanted = true;
          const std::int64_t fid = addPlot(
              Ring{{r.x0, r.y0}, {r.x1, r.y1}, {r.x1, r.y0}, {r.x0, r.y1}}, Cls::Green, "green");
          m_sink.plant("invalid-geometry", kPlots, fid);
        } else {
          addPlot(r, Cls::Green);
        }
        break;
      default: { // residential, in 1–3 plots side by side
        double x = r.x0;
        for (int i = 0; i < b.split; ++i) {
          const double xe = i == b.split - 1 ? r.x1 : cm(r.x0 + r.w() * (i + 1) / b.split);
          const Rect part{x, r.y0, xe, r.y1};
          addPlot(part, Cls::Residential);
          m_residential.push_back(part);
          buildingsIn(part, Cls::Residential);
          x = xe;
        }
      }
      }
    }
    emitRoadPlots();
  }

  void emitEducationBlock(const Block &b)
  {
    const Rect &r = b.r;
    // Buildings of tabbed education plots stay in the left half, away from the tab.
    auto leftHalf = [](const Rect &p) {
      return Rect{cm(p.x0 + 0.12 * p.w()), cm(p.y0 + 0.25 * p.h()), cm(p.x0 + 0.5 * p.w()),
                  cm(p.y1 - 0.25 * p.h())};
    };
    if (m_pkg == 0) {
      // Education plot on the left; the commercial plot on the right reaches 10 x 40 m into it.
      const double xm = cm(r.x0 + 0.6 * r.w());
      const Rect edu{r.x0, r.y0, xm, r.y1};
      const double t0 = cm(r.cy() - 20), t1 = cm(r.cy() + 20);
      const std::int64_t eduFid = addPlot(edu, Cls::Education);
      const Ring com{{xm, r.y0}, {r.x1, r.y0},      {r.x1, r.y1},      {xm, r.y1},
                     {xm, t1},   {cm(xm - 10), t1}, {cm(xm - 10), t0}, {xm, t0}};
      const std::int64_t comFid = addPlot(com, Cls::Commercial, spell(Cls::Commercial, m_rng));
      m_sink.plant("protected-land", kPlots, eduFid, std::nullopt, kPlots, comFid);
      m_education = edu;
      m_eduRow = b.row;
      building(leftHalf(edu), spell(Cls::Education, m_rng));
      building(Rect{xm, r.y0, r.x1, r.y1}.inset(0.2, 0.2), "commercial");
      m_commercial.push_back(Rect{xm, r.y0, r.x1, r.y1});
    } else if (m_pkg == 2) {
      // Education plot on the left; the elderly-care plot on the right reaches 8 x 50 m into it.
      const double xm = cm(r.x0 + 0.55 * r.w());
      const Rect edu{r.x0, r.y0, xm, r.y1}, eld{xm, r.y0, r.x1, r.y1};
      const double t0 = cm(r.cy() - 25), t1 = cm(r.cy() + 25);
      const std::int64_t eduFid = addPlot(edu, Cls::Education);
      const Ring eldRing{{xm, r.y0}, {r.x1, r.y0},     {r.x1, r.y1},     {xm, r.y1},
                         {xm, t1},   {cm(xm - 8), t1}, {cm(xm - 8), t0}, {xm, t0}};
      const std::int64_t eldFid = addPlot(eldRing, Cls::Elderly, spell(Cls::Elderly, m_rng));
      // Both protected: one violation, attached to the lower fid.
      m_sink.plant("protected-land", kPlots, std::min(eduFid, eldFid), std::nullopt, kPlots,
                   std::max(eduFid, eldFid));
      m_education = edu;
      m_elderly = eld;
      building(leftHalf(edu), spell(Cls::Education, m_rng));
      building(eld.inset(0.3, 0.3), spell(Cls::Elderly, m_rng));
    } else {
      addPlot(r, Cls::Education);
      m_education = r;
      buildingsIn(r, Cls::Education);
    }
    m_eduRow = b.row;
  }

  void emitRoadPlots()
  {
    // Horizontal roads span the site; vertical ones run between the blocks of each row.
    for (int r = 1; r < m_nr; ++r) {
      const double yb = m_ye[r - 1], yt = m_ys[r];
      if (m_pkg == 0 && r == m_eduRow) {
        // A 1 x 0.5 m bump into the education plot above: 0.5 m², under min_overlap_m2.
        const double xa = cm(m_education.x0 + 0.3 * m_education.w());
        const Ring road{{m_site.x0, yb},
                        {m_site.x1, yb},
                        {m_site.x1, yt},
                        {cm(xa + 1), yt},
                        {cm(xa + 1), cm(yt + 0.5)},
                        {xa, cm(yt + 0.5)},
                        {xa, yt},
                        {m_site.x0, yt}};
        addPlot(road, Cls::Road, spell(Cls::Road, m_rng));
      } else {
        addPlot(Rect{m_site.x0, yb, m_site.x1, yt}, Cls::Road);
      }
    }
    for (int r = 0; r < m_nr; ++r)
      for (int c = 1; c < m_nc; ++c)
        addPlot(Rect{m_xe[c - 1], m_ys[r], m_xs[c], m_ye[r]}, Cls::Road);
  }

  void emitIndustrialPark()
  {
    // Every site has a park or workshop 60 m east of it, at most 130 m wide: the nearest one of
    // another cell is then ≥ 3010 m away (cells 4000 m, sites ≤ 800 m wide), beyond the rural
    // 3000 m of jobs-near-home.
    const double w = m_rng.uniform(100, 130), h = m_rng.uniform(150, std::min(400.0, m_site.h()));
    const double x0 = cm(m_site.x1 + 60), y0 = cm(m_site.cy() - h / 2);
    const Rect park{x0, y0, cm(x0 + w), cm(y0 + h)};
    const bool big = m_population >= 1500;
    const std::string name =
        std::string(m_township) + (big ? m_compound + "产业园区" : m_village + "村扶贫车间");
    const std::int64_t jobs = big ? m_rng.intIn(100, 800) : m_rng.intIn(20, 80);
    // Package 2's workshop is planned but has no jobs yet (NULL counts as 0): jobs-near-home.
    m_sink.add(kParks, Shape::Polygon, ring(park),
               {name, std::string(big ? "park" : "workshop"),
                m_pkg == 2 ? FieldValue(Null{}) : num(jobs)});
    // The park's industrial plots: protected, and 60 m clear of the site's plots.
    const int k = m_rng.intIn(1, 3);
    double x = park.x0;
    for (int i = 0; i < k; ++i) {
      const double xe = i == k - 1 ? park.x1 : cm(park.x0 + park.w() * (i + 1) / k);
      const Rect part{x, park.y0, xe, park.y1};
      addPlot(part, Cls::Industrial);
      building(part.inset(0.2, 0.2), spell(Cls::Industrial, m_rng));
      x = xe;
    }
  }

  void emitBuildings()
  {
    for (const BuildingPlan &b : m_buildings) {
      const std::int64_t fid = m_sink.add(kBuildings, Shape::Polygon, ring(b.r), {opt(b.use)});
      if (b.intrudesOn)
        m_sink.plant("protected-land", kPlots, *b.intrudesOn, std::nullopt, kBuildings, fid);
    }
  }

  // ---- schools ----------------------------------------------------------------------------
  static int seatsFor(int need, Rng &rng)
  {
    // Whole classes of 45 seats, at least 25 seats and 5–25 % above what is needed.
    const double want = need + 25 + need * rng.uniform(0.05, 0.25);
    return static_cast<int>(std::ceil(want / 45.0)) * 45;
  }

  void emitSchools()
  {
    Rng &rng = m_rng;
    enum Level
    {
      Primary,
      Junior,
      NineYear
    };
    std::vector<Level> levels;
    if (m_pkg == 0)
      levels = {Primary};
    else if (m_pkg < 0 && !m_urban && rng.chance(0.3))
      levels = {NineYear};
    else
      levels = {Primary, Junior};
    const bool catchments = m_pkg < 0 && m_urban && rng.chance(0.35);
    const Rect &e = m_education;
    for (std::size_t i = 0; i < levels.size(); ++i) {
      const Level level = levels[i];
      const double x = cm(e.x0 + e.w() * (levels.size() == 1 ? 0.3 : (i == 0 ? 0.2 : 0.4)));
      const double y = cm(e.cy() + (i == 0 ? -0.1 : 0.1) * e.h());
      const int enrolled = m_urban ? rng.intIn(60, 500) : rng.intIn(10, 240);
      const int assigned = level == Primary  ? m_effPrimary
                           : level == Junior ? m_effJunior
                                             : m_effPrimary + m_effJunior;
      int capacity = seatsFor(enrolled + assigned, rng);
      const bool shortOfSeats = m_pkg == 2 && level == Primary;
      if (shortOfSeats)
        capacity = enrolled + assigned - rng.intIn(30, 90);
      const std::string place = std::string(m_township) + (m_urban ? m_compound : m_village + "村");
      const char *suffix = level == Primary  ? "小学"
                           : level == Junior ? "初级中学"
                                             : "九年一贯制学校";
      const char *levelName = level == Primary  ? "primary"
                              : level == Junior ? "junior"
                                                : "nine_year";
      const std::int64_t fid =
          m_sink.add(kSchools, Shape::Point, point(x, y),
                     {place + suffix, std::string(levelName), num(capacity), num(enrolled)});
      const std::string code = Sink::code(kSchools, fid);
      if (shortOfSeats)
        m_sink.plant("school-capacity", kSchools, fid);
      if (m_pkg == 1 && level == Primary) {
        // The catchment is drawn 1 km west, over the village, so it does not contain the
        // site's point-on-surface; with a catchment the school's radius no longer counts.
        m_sink.add(kCatchments, Shape::Polygon, ring(local(250, 1700, 1050, 2300)), {code});
      } else if (catchments) {
        const Rect grown{cm(m_site.x0 - 200), cm(m_site.y0 - 200), cm(m_site.x1 + 200),
                         cm(m_site.y1 + 200)};
        m_sink.add(kCatchments, Shape::Polygon, ring(grown), {code});
      }
    }
    // Now and then a senior or vocational school west of the site: the rules ignore those
    // levels, so some are even over-full.
    if (m_pkg < 0 && rng.chance(0.05)) {
      const bool high = rng.chance(0.6);
      const int capacity = rng.intIn(600, 1500);
      const int enrolled = rng.chance(0.5) ? capacity + rng.intIn(20, 200) : capacity - 100;
      const double x = gx(1300 + rng.uniform(0, 100));
      const double y = gy(1650 + rng.uniform(0, 100));
      m_sink.add(kSchools, Shape::Point, point(x, y),
                 {std::string(m_township) + (high ? "高级中学" : "职业中学"),
                  std::string(high ? "high" : "vocational"), num(capacity), num(enrolled)});
    }
  }

  // ---- clinics, elderly care, service points ----------------------------------------------
  std::int64_t addClinic(double x, double y, const std::string &name, const char *level)
  {
    // Written in EPSG:4490 lon/lat; every clinic distance that matters is 0 (inside the site)
    // or ≥ 1.7 km against a 1 km radius, so transformation precision never decides.
    const auto &toGeographic = gis::CoordinateTransform::forThread(workingCrs(), clinicCrs());
    if (!toGeographic.transform(x, y))
      throw gis::GisError("sample generator: cannot transform a clinic to EPSG:4490");
    return m_sink.add(kClinics, Shape::Point, point(x, y), {name, std::string(level)});
  }

  void emitFacilities()
  {
    Rng &rng = m_rng;
    if (m_pkg != 1) {
      if (m_urban) {
        const bool county = rng.chance(0.1);
        addClinic(m_medical.cx(), m_medical.cy(),
                  county ? std::string(kCounty) + "人民医院" + m_compound + "分院"
                         : std::string(m_township) + "卫生院" + m_compound + "分院",
                  county ? "county" : "township");
      } else {
        // Package 3's clinic has its level in words, 村卫生室, not the code village
        // (unknown-code); clinic-coverage counts a clinic of any level.
        const std::int64_t fid = addClinic(m_medical.cx(), m_medical.cy(),
                                           std::string(m_township) + m_village + "村卫生室",
                                           m_pkg == 3 ? "村卫生室" : "village");
        if (m_pkg == 3)
          m_sink.plant("unknown-code", kClinics, fid);
      }
      if (rng.chance(0.5)) {
        const double x = gx(650 + rng.uniform(-60, 60));
        const double y = gy(2000 + rng.uniform(-60, 60));
        addClinic(x, y, std::string(m_township) + villageName(rng) + "村卫生室", "village");
      }
    }
    // Package 1 has no elderly care within 1000 m (elderly-care-coverage); package 0's is
    // 4 beds short of its site's demand (elderly-care-beds); the others have ≥ 5 beds spare.
    const std::int64_t beds = m_urban ? rng.intIn(40, 200) : rng.intIn(10, 80);
    const std::int64_t demand = (m_population * 20 / 100) * 4 / 100;
    if (m_pkg != 1) {
      const std::int64_t fid =
          m_sink.add(kElderly, Shape::Point, point(m_elderly.cx(), m_elderly.cy()),
                     {m_urban ? std::string(m_township) + m_compound + "养老服务中心"
                              : std::string(m_township) + m_village + "村日间照料中心",
                      num(m_pkg == 0 ? demand - 4 : std::max(beds, demand + 5))});
      if (m_pkg == 0)
        m_sink.plant("elderly-care-beds", kElderly, fid);
    }
    // Package 0 is large but has no employment service point: it only has a community one.
    const bool employment = m_pkg != 0 && (m_population >= 3000 || rng.chance(0.25));
    if (employment) {
      const Rect &c = m_commercial.front();
      m_sink.add(kServices, Shape::Point, point(c.cx(), c.cy()),
                 {m_siteName + "公共就业服务站", std::string("employment_service")});
    }
    if (m_pkg == 0 || rng.chance(0.6)) {
      const Rect &r = m_residential[static_cast<std::size_t>(
          rng.intIn(0, static_cast<int>(m_residential.size()) - 1))];
      m_sink.add(kServices, Shape::Point, point(r.cx(), r.cy()),
                 {m_siteName + "社区综合服务站", std::string("community_service")});
    }
  }

  // ---- old homesteads ---------------------------------------------------------------------
  void emitHomesteads()
  {
    Rng &rng = m_rng;
    const int n = rng.intIn(6, 14);
    const std::string villages[2] = {std::string(m_township) + villageName(rng) + "村",
                                     std::string(m_township) + villageName(rng) + "村"};
    static constexpr std::array<std::string_view, 3> uses = {"cropland", "forest", "grassland"};
    for (int i = 0; i < n; ++i) {
      const int v = i % 2, slot = i / 2;
      const double vx = v == 0 ? 650 : 3350;
      const double x = vx - 80 + (slot % 4) * 45 + rng.uniform(-4, 4);
      const double y = 1920 + (slot / 4) * 45 + rng.uniform(-4, 4);
      const double w = rng.uniform(14, 22);
      const double h = rng.uniform(16, 26);
      const Rect r = local(x, y, x + w, y + h);
      std::string status = "reclaimed";
      std::optional<gis::Date> done =
          gis::Date{rng.intIn(2017, 2020), rng.intIn(1, 12), rng.intIn(1, 28)};
      if (rng.chance(0.03))
        done.reset(); // reclaimed without a date does not fire
      bool planted = false;
      if (i == 0 && m_pkg == 0) {
        status = "pending";
        done.reset();
        planted = true;
      } else if (i == 0 && m_pkg == 1) {
        status = "demolished";
        done.reset();
        planted = true;
      } else if (i == 0 && m_pkg == 2) {
        done = gis::Date{2021, 3, 15};
        planted = true;
      } else if (i == 0 && m_pkg == 3) {
        done = gis::Date{2020, 12, 31}; // on the deadline: no violation
      } else if (i == 1 && m_pkg == 3) {
        done.reset();
      }
      char household[48];
      std::snprintf(household, sizeof household, "%s-H%03d", m_siteCode.c_str(), i + 1);
      std::string use(uses[static_cast<std::size_t>(rng.intIn(0, 2))]);
      // On the DEM's steep strip under the western village (SampleDem): one cropland at least.
      const bool steep = m_steep && v == 0;
      if (steep && i == 2)
        use = "cropland";
      const std::int64_t fid = m_sink.add(kHomesteads, Shape::Polygon, ring(r),
                                          {std::string(household), villages[v], m_siteCode, status,
                                           use, done ? FieldValue(*done) : FieldValue(Null{})});
      if (planted)
        m_sink.plant("reclamation-progress", kHomesteads, fid);
      if (steep && use == "cropland")
        m_sink.plant("reclamation-suitability", kHomesteads, fid);
    }
  }

  void emitForest()
  {
    for (const Band &band : kBands) {
      const int k = m_rng.intIn(3, 4);
      double x = kBandX0;
      for (int i = 0; i < k; ++i) {
        const double xe =
            i == k - 1 ? 3940.0 : kBandX0 + 3880.0 * (i + 1) / k + m_rng.uniform(-150, 150);
        m_sink.add(kForest, Shape::Polygon, ring(local(x, band.y0, xe, band.y1)), {});
        x = xe;
      }
    }
  }

  // ---- rangers ----------------------------------------------------------------------------
  struct Strip
  {
    std::vector<Ring> pieces;
    double minX = 0, firstCy = 0;
  };

  //! Reserves room for a strip of width w in the bands (after a gap). Returns the local x.
  std::optional<std::pair<int, double>> allocate(double w, double gap)
  {
    while (m_band < 2) {
      const double start = m_bandX + gap;
      if (start + w <= kBands[m_band].xEnd) {
        m_bandX = start + w;
        return std::make_pair(m_band, start);
      }
      ++m_band;
      m_bandX = kBandX0;
      gap = 0;
    }
    return std::nullopt;
  }

  //! A strip of k plots stacked north-south with gaps, totalling targetM2 (planar).
  std::optional<Strip> strip(double targetM2, int k)
  {
    Rng &rng = m_rng;
    const double inset0 = rng.uniform(0, 40), inset1 = rng.uniform(0, 40);
    const double gapY = rng.uniform(15, 40);
    const double total = (kBands[0].y1 - kBands[0].y0) - inset0 - inset1 - (k - 1) * gapY;
    const double w = targetM2 / total;
    std::vector<double> weights(static_cast<std::size_t>(k));
    double sum = 0;
    for (double &x : weights)
      sum += (x = rng.uniform(0.6, 1.4));
    const double gapX = rng.chance(0.5) ? 0 : rng.uniform(0, 20);
    auto at = allocate(w, gapX);
    if (!at)
      return std::nullopt;
    const Band &band = kBands[static_cast<std::size_t>(at->first)];
    Strip s;
    double y = band.y0 + inset0;
    for (int i = 0; i < k; ++i) {
      const double h = total * weights[static_cast<std::size_t>(i)] / sum;
      const Rect r = local(at->second, y, at->second + w, y + h);
      s.pieces.push_back(ring(r));
      if (i == 0)
        s.firstCy = r.cy();
      y += h + gapY;
    }
    s.minX = gx(at->second);
    return s;
  }

  //! A single rectangle whose ellipsoidal area (gis::EllipsoidalArea on EPSG:4546) is
  //! targetMu, its width found by bisection: the edge cases of ranger-area.
  std::optional<Strip> exactStrip(double targetMu)
  {
    const double yb = kBands[0].y0 + 20, yt = kBands[0].y1 - 20;
    const double w0 = targetMu * kMu / (yt - yb);
    auto at = allocate(w0 * 1.02, 10);
    if (!at)
      return std::nullopt;
    const Band &band = kBands[static_cast<std::size_t>(at->first)];
    const double x0 = gx(at->second), y0 = gy(band.y0 + 20), y1 = gy(band.y1 - 20);
    const auto &measure = gis::EllipsoidalArea::forThread(workingCrs());
    auto muOf = [&](double w) {
      gis::Geometry g = gis::makePolygon(ring(Rect{x0, y0, x0 + w, y1}));
      return gis::EllipsoidalArea::toMu(measure.squareMetres(g.get()));
    };
    double lo = w0 * 0.98, hi = w0 * 1.02;
    for (int i = 0; i < 80; ++i) {
      const double mid = (lo + hi) / 2;
      (muOf(mid) < targetMu ? lo : hi) = mid;
    }
    Strip s;
    s.pieces.push_back(ring(Rect{x0, y0, x0 + (lo + hi) / 2, y1}));
    s.minX = x0;
    s.firstCy = (y0 + y1) / 2;
    return s;
  }

  std::int64_t addRanger(Residence residence, const Strip *strip)
  {
    Rng &rng = m_rng;
    bool relocated = residence == Residence::InSite || residence == Residence::SiteOnly ||
                     residence == Residence::FarWest8km;
    Ring where;
    std::optional<std::string> siteCode;
    switch (residence) {
    case Residence::InSite:
      // The west 60 % of the site is never in the notch.
      {
        const double x = cm(m_site.x0 + m_site.w() * rng.uniform(0.05, 0.6));
        const double y = cm(m_site.y0 + m_site.h() * rng.uniform(0.05, 0.95));
        where = point(x, y);
      }
      siteCode = m_siteCode;
      break;
    case Residence::SiteOnly:
      siteCode = m_siteCode;
      break;
    case Residence::NearSite: {
      const double x = gx(rng.uniform(1250, 2750));
      const double y = gy(rng.uniform(1620, 2380));
      where = point(x, y);
    }
      if (rng.chance(0.5))
        siteCode = m_siteCode;
      break;
    case Residence::FarWest8km:
      // Exactly 8000 m west of the west edge of the ranger's plots, level with the first.
      where = point(strip->minX - 8000.0, strip->firstCy);
      siteCode = m_siteCode;
      break;
    case Residence::Nowhere:
      break;
    }
    const Shape shape = where.empty() ? Shape::None : Shape::Point;
    return m_sink.add(
        kRangers, shape, std::move(where),
        {personName(rng), opt(siteCode), std::string(relocated ? "relocated" : "local")});
  }

  void addRangerPlots(const Strip &s, const std::string &rangerCode)
  {
    for (const Ring &r : s.pieces)
      m_sink.add(kRangerPlots, Shape::Polygon, r, {rangerCode});
  }

  //! A ranger with a normal strip; returns false when the bands are full.
  bool cleanRanger(Residence residence, double mu = 0)
  {
    Rng &rng = m_rng;
    if (mu <= 0)
      mu = rng.uniform(525, 700);
    const double u = rng.uniform();
    const int k = u < 0.3 ? 1 : (u < 0.8 ? 2 : 3);
    auto s = strip(mu * kMu, k);
    if (!s)
      return false;
    const std::int64_t fid = addRanger(residence, &*s);
    addRangerPlots(*s, Sink::code(kRangers, fid));
    return true;
  }

  Residence randomResidence()
  {
    if (m_rng.chance(0.7))
      return m_rng.chance(0.85) ? Residence::InSite : Residence::SiteOnly;
    return Residence::NearSite;
  }

  void emitRangers()
  {
    Rng &rng = m_rng;
    const int total = rng.intIn(14, 20);
    int made = 0;
    auto need = [](std::optional<Strip> s) {
      if (!s)
        throw gis::GisError("sample generator: no room for a planted ranger strip");
      return *s;
    };
    if (m_pkg == 0) {
      const Strip s450 = need(strip(450 * kMu, 2));
      const std::int64_t r450 = addRanger(Residence::InSite, &s450);
      addRangerPlots(s450, Sink::code(kRangers, r450));
      m_sink.plant("ranger-area", kRangers, r450);
      const std::int64_t idle = addRanger(Residence::NearSite, nullptr);
      m_sink.plant("ranger-unassigned", kRangers, idle);
      made += 2;
    } else if (m_pkg == 1) {
      const Strip below = need(exactStrip(499.9));
      const std::int64_t r1 = addRanger(Residence::InSite, &below);
      addRangerPlots(below, Sink::code(kRangers, r1));
      m_sink.plant("ranger-area", kRangers, r1);
      const Strip above = need(exactStrip(500.1)); // just enough: no violation
      const std::int64_t r2 = addRanger(Residence::InSite, &above);
      addRangerPlots(above, Sink::code(kRangers, r2));
      made += 2;
    } else if (m_pkg == 2) {
      emitOverlappingRangers();
      made += 2;
    } else if (m_pkg == 3) {
      const Strip far = need(strip(rng.uniform(560, 640) * kMu, 2));
      const std::int64_t rf = addRanger(Residence::FarWest8km, &far);
      addRangerPlots(far, Sink::code(kRangers, rf));
      m_sink.plant("ranger-distance", kRangers, rf);
      // A ranger with a bow-tie plot besides a normal strip: ≥ 560 mu even after repair.
      const Strip main = need(strip(rng.uniform(560, 640) * kMu, 1));
      const std::int64_t rb = addRanger(Residence::NearSite, &main);
      const std::string code = Sink::code(kRangers, rb);
      addRangerPlots(main, code);
      const Rect b = local(3360, 2900, 3480, 3020);
      const std::int64_t bow =
          m_sink.add(kRangerPlots, Shape::Polygon,
                     Ring{{b.x0, b.y0}, {b.x1, b.y1}, {b.x1, b.y0}, {b.x0, b.y1}}, {code});
      m_sink.plant("invalid-geometry", kRangerPlots, bow);
      cleanRanger(Residence::Nowhere); // no residence, no site: ranger-distance skips it
      made += 3;
    }
    while (made < total && cleanRanger(randomResidence()))
      ++made;
    if (m_pkg == 2) {
      // Orphan plots in the free corner of the north band, clear of every other plot.
      const std::int64_t unknown =
          m_sink.add(kRangerPlots, Shape::Polygon, ring(local(3360, 2560, 3540, 2740)),
                     {std::string("HLY-00000")});
      m_sink.plant("ranger-orphan-plot", kRangerPlots, unknown);
      const std::int64_t nobody =
          m_sink.add(kRangerPlots, Shape::Polygon, ring(local(3600, 2560, 3780, 2740)), {Null{}});
      m_sink.plant("ranger-orphan-plot", kRangerPlots, nobody);
    }
  }

  void emitOverlappingRangers()
  {
    // Two neighbouring single-plot rangers; B's plot reaches 20 x 100 m into A's.
    Rng &rng = m_rng;
    const double yb = kBands[0].y0 + 30, yt = kBands[0].y1 - 30;
    const double wa = rng.uniform(560, 640) * kMu / (yt - yb);
    const double wb = rng.uniform(560, 640) * kMu / (yt - yb);
    auto at = allocate(wa + wb, 10);
    if (!at)
      throw gis::GisError("sample generator: no room for the overlapping rangers");
    const Band &band = kBands[static_cast<std::size_t>(at->first)];
    const Rect a = local(at->second, band.y0 + 30, at->second + wa, band.y1 - 30);
    const Rect b = local(at->second + wa, band.y0 + 30, at->second + wa + wb, band.y1 - 30);
    const double t0 = cm(a.cy() - 50), t1 = cm(a.cy() + 50), xt = cm(b.x0 - 20);
    const std::int64_t ra = addRanger(Residence::InSite, nullptr);
    const std::int64_t pa =
        m_sink.add(kRangerPlots, Shape::Polygon, ring(a), {Sink::code(kRangers, ra)});
    const std::int64_t rb = addRanger(Residence::InSite, nullptr);
    const Ring bRing{{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1},
                     {b.x0, t1},   {xt, t1},     {xt, t0},     {b.x0, t0}};
    const std::int64_t pb =
        m_sink.add(kRangerPlots, Shape::Polygon, bRing, {Sink::code(kRangers, rb)});
    m_sink.plant("ranger-overlap", kRangerPlots, std::min(pa, pb), std::nullopt, kRangerPlots,
                 std::max(pa, pb));
  }

  // ---- roads ------------------------------------------------------------------------------
  void emitRoads()
  {
    // The county road runs the whole row of cells; a township road leads to the site and
    // village roads to the two villages.
    const double y = gy(1570);
    m_sink.add(kRoads, Shape::Line, {{gx(0), y}, {gx(kCell), y}}, {std::string("county")});
    const double sx = cm(m_site.x0 + 0.3 * m_site.w());
    m_sink.add(kRoads, Shape::Line, {{sx, y}, {sx, m_site.y0}}, {std::string("township")});
    m_sink.add(kRoads, Shape::Line, {{gx(650), y}, {gx(650), gy(1900)}}, {std::string("village")});
    m_sink.add(kRoads, Shape::Line, {{gx(3350), y}, {gx(3350), gy(1900)}},
               {std::string("village")});
  }

  // ---- state ------------------------------------------------------------------------------
  Sink &m_sink;
  Rng m_rng;
  int m_pkg = -1;
  bool m_first = false; //!< the county's site with the lowest fid
  bool m_steep = false; //!< the DEM rises steeply under the western village
  double m_ox = 0, m_oy = 0;
  const char *m_township = "";

  bool m_urban = false;
  double m_areaHa = 0;
  int m_population = 0, m_households = 0;
  std::optional<int> m_pupilsPrimary, m_pupilsJunior, m_supportPlan;
  int m_effPrimary = 0, m_effJunior = 0;
  std::string m_village, m_compound, m_siteName, m_siteCode;
  std::int64_t m_siteFid = 0;

  Rect m_site;
  int m_nc = 4, m_nr = 4;
  double m_road = 10;
  std::vector<double> m_xs, m_xe, m_ys, m_ye;
  bool m_notch = false;
  std::vector<Block> m_blocks;
  int m_plotNumber = 0;
  int m_eduRow = 1;
  bool m_bowTiePlanted = false;
  Rect m_education, m_medical, m_elderly;
  std::vector<Rect> m_commercial, m_residential;
  std::vector<BuildingPlan> m_buildings;

  int m_band = 0;
  double m_bandX = kBandX0;
};

} // namespace

Grid Grid::make(std::uint64_t seed, int sites)
{
  Grid g;
  g.seed = seed;
  g.sites = sites;
  g.cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(sites)))));
  g.rows = (sites + g.cols - 1) / g.cols;
  // Whole kilometres, so that cell corners are round numbers.
  g.originX = std::round((kCentreX - g.cols * kCell / 2) / 1000.0) * 1000.0;
  g.originY = std::round((kCentreY - g.rows * kCell / 2) / 1000.0) * 1000.0;
  return g;
}

void generateSite(Sink &sink, const Grid &grid, int site)
{
  SiteBuilder(sink, grid, site).run();
}

} // namespace anzhi::sample::detail
