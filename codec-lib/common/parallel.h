// Runs one job on several threads and rethrows the first failure (codec-lib's own thread pool).
#ifndef LVC_COMMON_PARALLEL_H
#define LVC_COMMON_PARALLEL_H

#include <functional>

namespace lvc
{

/// Calls `work` on `threads` threads (the caller's among them) and waits for all; an exception
/// thrown by any call is rethrown here once every thread has finished.
void RunWorkers(int threads, const std::function<void()>& work);

} // namespace lvc

#endif // LVC_COMMON_PARALLEL_H
