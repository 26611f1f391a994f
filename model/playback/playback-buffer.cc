#include "playback-buffer.h"

#include "ns3/video-profile.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{
// Times computed along different paths may differ in the last bits.
constexpr double kTimeSlack_s = 1e-9;
} // namespace

PlaybackBuffer::PlaybackBuffer(const VideoProfile& profile,
                               const DecodeModel& decoder,
                               BufferConfig config,
                               double start_s)
    : m_profile(&profile),
      m_decoder(&decoder),
      m_config(config),
      m_chunks(profile.GetChunkCount()),
      m_start_s(start_s),
      m_now_s(start_s)
{
    m_prefix_duration_s.assign(m_chunks.size() + 1, 0.0);
    for (std::uint32_t i = 0; i < m_chunks.size(); ++i)
    {
        m_prefix_duration_s[i + 1] = m_prefix_duration_s[i] + profile.GetChunkDurationOf_s(i);
    }
}

double
PlaybackBuffer::DurationBetween_s(std::uint32_t from, std::uint32_t to) const
{
    return to > from ? m_prefix_duration_s[to] - m_prefix_duration_s[from] : 0.0;
}

bool
PlaybackBuffer::StartupReady() const
{
    return m_downloaded == m_chunks.size() ||
           DurationBetween_s(0, m_downloaded) >= m_config.startup_threshold_s;
}

double
PlaybackBuffer::PlannedPlayStart_s(std::uint32_t chunk) const
{
    double base = m_playing ? m_play_end_s : m_now_s;
    return base + DurationBetween_s(m_next_play, chunk);
}

PlaybackBuffer::Event
PlaybackBuffer::NextEvent(double& at_s) const
{
    // On ties decoding goes first, so that a chunk decoded just in time plays without a stall.
    if (m_decoding)
    {
        at_s = m_chunks[m_next_decode - 1].decode_end_s;
        if (m_playing && m_play_end_s < at_s)
        {
            at_s = m_play_end_s;
            return Event::PlayEnd;
        }
        return Event::DecodeEnd;
    }
    Event event = Event::None;
    at_s = kNever;
    std::uint32_t d = m_next_decode;
    if (d < m_chunks.size() && m_chunks[d].level > 0 && (d > 0 || StartupReady()))
    {
        if (d == 0)
        {
            at_s = m_now_s;
        }
        else
        {
            double play_s = PlannedPlayStart_s(d);
            double earliest_s = play_s - m_profile->GetChunkDurationOf_s(d);
            DecodePlan plan =
                m_decoder->Sustainable(d, m_chunks[d].level, std::max(m_now_s, earliest_s));
            at_s = std::max(m_now_s, play_s - plan.duration_s);
        }
        event = Event::DecodeStart;
    }
    if (m_playing && m_play_end_s < at_s)
    {
        at_s = m_play_end_s;
        event = Event::PlayEnd;
    }
    return event;
}

void
PlaybackBuffer::AdvanceTo(double t_s)
{
    if (t_s < m_now_s - kTimeSlack_s)
    {
        throw std::logic_error("PlaybackBuffer: time went backwards to " + std::to_string(t_s));
    }
    while (true)
    {
        double at_s;
        Event event = NextEvent(at_s);
        if (event == Event::None || at_s > t_s)
        {
            break;
        }
        m_now_s = std::max(m_now_s, at_s);
        switch (event)
        {
        case Event::DecodeStart:
            StartDecode(m_now_s);
            break;
        case Event::DecodeEnd:
            EndDecode(m_now_s);
            break;
        case Event::PlayEnd:
            EndPlay(m_now_s);
            break;
        case Event::None:
            break;
        }
    }
    m_now_s = std::max(m_now_s, t_s);
}

double
PlaybackBuffer::GetNextEvent_s() const
{
    double at_s;
    return NextEvent(at_s) == Event::None ? kNever : at_s;
}

void
PlaybackBuffer::RunToEnd()
{
    while (true)
    {
        double at_s;
        Event event = NextEvent(at_s);
        if (event == Event::None)
        {
            return;
        }
        AdvanceTo(at_s);
    }
}

void
PlaybackBuffer::StartDecode(double t_s)
{
    std::uint32_t d = m_next_decode;
    ChunkRecord& c = m_chunks[d];
    double deadline_s = d == 0 ? kNever : PlannedPlayStart_s(d);
    DecodePlan plan = m_decoder->Choose(d, c.level, t_s, deadline_s);
    c.decode_started = true;
    c.decode_start_s = t_s;
    c.decode_end_s = t_s + plan.duration_s;
    c.decoded_level = c.level;
    c.exit = plan.exit;
    m_decoding = true;
    ++m_next_decode;
}

void
PlaybackBuffer::EndDecode(double t_s)
{
    m_decoding = false;
    std::uint32_t c = m_next_decode - 1;
    if (c == m_next_play && !m_playing)
    {
        if (m_stall_start_s >= 0)
        {
            double stall_s = t_s - m_stall_start_s;
            m_chunks[c].stall_before_s += stall_s;
            m_stall_total_s += stall_s;
            m_stall_count += stall_s > 0 ? 1 : 0;
            m_stall_start_s = -1;
        }
        StartPlay(c, t_s);
    }
}

