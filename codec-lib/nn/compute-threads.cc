#include "nn/compute-threads.h"

#include <algorithm>
#include <dlfcn.h>
#include <torch/torch.h>

namespace lvc
{

void
SetComputeThreads(int threads)
{
    const int n = std::max(1, threads);
    torch::set_num_threads(n);
    // Looked up rather than linked: the BLAS behind LibTorch is Debian's alternative and may be
    // another implementation, or none.
    using SetThreads = void (*)(int);
    if (auto* set_blas =
            reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
    {
        set_blas(n);
    }
}

} // namespace lvc
