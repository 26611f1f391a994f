#ifndef LAYERED_VIDEO_STREAMING_SESSION_H
#define LAYERED_VIDEO_STREAMING_SESSION_H

#include "decode-model.h"
#include "playback-buffer.h"
#include "qoe.h"

#include "ns3/abr-algorithm.h"

#include <vector>

namespace ns3
{

class ComputeCapacity;

struct SessionConfig
{
    SessionLimits limits;
    BufferConfig buffer;
    /// Sessions longer than this (from their start) are abandoned with an error; 0: ten times
    /// the video's duration plus an hour.
    double max_duration_s = 0;
};

/**
 * \brief One streaming session's logic, driven by whoever moves the bytes.
 *
 * The chunk-level simulator and the ns-3 client both drive this class, so that the buffer,
 * decode model, ABR and QoE code is the same in both: ask NextRequest(now) what to fetch, move
 * the bytes (a trace or real TCP), report OnDownloadComplete, repeat until Done, then Finish.
 *
 * It checks every ABR decision (a fetch must be the next chunk or an upgradable buffered one,
 * at a valid level; a wait must be positive) and enforces the buffer cap: a new chunk that would
 * take the buffer over it becomes a wait until it fits.
 */
class StreamingSession
{
  public:
    StreamingSession(const VideoProfile& profile,
                     AbrAlgorithm& abr,
                     const ComputeCapacity& capacity,
                     const QoeModel& qoe,
                     SessionConfig config,
                     double start_s = 0);

    StreamingSession(const StreamingSession&) = delete;
    StreamingSession& operator=(const StreamingSession&) = delete;

    /// What to do at now_s: fetch (chunk, level), wait, or done (every chunk fetched).
    AbrDecision NextRequest(double now_s);
    /// Bytes a fetch decision asks for (layered: the missing layers up to its level).
    std::uint64_t RequestBytes(const AbrDecision& fetch) const;
    /// The first and last layer (1-based) a fetch covers; ladder content: the representation.
    std::pair<std::uint32_t, std::uint32_t> RequestLayers(const AbrDecision& fetch) const;
    /// A fetch completed; returns false if it arrived too late to be used (wasted).
    bool OnDownloadComplete(const AbrDecision& fetch,
                            std::uint64_t bytes,
                            double request_s,
                            double first_byte_s,
                            double end_s);
    /// Plays what is buffered to the end.
    void Finish();
    /// Plays and decodes up to now_s without asking the ABR (an event-driven client calls it
    /// at Buffer().GetNextEvent_s() to see playback events when they happen).
    void AdvanceTo(double now_s);

    bool IsFinished() const;
    double Now_s() const;
    const VideoProfile& Profile() const;
    const PlaybackBuffer& Buffer() const;
    const std::vector<DownloadRecord>& Downloads() const;
    /// Buffer level right after each download (same order as Downloads()).
    const std::vector<double>& BufferAfterDownload_s() const;
    const QoeModel& Qoe() const;
    const AbrAlgorithm& Abr() const;
    QoeSummary Summary() const;
    /// The context the ABR sees now.
    AbrContext Context() const;

  private:
    AbrDecision Validate(AbrDecision decision) const;

    const VideoProfile& m_profile;
    AbrAlgorithm& m_abr;
    const ComputeCapacity& m_capacity;
    const QoeModel& m_qoe;
    SessionConfig m_config;
    DecodeModel m_decoder;
    PlaybackBuffer m_buffer;
    std::vector<DownloadRecord> m_downloads;
    std::vector<double> m_buffer_after_s;
    std::vector<double> m_capacity_history;
    double m_start_s;
};

} // namespace ns3

#endif // LAYERED_VIDEO_STREAMING_SESSION_H
