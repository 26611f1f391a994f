#include "layered-throughput-abr.h"

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
    : LayeredAbr(buffer_target_s),
      m_low_s(low_watermark_s)
{
}

std::string
LayeredThroughputAbr::GetName() const
{
    return "layered-throughput";
}

AbrAlgorithm&
LayeredThroughputAbr::LadderFallback()
{
    return m_ladder_fallback;
}

std::optional<AbrDecision>
LayeredThroughputAbr::ChooseUpgrade(const AbrContext& context, double rate_bps)
{
    const VideoProfile& profile = context.Profile();
    const QoeModel& qoe = context.Qoe();
    double buffer_s = context.BufferLevel_s();
    std::optional<AbrDecision> best;
    double best_gain_per_byte = 0;
    for (std::uint32_t c = context.Buffer().GetNextToPlay(); c < context.NextChunk(); ++c)
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
        double per_byte = (qoe.LevelUtility(c, held + 1) - qoe.LevelUtility(c, held)) / bytes;
        if (in_time && keeps_buffer && per_byte > best_gain_per_byte)
        {
            best = AbrDecision::Fetch(c, held + 1);
            best_gain_per_byte = per_byte;
        }
    }
    return best;
}

} // namespace ns3
