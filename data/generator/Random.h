#pragma once

#include <cstdint>

namespace anzhi::sample::detail {

//! splitmix64 step: used to seed and to derive one independent stream per site, so that a
//! site's content depends only on (seed, site index), never on how many sites come before it
//! or on the chunk size used while writing.
inline std::uint64_t splitmix64(std::uint64_t &state)
{
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

//! xoshiro256** with our own uniform helpers. The std:: distributions are implementation
//! defined, so they would make the sample differ between standard libraries.
class Rng
{
public:
  explicit Rng(std::uint64_t seed)
  {
    std::uint64_t state = seed;
    for (auto &word : m_s)
      word = splitmix64(state);
  }

  //! The stream of one site (or other numbered item) of a sample.
  static Rng forItem(std::uint64_t seed, std::uint64_t stream, std::uint64_t item)
  {
    std::uint64_t state = seed * 0xD1B54A32D192ED03ULL + stream;
    std::uint64_t mixed = splitmix64(state);
    state = mixed ^ (item * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL);
    return Rng(splitmix64(state));
  }

  std::uint64_t next()
  {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
  }

  //! Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  //! Uniform integer in [lo, hi] (inclusive, a range below 2^32); the multiply-shift of the
  //! top 32 bits is exact and portable, unlike a modulo's bias or std::uniform_int_distribution.
  int intIn(int lo, int hi)
  {
    const std::uint64_t range = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
    return lo + static_cast<int>(((next() >> 32) * range) >> 32);
  }
  bool chance(double p) { return uniform() < p; }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t m_s[4];
};

} // namespace anzhi::sample::detail
