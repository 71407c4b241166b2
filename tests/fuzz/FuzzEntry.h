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

//! core::EditJournal::replayContent on the bytes as a journal's content (JSON lines), then
//! the invariants replay promises: every slot of an editable layer, every geometry of the
//! layer's dimension, every value of its field's type, room for the next new fid.
//! JournalError is the expected refusal.
int journalReplay(const std::uint8_t *data, std::size_t size);

//! The import mappers (core/import, from the import branch; built only when present): the first
//! line as a CSV header (separator, split, geometry columns), the other lines as CSV rows and as
//! `--field`/`--land-use` arguments resolved against a canonical layer, the first bytes as
//! numbers for the coordinate sanity checks. ImportError is the expected refusal.
int importMappers(const std::uint8_t *data, std::size_t size);

} // namespace anzhi::fuzz
