// The attribute table's rows over a project with edits, and its filter language: the rows each
// query keeps are listed by hand from the schools written below.

#include "tests/support/ProjectBuilder.h"

#include "core/query/AttributeQuery.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

FieldValue n(std::int64_t v)
{
  return FieldValue(v);
}

//! fid  code  name      level    capacity  enrolled
//!   1  XX-1  东关小学  primary       500       400
//!   2  CZ-1  城关初中  junior        250       200
//!   3  CZ-2  岚城初中  junior        800      null
//!   4  XX-2  河口小学  primary       250       260
//!   5  GZ-1  县一中    high         null        10
std::shared_ptr<const core::Project> schools(const TempDir &dir)
{
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("schools", "XX-1", point(X0, Y0),
        {FieldValue("东关小学"), FieldValue("primary"), n(500), n(400)});
  b.add("schools", "CZ-1", point(X0 + 10, Y0),
        {FieldValue("城关初中"), FieldValue("junior"), n(250), n(200)});
  b.add("schools", "CZ-2", point(X0 + 20, Y0),
        {FieldValue("岚城初中"), FieldValue("junior"), n(800), null});
  b.add("schools", "XX-2", point(X0 + 30, Y0),
        {FieldValue("河口小学"), FieldValue("primary"), n(250), n(260)});
  b.add("schools", "GZ-1", point(X0 + 40, Y0),
        {FieldValue("县一中"), FieldValue("high"), null, n(10)});
  return core::Project::load(b.finish(), {});
}

std::vector<std::int64_t> fids(const core::LayerTable &t, const std::vector<core::RowId> &rows)
{
  std::vector<std::int64_t> out;
  for (core::RowId r : rows)
    out.push_back(t.fid(r));
  return out;
}

std::vector<std::int64_t> selected(const core::LayerTable &t, std::string_view query)
{
  return fids(t, core::matchingRows(t, t.rows(), core::AttributeQuery::parse(query, t)));
}

using Fids = std::vector<std::int64_t>;

class AttributeQueryTest : public ::testing::Test
{
protected:
  TempDir dir;
  std::shared_ptr<const core::Project> project = schools(dir);
  core::LayerTable table{project, "schools", core::EditBuffer{}};
};

} // namespace

TEST_F(AttributeQueryTest, ColumnsAreFidThenTheSchemaFields)
{
  ASSERT_EQ(table.columnCount(), 5u + 1u);
  EXPECT_EQ(table.columnName(0), "fid");
  EXPECT_EQ(table.columnName(1), "code");
  EXPECT_EQ(table.columnName(3), "level");
  EXPECT_EQ(table.value(2, 4), FieldValue(std::int64_t(800)));
  EXPECT_EQ(table.value(4, 4), FieldValue());
}

TEST_F(AttributeQueryTest, AndBindsTighterThanOr)
{
  EXPECT_EQ(selected(table, "level = 'junior' AND capacity < 300"), (Fids{2}));
  EXPECT_EQ(selected(table, "level = 'high' OR level = 'junior' AND capacity < 300"), (Fids{2, 5}));
  EXPECT_EQ(selected(table, "capacity <= 250 and enrolled > 200"), (Fids{4}));
  EXPECT_EQ(selected(table, "capacity ≥ 500"), (Fids{1, 3}));
  EXPECT_EQ(selected(table, "fid <> 1 AND fid != 2 AND fid ≠ 3"), (Fids{4, 5}));
}

TEST_F(AttributeQueryTest, NullsMeetOnlyNotEqualAndIsEmpty)
{
  EXPECT_EQ(selected(table, "enrolled is empty"), (Fids{3}));
  EXPECT_EQ(selected(table, "capacity IS NOT EMPTY AND enrolled is not empty"), (Fids{1, 2, 4}));
  EXPECT_EQ(selected(table, "enrolled != 200"), (Fids{1, 3, 4, 5}));
  EXPECT_EQ(selected(table, "enrolled < 1000"), (Fids{1, 2, 4, 5}));
}

TEST_F(AttributeQueryTest, ChineseNamesAndWordsForCodes)
{
  EXPECT_EQ(selected(table, "级别 = 初中"), (Fids{2, 3}));
  EXPECT_EQ(selected(table, "name contains 初中"), (Fids{2, 3}));
  EXPECT_EQ(selected(table, "code contains 'xx'"), (Fids{1, 4}));
  EXPECT_EQ(selected(table, "level = 'it''s'"), Fids{});
}

TEST_F(AttributeQueryTest, ErrorsNameThePositionAndToken)
{
  auto error = [&](std::string_view q) -> std::string {
    try {
      core::AttributeQuery::parse(q, table);
    } catch (const core::QueryError &e) {
      return e.what();
    }
    return "parsed";
  };
  EXPECT_EQ(error("capacity < abc"), "position 12, 'abc': capacity takes a whole number");
  EXPECT_EQ(error("colour = 'red'"), "position 1, 'colour': no such field in schools");
  EXPECT_EQ(error("level = 'junior' AND"), "position 21: a field name is missing");
  EXPECT_EQ(error("level 'junior'"),
            "position 7, 'junior': an operator (= ≠ < ≤ > ≥ contains, is empty) was expected");
  EXPECT_EQ(error("名称 = '小学"), "position 6, ''小学': the quote is not closed");
  EXPECT_EQ(error("level = junior capacity"),
            "position 16, 'capacity': AND, OR or the end was expected");
}

TEST_F(AttributeQueryTest, TextFilterMatchesCellsAndTheWordsOfCodes)
{
  core::RowRequest request;
  request.text = "初中"; // names of 2 and 3, and the words of level junior
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{2, 3}));
  request.text = "primary";
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{1, 4}));
  request.text = "小学"; // names of 1 and 4; level primary is 小学 too
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{1, 4}));
  request.text = "26";
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{4}));
}

TEST_F(AttributeQueryTest, SortsNullsFirstAndKeepsStoredOrderForTies)
{
  core::RowRequest request;
  request.sortColumn = 4; // capacity
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{5, 2, 4, 1, 3}));
  request.descending = true;
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{3, 1, 2, 4, 5}));
  request.sortColumn = 1; // code, by bytes
  request.descending = false;
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{2, 3, 5, 1, 4}));
  request.only = std::vector<core::RowId>{0, 4};
  EXPECT_EQ(fids(table, core::arrangeRows(table, request)), (Fids{5, 1}));
}

TEST_F(AttributeQueryTest, EditsShowEditedValuesHideDeletedAndAppendAdded)
{
  core::EditBuffer edits;
  core::Attributes changed = core::attributesOf(*project, "schools", 1);
  changed["capacity"] = std::int64_t(900);
  edits.set({"schools", 2}, core::Slot::of({nullptr, changed}));
  edits.set({"schools", 4}, core::Slot::deleted());
  const std::int64_t added = edits.newFid();
  edits.set({"schools", added},
            core::Slot::of({nullptr, {{"code", FieldValue("XX-9")}, {"capacity", n(100)}}}));
  const core::LayerTable edited(project, "schools", edits);
  EXPECT_EQ(fids(edited, edited.rows()), (Fids{1, 2, 3, 5, -1}));
  EXPECT_EQ(edited.value(1, 4), FieldValue(std::int64_t(900)));
  EXPECT_EQ(edited.value(*edited.rowOf(-1), 1), FieldValue("XX-9"));
  EXPECT_FALSE(edited.rowOf(4));
  EXPECT_EQ(selected(edited, "capacity < 300"), (Fids{-1}));
}
