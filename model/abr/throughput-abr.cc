#include "throughput-abr.h"

#include "abr-levels.h"

#include "ns3/video-profile.h"

namespace ns3
{

ThroughputAbr::ThroughputAbr(std::size_t window, double safety)
    : m_window(window),
      m_safety(safety)
{
}

std::string
ThroughputAbr::GetName() const
{
    return "throughput";
}

AbrDecision
ThroughputAbr::Decide(const AbrContext& context)
{
    std::uint32_t next = context.NextChunk();
    if (next >= context.ChunkCount())
    {
        return AbrDecision::Finished();
    }
    double estimate_bps = context.HarmonicMeanThroughput_bps(m_window);
    std::uint32_t level =
        estimate_bps > 0 ? HighestLevelUnder(context.Profile(), m_safety * estimate_bps) : 1;
    return AbrDecision::Fetch(next, level);
}

} // namespace ns3
