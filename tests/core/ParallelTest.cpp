// parallelFor: every index runs exactly once, on at most the threads asked for, the calling
// thread being worker 0; the first exception stops handing out work and comes back once
// every thread has finished.

#include "core/Parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace anzhi::core;

TEST(Parallel, RunsEveryIndexOnce)
{
  for (int threads : {1, 3, 8}) {
    const std::size_t n = 1000;
    std::vector<std::atomic<int>> runs(n);
    parallelFor(n, threads, [&](std::size_t i) { ++runs[i]; });
    for (std::size_t i = 0; i < n; ++i)
      ASSERT_EQ(runs[i], 1) << "index " << i << " with " << threads << " threads";
  }
}

TEST(Parallel, NothingToDo)
{
  bool ran = false;
  parallelFor(0, 4, [&](std::size_t) { ran = true; });
  EXPECT_FALSE(ran);
}

TEST(Parallel, WorkersAreNumberedFromTheCallingThread)
{
  const std::thread::id caller = std::this_thread::get_id();
  std::mutex mutex;
  std::set<int> workers;
  std::set<std::thread::id> threads;
  bool workerZeroIsCaller = true;
  std::atomic<int> running{0};
  std::atomic<int> mostAtOnce{0};
  parallelFor(40, 3, [&](std::size_t, int worker) {
    const int now = ++running;
    for (int seen = mostAtOnce; now > seen && !mostAtOnce.compare_exchange_weak(seen, now);)
      ;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --running;
    std::lock_guard lock(mutex);
    workers.insert(worker);
    threads.insert(std::this_thread::get_id());
    if (worker == 0 && std::this_thread::get_id() != caller)
      workerZeroIsCaller = false;
  });
  EXPECT_TRUE(workerZeroIsCaller);
  EXPECT_LE(mostAtOnce, 3);
  EXPECT_LE(threads.size(), 3u);
  for (int w : workers)
    EXPECT_TRUE(w >= 0 && w < 3) << w;
  // Never more workers than tasks.
  EXPECT_EQ(parallelWorkers(2, 8), 2);
  EXPECT_EQ(parallelWorkers(0, 8), 1);
  EXPECT_EQ(parallelWorkers(100, 3), 3);
  EXPECT_GE(parallelWorkers(100, 0), 1);
}

TEST(Parallel, OneThreadStopsAtTheFirstException)
{
  std::vector<std::size_t> ran;
  try {
    parallelFor(10, 1, [&](std::size_t i) {
      ran.push_back(i);
      if (i == 3 || i == 5)
        throw std::runtime_error("task " + std::to_string(i));
    });
    FAIL() << "no exception came back";
  } catch (const std::runtime_error &e) {
    EXPECT_STREQ(e.what(), "task 3");
  }
  EXPECT_EQ(ran, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(Parallel, FirstExceptionIsRethrownAfterEveryThreadFinished)
{
  // Task 0 fails at once; the others take a while: the few already started finish (none is
  // abandoned while parallelFor returns), and no more are handed out.
  std::atomic<int> started{0}, finished{0};
  try {
    parallelFor(1000, 4, [&](std::size_t i) {
      ++started;
      if (i == 0) {
        ++finished;
        throw std::invalid_argument("first");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      if (i == 1)
        throw std::runtime_error("later"); // after task 0's: not the one rethrown
      ++finished;
    });
    FAIL() << "no exception came back";
  } catch (const std::invalid_argument &e) {
    EXPECT_STREQ(e.what(), "first");
  }
  const int startedWhenReturned = started;
  EXPECT_LT(startedWhenReturned, 40);
  EXPECT_EQ(finished + (startedWhenReturned > 1 ? 1 : 0), startedWhenReturned);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(started, startedWhenReturned); // nothing ran after the return
}
