// Recovering a journal (docs/editing.md) that holds what the editor could never have written: a
// point in a polygon layer, text in an integer field, an edit of a layer that is not edited,
// fids at the ends of int64. Replay refuses the journal, naming its file, the line and what is
// wrong, and never applies part of it. The journals are written by hand here, as a damaged
// disk or another program would leave them.

#include "tests/support/ProjectBuilder.h"

#include "core/edit/EditJournal.h"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

std::string wkbHex(const std::string &wkt)
{
  gis::Geometry g = gis::fromWkt(wkt);
  std::string out;
  for (unsigned char b : gis::toWkb(g.get())) {
    static const char digits[] = "0123456789ABCDEF";
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

//! One journal line setting one feature's state.
std::string stateLine(const std::string &layer, const std::string &fid, const std::string &wkt,
                      const std::string &attributes)
{
  return R"({"set":[{"layer":")" + layer + R"(","fid":)" + fid + R"(,"slot":"state","wkb":)" +
         (wkt.empty() ? std::string("null") : "\"" + wkbHex(wkt) + "\"") + R"(,"attributes":)" +
         attributes + "}]}";
}

const std::string kPlotAttributes = R"({"code":"N-1","name":null,"land_use":"green"})";
const std::string kSchoolAttributes =
    R"({"code":"XX-1","name":"小学","level":"primary","capacity":300,"enrolled":null})";

class JournalReplay : public ::testing::Test
{
protected:
  //! Writes the journal of the (absent) project, one line each.
  void journal(const std::vector<std::string> &lines)
  {
    std::ofstream out(core::EditJournal::pathFor(m_project), std::ios::binary);
    for (const std::string &line : lines)
      out << line << "\n";
  }
  //! Replays and expects the journal refused with a message naming every part.
  void expectRefused(const std::vector<std::string> &parts)
  {
    const std::string journalPath = core::EditJournal::pathFor(m_project);
    const std::string before = slurp(journalPath);
    try {
      core::EditJournal::replay(m_project);
      ADD_FAILURE() << "the journal was replayed";
    } catch (const core::JournalError &e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(journalPath), std::string::npos) << message;
      for (const std::string &part : parts)
        EXPECT_NE(message.find(part), std::string::npos)
            << "'" << message << "' lacks '" << part << "'";
    }
    EXPECT_EQ(slurp(journalPath), before) << "replay changed the journal";
  }
  static std::string slurp(const std::string &path)
  {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  TempDir m_dir;
  std::string m_project = m_dir.file("项目.gpkg");
};

} // namespace

TEST_F(JournalReplay, PointInPlannedPlotsIsRefusedNamingTheLine)
{
  journal({stateLine("planned_plots", "-1", rect(X0, Y0, X0 + 10, Y0 + 10), kPlotAttributes),
           stateLine("planned_plots", "-2", point(X0, Y0), kPlotAttributes)});
  expectRefused(
      {"line 2", "planned_plots", "feature -2", "wrong geometry type: Point in a polygon layer"});
}

TEST_F(JournalReplay, PolygonInSchoolsIsRefused)
{
  journal({stateLine("schools", "-1", rect(X0, Y0, X0 + 10, Y0 + 10), kSchoolAttributes)});
  expectRefused({"line 1", "schools", "wrong geometry type: Polygon in a point layer"});
}

TEST_F(JournalReplay, TextInAnIntegerFieldIsRefused)
{
  journal({stateLine("schools", "-1", point(X0, Y0),
                     R"({"code":"XX-1","level":"primary","capacity":"lots"})")});
  expectRefused({"line 1", "schools", "field 'capacity'", "lots", "not a whole number"});
}

TEST_F(JournalReplay, NumbersAnIntegerFieldCannotHoldAreRefused)
{
  journal({stateLine("schools", "-1", point(X0, Y0),
                     R"({"code":"XX-1","level":"primary","capacity":1e300})")});
  expectRefused({"line 1", "field 'capacity'", "not a whole number"});
  journal({stateLine("schools", "-1", point(X0, Y0),
                     R"({"code":"XX-1","level":"primary","capacity":2.5})")});
  expectRefused({"line 1", "field 'capacity'", "not a whole number"});
  journal({stateLine("schools", "-1", point(X0, Y0),
                     R"({"code":"XX-1","level":"primary","capacity":18446744073709551615})")});
  expectRefused({"line 1", "field 'capacity'", "not a whole number"});
}

TEST_F(JournalReplay, WrongValueTypesForTextAndDateFieldsAreRefused)
{
  journal({stateLine("planned_plots", "-1", rect(X0, Y0, X0 + 10, Y0 + 10),
                     R"({"code":"N-1","land_use":42})")});
  expectRefused({"line 1", "field 'land_use'", "not text"});
  journal({stateLine("reclaimed_homesteads", "-1", rect(X0, Y0, X0 + 10, Y0 + 10),
                     R"({"code":"ZJD-1","status":"reclaimed","done_date":"2020-01-01"})")});
  expectRefused({"line 1", "field 'done_date'", "not a date"});
}

TEST_F(JournalReplay, FieldTheLayerDoesNotHaveIsRefused)
{
  journal({stateLine("planned_plots", "-1", rect(X0, Y0, X0 + 10, Y0 + 10),
                     R"({"code":"N-1","land_use":"green","colour":"red"})")});
  expectRefused({"line 1", "planned_plots", "no field 'colour'"});
}

TEST_F(JournalReplay, EditOfALayerThatIsNotEditedIsRefused)
{
  journal({stateLine("planned_plots", "-1", rect(X0, Y0, X0 + 10, Y0 + 10), kPlotAttributes),
           R"({"set":[{"layer":"roads","fid":3,"slot":"deleted"}]})"});
  expectRefused({"line 2", "layer 'roads' cannot be edited"});
  journal({R"({"set":[{"layer":"parcels","fid":1,"slot":"deleted"}]})"});
  expectRefused({"line 1", "layer 'parcels' cannot be edited"});
}

TEST_F(JournalReplay, FidsAtTheEndsOfInt64)
{
  // The lowest fid would leave no fid below it for the next new feature (EditBuffer counts new
  // fids down from the lowest one seen): refused, without overflowing.
  journal({R"({"set":[{"layer":"planned_plots","fid":-9223372036854775808,"slot":"deleted"}]})"});
  expectRefused({"line 1", "fid -9223372036854775808"});
  journal({stateLine("planned_plots", "-9223372036854775808", rect(X0, Y0, X0 + 10, Y0 + 10),
                     kPlotAttributes)});
  expectRefused({"line 1", "fid -9223372036854775808"});
  // Not an int64, or not a whole number at all.
  journal({R"({"set":[{"layer":"planned_plots","fid":9223372036854775808,"slot":"deleted"}]})"});
  expectRefused({"line 1", "fid"});
  journal({R"({"set":[{"layer":"planned_plots","fid":1e300,"slot":"deleted"}]})"});
  expectRefused({"line 1", "fid"});

  // The highest is a stored feature's fid like any other.
  journal({R"({"set":[{"layer":"planned_plots","fid":9223372036854775807,"slot":"deleted"}]})"});
  core::EditJournal::Replay r = core::EditJournal::replay(m_project);
  EXPECT_EQ(r.edits, 1u);
  EXPECT_EQ(r.buffer.slot({"planned_plots", std::numeric_limits<std::int64_t>::max()}).kind,
            core::Slot::Kind::Deleted);
}

TEST_F(JournalReplay, WhatTheEditorWritesStillReplays)
{
  // A whole real in an integer field (3.0) reads as the integer; a ranger without residence;
  // a date field as the journal writes dates.
  journal(
      {stateLine("schools", "-1", point(X0, Y0),
                 R"({"code":"XX-1","level":"primary","capacity":3.0})"),
       stateLine("rangers", "-2", "", R"({"code":"R-1","name":"护林员"})"),
       stateLine("reclaimed_homesteads", "7", rect(X0, Y0, X0 + 10, Y0 + 10),
                 R"({"code":"ZJD-7","status":"reclaimed","done_date":{"date":"2020-06-30"}})")});
  core::EditJournal::Replay r = core::EditJournal::replay(m_project);
  EXPECT_EQ(r.edits, 3u);
  core::Slot school = r.buffer.slot({"schools", -1});
  ASSERT_EQ(school.kind, core::Slot::Kind::State);
  const gis::FieldValue &capacity = school.state->attributes.at("capacity");
  ASSERT_TRUE(std::holds_alternative<std::int64_t>(capacity));
  EXPECT_EQ(std::get<std::int64_t>(capacity), 3);
  core::Slot ranger = r.buffer.slot({"rangers", -2});
  ASSERT_EQ(ranger.kind, core::Slot::Kind::State);
  EXPECT_EQ(ranger.state->geometry, nullptr);
  core::Slot homestead = r.buffer.slot({"reclaimed_homesteads", 7});
  ASSERT_EQ(homestead.kind, core::Slot::Kind::State);
  EXPECT_EQ(std::get<gis::Date>(homestead.state->attributes.at("done_date")),
            (gis::Date{2020, 6, 30}));
}
