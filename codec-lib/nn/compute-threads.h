// How many CPU threads the neural codec's tensor work uses: LibTorch's pool and OpenBLAS's.
#ifndef LVC_NN_COMPUTE_THREADS_H
#define LVC_NN_COMPUTE_THREADS_H

namespace lvc
{

/**
 * Sets LibTorch's intra-op threads and, when the process runs on OpenBLAS (Debian's LibTorch
 * does for matrix products), OpenBLAS's threads to `threads` (at least 1). OpenBLAS otherwise
 * keeps one thread per core, and its idle workers spin in sched_yield: with 1 LibTorch thread
 * a profile run spent a third of its time in the kernel (foreman: 6.6 s of 21 s) and part of
 * every matrix product on a second core, so that "one thread" decode times were not.
 */
void SetComputeThreads(int threads);

} // namespace lvc

#endif // LVC_NN_COMPUTE_THREADS_H
