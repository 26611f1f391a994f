#include "abr-levels.h"

#include "ns3/video-profile.h"

namespace ns3
{

std::uint32_t
HighestLevelUnder(const VideoProfile& profile, double rate_bps)
{
    std::uint32_t best = 1;
    for (std::uint32_t q = 1; q <= profile.GetLevelCount(); ++q)
    {
        if (profile.NominalBitrate_bps(q) <= rate_bps)
        {
            best = q;
        }
    }
    return best;
}

} // namespace ns3
