// The byte-level encoding checks (gis/TextEncoding.h). GBK byte values are those of the GBK
// code table (安 B0B2, 置 D6C3, 区 C7F8); the mojibake samples were made with Python's own
// codecs ("教育用地".encode("utf-8").decode("gbk")), independent of the code under test.

#include "gis/TextEncoding.h"

#include <gtest/gtest.h>

namespace anzhi::gis {
namespace {

const std::string kGbkAnzhiqu = "\xB0\xB2\xD6\xC3\xC7\xF8"; // 安置区 in GBK

TEST(TextEncoding, RecognisesUtf8)
{
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("plain ASCII"));
  EXPECT_TRUE(isValidUtf8("安置区一号"));
  EXPECT_FALSE(isValidUtf8(kGbkAnzhiqu));
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));         // overlong '/'
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));     // a UTF-16 surrogate
  EXPECT_FALSE(isValidUtf8("\xE5\xAE"));         // truncated 安
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // beyond U+10FFFF
}

TEST(TextEncoding, DecodesGbk)
{
  EXPECT_TRUE(isValidGbk(kGbkAnzhiqu));
  EXPECT_FALSE(isValidGbk("\xB0"));     // lead byte without trail
  EXPECT_FALSE(isValidGbk("\xB0\x7F")); // 0x7F is no trail byte
  EXPECT_EQ(gbkToUtf8(kGbkAnzhiqu), "安置区");
  EXPECT_EQ(gbkToUtf8("AZQ-1 " + kGbkAnzhiqu), "AZQ-1 安置区");
  EXPECT_EQ(gbkToUtf8("\xB0"), std::nullopt);
  EXPECT_EQ(decodeText("安置区", TextEncoding::Utf8), "安置区");
  EXPECT_EQ(decodeText(kGbkAnzhiqu, TextEncoding::Utf8), std::nullopt);
}

TEST(TextEncoding, DetectorPrefersUtf8ThenGbk)
{
  EncodingDetector ascii;
  ascii.add("AZQ-0001");
  EXPECT_EQ(ascii.verdict(), TextEncoding::Utf8);

  EncodingDetector utf8;
  utf8.add("安置区");
  utf8.add("rural");
  EXPECT_EQ(utf8.verdict(), TextEncoding::Utf8);

  EncodingDetector gbk;
  gbk.add("rural");
  gbk.add(kGbkAnzhiqu);
  EXPECT_EQ(gbk.verdict(), TextEncoding::Gbk);

  EncodingDetector neither;
  neither.add(kGbkAnzhiqu);
  neither.add("\xFF\xFE");
  EXPECT_EQ(neither.verdict(), std::nullopt);
  EXPECT_EQ(neither.firstUndecodable(), "\xFF\xFE");
}

TEST(TextEncoding, NamesEncodings)
{
  EXPECT_EQ(encodingFromName(" gbk "), TextEncoding::Gbk);
  EXPECT_EQ(encodingFromName("CP936"), TextEncoding::Gbk);
  EXPECT_EQ(encodingFromName("936"), TextEncoding::Gbk);
  EXPECT_EQ(encodingFromName("utf8"), TextEncoding::Utf8);
  EXPECT_EQ(encodingFromName("UTF-8"), TextEncoding::Utf8);
  EXPECT_EQ(encodingFromName("latin1"), std::nullopt);
}

TEST(TextEncoding, CatchesMojibake)
{
  // Correct text, including a rare character of a Shanxi river (浍河) and a county (岢岚县).
  for (const char *fine : {"安置区一号", "岢岚县", "浍河", "Zürich", "AZQ-0001", "°C", ""})
    EXPECT_EQ(mojibakeReason(fine), std::nullopt) << fine;
  // UTF-8 read as GBK.
  EXPECT_TRUE(mojibakeReason("鏁欒偛鐢ㄥ湴").has_value());
  // GBK read as Latin-1.
  EXPECT_TRUE(mojibakeReason("°²ÖÃÇø").has_value());
  // Replacement characters, raw or read as GBK.
  EXPECT_TRUE(mojibakeReason("安置\uFFFD").has_value());
  EXPECT_TRUE(mojibakeReason("锟斤拷锟斤拷").has_value());
  EXPECT_TRUE(mojibakeReason(kGbkAnzhiqu).has_value()); // not UTF-8 at all
}

TEST(TextEncoding, PrintableEscapesWhatCouldForgeOutput)
{
  // A code that would print a second, forged line, and one that clears the screen.
  EXPECT_EQ(printable("x\n anzhi-cli: Errors: 0"), "x\\n anzhi-cli: Errors: 0");
  EXPECT_EQ(printable("A\x1b[2J\rB\tC"), "A\\x1b[2J\\rB\\tC");
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printable("\x7f"), "\\x7f");
  // C1 controls as code points: U+009B (CSI) is C2 9B in UTF-8, U+0085 (NEL) C2 85.
  EXPECT_EQ(printable("\xC2\x9B"
                      "2J\xC2\x85"),
            "\\u009b2J\\u0085");
  // U+2028 (E2 80 A8), U+202E RIGHT-TO-LEFT OVERRIDE (E2 80 AE), U+2066 (E2 81 A6),
  // U+200F (E2 80 8F), U+061C (D8 9C).
  EXPECT_EQ(printable("a\xE2\x80\xA8"
                      "b\xE2\x80\xAE"
                      "cba\xE2\x81\xA6"
                      "d\xE2\x80\x8F\xD8\x9C"),
            "a\\u2028b\\u202ecba\\u2066d\\u200f\\u061c");
  // Bytes that are not UTF-8: GBK 安 (B0 B2), a lone continuation byte, a cut sequence.
  EXPECT_EQ(printable("\xB0\xB2"), "\\xb0\\xb2");
  EXPECT_EQ(printable("a\x80"), "a\\x80");
  EXPECT_EQ(printable("\xE5\xAE"), "\\xe5\\xae");
}

TEST(TextEncoding, PrintableKeepsTextAsItIs)
{
  for (const std::string text :
       {"安置区一号 AZQ-1", "养老（社会福利）用地", "C:\\dir\\n.gpkg", "°²ÖÃÇø", "emoji 🏫", "",
        "\xC2\xA0non-breaking", "\xE2\x80\x8B zero width space"})
    EXPECT_EQ(printable(text), text);
}

} // namespace
} // namespace anzhi::gis
