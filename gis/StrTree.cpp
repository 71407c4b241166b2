#include "gis/Geos.h"

#include <algorithm>
#include <cmath>

namespace anzhi::gis {

namespace {

constexpr std::size_t kNodeCapacity = 16;

bool isFinite(const Envelope &e)
{
  return std::isfinite(e.minX) && std::isfinite(e.minY) && std::isfinite(e.maxX) &&
         std::isfinite(e.maxY);
}

//! Puts entries in STR order: vertical slices by centre x, each slice by centre y, so that
//! every run of kNodeCapacity consecutive entries is a compact tile.
template<typename T> void sortTileRecursive(std::vector<T> &entries)
{
  const std::size_t n = entries.size();
  std::sort(entries.begin(), entries.end(), [](const T &a, const T &b) {
    return a.box.minX + a.box.maxX < b.box.minX + b.box.maxX;
  });
  const std::size_t nodes = (n + kNodeCapacity - 1) / kNodeCapacity;
  const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(double(nodes))));
  const std::size_t sliceSize = std::max<std::size_t>(1, slices) * kNodeCapacity;
  for (std::size_t start = 0; start < n; start += sliceSize) {
    std::sort(
        entries.begin() + std::ptrdiff_t(start),
        entries.begin() + std::ptrdiff_t(std::min(n, start + sliceSize)),
        [](const T &a, const T &b) { return a.box.minY + a.box.maxY < b.box.minY + b.box.maxY; });
  }
}

template<typename Node, typename T> std::vector<Node> parentsOf(const std::vector<T> &entries)
{
  std::vector<Node> parents;
  parents.reserve((entries.size() + kNodeCapacity - 1) / kNodeCapacity);
  for (std::size_t start = 0; start < entries.size(); start += kNodeCapacity) {
    Node node;
    node.first = static_cast<std::uint32_t>(start);
    node.count = static_cast<std::uint32_t>(std::min(kNodeCapacity, entries.size() - start));
    node.box = entries[start].box;
    for (std::size_t k = start + 1; k < start + node.count; ++k)
      node.box.expandToInclude(entries[k].box);
    parents.push_back(node);
  }
  return parents;
}

std::vector<StrTree::Item> itemsOf(const std::vector<const GEOSGeometry *> &geometries)
{
  std::vector<StrTree::Item> items;
  items.reserve(geometries.size());
  for (std::size_t i = 0; i < geometries.size(); ++i)
    if (geometries[i] && !isEmpty(geometries[i]))
      items.push_back({envelope(geometries[i]), i});
  return items;
}

} // namespace

StrTree::StrTree(std::vector<Item> items)
    : m_items(std::move(items))
{
  // A box with NaN intersects nothing; leaving it out also keeps the sorts well defined.
  std::erase_if(m_items, [](const Item &item) { return !isFinite(item.box); });
  if (m_items.empty())
    return;
  sortTileRecursive(m_items);
  m_levels.push_back(parentsOf<Node>(m_items));
  while (m_levels.back().size() > 1) {
    sortTileRecursive(m_levels.back());
    std::vector<Node> parents = parentsOf<Node>(m_levels.back());
    m_levels.push_back(std::move(parents));
  }
}

StrTree::StrTree(const std::vector<const GEOSGeometry *> &geometries)
    : StrTree(itemsOf(geometries))
{
}

std::vector<std::size_t> StrTree::query(const Envelope &env) const
{
  std::vector<std::size_t> found;
  if (m_levels.empty())
    return found;
  struct Pending
  {
    std::size_t level;
    std::uint32_t node;
  };
  std::vector<Pending> pending;
  pending.reserve(m_levels.size() * kNodeCapacity);
  const std::size_t top = m_levels.size() - 1;
  for (std::uint32_t i = 0; i < m_levels[top].size(); ++i)
    if (m_levels[top][i].box.intersects(env))
      pending.push_back({top, i});
  while (!pending.empty()) {
    const auto [level, index] = pending.back();
    pending.pop_back();
    const Node &node = m_levels[level][index];
    for (std::uint32_t k = node.first; k < node.first + node.count; ++k) {
      if (level == 0) {
        if (m_items[k].box.intersects(env))
          found.push_back(m_items[k].id);
      } else if (m_levels[level - 1][k].box.intersects(env)) {
        pending.push_back({level - 1, k});
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

} // namespace anzhi::gis
