#pragma once

// The import mappers: pure functions from what a user typed or a source declares to what the
// importer does, with no I/O (entry points for fuzz targets). Each throws ImportError with one
// line naming the argument at fault.

#include "core/LandUse.h"
#include "core/Schema.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! `--field ours=theirs`: the canonical field `ours` takes its values from the source field
//! `theirs`.
struct FieldMapping
{
  std::string ours;
  std::string theirs;
};

//! Parses "ours=theirs" (space around either name trimmed; `theirs` may contain '=' or any
//! UTF-8, `ours` is an ASCII field name).
FieldMapping parseFieldMapping(std::string_view text);
//! Parses every argument; a canonical field mapped twice is an error.
std::vector<FieldMapping> parseFieldMappings(const std::vector<std::string> &texts);

//! For each field of `layer` (in its order), the index of the source field it reads, or -1.
//! Explicit mappings win; otherwise a source field of the same name (ASCII case ignored) is
//! used. Throws when a mapping names a field that is not in the layer or not in the source, or
//! when a field the check needs (mustExist) stays unmapped (naming the field and the source's
//! fields).
std::vector<int> resolveFieldMapping(const LayerSchema &layer,
                                     const std::vector<std::string> &sourceFields,
                                     const std::vector<FieldMapping> &mappings);

//! `--land-use value=class`: source land-use values (a local code such as "R2" or "教育用地")
//! and the class they stand for, written into `land_use`/`use` as the class name.
using LandUseValueMap = std::map<std::string, LandUseClass, std::less<>>;
//! Parses "value=class" where class is a class name (education, medical, …) or its Chinese
//! name (教育用地, …). The value is trimmed.
LandUseValueMap parseLandUseMappings(const std::vector<std::string> &texts);

} // namespace anzhi::core
