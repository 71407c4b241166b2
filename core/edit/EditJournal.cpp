#include "core/edit/EditJournal.h"

#include "core/Schema.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace anzhi::core {

namespace {

using nlohmann::json;

std::string hex(const std::vector<unsigned char> &bytes)
{
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

std::vector<unsigned char> unhex(const std::string &text)
{
  auto value = [](char c) -> int {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    throw std::invalid_argument("bad hex digit in WKB");
  };
  if (text.size() % 2)
    throw std::invalid_argument("odd WKB hex length");
  std::vector<unsigned char> out(text.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<unsigned char>(value(text[2 * i]) * 16 + value(text[2 * i + 1]));
  return out;
}

json valueToJson(const gis::FieldValue &v)
{
  if (auto *n = std::get_if<std::int64_t>(&v))
    return *n;
  if (auto *d = std::get_if<double>(&v))
    return *d;
  if (auto *s = std::get_if<std::string>(&v))
    return *s;
  if (auto *date = std::get_if<gis::Date>(&v))
    return json{{"date", date->toString()}};
  return nullptr;
}

json slotToJson(const FeatureKey &key, const Slot &slot)
{
  json j{{"layer", key.layer}, {"fid", key.fid}};
  switch (slot.kind) {
  case Slot::Kind::Base:
    j["slot"] = "base";
    break;
  case Slot::Kind::Deleted:
    j["slot"] = "deleted";
    break;
  case Slot::Kind::State: {
    j["slot"] = "state";
    j["wkb"] = slot.state->geometry ? json(hex(gis::toWkb(slot.state->geometry.get()))) : json();
    json attributes = json::object();
    for (const auto &[name, value] : slot.state->attributes)
      attributes[name] = valueToJson(value);
    j["attributes"] = attributes;
    break;
  }
  }
  return j;
}

//! A journalled slot that the editor could not have written: a layer it does not edit, a field
//! the layer lacks, a value or geometry of the wrong type. Replaying it would put into the
//! project what the rules and the save do not expect, so the journal is refused instead.
class NotAnEdit : public std::invalid_argument
{
public:
  using std::invalid_argument::invalid_argument;
};

//! The smallest fid a journal may name. New features count down from -1, one per feature
//! drawn; far below any session's count, this leaves room below it for the next new fid
//! without overflowing int64. Stored features' fids are SQLite rowids, up to INT64_MAX.
constexpr std::int64_t kLowestFid = -(std::int64_t(1) << 53);

std::int64_t fidFromJson(const json &j)
{
  // nlohmann converts a float or an unsigned beyond int64 without a word (and a float beyond
  // int64 undefinedly): only a JSON integer in range is a fid.
  if (!j.is_number_integer() ||
      (j.is_number_unsigned() &&
       j.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max())))
    throw NotAnEdit("fid " + j.dump() + " is not a feature id");
  const auto fid = j.get<std::int64_t>();
  if (fid < kLowestFid)
    throw NotAnEdit("fid " + j.dump() + " is below the lowest a new feature gets (-2^53)");
  return fid;
}

std::optional<gis::Date> dateFromText(const std::string &text)
{
  gis::Date d;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3 ||
      d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
    return std::nullopt;
  return d;
}

//! A field value as the journal writes it for the field's type, else NotAnEdit.
gis::FieldValue valueFromJson(const FieldSchema &field, const json &j)
{
  if (j.is_null())
    return {};
  switch (field.type) {
  case gis::FieldType::Integer:
    if (j.is_number_integer() &&
        !(j.is_number_unsigned() &&
          j.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max())))
      return j.get<std::int64_t>();
    // A whole real (3.0) is the integer; beyond 2^53 a real no longer names one integer.
    if (j.is_number_float()) {
      const double d = j.get<double>();
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= 9007199254740992.0)
        return static_cast<std::int64_t>(d);
    }
    throw NotAnEdit("value " + j.dump() + " is not a whole number");
  case gis::FieldType::Real:
    if (j.is_number())
      return j.get<double>();
    throw NotAnEdit("value " + j.dump() + " is not a number");
  case gis::FieldType::String:
    if (j.is_string())
      return j.get<std::string>();
    throw NotAnEdit("value " + j.dump() + " is not text");
  case gis::FieldType::Date:
    if (j.is_object() && j.size() == 1 && j.contains("date") && j["date"].is_string())
      if (auto d = dateFromText(j["date"].get<std::string>()))
        return *d;
    throw NotAnEdit("value " + j.dump() +
                    " is not a date (the journal writes {\"date\": \"YYYY-MM-DD\"})");
  }
  throw NotAnEdit("value " + j.dump() + " is of no known type");
}

