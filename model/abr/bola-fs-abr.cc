#include "bola-fs-abr.h"

#include "ns3/playback-buffer.h"
#include "ns3/video-profile.h"

#include <cmath>

namespace ns3
{

namespace
{
constexpr std::size_t kThroughputWindow = 5;
constexpr double kBitsPerByte = 8;
} // namespace

std::string
BolaFsAbr::GetName() const
{
    return "bola-fs";
}

AbrDecision
BolaFsAbr::Decide(const AbrContext& context)
{
    if (context.NextChunk() >= context.ChunkCount())
    {
        return AbrDecision::Finished();
    }
    AbrDecision next = DecideNext(context);
    if (next.kind != AbrDecision::Kind::Fetch)
    {
        return next;
    }
    const PlaybackBuffer& buffer = context.Buffer();
    const VideoProfile& profile = context.Profile();
    // Sabre's buffer list starts with the chunk playing, partly consumed.
    std::uint32_t first_buffered = buffer.GetNextToPlay();
    double played_s = 0;
    if (first_buffered > 0 && buffer.GetChunk(first_buffered - 1).play_start_s >= 0 &&
        !buffer.IsStalled() && buffer.HasStarted())
    {
        std::uint32_t playing = first_buffered - 1;
        double elapsed = context.Now_s() - buffer.GetChunk(playing).play_start_s;
        if (elapsed < profile.GetChunkDurationOf_s(playing))
        {
            first_buffered = playing;
            played_s = elapsed;
        }
    }
    auto skip = static_cast<std::uint32_t>(
        std::ceil(kSkipChunks + played_s / profile.GetChunkDuration_s()));
    double estimate_bps = context.HarmonicMeanThroughput_bps(kThroughputWindow);
    for (std::uint32_t c = first_buffered + skip; c < context.NextChunk(); ++c)
    {
        if (context.LevelOf(c) >= next.level || !context.IsUpgradable(c))
        {
            continue;
        }
        double bits = profile.UpgradeBytes(c, context.LevelOf(c), next.level) * kBitsPerByte;
        if (estimate_bps > 0 && context.Now_s() + bits / estimate_bps < context.DecodeDeadline_s(c))
        {
            return AbrDecision::Fetch(c, next.level);
        }
        break; // Sabre replaces the earliest candidate only
    }
    return next;
}

} // namespace ns3
