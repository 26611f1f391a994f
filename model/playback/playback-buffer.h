#ifndef LAYERED_VIDEO_PLAYBACK_BUFFER_H
#define LAYERED_VIDEO_PLAYBACK_BUFFER_H

#include "decode-model.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace ns3
{

class VideoProfile;

/// What the buffer knows of one chunk of the video.
struct ChunkRecord
{
    std::uint32_t level = 0;     ///< level held now (0 = nothing)
    double first_arrival_s = -1; ///< when its first level arrived
    bool decode_started = false;
    double decode_start_s = 0;
    double decode_end_s = 0;
    std::uint32_t decoded_level = 0; ///< the level it is played at
    std::uint32_t exit = 0;          ///< the decoder exit it is played at
    double play_start_s = -1;        ///< -1 until it starts playing
    double stall_before_s = 0;       ///< time playback waited for this chunk (after startup)
    std::uint64_t bytes = 0;         ///< bytes received for it (wasted ones included)
    std::uint64_t wasted_bytes = 0;  ///< late upgrades and replaced representations
    std::uint32_t upgrades = 0;      ///< accepted upgrades / replacements
};

/// Startup rule of the player.
struct BufferConfig
{
    /// Playback starts once this much video is downloaded (0: as soon as chunk 0 decodes).
    double startup_threshold_s = 0;
};

/**
 * \brief The client's playback buffer and decoder pipeline (plain C++, no simulator).
 *
 * Holds which level of which chunk is buffered, and runs the playback clock: chunks play in
 * order, each for its duration; a chunk must be decoded before it plays, and it is played at
 * the level held when its decoding starts. Decoding is sequential and just in time: chunk n
 * starts decoding at max(previous decode end, its first arrival, its play time - its decode
 * time), so upgrades that arrive before then count. When playback reaches a chunk that is not
 * decoded, it stalls until the chunk is decoded. Late upgrades and replaced representations are
 * counted as wasted bytes. The buffer cap is the session's to enforce (it decides when to fetch).
 *
 * Time only moves forward: AdvanceTo(t) processes every event up to t.
 */
class PlaybackBuffer
{
  public:
    static constexpr double kNever = std::numeric_limits<double>::infinity();

    PlaybackBuffer(const VideoProfile& profile,
                   const DecodeModel& decoder,
                   BufferConfig config,
                   double start_s = 0);

    /// Plays and decodes up to t_s (t_s >= Now_s()).
    void AdvanceTo(double t_s);
    /// Plays to the end, if every chunk is downloaded (else up to the first missing chunk).
    void RunToEnd();
    /// When the next decode or play event happens with what is held now (kNever: none), so that
    /// an event-driven client can advance the buffer exactly when something changes.
    double GetNextEvent_s() const;

    /**
     * A download of `level` for `chunk` completed at t_s (the buffer first advances to t_s).
     * Returns false when it arrived after the chunk's decoding started: its bytes are wasted.
     * For layered content the level must exceed the held one; for ladder content another
     * representation replaces the held one, whose bytes then count as wasted.
     */
    bool AddLevel(std::uint32_t chunk, std::uint32_t level, std::uint64_t bytes, double t_s);

    double Now_s() const;
    double GetStart_s() const;
    std::uint32_t GetChunkCount() const;
    const ChunkRecord& GetChunk(std::uint32_t chunk) const;

    /// Seconds of downloaded video ahead of the playhead.
    double GetLevel_s() const;
    /// The first chunk never downloaded (chunks are first fetched in order).
    std::uint32_t GetNextMissingChunk() const;
    /// The next chunk to start playing (== chunk count when all have started).
    std::uint32_t GetNextToPlay() const;
    /// True while a chunk's level can still change (it is held and not yet decoding).
    bool IsUpgradable(std::uint32_t chunk) const;
    /// When the chunk's decoding is expected to start if playback goes on without a stall.
    double EstimateDecodeStart_s(std::uint32_t chunk) const;

    bool HasStarted() const;
    bool IsStalled() const;
    bool IsFinished() const;
    /// Time from the session start to the first frame played (kNever before).
    double GetStartupDelay_s() const;
    /// Stall time of finished stalls.
    double GetStallTime_s() const;
    /// Time stalled so far in a stall that has not ended (0 when playing).
    double GetOngoingStall_s() const;
    std::uint32_t GetStallCount() const;

  private:
    enum class Event
    {
        None,
        DecodeStart,
        DecodeEnd,
        PlayEnd,
    };

    Event NextEvent(double& at_s) const;
    void StartDecode(double t_s);
    void EndDecode(double t_s);
    void EndPlay(double t_s);
    void StartPlay(std::uint32_t chunk, double t_s);
    /// When chunk n would start playing if nothing stalls (chunks before it all decoded).
    double PlannedPlayStart_s(std::uint32_t chunk) const;
    double DurationBetween_s(std::uint32_t from, std::uint32_t to) const;
    bool StartupReady() const;

    const VideoProfile* m_profile; // pointers, so that buffers can be copied and assigned
    const DecodeModel* m_decoder;
    BufferConfig m_config;
    std::vector<ChunkRecord> m_chunks;
    std::vector<double> m_prefix_duration_s; ///< total duration of chunks [0, n)
    double m_start_s;
    double m_now_s;
    std::uint32_t m_downloaded = 0;  ///< chunks [0, m_downloaded) hold a level
    std::uint32_t m_next_decode = 0; ///< next chunk to start decoding
    bool m_decoding = false;         ///< chunk m_next_decode - 1 is decoding
    std::uint32_t m_next_play = 0;   ///< next chunk to start playing
    bool m_playing = false;          ///< chunk m_next_play - 1 is playing
    double m_play_end_s = 0;         ///< when the playing chunk ends
    double m_stall_start_s = -1;     ///< >= 0 while stalled
    double m_stall_total_s = 0;
    std::uint32_t m_stall_count = 0;
};

} // namespace ns3

#endif // LAYERED_VIDEO_PLAYBACK_BUFFER_H
