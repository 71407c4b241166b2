#pragma once

#include "core/Engine.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace anzhi::core {

//! What identifies "the same violation" from one check to the next: rule, feature, other
//! feature and level (docs/contract.md, "Precise semantics" 0.). Codes and messages are not part of
//! it.
struct ExceptionKey
{
  std::string rule;
  std::string layer;
  std::int64_t fid = 0;
  std::optional<std::string> otherLayer;
  std::optional<std::int64_t> otherFid;
  std::optional<std::string> level;
  auto operator<=>(const ExceptionKey &) const = default;
  bool operator==(const ExceptionKey &) const = default;
};

ExceptionKey exceptionKey(const Violation &v);

//! A violation accepted as an exception (例外): who accepted it, when, why, and the approval
//! document number (批准文号). A plain value.
struct AcceptedException
{
  ExceptionKey key;
  std::string reason;
  std::string approvalNo;
  std::string createdBy;
  std::string createdAt; //!< ISO 8601, UTC, e.g. 2024-05-01T08:30:00Z
};

//! The table that holds the exceptions inside the project GeoPackage.
inline constexpr const char *kExceptionsTable = "anzhi_exceptions";

//! Reads the project's exceptions; none when the table does not exist. Throws
//! std::runtime_error naming the file and field when the table cannot be read.
//! Thread: any (opens its own dataset).
std::vector<AcceptedException> loadExceptions(const std::string &projectPath);

//! Replaces the project's exceptions with `exceptions` (creating the non-spatial table
//! anzhi_exceptions if needed), in one transaction: on any error nothing changes. Throws
//! std::runtime_error naming the file. Thread: any, but not concurrently with another writer.
void saveExceptions(const std::string &projectPath,
                    const std::vector<AcceptedException> &exceptions);

//! A check's violations split by the accepted exceptions: `open` keeps the check's order;
//! `excepted` pairs each excepted violation with its exception. Exceptions that matched no
//! violation (the problem is gone) are in `unmatched`.
struct ExceptionSplit
{
  std::vector<Violation> open;
  std::vector<std::pair<Violation, AcceptedException>> excepted;
  std::vector<AcceptedException> unmatched;
  std::size_t openErrorCount() const;
};

ExceptionSplit splitExceptions(const CheckResult &result,
                               const std::vector<AcceptedException> &exceptions);

//! The result with only the open violations, and each rule's `violations` count reduced to
//! its open ones: what reports and error counts use once exceptions are honoured.
CheckResult withoutExcepted(const CheckResult &result, const ExceptionSplit &split);

//! The violations that no exception accepts, in their order: what the live check around an
//! edit lists, draws and counts, as the full check does.
std::vector<Violation> withoutAccepted(std::vector<Violation> violations,
                                       const std::vector<AcceptedException> &exceptions);

} // namespace anzhi::core
