#pragma once

// Byte-level text encoding checks for imported attribute text: Chinese GIS data comes as UTF-8
// or as GBK (code page 936, what Chinese Windows, ArcGIS and Excel write), and a wrong guess
// turns 安置区 into "°²ÖÃÇø" or "瀹夌疆鍖". Pure functions on bytes, no I/O, callable from a
// fuzzer; conversions use the C library's iconv, one descriptor per thread.

#include <optional>
#include <string>
#include <string_view>

namespace anzhi::gis {

enum class TextEncoding
{
  Utf8,
  Gbk
};

//! "UTF-8" or "GBK", as the command line spells them.
std::string_view encodingName(TextEncoding encoding);
//! The name GDAL's drivers take in ENCODING options: "UTF-8" or "CP936".
std::string_view gdalEncodingName(TextEncoding encoding);
//! Reads a user's or a .cpg file's name: UTF-8/UTF8/65001, GBK/CP936/936/GB2312 (case and
//! surrounding space ignored). Nothing for any other name.
std::optional<TextEncoding> encodingFromName(std::string_view name);

//! Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool isValidUtf8(std::string_view bytes);
//! Whether the bytes are well-formed GBK: ASCII, or a lead byte 0x81–0xFE followed by a trail
//! byte 0x40–0xFE other than 0x7F.
bool isValidGbk(std::string_view bytes);
//! GBK bytes as UTF-8, or nothing when they are not GBK.
std::optional<std::string> gbkToUtf8(std::string_view bytes);
//! UTF-8 text as GBK bytes, or nothing when it is not UTF-8 or has a character GBK lacks.
std::optional<std::string> utf8ToGbk(std::string_view utf8);
//! UTF-8 text as bytes in the encoding (UTF-8 is checked, not converted); nothing when it is not
//! UTF-8 or has a character the encoding lacks.
std::optional<std::string> encodeText(std::string_view utf8, TextEncoding encoding);
//! Bytes in the encoding as UTF-8 (UTF-8 is checked, not converted); nothing if malformed.
std::optional<std::string> decodeText(std::string_view bytes, TextEncoding encoding);

//! Decides the encoding of a source from all its text values: UTF-8 when every value is
//! UTF-8 (plain ASCII included), else GBK when every value is GBK, else undecided.
class EncodingDetector
{
public:
  void add(std::string_view bytes);
  std::optional<TextEncoding> verdict() const;
  //! The first value that is neither UTF-8 nor GBK, if any (raw bytes).
  const std::optional<std::string> &firstUndecodable() const { return m_undecodable; }

private:
  bool m_allUtf8 = true;
  bool m_allGbk = true;
  std::optional<std::string> m_undecodable;
};

//! Whether UTF-8 text looks like mojibake, i.e. was decoded with the wrong encoding: a U+FFFD
//! replacement character; "锟斤拷" or "烫烫" (replacement or uninitialised bytes read as GBK);
//! two adjacent characters in U+0080–U+00FF (GBK or UTF-8 bytes read as Latin-1); or UTF-8
//! read as GBK, which yields mostly characters outside GB2312 or from the rare block GBK
//! 0xE4–0xE9 (鍙, 瀹, 鏂, 涓…). The reason is returned, else nothing. Invalid UTF-8 is
//! mojibake too.
std::optional<std::string> mojibakeReason(std::string_view utf8);

//! Text as it may be shown on a terminal or in a log line when it quotes data (a feature's
//! code, a field's value, a file or layer name): what could start a new line, move the cursor,
//! clear the screen or reorder the line is written out visibly, so that data cannot forge or
//! hide output. Escaped: C0 controls as \n, \r, \t or \xNN (ESC is \x1b), DEL as \x7f, bytes
//! that are not UTF-8 as \xNN, C1 controls, U+2028/U+2029 and the bidirectional controls
//! (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) as \uNNNN. Everything else, Chinese
//! included, is kept byte for byte; a backslash stays a backslash.
std::string printable(std::string_view text);

} // namespace anzhi::gis
