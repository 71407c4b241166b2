#pragma once

// What a writer into an existing GeoPackage settles before it writes, on the connection it
// writes through.

#include "gis/Vector.h"

#include <string>
#include <vector>

namespace anzhi::gis {

//! Takes SQLite's write lock now, inside the dataset's open Transaction (GDAL's is deferred:
//! it would take the lock at the first write). What is read after it is what the commit will
//! follow: another writer waits for the commit, and whatever it committed before is seen.
//! Waits SQLite's busy timeout for another writer; throws GisError naming the file after it.
void takeWriteLock(VectorDataset &dataset);

//! The triggers on `table` other than those the GeoPackage standard and GDAL create themselves
//! (the R-tree index's rtree_<table>_<column>_insert/update1–7/delete, GDAL's
//! trigger_insert_feature_count_<table> and trigger_delete_feature_count_<table>, the
//! geometry type and SRS checks fgti_/fgui_/fgsi_/fgsu_<table>_<column>): the project's own,
//! which would run their SQL on every row written. Names in SQLite's order of creation.
std::vector<std::string> ownTriggers(const VectorDataset &dataset, const std::string &table);

} // namespace anzhi::gis
