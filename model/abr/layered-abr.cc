#include "layered-abr.h"

#include "ns3/video-profile.h"

#include <algorithm>
#include <limits>

namespace ns3
{

namespace
{
constexpr double kMinWait_s = 0.05; // re-check at least this often while waiting
} // namespace

double
EstimatedFetch_s(double bits, double rate_bps)
{
    return rate_bps > 0 ? bits / rate_bps : std::numeric_limits<double>::infinity();
}

AbrDecision
WaitForRoom(const AbrContext& context)
{
    std::uint32_t next = context.NextChunk();
    if (next >= context.ChunkCount())
    {
        return AbrDecision::Finished();
    }
    double over_s = context.BufferLevel_s() + context.Profile().GetChunkDurationOf_s(next) -
                    context.Limits().buffer_cap_s;
    return AbrDecision::Wait(std::max(over_s, kMinWait_s));
}

LayeredAbr::LayeredAbr(double buffer_target_s)
    : m_target_s(buffer_target_s)
{
}

AbrDecision
LayeredAbr::Decide(const AbrContext& context)
{
    const VideoProfile& profile = context.Profile();
    if (!profile.IsLayered())
    {
        return LadderFallback().Decide(context);
    }
    std::uint32_t next = context.NextChunk();
    bool more = next < context.ChunkCount();
    double buffer_s = context.BufferLevel_s();
    if (more && buffer_s < m_target_s)
    {
        return AbrDecision::Fetch(next, 1);
    }
    double rate_bps = kSafety * context.HarmonicMeanThroughput_bps(kWindow);
    if (std::optional<AbrDecision> upgrade = ChooseUpgrade(context, rate_bps))
    {
        return *upgrade;
    }
    if (more && buffer_s + profile.GetChunkDurationOf_s(next) <= context.Limits().buffer_cap_s)
    {
        return AbrDecision::Fetch(next, 1);
    }
    return WaitForRoom(context);
}

} // namespace ns3
