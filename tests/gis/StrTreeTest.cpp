// The packed STR-tree (gis::StrTree) against a brute-force scan: at every size that makes one
// leaf, one level or several, every query must return exactly the boxes that intersect it.

#include "gis/Geos.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>

namespace anzhi::gis {
namespace {

std::vector<std::size_t> bruteForce(const std::vector<StrTree::Item> &items, const Envelope &q)
{
  std::vector<std::size_t> found;
  for (const auto &item : items)
    if (item.box.intersects(q))
      found.push_back(item.id);
  std::sort(found.begin(), found.end());
  return found;
}

TEST(StrTree, MatchesBruteForceAtEverySize)
{
  std::mt19937 random(7);
  // Coordinates on a 1 m grid, so that boxes often touch exactly at their edges.
  std::uniform_int_distribution<int> coordinate(0, 400), extent(0, 12);
  for (std::size_t n : {1u, 15u, 16u, 17u, 255u, 256u, 257u, 5000u, 70000u}) {
    std::vector<StrTree::Item> items;
    for (std::size_t i = 0; i < n; ++i) {
      double x = coordinate(random), y = coordinate(random);
      // Ids are sparse (every third) as for layers with features lacking geometry.
      items.push_back({{x, y, x + extent(random), y + extent(random)}, 3 * i + 1});
    }
    StrTree tree(items);
    ASSERT_EQ(tree.size(), n);
    for (int q = 0; q < 300; ++q) {
      double x = coordinate(random) - 20, y = coordinate(random) - 20;
      Envelope box{x, y, x + extent(random) * 4, y + extent(random) * 4};
      ASSERT_EQ(tree.query(box), bruteForce(items, box)) << "n = " << n << ", query " << q;
    }
    // A query covering everything returns every id once.
    EXPECT_EQ(tree.query({-1e9, -1e9, 1e9, 1e9}).size(), n);
  }
}

TEST(StrTree, TouchingBoundariesAndPointsCount)
{
  StrTree tree(std::vector<StrTree::Item>{{{0, 0, 1, 1}, 0}, {{2, 2, 2, 2}, 1}});
  using Items = std::vector<std::size_t>;
  EXPECT_EQ(tree.query({1, 1, 1.5, 1.5}), (Items{0})); // corner touch
  EXPECT_EQ(tree.query({2, 2, 2, 2}), (Items{1}));     // a point box meets a point box
  EXPECT_EQ(tree.query({1.0000001, 0, 1.9999999, 5}), Items{});
}

TEST(StrTree, NonFiniteBoxesAreLeftOut)
{
  const double nan = std::numeric_limits<double>::quiet_NaN();
  StrTree tree(
      std::vector<StrTree::Item>{{{0, 0, 1, 1}, 0}, {{nan, 0, 1, 1}, 1}, {{5, 5, 6, 6}, 2}});
  EXPECT_EQ(tree.size(), 2u);
  EXPECT_EQ(tree.query({-10, -10, 10, 10}), (std::vector<std::size_t>{0, 2}));
}

} // namespace
} // namespace anzhi::gis
