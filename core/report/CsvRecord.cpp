#include "core/report/CsvRecord.h"

#include <iomanip>
#include <sstream>

namespace anzhi::core {

CsvRecord &CsvRecord::text(std::string_view value)
{
  const bool formula =
      !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
  cell(formula ? "'" + std::string(value) : value);
  return *this;
}

CsvRecord &CsvRecord::number(std::int64_t value)
{
  cell(std::to_string(value));
  return *this;
}

CsvRecord &CsvRecord::number(const std::optional<std::int64_t> &value)
{
  cell(value ? std::to_string(*value) : std::string());
  return *this;
}

CsvRecord &CsvRecord::number(const std::optional<double> &value)
{
  if (!value) {
    cell({});
    return *this;
  }
  std::ostringstream o;
  o << std::fixed << std::setprecision(3) << *value;
  cell(o.str());
  return *this;
}

void CsvRecord::cell(std::string_view value)
{
  if (m_cells++ > 0)
    m_line += ',';
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
    m_line += value;
    return;
  }
  m_line += '"';
  for (char c : value) {
    if (c == '"')
      m_line += '"';
    m_line += c;
  }
  m_line += '"';
}

} // namespace anzhi::core
