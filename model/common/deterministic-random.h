#ifndef LAYERED_VIDEO_DETERMINISTIC_RANDOM_H
#define LAYERED_VIDEO_DETERMINISTIC_RANDOM_H

#include <cstdint>

namespace ns3
{

/**
 * \brief A small random source whose draws are the same on every platform and library.
 *
 * The standard distributions (std::poisson_distribution, ...) may differ between standard
 * libraries; results here must be reproducible from a seed anywhere. SplitMix64 seeds
 * xoshiro256**; doubles take the top 53 bits.
 */
class DeterministicRandom
{
  public:
    explicit DeterministicRandom(std::uint64_t seed);

    std::uint64_t NextU64();
    /// Uniform in [0, 1).
    double Uniform();
    /// Uniform in [low, high).
    double Uniform(double low, double high);
    /// Poisson(mean) by Knuth's product method (fine for the small means used here).
    std::uint32_t Poisson(double mean);

    /// Mixes several values into one seed (for per-trace, per-run streams).
    static std::uint64_t Mix(std::uint64_t a, std::uint64_t b);

  private:
    std::uint64_t m_state[4];
};

} // namespace ns3

#endif // LAYERED_VIDEO_DETERMINISTIC_RANDOM_H
