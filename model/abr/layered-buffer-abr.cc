#include "layered-buffer-abr.h"

#include "ns3/playback-buffer.h"
#include "ns3/video-profile.h"

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
} // namespace

LayeredBufferAbr::LayeredBufferAbr(double buffer_target_s)
    : LayeredAbr(buffer_target_s)
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

AbrAlgorithm&
LayeredBufferAbr::LadderFallback()
{
    return m_ladder_fallback;
}

std::optional<AbrDecision>
LayeredBufferAbr::ChooseUpgrade(const AbrContext& context, double rate_bps)
{
    const VideoProfile& profile = context.Profile();
    for (std::uint32_t c = context.Buffer().GetNextToPlay(); c < context.NextChunk(); ++c)
    {
        if (!context.IsUpgradable(c))
        {
            continue;
        }
        std::uint32_t level = context.LevelOf(c) + 1;
        double bits = profile.UpgradeBytes(c, level - 1, level) * kBitsPerByte;
        if (context.Now_s() + EstimatedFetch_s(bits, rate_bps) < context.DecodeDeadline_s(c))
        {
            return AbrDecision::Fetch(c, level);
        }
    }
    return std::nullopt;
}

} // namespace ns3
