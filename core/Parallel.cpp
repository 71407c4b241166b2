#include "core/Parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace anzhi::core {

int parallelWorkers(std::size_t n, int threads)
{
  if (threads <= 0)
    threads = int(std::max(1u, std::thread::hardware_concurrency()));
  return int(std::max<std::size_t>(1, std::min<std::size_t>(n, std::size_t(threads))));
}

void parallelFor(std::size_t n, int threads,
                 const std::function<void(std::size_t i, int worker)> &fn)
{
  std::atomic<std::size_t> next{0};
  std::mutex errorMutex;
  std::exception_ptr firstError;
  auto work = [&](int worker) {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        fn(i, worker);
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!firstError)
          firstError = std::current_exception();
        next = n; // stop handing out indices
      }
    }
  };
  std::vector<std::thread> pool;
  const int workers = parallelWorkers(n, threads);
  for (int worker = 1; worker < workers; ++worker) {
    try {
      pool.emplace_back(work, worker);
    } catch (const std::system_error &) {
      break; // no more threads to be had: the ones running (and this one) do all the work
    }
  }
  work(0);
  for (std::thread &t : pool)
    t.join();
  if (firstError)
    std::rethrow_exception(firstError);
}

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t i)> &fn)
{
  parallelFor(n, threads, [&fn](std::size_t i, int) { fn(i); });
}

} // namespace anzhi::core
