#include "common/parallel.h"

#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace lvc
{

void
RunWorkers(int threads, const std::function<void()>& work)
{
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto guarded = [&] {
        try
        {
            work();
        }
        catch (...)
        {
            std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure)
            {
                failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
    {
        workers.emplace_back(guarded);
    }
    guarded();
    for (std::thread& worker : workers)
    {
        worker.join();
    }
    if (failure)
    {
        std::rethrow_exception(failure);
    }
}

} // namespace lvc
