#include "abr-context.h"

#include "ns3/playback-buffer.h"
#include "ns3/video-profile.h"

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;
}

double
DownloadRecord::Duration_s() const
{
    return end_s - request_s;
}

double
DownloadRecord::Throughput_bps() const
{
    double d = Duration_s();
    return d > 0 ? bytes * kBitsPerByte / d : 0.0;
}

AbrContext::AbrContext(double now_s,
                       const VideoProfile& profile,
                       const PlaybackBuffer& buffer,
                       const DecodeModel& decoder,
                       const QoeModel& qoe,
                       const std::vector<DownloadRecord>& downloads,
                       const std::vector<double>& capacity_history,
                       const SessionLimits& limits)
    : m_now_s(now_s),
      m_profile(profile),
      m_buffer(buffer),
      m_decoder(decoder),
      m_qoe(qoe),
      m_downloads(downloads),
      m_capacity_history(capacity_history),
      m_limits(limits)
{
}

double
AbrContext::Now_s() const
{
    return m_now_s;
}

const VideoProfile&
AbrContext::Profile() const
{
    return m_profile;
}

const PlaybackBuffer&
AbrContext::Buffer() const
{
    return m_buffer;
}

const DecodeModel&
AbrContext::Decoder() const
{
    return m_decoder;
}

const QoeModel&
AbrContext::Qoe() const
{
    return m_qoe;
}

const std::vector<DownloadRecord>&
AbrContext::Downloads() const
{
    return m_downloads;
}

const std::vector<double>&
AbrContext::CapacityHistory() const
{
    return m_capacity_history;
}

const SessionLimits&
AbrContext::Limits() const
{
    return m_limits;
}

std::uint32_t
AbrContext::ChunkCount() const
{
    return m_profile.GetChunkCount();
}

std::uint32_t
AbrContext::LevelCount() const
{
    return m_profile.GetLevelCount();
}

std::uint32_t
AbrContext::NextChunk() const
{
    return m_buffer.GetNextMissingChunk();
}

double
AbrContext::BufferLevel_s() const
{
    return m_buffer.GetLevel_s();
}

std::uint32_t
AbrContext::LevelOf(std::uint32_t chunk) const
{
    return m_buffer.GetChunk(chunk).level;
}

std::uint32_t
AbrContext::LastFetchedLevel() const
{
    std::uint32_t next = NextChunk();
    return next == 0 ? 0 : LevelOf(next - 1);
}

bool
AbrContext::IsUpgradable(std::uint32_t chunk) const
{
    return m_buffer.IsUpgradable(chunk) &&
           (!m_profile.IsLayered() || LevelOf(chunk) < m_profile.GetLevelCount());
}

double
AbrContext::DecodeDeadline_s(std::uint32_t chunk) const
{
    return m_buffer.EstimateDecodeStart_s(chunk);
}

double
AbrContext::HarmonicMeanThroughput_bps(std::size_t n) const
{
    double inverse_sum = 0;
    std::size_t count = 0;
    for (auto it = m_downloads.rbegin(); it != m_downloads.rend() && count < n; ++it)
    {
        double bps = it->Throughput_bps();
        if (bps > 0)
        {
            inverse_sum += 1.0 / bps;
            ++count;
        }
    }
    return count > 0 ? count / inverse_sum : 0.0;
}

} // namespace ns3
