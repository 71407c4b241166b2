#include "core/stats/StatsColumns.h"

#include "core/Glossary.h"
#include "core/report/CsvRecord.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace anzhi::core {

namespace {

using Figures = StatsFigures;

std::vector<StatsColumn> makeColumns()
{
  std::vector<StatsColumn> c;
  auto count = [&](std::string id, const char *groupZh, const char *groupEn, std::string zh,
                   std::string en, std::function<std::int64_t(const Figures &)> get) {
    c.push_back({std::move(id), groupZh, groupEn, std::move(zh), std::move(en), 0,
                 [get](const Figures &f) { return double(get(f)); }});
  };
  auto mu = [&](std::string id, const char *groupZh, const char *groupEn, std::string zh,
                std::string en, std::function<double(const Figures &)> getM2) {
    c.push_back({std::move(id), groupZh, groupEn, std::move(zh), std::move(en), 2,
                 [getM2](const Figures &f) { return Figures::mu(getM2(f)); }});
  };
  count("sites", "安置区", "Sites", "安置区", "sites", [](const Figures &f) { return f.sites; });
  count("households", "安置区", "Sites", "户数", "households",
        [](const Figures &f) { return f.households; });
  count("population", "安置区", "Sites", "人口", "population",
        [](const Figures &f) { return f.population; });
  for (std::size_t k = 0; k < kLandUseClasses.size(); ++k) {
    const LandUseClass cls = kLandUseClasses[k];
    mu("planned_" + std::string(className(cls)) + "_mu", "规划用地（亩）", "Planned land (mu)",
       std::string(classNameZh(cls)), std::string(className(cls)),
       [k](const Figures &f) { return f.plannedM2[k]; });
  }
  mu("protected_taken_mu", "规划用地（亩）", "Planned land (mu)", "保护用地被侵占",
     "protected land taken", [](const Figures &f) { return f.protectedTakenM2; });
  count("primary_seats", "学校", "Schools", "小学空余学位", "primary seats free",
        [](const Figures &f) { return f.primarySeats; });
  count("primary_pupils", "学校", "Schools", "小学学生", "primary pupils",
        [](const Figures &f) { return f.primaryPupils; });
  count("junior_seats", "学校", "Schools", "初中空余学位", "junior seats free",
        [](const Figures &f) { return f.juniorSeats; });
  count("junior_pupils", "学校", "Schools", "初中学生", "junior pupils",
        [](const Figures &f) { return f.juniorPupils; });
  count("nine_year_seats", "学校", "Schools", "其中九年一贯制", "of which nine-year",
        [](const Figures &f) { return f.nineYearSeats; });
  count("rangers", "护林员", "Rangers", "护林员", "rangers",
        [](const Figures &f) { return f.rangers; });
  count("rangers_without_plot", "护林员", "Rangers", "无管护责任区", "without plot",
        [](const Figures &f) { return f.rangersWithoutPlot; });
  count("rangers_below_min", "护林员", "Rangers", "不足下限", "below minimum",
        [](const Figures &f) { return f.rangersBelowMin; });
  count("rangers_at_or_above_min", "护林员", "Rangers", "达到下限", "at or above minimum",
        [](const Figures &f) { return f.rangersAtOrAboveMin; });
  mu("ranger_area_mu", "护林员", "Rangers", "管护面积（亩）", "area (mu)",
     [](const Figures &f) { return f.rangerAreaM2; });
  mu("ranger_deficit_mu", "护林员", "Rangers", "面积缺口（亩）", "deficit (mu)",
     [](const Figures &f) { return f.rangerDeficitM2; });
  for (std::size_t s = 0; s < kHomesteadStatusCount; ++s) {
    const std::string name = statusName(HomesteadStatus(s));
    const std::string zh(codedValueZh("status", name).value_or("其他状态"));
    count("homesteads_" + name, "宅基地", "Homesteads", zh, name,
          [s](const Figures &f) { return f.homesteads[s].count; });
    mu("homesteads_" + name + "_mu", "宅基地", "Homesteads", zh + "（亩）", name + " (mu)",
       [s](const Figures &f) { return f.homesteads[s].areaM2; });
  }
  mu("reclaimed_mu", "宅基地", "Homesteads", "复垦面积（亩）", "reclaimed area (mu)",
     [](const Figures &f) { return f.reclaimedM2; });
  return c;
}

nlohmann::json figuresJson(const Figures &f)
{
  nlohmann::json j = nlohmann::json::object();
  for (const StatsColumn &column : statsColumns()) {
    const double v = column.value(f);
    if (column.decimals == 0)
      j[column.id] = std::int64_t(std::llround(v));
    else
      j[column.id] = v;
  }
  return j;
}

} // namespace

const std::vector<StatsColumn> &statsColumns()
{
  static const std::vector<StatsColumn> columns = makeColumns();
  return columns;
}

std::string townshipLabel(const TownshipStats &row, const std::string &lang)
{
  if (row.township)
    return *row.township;
  return lang == "en" ? "(no township)" : "未关联乡镇";
}

std::string totalLabel(const std::string &lang)
{
  return lang == "en" ? "Total" : "合计";
}

std::string statsCsv(const ProjectStats &stats, const std::string &lang)
{
  const bool en = lang == "en";
  std::string out = "\xEF\xBB\xBF";
  CsvRecord header;
  header.text(en ? "township" : "乡镇");
  for (const StatsColumn &c : statsColumns())
    header.text(en ? c.groupEn + ": " + c.nameEn : c.groupZh + "：" + c.nameZh);
  out += header.line();
  auto row = [&](const std::string &label, const StatsFigures &f) {
    CsvRecord r;
    r.text(label);
    for (const StatsColumn &c : statsColumns()) {
      if (c.decimals == 0)
        r.number(std::int64_t(std::llround(c.value(f))));
      else
        r.number(std::optional<double>(c.value(f)));
    }
    out += r.line();
  };
  for (const TownshipStats &t : stats.townships)
    row(townshipLabel(t, lang), t.figures);
  row(totalLabel(lang), stats.total);
  return out;
}

nlohmann::json statsJson(const ProjectStats &stats, const std::string &projectName,
                         const std::string &workingCrs)
{
  nlohmann::json j;
  j["schema"] = "anzhi.stats/1";
  j["project"] = projectName;
  j["working_crs"] = workingCrs;
  j["min_mu"] = stats.minMu;
  nlohmann::json rows = nlohmann::json::array();
  for (const TownshipStats &t : stats.townships) {
    nlohmann::json row = figuresJson(t.figures);
    row["township"] = t.township ? nlohmann::json(*t.township) : nlohmann::json(nullptr);
    rows.push_back(std::move(row));
  }
  j["townships"] = std::move(rows);
  j["total"] = figuresJson(stats.total);
  return j;
}

} // namespace anzhi::core
