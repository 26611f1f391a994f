#include "policy-actions.h"

#include "ns3/layered-abr.h"
#include "ns3/playback-buffer.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <numeric>

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
constexpr double kCapSlack_s = 1e-9; // as StreamingSession's cap check

bool
NextFits(const AbrContext& context)
{
    std::uint32_t next = context.NextChunk();
    return next < context.ChunkCount() && context.BufferLevel_s() +
                                                  context.Profile().GetChunkDurationOf_s(next) -
                                                  context.Limits().buffer_cap_s <=
                                              kCapSlack_s;
}

/// Can one more layer of `chunk` arrive before its decode deadline at the best recent rate?
bool
UpgradeCanComplete(const AbrContext& context, const PolicyLayout& layout, std::uint32_t chunk)
{
    const auto& downloads = context.Downloads();
    double best_bps = 0;
    std::size_t first = downloads.size() > layout.history ? downloads.size() - layout.history : 0;
    for (std::size_t i = first; i < downloads.size(); ++i)
    {
        best_bps = std::max(best_bps, downloads[i].Throughput_bps());
    }
    if (downloads.empty() || !(best_bps > 0))
    {
        return false;
    }
    double rtt_s = downloads.back().first_byte_s - downloads.back().request_s;
    std::uint32_t held = context.LevelOf(chunk);
    double bits = context.Profile().UpgradeBytes(chunk, held, held + 1) * kBitsPerByte;
    return context.Now_s() + rtt_s + bits / best_bps < context.DecodeDeadline_s(chunk);
}
} // namespace

std::uint32_t
FirstWindowChunk(const AbrContext& context)
{
    const PlaybackBuffer& buffer = context.Buffer();
    std::uint32_t c = buffer.GetNextToPlay();
    while (c < context.NextChunk() && buffer.GetChunk(c).decode_started)
    {
        ++c;
    }
    return c;
}

std::vector<std::uint8_t>
ActionMask(const AbrContext& context, const PolicyLayout& layout)
{
    std::vector<std::uint8_t> mask(layout.ActionCount(), 0);
    if (NextFits(context))
    {
        std::fill(mask.begin(), mask.begin() + layout.levels, 1);
    }
    std::uint32_t first = FirstWindowChunk(context);
    for (std::uint32_t u = 0; u < layout.window; ++u)
    {
        std::uint32_t c = first + u;
        if (c < context.NextChunk() && context.IsUpgradable(c) &&
            UpgradeCanComplete(context, layout, c))
        {
            mask[layout.FirstUpgradeAction() + u] = 1;
        }
    }
    if (layout.wait_action)
    {
        const PlaybackBuffer& buffer = context.Buffer();
        bool all_fetched = context.NextChunk() >= context.ChunkCount();
        bool playing = buffer.HasStarted() && !buffer.IsStalled() && !buffer.IsFinished();
        mask[layout.WaitAction()] = all_fetched || playing ? 1 : 0;
    }
    return mask;
}

AbrDecision
DecisionFor(const AbrContext& context, const PolicyLayout& layout, std::uint32_t action)
{
    if (action < layout.levels)
    {
        return AbrDecision::Fetch(context.NextChunk(), action + 1);
    }
    if (action < layout.WaitAction())
    {
        std::uint32_t chunk = FirstWindowChunk(context) + (action - layout.FirstUpgradeAction());
        return AbrDecision::Fetch(chunk, context.LevelOf(chunk) + 1);
    }
    return context.NextChunk() < context.ChunkCount() ? AbrDecision::Wait(kPolicyWait_s)
                                                      : AbrDecision::Finished();
}

std::optional<AbrDecision>
ForcedDecision(const AbrContext& context,
               const PolicyLayout& layout,
               const std::vector<std::uint8_t>& mask)
{
    std::size_t valid = std::accumulate(mask.begin(), mask.end(), std::size_t{0});
    if (valid == 0)
    {
        return WaitForRoom(context); // done when every chunk is fetched
    }
    if (valid > 1)
    {
        return std::nullopt;
    }
    auto only = static_cast<std::uint32_t>(std::find(mask.begin(), mask.end(), 1) - mask.begin());
    bool waits_for_room = layout.wait_action && only == layout.WaitAction() &&
                          context.NextChunk() < context.ChunkCount() && !NextFits(context);
    return waits_for_room ? WaitForRoom(context) : DecisionFor(context, layout, only);
}

} // namespace ns3
