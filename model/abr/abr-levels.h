#ifndef LAYERED_VIDEO_ABR_LEVELS_H
#define LAYERED_VIDEO_ABR_LEVELS_H

#include <cstdint>

namespace ns3
{

class VideoProfile;

/// The highest level whose nominal bitrate is at most rate_bps (1 when none is).
std::uint32_t HighestLevelUnder(const VideoProfile& profile, double rate_bps);

} // namespace ns3

#endif // LAYERED_VIDEO_ABR_LEVELS_H
