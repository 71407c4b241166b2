#pragma once

#include <cstddef>
#include <functional>

namespace anzhi::core {

//! Runs fn(i, worker) for every i in [0, n) on up to `threads` threads (≤ 0: one per core), the
//! calling thread among them as worker 0, the others numbered 1 … threads − 1, so that state a
//! thread must not share (a GDAL dataset) can live in a vector indexed by worker. Indices are
//! handed out one at a time, in order, so that tasks of very different lengths balance. The
//! first exception stops handing out indices; the tasks already running finish, and it is
//! rethrown once every thread has joined. Returns when every task has run.
void parallelFor(std::size_t n, int threads,
                 const std::function<void(std::size_t i, int worker)> &fn);

//! The same for tasks that keep no per-thread state.
void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t i)> &fn);

//! How many workers parallelFor(n, threads, …) uses: at least 1, at most n and `threads`.
int parallelWorkers(std::size_t n, int threads);

} // namespace anzhi::core
