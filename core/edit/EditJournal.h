#pragma once

#include "core/edit/EditBuffer.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace anzhi::core {

class JournalError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

//! The edit buffer's safety net: every edit (and every undo and redo) is appended to a
//! sidecar file next to the project, `PROJECT.gpkg.anzhi-edits`, one JSON line per edit
//! holding the slots it sets, and fsync'd before the edit counts as done. After a crash the
//! next open replays the lines over the stored project; a torn last line (a crash during the
//! append) is ignored. The file is removed after a successful save or a discard.
//! Thread: one journal per project, used from one thread.
class EditJournal
{
public:
  //! Opens (creating if needed) the journal of the project at `projectPath` for appending.
  explicit EditJournal(const std::string &projectPath);
  ~EditJournal();
  EditJournal(const EditJournal &) = delete;
  EditJournal &operator=(const EditJournal &) = delete;

  static std::string pathFor(const std::string &projectPath);
  //! Whether the project has journalled edits that were never saved or discarded.
  static bool hasEdits(const std::string &projectPath);

  //! Appends the slots one edit sets (its `after`s, or its `before`s when undone) and fsyncs.
  //! Throws JournalError naming the file when the disk refuses.
  void append(const std::vector<std::pair<FeatureKey, Slot>> &slots);
  //! Removes the journal file (after a save or a discard); the journal stays usable.
  void clear();

  struct Replay
  {
    EditBuffer buffer;
    std::size_t edits = 0; //!< complete lines applied
    bool tornTail = false; //!< the last line was incomplete and was ignored
  };
  //! Replays a project's journal into a buffer. Throws JournalError naming the file and line
  //! when a complete line cannot be read or is not an edit the editor makes (a layer it does
  //! not edit, a field the layer lacks, a value or geometry of the wrong type); nothing of such
  //! a journal is applied, and the file is left as it is.
  static Replay replay(const std::string &projectPath);
  //! Replays a journal's content; `journalPath` names it in errors.
  static Replay replayContent(const std::string &content, const std::string &journalPath);

private:
  void openForAppend();
  std::string m_path;
  int m_fd = -1;
};

} // namespace anzhi::core
