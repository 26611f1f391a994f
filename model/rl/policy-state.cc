#include "policy-state.h"

#include "policy-actions.h"

#include "ns3/abr-context.h"
#include "ns3/decode-model.h"
#include "ns3/playback-buffer.h"
#include "ns3/qoe.h"
#include "ns3/video-profile.h"

#include <stdexcept>

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;

/// Quality of (chunk, level, exit) as the QoE counts it; a profile without exits has one.
double
Quality(const QoeModel& qoe,
        const VideoProfile& profile,
        std::uint32_t c,
        std::uint32_t k,
        std::uint32_t e)
{
    return profile.GetExitCount() == 0 ? qoe.LevelUtility(c, k) : qoe.Utility(c, k, e);
}
} // namespace

QualityScale
QualityScale::For(const VideoProfile& profile, const QoeModel& qoe)
{
    QualityScale s;
    double low = 0;
    double top = 0;
    std::uint32_t chunks = profile.GetChunkCount();
    for (std::uint32_t c = 0; c < chunks; ++c)
    {
        low += qoe.LevelUtility(c, 1);
        top += qoe.LevelUtility(c, profile.GetLevelCount());
    }
    s.offset = low / chunks;
    double gap = (top - low) / chunks;
    s.gap = gap > 0 ? gap : 1.0;
    return s;
}

double
QualityScale::Normalize(double quality) const
{
    return (quality - offset) / gap;
}

std::vector<float>
EncodeState(const AbrContext& context, const PolicyLayout& layout, const QualityScale& scale)
{
    const VideoProfile& profile = context.Profile();
    const QoeModel& qoe = context.Qoe();
    const PlaybackBuffer& buffer = context.Buffer();
    const std::uint32_t chunks = context.ChunkCount();
    const std::uint32_t next = context.NextChunk();
    const double top_bps = profile.NominalBitrate_bps(layout.levels);
    const double chunk_s = profile.GetChunkDuration_s();
    const double top_bytes = top_bps * chunk_s / kBitsPerByte;
    const double now_s = context.Now_s();
    const double capacity = context.Decoder().Capacity(now_s);

    std::vector<float> state;
    state.reserve(layout.StateSize());
    auto push = [&state](double v) { state.push_back(static_cast<float>(v)); };

    // 1. History, oldest first, zeros before the first download.
    const auto& downloads = context.Downloads();
    const auto& capacities = context.CapacityHistory();
    const std::size_t h = layout.history;
    for (std::size_t i = 0; i < h; ++i)
    {
        std::size_t back = h - i; // 1 = the newest
        push(back <= downloads.size()
                 ? downloads[downloads.size() - back].Throughput_bps() / top_bps
                 : 0.0);
    }
    for (std::size_t i = 0; i < h; ++i)
    {
        std::size_t back = h - i;
        push(back <= downloads.size()
                 ? downloads[downloads.size() - back].Duration_s() / kStateTimeScale_s
                 : 0.0);
    }
    for (std::size_t i = 0; i < h; ++i)
    {
        std::size_t back = h - i;
        push(back <= capacities.size() ? capacities[capacities.size() - back] : 0.0);
    }

    // 2. Scalars.
    double buffer_s = context.BufferLevel_s();
    double next_s = next < chunks ? profile.GetChunkDurationOf_s(next) : 0.0;
    push(buffer_s / kStateTimeScale_s);
    push((context.Limits().buffer_cap_s - buffer_s - next_s) / kStateTimeScale_s);
    push(static_cast<double>(chunks - next) / chunks);
    push(next > 0 ? scale.Normalize(qoe.LevelUtility(next - 1, context.LevelOf(next - 1))) : 0.0);
    push(buffer.HasStarted() && !buffer.IsStalled() ? 1.0 : 0.0);
    push(downloads.empty()
             ? 0.0
             : (downloads.back().first_byte_s - downloads.back().request_s) / chunk_s);

    // 3. The next chunk's quality matrix.
    for (std::uint32_t k = 1; k <= layout.levels; ++k)
    {
        if (next >= chunks)
        {
            state.insert(state.end(), layout.NextChunkRowSize(), 0.0f);
            continue;
        }
        push(profile.LevelBytes(next, k) / top_bytes);
        for (std::uint32_t e = 0; e < layout.exits; ++e)
        {
            push(scale.Normalize(Quality(qoe, profile, next, k, e)));
            push(context.Decoder().Duration_s(next, k, e, capacity) / next_s);
        }
    }

    // 4. The window of buffered chunks that can still change.
    std::uint32_t first = FirstWindowChunk(context);
    for (std::uint32_t u = 0; u < layout.window; ++u)
    {
        std::uint32_t c = first + u;
        if (c >= next)
        {
            state.insert(state.end(), layout.SlotSize(), 0.0f);
            continue;
        }
        std::uint32_t held = context.LevelOf(c);
        push(1.0);
        push(static_cast<double>(held) / layout.levels);
        push((context.DecodeDeadline_s(c) - now_s) / kStateTimeScale_s);
        for (std::uint32_t k = 1; k <= layout.levels; ++k)
        {
            push(k > held ? profile.UpgradeBytes(c, held, k) / top_bytes : 0.0);
            for (std::uint32_t e = 0; e < layout.exits; ++e)
            {
                push(scale.Normalize(Quality(qoe, profile, c, k, e)));
            }
        }
    }
    if (state.size() != layout.StateSize())
    {
        throw std::logic_error("EncodeState: " + std::to_string(state.size()) +
                               " values for a layout of " + std::to_string(layout.StateSize()));
    }
    return state;
}

} // namespace ns3
