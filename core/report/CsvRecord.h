#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace anzhi::core {

//! One CSV record, RFC 4180: a cell holding a comma, a quote or a line break is quoted, its
//! quotes doubled, and the record ends with CRLF. The only place Anzhi writes a CSV cell.
//! Text cells hold user data (codes, names, messages, reasons) and are neutralised against
//! formula injection (OWASP: a cell starting with = + - @, tab or carriage return is run as a
//! formula by Excel, WPS and LibreOffice; a leading ' makes it text). Number cells hold
//! numbers formatted here, never user text, and stay bare so that a spreadsheet still reads a
//! negative fid as a number. An unset number is an empty cell.
class CsvRecord
{
public:
  CsvRecord &text(std::string_view value);
  CsvRecord &number(std::int64_t value);
  CsvRecord &number(const std::optional<std::int64_t> &value);
  //! Three decimals (a millimetre, a square millimetre), as the HTML report shows them.
  CsvRecord &number(const std::optional<double> &value);

  //! The record with its CRLF.
  std::string line() const { return m_line + "\r\n"; }

private:
  void cell(std::string_view value);

  std::string m_line;
  int m_cells = 0;
};

} // namespace anzhi::core