//! Reads a slot and checks it against its layer: editable (FeatureSchema), a geometry of the
//! layer's dimension (core/Schema), fields the layer has with values of their types.
std::pair<FeatureKey, Slot> slotFromJson(const json &j)
{
  FeatureKey key{j.at("layer").get<std::string>(), fidFromJson(j.at("fid"))};
  const LayerSpec *spec = layerSpec(key.layer);
  if (!spec)
    throw NotAnEdit("layer '" + key.layer + "' cannot be edited");
  const std::string feature = "layer '" + key.layer + "', feature " + std::to_string(key.fid);
  std::string kind = j.at("slot").get<std::string>();
  if (kind == "base")
    return {key, Slot::base()};
  if (kind == "deleted")
    return {key, Slot::deleted()};
  if (kind != "state")
    throw std::invalid_argument("unknown slot '" + kind + "'");
  FeatureState state;
  if (!j.at("wkb").is_null()) {
    gis::Geometry g = gis::fromWkb(unhex(j["wkb"].get<std::string>()));
    if (auto wrong = wrongGeometryType(spec->geometry, g.get()))
      throw NotAnEdit(feature + ": " + *wrong);
    state.geometry = share(std::move(g));
  }
  const json &attributes = j.at("attributes");
  if (!attributes.is_object())
    throw std::invalid_argument("attributes are not an object");
  for (const auto &[name, value] : attributes.items()) {
    const FieldSchema *field = spec->field(name);
    if (!field)
      throw NotAnEdit(feature + ": the layer has no field '" + name + "'");
    try {
      state.attributes[name] = valueFromJson(*field, value);
    } catch (const NotAnEdit &e) {
      throw NotAnEdit(feature + ", field '" + name + "': " + e.what());
    }
  }
  return {key, Slot::of(std::move(state))};
}

std::string systemError(const std::string &path, const char *what)
{
  return path + ": cannot " + what + " the edit journal: " + std::strerror(errno);
}

} // namespace

std::string EditJournal::pathFor(const std::string &projectPath)
{
  return projectPath + ".anzhi-edits";
}

bool EditJournal::hasEdits(const std::string &projectPath)
{
  std::error_code ec;
  return std::filesystem::file_size(pathFor(projectPath), ec) > 0 && !ec;
}

EditJournal::EditJournal(const std::string &projectPath)
    : m_path(pathFor(projectPath))
{
}

EditJournal::~EditJournal()
{
  if (m_fd >= 0)
    ::close(m_fd);
}

void EditJournal::openForAppend()
{
  if (m_fd >= 0)
    return;
  m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (m_fd < 0)
    throw JournalError(systemError(m_path, "open"));
  // Make the file's directory entry durable too, or a crash could lose the whole file.
  std::string dir = std::filesystem::path(m_path).parent_path().string();
  int dirFd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
}

void EditJournal::append(const std::vector<std::pair<FeatureKey, Slot>> &slots)
{
  openForAppend();
  json line{{"set", json::array()}};
  for (const auto &[key, slot] : slots)
    line["set"].push_back(slotToJson(key, slot));
  std::string text = line.dump() + "\n";
  // One write per edit: a crash leaves at most this line torn, never an earlier one.
  const char *data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(m_fd, data, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw JournalError(systemError(m_path, "write"));
    data += n;
    left -= std::size_t(n);
  }
  if (::fdatasync(m_fd) != 0)
    throw JournalError(systemError(m_path, "sync"));
}

void EditJournal::clear()
{
  if (m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
  if (::unlink(m_path.c_str()) != 0 && errno != ENOENT)
    throw JournalError(systemError(m_path, "remove"));
}

EditJournal::Replay EditJournal::replay(const std::string &projectPath)
{
  std::string path = pathFor(projectPath);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return {};
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return replayContent(content, path);
}

EditJournal::Replay EditJournal::replayContent(const std::string &content, const std::string &path)
{
  Replay result;
  std::size_t start = 0, lineNo = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    ++lineNo;
    if (end == std::string::npos) {
      // No newline: the append was cut short by a crash; the edit never counted as done.
      result.tornTail = true;
      break;
    }
    std::string line = content.substr(start, end - start);
    start = end + 1;
    if (line.empty())
      continue;
    try {
      json j = json::parse(line);
      for (const json &s : j.at("set")) {
        auto [key, slot] = slotFromJson(s);
        result.buffer.set(key, std::move(slot));
      }
      ++result.edits;
    } catch (const NotAnEdit &e) {
      throw JournalError(path + ", line " + std::to_string(lineNo) + ": " + e.what() +
                         " (not an edit Anzhi makes)");
    } catch (const std::exception &e) {
      throw JournalError(path + ", line " + std::to_string(lineNo) +
                         ": unreadable journalled edit: " + e.what());
    }
  }
  return result;
}

} // namespace anzhi::core
