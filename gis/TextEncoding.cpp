#include "gis/TextEncoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <vector>

namespace anzhi::gis {

namespace {

//! An iconv descriptor for one direction, opened once per thread (iconv_t is not shareable).
class Converter
{
public:
  Converter(const char *to, const char *from)
      : m_cd(iconv_open(to, from))
  {
  }
  ~Converter()
  {
    if (m_cd != reinterpret_cast<iconv_t>(-1))
      iconv_close(m_cd);
  }
  Converter(const Converter &) = delete;
  Converter &operator=(const Converter &) = delete;

  //! The converted bytes, or nothing if the input is malformed or has no mapping.
  std::optional<std::string> convert(std::string_view in) const
  {
    if (m_cd == reinterpret_cast<iconv_t>(-1))
      return std::nullopt;
    iconv(m_cd, nullptr, nullptr, nullptr, nullptr); // reset the shift state
    std::string out(in.size() * 4 + 4, '\0');
    char *src = const_cast<char *>(in.data());
    std::size_t srcLeft = in.size();
    char *dst = out.data();
    std::size_t dstLeft = out.size();
    if (iconv(m_cd, &src, &srcLeft, &dst, &dstLeft) == static_cast<std::size_t>(-1))
      return std::nullopt;
    out.resize(out.size() - dstLeft);
    return out;
  }

private:
  iconv_t m_cd;
};

const Converter &gbkDecoder()
{
  thread_local Converter c("UTF-8", "GBK");
  return c;
}

const Converter &gbkEncoder()
{
  thread_local Converter c("GBK", "UTF-8");
  return c;
}

//! The length of the well-formed UTF-8 sequence at s[i] (1 to 4), or 0 when the bytes there are
//! not UTF-8: a stray continuation byte, an overlong form, a surrogate, a value beyond
//! U+10FFFF, or a sequence cut short.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80)
    return 1;
  std::size_t len = 0;
  char32_t min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size())
    return 0;
  char32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (std::size_t k = 1; k < len; ++k) {
    const auto t = static_cast<unsigned char>(s[i + k]);
    if ((t & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (t & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

//! The code points of valid UTF-8 (callers check validity first).
std::vector<char32_t> codePoints(std::string_view s)
{
  std::vector<char32_t> result;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    result.push_back(cp);
    i += len;
  }
  return result;
}

std::string utf8Of(char32_t cp)
{
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

bool isHan(char32_t cp)
{
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

//! Whether a Han character is one that UTF-8 bytes read as GBK typically produce: its GBK code
//! lies outside GB2312 (a continuation byte 0x80–0xA0 taken as lead or trail byte), or in the
//! rare level-2 block 0xE4–0xE9 whose lead bytes are UTF-8's lead bytes for common Han.
bool isUtf8AsGbkMark(char32_t cp)
{
  std::optional<std::string> gbk = gbkEncoder().convert(utf8Of(cp));
  if (!gbk || gbk->size() != 2)
    return false;
  const auto lead = static_cast<unsigned char>((*gbk)[0]);
  const auto trail = static_cast<unsigned char>((*gbk)[1]);
  const bool outsideGb2312 = lead < 0xA1 || trail < 0xA1;
  const bool utf8LeadBlock = lead >= 0xE4 && lead <= 0xE9 && trail <= 0xBF;
  return outsideGb2312 || utf8LeadBlock;
}

std::string upper(std::string_view s)
{
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

std::string_view encodingName(TextEncoding encoding)
{
  return encoding == TextEncoding::Utf8 ? "UTF-8" : "GBK";
}

std::string_view gdalEncodingName(TextEncoding encoding)
{
  return encoding == TextEncoding::Utf8 ? "UTF-8" : "CP936";
}

std::optional<TextEncoding> encodingFromName(std::string_view name)
{
  const std::string n = upper(name);
  if (n == "UTF-8" || n == "UTF8" || n == "65001")
    return TextEncoding::Utf8;
  if (n == "GBK" || n == "CP936" || n == "936" || n == "GB2312" || n == "ANSI_936" ||
      n == "MS936" || n == "WINDOWS-936")
    return TextEncoding::Gbk;
  return std::nullopt;
}

bool isValidUtf8(std::string_view s)
{
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8Length(s, i);
    if (len == 0)
      return false;
    i += len;
  }
  return true;
}

bool isValidGbk(std::string_view s)
{
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
      continue;
    if (c == 0x80 || c == 0xFF || i + 1 >= s.size())
      return false;
    const auto t = static_cast<unsigned char>(s[++i]);
    if (t < 0x40 || t == 0x7F || t == 0xFF)
      return false;
  }
  return true;
}

std::optional<std::string> gbkToUtf8(std::string_view bytes)
{
  if (!isValidGbk(bytes))
    return std::nullopt;
  return gbkDecoder().convert(bytes);
}

std::optional<std::string> utf8ToGbk(std::string_view utf8)
{
  if (!isValidUtf8(utf8))
    return std::nullopt;
  return gbkEncoder().convert(utf8);
}

std::optional<std::string> encodeText(std::string_view utf8, TextEncoding encoding)
{
  if (encoding == TextEncoding::Gbk)
    return utf8ToGbk(utf8);
  if (!isValidUtf8(utf8))
    return std::nullopt;
  return std::string(utf8);
}

std::optional<std::string> decodeText(std::string_view bytes, TextEncoding encoding)
{
  if (encoding == TextEncoding::Gbk)
    return gbkToUtf8(bytes);
  if (!isValidUtf8(bytes))
    return std::nullopt;
  return std::string(bytes);
}

void EncodingDetector::add(std::string_view bytes)
{
  if (isValidUtf8(bytes))
    return; // also valid GBK when ASCII; a non-ASCII UTF-8 value alone decides nothing yet
  m_allUtf8 = false;
  if (!gbkToUtf8(bytes)) {
    m_allGbk = false;
    if (!m_undecodable)
      m_undecodable = std::string(bytes);
  }
}

std::optional<TextEncoding> EncodingDetector::verdict() const
{
  if (m_allUtf8)
    return TextEncoding::Utf8;
  if (m_allGbk)
    return TextEncoding::Gbk;
  return std::nullopt;
}

std::optional<std::string> mojibakeReason(std::string_view utf8)
{
  if (!isValidUtf8(utf8))
    return "the text is not valid UTF-8";
  const std::vector<char32_t> cps = codePoints(utf8);
  if (std::find(cps.begin(), cps.end(), U'\uFFFD') != cps.end())
    return "it contains the replacement character U+FFFD (bytes that could not be decoded)";
  if (utf8.find("锟斤拷") != std::string_view::npos ||
      utf8.find("烫烫") != std::string_view::npos || utf8.find("屯屯") != std::string_view::npos)
    return "it contains 锟斤拷 or 烫烫 (UTF-8 or empty bytes read as GBK)";
  for (std::size_t i = 0; i + 1 < cps.size(); ++i)
    if (cps[i] >= 0x80 && cps[i] <= 0xFF && cps[i + 1] >= 0x80 && cps[i + 1] <= 0xFF)
      return "it contains runs of Latin-1 characters such as 'Ã', '°' or 'Ö' (Chinese bytes "
             "read as Latin-1)";
  std::size_t han = 0, marks = 0;
  for (char32_t cp : cps) {
    if (!isHan(cp))
      continue;
    ++han;
    if (isUtf8AsGbkMark(cp))
      ++marks;
  }
  // Real names may hold one rare character (浍河); mojibake is mostly made of them.
  if (marks >= 2 && marks * 2 >= han)
    return "most of its Chinese characters are rare ones such as 鍙, 瀹 or 鏂 (UTF-8 read as "
           "GBK)";
  return std::nullopt;
}

std::string printable(std::string_view text)
{
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8Length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    if (len == 0 || c < 0x20 || c == 0x7F) {
      if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else if (c == '\t')
        out += "\\t";
      else
        out += {'\\', 'x', kHex[c >> 4], kHex[c & 0xF]};
      ++i;
      continue;
    }
    const std::string_view sequence = text.substr(i, len);
    i += len;
    const char32_t cp = len == 1 ? c : codePoints(sequence).front();
    // C1 controls (U+0080–U+009F: 0x9B is a terminal's CSI); line and paragraph separators;
    // the bidirectional marks, embeddings, overrides and isolates that reorder what follows.
    const bool hidden = (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
                        cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
                        (cp >= 0x2066 && cp <= 0x2069);
    if (!hidden) {
      out += sequence;
      continue;
    }
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
      out += kHex[(cp >> shift) & 0xF];
  }
  return out;
}

} // namespace anzhi::gis