void
PlaybackBuffer::EndPlay(double t_s)
{
    m_playing = false;
    std::uint32_t next = m_next_play;
    if (next == m_chunks.size())
    {
        return;
    }
    bool decoded = next < m_next_decode && !(m_decoding && next == m_next_decode - 1);
    if (decoded)
    {
        StartPlay(next, t_s);
    }
    else
    {
        m_stall_start_s = t_s;
    }
}

void
PlaybackBuffer::StartPlay(std::uint32_t chunk, double t_s)
{
    m_chunks[chunk].play_start_s = t_s;
    m_playing = true;
    m_play_end_s = t_s + m_profile->GetChunkDurationOf_s(chunk);
    m_next_play = chunk + 1;
}

bool
PlaybackBuffer::AddLevel(std::uint32_t chunk, std::uint32_t level, std::uint64_t bytes, double t_s)
{
    AdvanceTo(t_s);
    if (chunk >= m_chunks.size() || level == 0 || level > m_profile->GetLevelCount())
    {
        throw std::logic_error("PlaybackBuffer: no chunk " + std::to_string(chunk) + " level " +
                               std::to_string(level));
    }
    ChunkRecord& c = m_chunks[chunk];
    c.bytes += bytes;
    if (c.decode_started)
    {
        c.wasted_bytes += bytes;
        return false;
    }
    if (m_profile->IsLayered() && level <= c.level)
    {
        throw std::logic_error("PlaybackBuffer: layered chunk " + std::to_string(chunk) +
                               " already holds level " + std::to_string(c.level));
    }
    if (c.level == 0)
    {
        c.first_arrival_s = t_s;
    }
    else
    {
        ++c.upgrades;
        if (!m_profile->IsLayered())
        {
            c.wasted_bytes += m_profile->LevelBytes(chunk, c.level);
        }
    }
    c.level = level;
    while (m_downloaded < m_chunks.size() && m_chunks[m_downloaded].level > 0)
    {
        ++m_downloaded;
    }
    return true;
}

double
PlaybackBuffer::Now_s() const
{
    return m_now_s;
}

double
PlaybackBuffer::GetStart_s() const
{
    return m_start_s;
}

std::uint32_t
PlaybackBuffer::GetChunkCount() const
{
    return static_cast<std::uint32_t>(m_chunks.size());
}

const ChunkRecord&
PlaybackBuffer::GetChunk(std::uint32_t chunk) const
{
    return m_chunks.at(chunk);
}

double
PlaybackBuffer::GetLevel_s() const
{
    double ahead_s = m_playing ? m_play_end_s - m_now_s : 0.0;
    return ahead_s + DurationBetween_s(m_next_play, m_downloaded);
}

std::uint32_t
PlaybackBuffer::GetNextMissingChunk() const
{
    return m_downloaded;
}

std::uint32_t
PlaybackBuffer::GetNextToPlay() const
{
    return m_next_play;
}

bool
PlaybackBuffer::IsUpgradable(std::uint32_t chunk) const
{
    return chunk < m_chunks.size() && m_chunks[chunk].level > 0 && !m_chunks[chunk].decode_started;
}

double
PlaybackBuffer::EstimateDecodeStart_s(std::uint32_t chunk) const
{
    const ChunkRecord& c = m_chunks.at(chunk);
    if (c.decode_started)
    {
        return c.decode_start_s;
    }
    if (chunk == 0 && !HasStarted())
    {
        return m_now_s;
    }
    double play_s = PlannedPlayStart_s(chunk);
    double earliest_s = play_s - m_profile->GetChunkDurationOf_s(chunk);
    DecodePlan plan = m_decoder->Sustainable(chunk,
                                             std::max<std::uint32_t>(c.level, 1),
                                             std::max(m_now_s, earliest_s));
    return std::max(m_now_s, play_s - plan.duration_s);
}

bool
PlaybackBuffer::HasStarted() const
{
    return !m_chunks.empty() && m_chunks[0].play_start_s >= 0;
}

bool
PlaybackBuffer::IsStalled() const
{
    return m_stall_start_s >= 0;
}

bool
PlaybackBuffer::IsFinished() const
{
    return m_next_play == m_chunks.size() && !m_playing;
}

double
PlaybackBuffer::GetStartupDelay_s() const
{
    return HasStarted() ? m_chunks[0].play_start_s - m_start_s : kNever;
}

double
PlaybackBuffer::GetStallTime_s() const
{
    return m_stall_total_s;
}

double
PlaybackBuffer::GetOngoingStall_s() const
{
    return m_stall_start_s >= 0 ? m_now_s - m_stall_start_s : 0.0;
}

std::uint32_t
PlaybackBuffer::GetStallCount() const
{
    return m_stall_count;
}

} // namespace ns3
