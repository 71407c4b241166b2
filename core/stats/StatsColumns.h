#pragma once

#include "core/stats/ProjectStats.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>
#include <vector>

namespace anzhi::core {

//! One figure of the statistics as every presentation shows it (the CLI's table and JSON, the
//! desktop's 统计 table and its CSV): docs/statistics.md defines each by its `id`.
struct StatsColumn
{
  std::string id;               //!< JSON key, e.g. "planned_education_mu"
  std::string groupZh, groupEn; //!< 安置区, 规划用地, 学校, 护林员, 宅基地
  std::string nameZh, nameEn;   //!< within the group
  int decimals = 0;             //!< 0: a count; areas in 亩 with 2
  std::function<double(const StatsFigures &)> value;
};

//! Every column, grouped, in the order the tables show them.
const std::vector<StatsColumn> &statsColumns();

//! The township's name as the tables show it: 未关联乡镇 / "(no township)" for the unnamed row.
std::string townshipLabel(const TownshipStats &row, const std::string &lang);
//! The total row's label: 合计 / "Total".
std::string totalLabel(const std::string &lang);

//! The table as CSV for a spreadsheet, as the violations' CSV is written (UTF-8 with a byte
//! order mark, RFC 4180, core/report/CsvRecord.h): a header of the column names in `lang`, a row
//! per township, then the total; areas with three decimals.
std::string statsCsv(const ProjectStats &stats, const std::string &lang);

//! The `anzhi.stats/1` document (docs/contract.md, "Anzhi extensions").
nlohmann::json statsJson(const ProjectStats &stats, const std::string &projectName,
                         const std::string &workingCrs);

} // namespace anzhi::core
