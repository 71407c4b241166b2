#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace anzhi::sample::test {

//! One violation as docs/contract.md attaches it: (rule, layer, fid, level, other layer/fid).
struct Finding
{
  std::string rule, layer;
  std::int64_t fid = 0;
  std::optional<std::string> level, otherLayer;
  std::optional<std::int64_t> otherFid;
  auto key() const { return std::tie(rule, layer, fid, level, otherLayer, otherFid); }
  bool operator<(const Finding &o) const { return key() < o.key(); }
  bool operator==(const Finding &o) const { return key() == o.key(); }
};

std::string toString(const Finding &f);

//! How far the clean data stays from each rule's threshold.
struct Margins
{
  double minSeatsSpare = 1e300;        //!< capacity − enrolled − assigned, schools not flagged
  double maxClinicDistanceCovered = 0; //!< over sites that are covered
  double minClinicDistanceUncovered = 1e300;
  double maxProtectedOverlapBelowTolerance = 0; //!< largest intersection ≤ min_overlap_m2
  double maxRangerOverlapBelowTolerance = 0;
  double maxRangerDistanceOk = 0;          //!< over rangers not flagged by ranger-distance
  std::map<std::int64_t, double> rangerMu; //!< ranger fid → ellipsoidal area of its plots
  double maxSlopeOk = 0;                   //!< mean slope of cropland homesteads not flagged
  double minSlopeFlagged = 1e300;
};

struct CheckResult
{
  std::vector<Finding> findings; //!< sorted
  Margins margins;
};

//! A small, independent implementation of the rules of docs/contract.md with their default
//! parameters, brute force over GEOS, used to prove that the sample holds exactly the planted
//! violations. It is not the engine (core/), and deliberately shares no code with it.
CheckResult referenceCheck(const std::string &path);

} // namespace anzhi::sample::test
