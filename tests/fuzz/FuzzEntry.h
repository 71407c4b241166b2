#pragma once

// The entry points of the fuzz targets (tests/fuzz/fuzz_*.cpp) and of the regression test that
// replays the saved inputs in normal CI (RegressionTest.cpp): one function per target, so that
// both exercise exactly the same code. Each returns normally for any input the product handles
// (accepted, or refused with its own error type); anything else — a crash, a sanitizer report,
// another exception, a broken invariant (abort) — is a finding.

#include <cstddef>
#include <cstdint>

namespace anzhi::fuzz {

//! core::RuleSet::fromToml on the bytes as TOML text, then the parsed set used as the engine
//! would (land-use patterns, pupil rates). RuleSetError is the expected refusal.
int ruleSet(const std::uint8_t *data, std::size_t size);

//! gis::fromWkb (GEOS's WKB reader) on the bytes, then the geometry validated and written back.
//! GisError is the expected refusal.
int wkb(const std::uint8_t *data, std::size_t size);

//! gis::readGpkgGeometry on the bytes as a GeoPackage geometry BLOB. GisError is the expected
//! refusal; a geometry read must survive a round trip through WKB unchanged.
int gpkgGeometry(const std::uint8_t *data, std::size_t size);

} // namespace anzhi::fuzz
