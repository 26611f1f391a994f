#ifndef LAYERED_VIDEO_TRAINING_SET_H
#define LAYERED_VIDEO_TRAINING_SET_H

#include "ns3/bandwidth-trace.h"
#include "ns3/compute-capacity.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// Traces split into a training and a validation part.
struct TraceSplit
{
    std::vector<BandwidthTrace> train;
    std::vector<BandwidthTrace> validation;
};

/**
 * Every `every`-th trace (in the given order, starting with the `every`-th) goes to validation,
 * the rest to training; `every` = 0 keeps them all for training. Deterministic, so a recipe
 * names its split by one number.
 */
TraceSplit SplitTraces(std::vector<BandwidthTrace> traces, std::uint32_t every);

/// The conditions of one session: a trace, where in it the session starts, and the compute
/// capacity the decoder gets.
struct EpisodeSpec
{
    std::size_t trace = 0;
    double offset_s = 0;
    ComputeCapacity capacity;
};

/**
 * \brief Draws training episodes, as Pensieve's simulator does: a trace uniformly at random, a
 * start point uniformly within it (or 0), and a compute capacity ("" always full, "swift":
 * Swift's generator with a fresh seed). Deterministic for a seed.
 */
class EpisodeSampler
{
  public:
    EpisodeSampler(std::uint64_t seed,
                   std::string capacity,
                   bool random_start,
                   double capacity_duration_s);

    EpisodeSpec Next(const std::vector<BandwidthTrace>& traces);

  private:
    std::uint64_t m_seed;
    std::uint64_t m_count = 0;
    std::string m_capacity;
    bool m_random_start;
    double m_capacity_duration_s;
};

/// The capacity for a spec: "" always full, "swift" Swift's generator seeded, else a CSV file.
ComputeCapacity MakeCapacity(const std::string& spec, std::uint64_t seed, double duration_s);

/// Fixed episodes for evaluation: each trace from its start, capacity seeded by (seed, index).
std::vector<EpisodeSpec> EvaluationEpisodes(std::size_t traces,
                                            const std::string& capacity,
                                            std::uint64_t seed,
                                            double capacity_duration_s);

} // namespace ns3

#endif // LAYERED_VIDEO_TRAINING_SET_H
