#pragma once

// An RFC 4180 reader for the tests that check what Anzhi's CSV report holds, written apart from
// the writer (core/report/CsvRecord).

#include <string>
#include <vector>

namespace anzhi::test {

//! The records of CSV text (without a byte order mark): quoted cells may hold commas, doubled
//! quotes and line breaks; records end with CRLF.
inline std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string &cell = records.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        cell += text[++i];
      else if (c == '"')
        quoted = false;
      else
        cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      records.emplace_back(1);
    } else {
      cell += c;
    }
  }
  if (records.back() == std::vector<std::string>(1))
    records.pop_back(); // after the last CRLF
  return records;
}

} // namespace anzhi::test
