#include "training-set.h"

#include "ns3/deterministic-random.h"

namespace ns3
{

namespace
{
constexpr std::uint64_t kCapacityStream = 0xc0ffee; // the capacity draws' own stream
} // namespace

TraceSplit
SplitTraces(std::vector<BandwidthTrace> traces, std::uint32_t every)
{
    TraceSplit split;
    for (std::size_t i = 0; i < traces.size(); ++i)
    {
        bool validation = every > 0 && (i + 1) % every == 0;
        (validation ? split.validation : split.train).push_back(std::move(traces[i]));
    }
    return split;
}

ComputeCapacity
MakeCapacity(const std::string& spec, std::uint64_t seed, double duration_s)
{
    if (spec.empty())
    {
        return ComputeCapacity();
    }
    if (spec == "swift")
    {
        return ComputeCapacity::GenerateSwift(duration_s, seed);
    }
    return ComputeCapacity::Load(spec);
}

EpisodeSampler::EpisodeSampler(std::uint64_t seed,
                               std::string capacity,
                               bool random_start,
                               double capacity_duration_s)
    : m_seed(seed),
      m_capacity(std::move(capacity)),
      m_random_start(random_start),
      m_capacity_duration_s(capacity_duration_s)
{
}

EpisodeSpec
EpisodeSampler::Next(const std::vector<BandwidthTrace>& traces)
{
    DeterministicRandom rng(DeterministicRandom::Mix(m_seed, m_count++));
    EpisodeSpec spec;
    spec.trace = static_cast<std::size_t>(rng.Uniform() * traces.size()) % traces.size();
    spec.offset_s = m_random_start ? rng.Uniform(0, traces[spec.trace].GetDuration_s()) : 0.0;
    spec.capacity = MakeCapacity(m_capacity,
                                 DeterministicRandom::Mix(rng.NextU64(), kCapacityStream),
                                 m_capacity_duration_s);
    return spec;
}

std::vector<EpisodeSpec>
EvaluationEpisodes(std::size_t traces,
                   const std::string& capacity,
                   std::uint64_t seed,
                   double capacity_duration_s)
{
    std::vector<EpisodeSpec> episodes(traces);
    for (std::size_t i = 0; i < traces; ++i)
    {
        episodes[i].trace = i;
        episodes[i].capacity = MakeCapacity(
            capacity,
            DeterministicRandom::Mix(DeterministicRandom::Mix(seed, i), kCapacityStream),
            capacity_duration_s);
    }
    return episodes;
}

} // namespace ns3
