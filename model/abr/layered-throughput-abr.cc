#include "layered-throughput-abr.h"

#include "layered-buffer-abr.h"

#include "ns3/playback-buffer.h"
#include "ns3/qoe.h"
#include "ns3/video-profile.h"

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
}

LayeredThroughputAbr::LayeredThroughputAbr(double buffer_target_s, double low_watermark_s)
    : m_target_s(buffer_target_s),
      m_low_s(low_watermark_s)
{
}

std::string
LayeredThroughputAbr::GetName() const
{
    return "layered-throughput";
}

AbrDecision
LayeredThroughputAbr::Decide(const AbrContext& context)
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
    const QoeModel& qoe = context.Qoe();
    double best_gain_per_byte = 0;
    std::uint32_t best_chunk = 0;
    bool found = false;
    for (std::uint32_t c = context.Buffer().GetNextToPlay(); c < next; ++c)
    {
        if (!context.IsUpgradable(c))
        {
            continue;
        }
        std::uint32_t held = context.LevelOf(c);
        std::uint64_t bytes = profile.UpgradeBytes(c, held, held + 1);
        double fetch_s = EstimatedFetch_s(bytes * kBitsPerByte, rate_bps);
        bool in_time = context.Now_s() + fetch_s < context.DecodeDeadline_s(c);
        bool keeps_buffer = buffer_s - fetch_s >= m_low_s;
        if (!in_time || !keeps_buffer)
        {
            continue;
        }
        double gain = qoe.LevelUtility(c, held + 1) - qoe.LevelUtility(c, held);
        double per_byte = gain / bytes;
        if (!found || per_byte > best_gain_per_byte)
        {
            found = true;
            best_gain_per_byte = per_byte;
            best_chunk = c;
        }
    }
    if (found && best_gain_per_byte > 0)
    {
        return AbrDecision::Fetch(best_chunk, context.LevelOf(best_chunk) + 1);
    }
    if (more && buffer_s + profile.GetChunkDurationOf_s(next) <= context.Limits().buffer_cap_s)
    {
        return AbrDecision::Fetch(next, 1);
    }
    return WaitForRoom(context);
}

} // namespace ns3
