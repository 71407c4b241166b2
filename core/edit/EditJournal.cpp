#include "core/edit/EditJournal.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
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

gis::FieldValue valueFromJson(const json &j)
{
  if (j.is_null())
    return {};
  if (j.is_number_integer())
    return j.get<std::int64_t>();
  if (j.is_number())
    return j.get<double>();
  if (j.is_string())
    return j.get<std::string>();
  if (j.is_object() && j.contains("date")) {
    gis::Date d;
    if (std::sscanf(j["date"].get<std::string>().c_str(), "%d-%d-%d", &d.year, &d.month, &d.day) !=
        3)
      throw std::invalid_argument("bad date");
    return d;
  }
  throw std::invalid_argument("unknown field value");
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

std::pair<FeatureKey, Slot> slotFromJson(const json &j)
{
  FeatureKey key{j.at("layer").get<std::string>(), j.at("fid").get<std::int64_t>()};
  std::string kind = j.at("slot").get<std::string>();
  if (kind == "base")
    return {key, Slot::base()};
  if (kind == "deleted")
    return {key, Slot::deleted()};
  if (kind != "state")
    throw std::invalid_argument("unknown slot '" + kind + "'");
  FeatureState state;
  if (!j.at("wkb").is_null())
    state.geometry = share(gis::fromWkb(unhex(j["wkb"].get<std::string>())));
  for (const auto &[name, value] : j.at("attributes").items())
    state.attributes[name] = valueFromJson(value);
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
  Replay result;
  if (!in)
    return result;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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
    } catch (const std::exception &e) {
      throw JournalError(path + ", line " + std::to_string(lineNo) +
                         ": unreadable journalled edit: " + e.what());
    }
  }
  return result;
}

} // namespace anzhi::core
