#include "streaming-session.h"

#include "ns3/compute-capacity.h"
#include "ns3/video-profile.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{

namespace
{
constexpr double kGuardFactor = 10;    // sessions may run this many times the video's length
constexpr double kGuardExtra_s = 3600; // ... plus an hour
constexpr double kCapSlack_s = 1e-9;
} // namespace

StreamingSession::StreamingSession(const VideoProfile& profile,
                                   AbrAlgorithm& abr,
                                   const ComputeCapacity& capacity,
                                   const QoeModel& qoe,
                                   SessionConfig config,
                                   double start_s)
    : m_profile(profile),
      m_abr(abr),
      m_capacity(capacity),
      m_qoe(qoe),
      m_config(config),
      m_decoder(profile, capacity),
      m_buffer(profile, m_decoder, config.buffer, start_s),
      m_start_s(start_s)
{
    double longest_chunk_s = 0;
    for (std::uint32_t c = 0; c < profile.GetChunkCount(); ++c)
    {
        longest_chunk_s = std::max(longest_chunk_s, profile.GetChunkDurationOf_s(c));
    }
    if (!(config.limits.buffer_cap_s >= longest_chunk_s))
    {
        throw std::invalid_argument("buffer cap (" + std::to_string(config.limits.buffer_cap_s) +
                                    " s) must hold at least one chunk (" +
                                    std::to_string(longest_chunk_s) + " s)");
    }
    if (!(config.buffer.startup_threshold_s >= 0) ||
        config.buffer.startup_threshold_s + longest_chunk_s > config.limits.buffer_cap_s)
    {
        throw std::invalid_argument("startup threshold must be >= 0 and leave room for a chunk "
                                    "under the buffer cap");
    }
    if (m_config.max_duration_s <= 0)
    {
        m_config.max_duration_s = kGuardFactor * profile.GetTotalDuration_s() + kGuardExtra_s;
    }
    m_abr.Reset();
}

AbrContext
StreamingSession::Context() const
{
    return AbrContext(m_buffer.Now_s(),
                      m_profile,
                      m_buffer,
                      m_decoder,
                      m_qoe,
                      m_downloads,
                      m_capacity_history,
                      m_config.limits);
}

AbrDecision
StreamingSession::NextRequest(double now_s)
{
    m_buffer.AdvanceTo(now_s);
    if (now_s - m_start_s > m_config.max_duration_s)
    {
        throw std::runtime_error("session ran longer than " +
                                 std::to_string(m_config.max_duration_s) +
                                 " s without finishing (ABR " + m_abr.GetName() + ")");
    }
    m_capacity_history.push_back(m_capacity.GetCapacity(now_s));
    return Validate(m_abr.Decide(Context()));
}

AbrDecision
StreamingSession::Validate(AbrDecision d) const
{
    std::uint32_t next = m_buffer.GetNextMissingChunk();
    std::uint32_t chunks = m_profile.GetChunkCount();
    auto fail = [&](const std::string& what) {
        throw std::logic_error("ABR " + m_abr.GetName() +
                               " at t=" + std::to_string(m_buffer.Now_s()) + " s: " + what);
    };
    switch (d.kind)
    {
    case AbrDecision::Kind::Done:
        if (next < chunks)
        {
            fail("said done with chunk " + std::to_string(next) + " not fetched");
        }
        return d;
    case AbrDecision::Kind::Wait:
        if (!(d.wait_s > 0) || !std::isfinite(d.wait_s))
        {
            fail("asked to wait " + std::to_string(d.wait_s) + " s");
        }
        return d;
    case AbrDecision::Kind::Fetch:
        break;
    }
    if (d.chunk >= chunks || d.chunk > next || d.level < 1 || d.level > m_profile.GetLevelCount())
    {
        fail("asked for chunk " + std::to_string(d.chunk) + " level " + std::to_string(d.level) +
             " (next chunk " + std::to_string(next) + ")");
    }
    if (d.chunk == next)
    {
        double over_s = m_buffer.GetLevel_s() + m_profile.GetChunkDurationOf_s(next) -
                        m_config.limits.buffer_cap_s;
        return over_s > kCapSlack_s ? AbrDecision::Wait(over_s) : d;
    }
    std::uint32_t held = m_buffer.GetChunk(d.chunk).level;
    bool valid_level = m_profile.IsLayered() ? d.level > held : d.level != held;
    if (!m_buffer.IsUpgradable(d.chunk) || !valid_level)
    {
        fail("asked to upgrade chunk " + std::to_string(d.chunk) + " from level " +
             std::to_string(held) + " to " + std::to_string(d.level) +
             ", which is not possible now");
    }
    return d;
}

std::uint64_t
StreamingSession::RequestBytes(const AbrDecision& fetch) const
{
    std::uint32_t held = m_buffer.GetChunk(fetch.chunk).level;
    return m_profile.UpgradeBytes(fetch.chunk, held, fetch.level);
}

std::pair<std::uint32_t, std::uint32_t>
StreamingSession::RequestLayers(const AbrDecision& fetch) const
{
    if (!m_profile.IsLayered())
    {
        return {fetch.level, fetch.level};
    }
    return {m_buffer.GetChunk(fetch.chunk).level + 1, fetch.level};
}

bool
StreamingSession::OnDownloadComplete(const AbrDecision& fetch,
                                     std::uint64_t bytes,
                                     double request_s,
                                     double first_byte_s,
                                     double end_s)
{
    DownloadRecord r;
    r.chunk = fetch.chunk;
    r.from_level = m_buffer.GetChunk(fetch.chunk).level;
    r.to_level = fetch.level;
    r.bytes = bytes;
    r.request_s = request_s;
    r.first_byte_s = first_byte_s;
    r.end_s = end_s;
    r.accepted = m_buffer.AddLevel(fetch.chunk, fetch.level, bytes, end_s);
    m_downloads.push_back(r);
    m_buffer_after_s.push_back(m_buffer.GetLevel_s());
    m_abr.OnDownload(Context());
    return r.accepted;
}

void
StreamingSession::Finish()
{
    m_buffer.RunToEnd();
}

void
StreamingSession::AdvanceTo(double now_s)
{
    m_buffer.AdvanceTo(now_s);
}

bool
StreamingSession::IsFinished() const
{
    return m_buffer.IsFinished();
}

double
StreamingSession::Now_s() const
{
    return m_buffer.Now_s();
}

const VideoProfile&
StreamingSession::Profile() const
{
    return m_profile;
}

const PlaybackBuffer&
StreamingSession::Buffer() const
{
    return m_buffer;
}

const std::vector<DownloadRecord>&
StreamingSession::Downloads() const
{
    return m_downloads;
}

const std::vector<double>&
StreamingSession::BufferAfterDownload_s() const
{
    return m_buffer_after_s;
}

const QoeModel&
StreamingSession::Qoe() const
{
    return m_qoe;
}

const AbrAlgorithm&
StreamingSession::Abr() const
{
    return m_abr;
}

QoeSummary
StreamingSession::Summary() const
{
    return m_qoe.Evaluate(m_buffer);
}

} // namespace ns3
