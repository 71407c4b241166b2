#pragma once

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>

namespace anzhi::core {

//! Progress and cancellation of a long job (loading, checking), polled inside loops.
//! Thread: report() and cancelled() may be called from any worker thread, cancel() from any
//! thread (typically the UI's); the callback must be thread-safe.
class Progress
{
public:
  using Callback = std::function<void(const std::string &step, double fraction)>;
  explicit Progress(Callback callback = {})
      : m_callback(std::move(callback))
  {
  }
  void report(const std::string &step, double fraction) const
  {
    if (m_callback)
      m_callback(step, fraction);
  }
  void cancel() { m_cancelled.store(true); }
  bool cancelled() const { return m_cancelled.load(); }

private:
  Callback m_callback;
  std::atomic<bool> m_cancelled{false};
};

//! Thrown out of a job whose Progress was cancelled: an interruption, not a failure.
class Cancelled : public std::runtime_error
{
public:
  Cancelled()
      : std::runtime_error("cancelled")
  {
  }
};

inline void throwIfCancelled(const Progress *progress)
{
  if (progress && progress->cancelled())
    throw Cancelled();
}

} // namespace anzhi::core
