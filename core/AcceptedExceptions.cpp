#include "core/AcceptedExceptions.h"

#include "gis/GisError.h"
#include "gis/Vector.h"

#include <map>
#include <set>
#include <stdexcept>

namespace anzhi::core {

namespace {

//! The table's own key is `id`, so that `fid` can name the excepted feature as the issue asks.
//! Registered in gpkg_contents as 'attributes', so that QGIS and OGR list it.
const char *kCreateTable =
    "CREATE TABLE anzhi_exceptions (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
    "rule TEXT NOT NULL, layer TEXT NOT NULL, fid INTEGER NOT NULL, other_layer TEXT, "
    "other_fid INTEGER, level TEXT, reason TEXT, approval_no TEXT, created_by TEXT, "
    "created_at TEXT)";
const char *kRegisterTable =
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES "
    "('anzhi_exceptions', 'attributes', 'anzhi_exceptions', "
    "'Accepted exceptions (例外) of Anzhi checks')";

std::string quote(const std::string &text)
{
  return gis::sqlLiteral(text);
}

std::string quote(const std::optional<std::string> &text)
{
  return text ? quote(*text) : "NULL";
}
std::string quote(const std::optional<std::int64_t> &value)
{
  return value ? std::to_string(*value) : "NULL";
}

} // namespace

ExceptionKey exceptionKey(const Violation &v)
{
  ExceptionKey key;
  key.rule = v.rule;
  key.layer = v.feature.layer;
  key.fid = v.feature.fid;
  if (v.other) {
    key.otherLayer = v.other->layer;
    key.otherFid = v.other->fid;
  }
  key.level = v.level;
  return key;
}

std::vector<AcceptedException> loadExceptions(const std::string &projectPath)
{
  std::vector<AcceptedException> out;
  try {
    gis::VectorDataset dataset = gis::VectorDataset::open(projectPath);
    if (!dataset.hasLayer(kExceptionsTable))
      return out;
    gis::VectorLayer layer = dataset.layer(kExceptionsTable);
    using F = gis::FieldType;
    const int rule = layer.requireField("rule", F::String),
              name = layer.requireField("layer", F::String),
              fid = layer.requireField("fid", F::Integer);
    auto optional = [&](const char *field, F type) {
      return layer.fieldIndex(field) < 0 ? -1 : layer.requireField(field, type);
    };
    const int otherLayer = optional("other_layer", F::String),
              otherFid = optional("other_fid", F::Integer), level = optional("level", F::String),
              reason = optional("reason", F::String), approval = optional("approval_no", F::String),
              by = optional("created_by", F::String), at = optional("created_at", F::String);
    auto text = [](const gis::FeatureRow &r, int i) { return i < 0 ? std::nullopt : r.string(i); };
    layer.forEach([&](const gis::FeatureRow &r) {
      AcceptedException e;
      e.key.rule = r.string(rule).value_or("");
      e.key.layer = r.string(name).value_or("");
      e.key.fid = r.integer(fid).value_or(0);
      e.key.otherLayer = text(r, otherLayer);
      e.key.otherFid = otherFid < 0 ? std::nullopt : r.integer(otherFid);
      e.key.level = text(r, level);
      e.reason = text(r, reason).value_or("");
      e.approvalNo = text(r, approval).value_or("");
      e.createdBy = text(r, by).value_or("");
      e.createdAt = text(r, at).value_or("");
      out.push_back(std::move(e));
      return true;
    });
  } catch (const gis::GisError &e) {
    throw std::runtime_error(std::string(e.what()) + " (table " + kExceptionsTable + ")");
  }
  return out;
}

void saveExceptions(const std::string &projectPath,
                    const std::vector<AcceptedException> &exceptions)
{
  try {
    gis::VectorDataset dataset =
        gis::VectorDataset::open(projectPath, gis::VectorDataset::Mode::Update);
    const bool exists = dataset.hasLayer(kExceptionsTable);
    gis::Transaction transaction(dataset);
    if (!exists) {
      dataset.executeSql(kCreateTable);
      dataset.executeSql(kRegisterTable);
    }
    dataset.executeSql(std::string("DELETE FROM ") + kExceptionsTable);
    for (const AcceptedException &e : exceptions) {
      const ExceptionKey &k = e.key;
      dataset.executeSql(std::string("INSERT INTO ") + kExceptionsTable +
                         " (rule, layer, fid, other_layer, other_fid, level, reason, "
                         "approval_no, created_by, created_at) VALUES (" +
                         quote(k.rule) + ", " + quote(k.layer) + ", " + std::to_string(k.fid) +
                         ", " + quote(k.otherLayer) + ", " + quote(k.otherFid) + ", " +
                         quote(k.level) + ", " + quote(e.reason) + ", " + quote(e.approvalNo) +
                         ", " + quote(e.createdBy) + ", " + quote(e.createdAt) + ")");
    }
    transaction.commit();
  } catch (const gis::GisError &e) {
    throw std::runtime_error(std::string(e.what()) + " (saving " + kExceptionsTable + ")");
  }
}

std::size_t ExceptionSplit::openErrorCount() const
{
  std::size_t n = 0;
  for (const Violation &v : open)
    n += v.severity == Severity::Error ? 1 : 0;
  return n;
}

ExceptionSplit splitExceptions(const CheckResult &result,
                               const std::vector<AcceptedException> &exceptions)
{
  std::map<ExceptionKey, std::size_t> byKey;
  for (std::size_t i = 0; i < exceptions.size(); ++i)
    byKey.emplace(exceptions[i].key, i);
  std::vector<bool> used(exceptions.size(), false);
  ExceptionSplit split;
  for (const Violation &v : result.violations) {
    auto it = byKey.find(exceptionKey(v));
    if (it == byKey.end()) {
      split.open.push_back(v);
    } else {
      used[it->second] = true;
      split.excepted.emplace_back(v, exceptions[it->second]);
    }
  }
  for (std::size_t i = 0; i < exceptions.size(); ++i)
    if (!used[i])
      split.unmatched.push_back(exceptions[i]);
  return split;
}

std::vector<Violation> withoutAccepted(std::vector<Violation> violations,
                                       const std::vector<AcceptedException> &exceptions)
{
  std::set<ExceptionKey> accepted;
  for (const AcceptedException &e : exceptions)
    accepted.insert(e.key);
  std::erase_if(violations,
                [&](const Violation &v) { return accepted.count(exceptionKey(v)) > 0; });
  return violations;
}

CheckResult withoutExcepted(const CheckResult &result, const ExceptionSplit &split)
{
  CheckResult out = result;
  out.violations = split.open;
  std::map<std::string, std::size_t> exceptedByRule;
  for (const auto &[v, e] : split.excepted)
    ++exceptedByRule[v.rule];
  for (RuleOutcome &r : out.rules) {
    auto it = exceptedByRule.find(r.id);
    if (it != exceptedByRule.end())
      r.violations -= std::min(r.violations, it->second);
  }
  return out;
}

} // namespace anzhi::core
