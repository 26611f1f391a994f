#ifndef LAYERED_VIDEO_ABR_CONTEXT_H
#define LAYERED_VIDEO_ABR_CONTEXT_H

#include <cstdint>
#include <vector>

namespace ns3
{

class VideoProfile;
class PlaybackBuffer;
class DecodeModel;
class QoeModel;

/// One completed download, as the client measured it.
struct DownloadRecord
{
    std::uint32_t chunk = 0;
    std::uint32_t from_level = 0; ///< level held when it was requested (0: a new chunk)
    std::uint32_t to_level = 0;
    std::uint64_t bytes = 0;
    double request_s = 0;    ///< request sent
    double first_byte_s = 0; ///< first byte of the body received
    double end_s = 0;        ///< last byte received
    bool accepted = true;    ///< false: it arrived after the chunk began decoding (wasted)

    /// Bytes over the whole download time, RTT included (as Pensieve and Sabre measure it).
    double Throughput_bps() const;
    double Duration_s() const;
};

/// Session settings an ABR may read.
struct SessionLimits
{
    double buffer_cap_s = 60; ///< Pensieve's BUFFER_THRESH
};

/**
 * \brief The read-only view of a session that an ABR decides from.
 *
 * Everything an ABR may know at decision time: the profile, the buffer (levels held, deadlines),
 * the download history, the compute capacity observed so far, the QoE model and the limits.
 */
class AbrContext
{
  public:
    AbrContext(double now_s,
               const VideoProfile& profile,
               const PlaybackBuffer& buffer,
               const DecodeModel& decoder,
               const QoeModel& qoe,
               const std::vector<DownloadRecord>& downloads,
               const std::vector<double>& capacity_history,
               const SessionLimits& limits);

    double Now_s() const;
    const VideoProfile& Profile() const;
    const PlaybackBuffer& Buffer() const;
    const DecodeModel& Decoder() const;
    const QoeModel& Qoe() const;
    const std::vector<DownloadRecord>& Downloads() const;
    /// Capacity observed at each decision so far (the last is the current one).
    const std::vector<double>& CapacityHistory() const;
    const SessionLimits& Limits() const;

    std::uint32_t ChunkCount() const;
    std::uint32_t LevelCount() const;
    /// The first chunk not yet fetched (== ChunkCount() when every chunk is).
    std::uint32_t NextChunk() const;
    double BufferLevel_s() const;
    std::uint32_t LevelOf(std::uint32_t chunk) const;
    /// Level of the newest fetched chunk (0 before the first).
    std::uint32_t LastFetchedLevel() const;
    /// Held, not yet decoding, and (layered) not at the top level.
    bool IsUpgradable(std::uint32_t chunk) const;
    /// When the chunk is expected to start decoding: an upgrade must be in by then.
    double DecodeDeadline_s(std::uint32_t chunk) const;
    /// Harmonic mean of the last n downloads' throughputs (0 without downloads).
    double HarmonicMeanThroughput_bps(std::size_t n) const;

  private:
    double m_now_s;
    const VideoProfile& m_profile;
    const PlaybackBuffer& m_buffer;
    const DecodeModel& m_decoder;
    const QoeModel& m_qoe;
    const std::vector<DownloadRecord>& m_downloads;
    const std::vector<double>& m_capacity_history;
    const SessionLimits& m_limits;
};

} // namespace ns3

#endif // LAYERED_VIDEO_ABR_CONTEXT_H
