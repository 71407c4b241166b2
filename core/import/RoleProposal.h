#pragma once

#include "gis/Vector.h"

#include <optional>
#include <string>

namespace anzhi::core {

//! The role the import wizard proposes for a source layer, and why.
struct RoleProposal
{
  std::string role; //!< a canonical table of docs/contract.md
  std::string word; //!< the word of the name it matched, empty when only the geometry decided
};

//! Proposes the canonical layer a source layer is, from its names (the layer's and the file's,
//! e.g. "学校.shp", "护林员管护责任区", "schools_2020") and the geometry it declares: the role
//! whose word is the longest found in a name, among the roles that take that geometry (a point
//! layer named 安置区学校 is schools, not resettlement sites); without such a word, planned plots
//! for polygons and nothing otherwise (docs/import.md, "The wizard's proposal"). Words are
//! matched case-insensitively for Latin letters.
std::optional<RoleProposal> proposeRole(const std::string &layerName, const std::string &fileName,
                                        gis::GeometryKind geometry);

} // namespace anzhi::core
