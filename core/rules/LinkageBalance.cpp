#include "core/rules/LinkageBalance.h"
#include "core/Parallel.h"
#include "core/rules/RuleSupport.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace anzhi::core::rules {

double unionAreaM2(const std::vector<const GEOSGeometry *> &parts, const gis::Crs &crs)
{
  const std::size_t n = parts.size();
  std::vector<gis::Envelope> boxes(n);
  parallelFor(n, 0, [&](std::size_t i) { boxes[i] = gis::envelope(parts[i]); });
  std::vector<std::size_t> byWestEdge(n);
  std::iota(byWestEdge.begin(), byWestEdge.end(), std::size_t{0});
  std::sort(byWestEdge.begin(), byWestEdge.end(),
            [&](std::size_t a, std::size_t b) { return boxes[a].minX < boxes[b].minX; });
  std::vector<std::size_t> root(n);
  std::iota(root.begin(), root.end(), std::size_t{0});
  auto find = [&](std::size_t i) {
    while (root[i] != i)
      i = root[i] = root[root[i]];
    return i;
  };
  // The envelopes that reach east of the current west edge; the others can overlap no later one.
  std::vector<std::size_t> open;
  for (std::size_t i : byWestEdge) {
    for (std::size_t k = 0; k < open.size();) {
      const std::size_t j = open[k];
      if (boxes[j].maxX <= boxes[i].minX) {
        open[k] = open.back();
        open.pop_back();
        continue;
      }
      if (interiorsMayOverlap(boxes[i], boxes[j]))
        root[find(j)] = find(i);
      ++k;
    }
    open.push_back(i);
  }
  // Each cluster of more than one part is measured once, as the union, at its first part.
  std::vector<std::size_t> first(n, n), members(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = find(i);
    if (first[r] == n)
      first[r] = i;
    ++members[r];
  }
  std::vector<std::vector<const GEOSGeometry *>> clusterAt(n);
  std::vector<bool> measured(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = find(i);
    measured[i] = first[r] == i;
    if (members[r] > 1)
      clusterAt[first[r]].push_back(parts[i]);
  }
  std::vector<double> areas(n, 0.0);
  parallelFor(n, 0, [&](std::size_t i) {
    if (!measured[i])
      return; // in its cluster's union
    const gis::EllipsoidalArea &area = gis::EllipsoidalArea::forThread(crs);
    areas[i] = clusterAt[i].empty()
                   ? area.squareMetresSmallRingsAuthalic(parts[i])
                   : area.squareMetresSmallRingsAuthalic(gis::unionAll(clusterAt[i]).get());
  });
  double total = 0;
  for (double a : areas)
    total += a;
  return total;
}

std::vector<CountyLinkage> linkageByCounty(const Project &project)
{
  struct Parts
  {
    CountyLinkage linkage;
    std::vector<const GEOSGeometry *> sites, reclaimed;
  };
  std::map<std::string, Parts> byCounty;
  std::unordered_map<std::string, const std::string *> countyOfSite;
  for (std::size_t i = 0; i < project.sites.features.size(); ++i) {
    const Site &site = project.sites.features[i];
    if (!site.county || site.county->empty())
      continue;
    Parts &parts = byCounty[*site.county];
    if (parts.linkage.sites++ == 0) {
      parts.linkage.county = *site.county;
      parts.linkage.firstSite = i;
    } else if (site.fid < project.sites.features[parts.linkage.firstSite].fid) {
      parts.linkage.firstSite = i;
    }
    if (site.hasGeometry())
      parts.sites.push_back(site.geometry.get());
    if (site.code)
      countyOfSite.try_emplace(*site.code, &*site.county); // the first site of a code, as
                                                           // every rule reads site_code
  }
  for (const Homestead &h : project.homesteads.features) {
    if (!h.hasGeometry() || h.status != "reclaimed" || !h.siteCode)
      continue;
    auto it = countyOfSite.find(*h.siteCode);
    if (it != countyOfSite.end())
      byCounty[*it->second].reclaimed.push_back(h.geometry.get());
  }
  std::vector<CountyLinkage> out;
  out.reserve(byCounty.size());
  for (auto &[county, parts] : byCounty) {
    parts.linkage.constructionM2 = unionAreaM2(parts.sites, project.workingCrs);
    parts.linkage.reclaimedM2 = unionAreaM2(parts.reclaimed, project.workingCrs);
    out.push_back(std::move(parts.linkage));
  }
  return out;
}

namespace {

//! 五（十五） 增减挂钩: per county, the new construction land of the sites is balanced by the
//! reclaimed homestead land (docs/contract.md "Rules of wave 2", 14.).
class LinkageBalanceCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "linkage-balance",
                                  .clause = "五（十五）",
                                  .severity = Severity::Warning,
                                  .nameZh = "增减挂钩不平衡",
                                  .nameEn = "Land linkage out of balance",
                                  .requiredLayers = {"resettlement_sites", "reclaimed_homesteads"},
                                  .layersRead = {"resettlement_sites", "reclaimed_homesteads"},
                                  .countyWide = true};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<LinkageBalanceParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const double toleranceM2 =
        ctx.parameters<LinkageBalanceParameters>().toleranceMu * gis::kSquareMetresPerMu;
    RuleRun result;
    result.linkage = linkageByCounty(p);
    for (const CountyLinkage &c : result.linkage) {
      result.checked += c.sites;
      const Site &site = p.sites.features[c.firstSite];
      if (!(c.constructionM2 > c.reclaimedM2 + toleranceM2) || !ctx.inScope(site))
        continue;
      Violation v = siteViolation(ctx, id(), site);
      v.areaM2 = c.constructionM2 - c.reclaimedM2;
      const double constructionMu = gis::EllipsoidalArea::toMu(c.constructionM2);
      const double reclaimedMu = gis::EllipsoidalArea::toMu(c.reclaimedM2);
      const double shortMu = gis::EllipsoidalArea::toMu(*v.areaM2);
      v.messageZh = c.county + "增减挂钩不平衡：安置区新增建设用地 " + fixed(constructionMu, 2) +
                    " 亩，已复垦宅基地 " + fixed(reclaimedMu, 2) + " 亩，缺口 " +
                    fixed(shortMu, 2) + " 亩。请加快拆旧复垦或调减新增建设用地。";
      v.messageEn = c.county + ": land linkage out of balance, " + fixed(constructionMu, 2) +
                    " mu of new construction land in the sites against " + fixed(reclaimedMu, 2) +
                    " mu of reclaimed homesteads, short by " + fixed(shortMu, 2) +
                    " mu. Reclaim more homesteads or reduce the new construction land.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

} // namespace

std::unique_ptr<Rule> makeLinkageBalanceCheck()
{
  return std::make_unique<LinkageBalanceCheck>();
}

} // namespace anzhi::core::rules
