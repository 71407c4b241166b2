#pragma once

#include "core/AcceptedExceptions.h"
#include "core/export/LayerExport.h"

#include <cstdint>
#include <string>
#include <vector>

namespace anzhi::desktop {

//! Writes the last check's violations by extension, through core/report: .gpkg (the open
//! violations as a layer), .csv (open and excepted, with a status column), .html (the report of
//! the open violations), .json (anzhi.report/1 with its exceptions block, as anzhi-cli writes
//! it). The reports name the project by its file name. Refuses (core::OutputError naming the file,
//! nothing written) an output that is `project` or one of its files (its SQLite side files or edit
//! journal), whether by the same path, a symbolic link or a hard link. Throws std::runtime_error
//! naming the path. Thread: any.
void exportViolations(const std::string &path, const std::string &project,
                      const core::CheckResult &result, const core::ExceptionSplit &split,
                      const std::string &lang);

//! 文件 → 导出选中要素: the features `fids` of `layer` (every feature when empty) of the saved
//! project, by extension: .txt a 界址点坐标 TXT (GBK), .gdb a File Geodatabase of that one layer
//! (core/export/LayerExport.h). An existing output is replaced (the file dialog asked). Throws
//! core::ExportError naming the file; nothing is written then. Thread: any.
core::ExportSummary exportFeatures(const std::string &path, const std::string &project,
                                   const std::string &layer, const std::vector<std::int64_t> &fids);

} // namespace anzhi::desktop
