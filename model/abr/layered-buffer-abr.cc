#include "layered-buffer-abr.h"

#include "ns3/playback-buffer.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <limits>

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
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

LayeredBufferAbr::LayeredBufferAbr(double buffer_target_s)
    : m_target_s(buffer_target_s)
{
}

std::string
LayeredBufferAbr::GetName() const
{
    return "layered-buffer";
}

void
LayeredBufferAbr::Reset()
{
    m_ladder_fallback.Reset();
}

AbrDecision
LayeredBufferAbr::Decide(const AbrContext& context)
{
    const VideoProfile& profile = context.Profile();
    if (!profile.IsLayered())
    {
        return m_ladder_fallback.Decide(context);
    }
    std::uint32_t next = context.NextChunk();
    bool more = next < context.ChunkCount();
    double buffer_s = context.BufferLevel_s();
    if (more && buffer_s < m_target_s)
    {
        return AbrDecision::Fetch(next, 1);
    }
    double rate_bps = kSafety * context.HarmonicMeanThroughput_bps(kWindow);
    for (std::uint32_t c = context.Buffer().GetNextToPlay(); c < next; ++c)
    {
        if (!context.IsUpgradable(c))
        {
            continue;
        }
        std::uint32_t level = context.LevelOf(c) + 1;
        double fetch_s =
            EstimatedFetch_s(profile.UpgradeBytes(c, level - 1, level) * kBitsPerByte, rate_bps);
        if (context.Now_s() + fetch_s < context.DecodeDeadline_s(c))
        {
            return AbrDecision::Fetch(c, level);
        }
    }
    if (more && buffer_s + profile.GetChunkDurationOf_s(next) <= context.Limits().buffer_cap_s)
    {
        return AbrDecision::Fetch(next, 1);
    }
    return WaitForRoom(context);
}

} // namespace ns3
