#ifndef LAYERED_VIDEO_LAYERED_VIDEO_CLIENT_H
#define LAYERED_VIDEO_LAYERED_VIDEO_CLIENT_H

#include "video-player.h"
#include "video-session-setup.h"

#include "ns3/abr-algorithm.h"
#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/nstime.h"
#include "ns3/qoe.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <memory>
#include <string>

namespace ns3
{

class ComputeCapacity;
class StreamingSession;
class VideoProfile;

/**
 * \ingroup layered-video
 * \brief An adaptive video player over HTTP/1.1 and ns-3 TCP, driven by the shared streaming
 * core: it owns a StreamingSession (PlaybackBuffer, DecodeModel, the ABR chosen by name, QoE),
 * asks it what to fetch, and moves the bytes over one persistent connection.
 *
 * A fetch of layers [first, last] of a chunk is sent as that many pipelined GETs
 * `/video/<chunk>/<layer>` in one write, so that a multi-layer fetch costs one round trip, as in
 * the chunk-level simulator; it is reported to the session when the last byte of the last layer
 * arrives (request sent, first body byte, last byte, body bytes). Every response is checked
 * against the profile (status 200, Content-Length = the layer's bytes).
 *
 * The client is the state machine of VideoPlayer (NotStarted, Connecting, Downloading, Waiting,
 * Draining, Finished, Failed), traced by StateTransition. Playback events are seen when they
 * happen, so ChunkPlayed, StallStarted and StallEnded fire at their times. Session times (logs,
 * DownloadRecord) count from StartApplication. Every attribute is checked when it is set: an
 * unknown ABR, a missing or malformed file, or an out-of-range value stops the simulation with
 * a message naming it.
 */
class LayeredVideoClient : public Application
{
  public:
    using State = VideoPlayer::State;

    /// TracedCallback signature of a state change (names as VideoPlayer::StateName gives).
    typedef void (*StateTracedCallback)(const std::string& oldState, const std::string& newState);
    /// TracedCallback signature of a fetch sent: chunk, first and last layer, bytes asked.
    typedef void (*DownloadStartedTracedCallback)(uint32_t chunk,
                                                  uint32_t firstLayer,
                                                  uint32_t lastLayer,
                                                  uint64_t bytes);
    /// TracedCallback signature of a fetch completed (times in session seconds).
    typedef void (*DownloadFinishedTracedCallback)(const DownloadRecord& record);
    /// TracedCallback signature of a chunk starting to play at a level through a decoder exit
    /// (exit 0 when the profile has none), with its QoE utility.
    typedef void (*ChunkPlayedTracedCallback)(uint32_t chunk,
                                              uint32_t level,
                                              uint32_t exit,
                                              double utility);
    /// TracedCallback signature of a stall starting (playback waits for this chunk).
    typedef void (*StallStartedTracedCallback)(uint32_t chunk);
    /// TracedCallback signature of a stall ending (the chunk starts playing after `duration`).
    typedef void (*StallEndedTracedCallback)(uint32_t chunk, Time duration);
    /// TracedCallback signature of an accepted upgrade of a buffered chunk.
    typedef void (*LayerUpgradedTracedCallback)(uint32_t chunk,
                                                uint32_t fromLevel,
                                                uint32_t toLevel);

    static TypeId GetTypeId();

    LayeredVideoClient();
    ~LayeredVideoClient() override;

    /// Plays this profile (shared, read-only) instead of loading ProfilePath.
    void SetProfile(std::shared_ptr<const VideoProfile> profile);
    std::shared_ptr<const VideoProfile> GetProfile() const;
    /// Uses this compute-capacity trace instead of the Capacity attribute.
    void SetCapacity(std::shared_ptr<const ComputeCapacity> capacity);

    /// Fixes the random stream (Swift's capacity draws); returns the number of streams used.
    int64_t AssignStreams(int64_t stream);

    State GetState() const;
    /// What went wrong when the state is Failed.
    const std::string& GetError() const;
    /// The session (null before StartApplication).
    const StreamingSession* GetSession() const;
    /// The QoE terms of what has played so far (all of it once Finished).
    QoeSummary GetSummary() const;
    /// The QoE model of the session (null before StartApplication).
    const QoeModel* GetQoeModel() const;
    /// Writes the per-chunk CSV and the session JSON (done at the end when paths are set).
    void WriteLogs(const std::string& chunkLogPath, const std::string& summaryPath) const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    void SetProfilePath(std::string path);
    void SetChunks(uint32_t chunks);
    void SetClientSpeed(double speed);
    double GetClientSpeed() const;
    void SetAbrName(std::string name);
    std::string GetAbrName() const;
    void SetPolicyPath(std::string path);
    std::string GetPolicyPath() const;
    void SetQoeMetric(std::string name);
    void SetCapacitySpec(std::string spec);
    void StateChanged(State oldState, State newState);
    void DownloadFinished(const DownloadRecord& record);

    // Attributes.
    Address m_peer;
    uint16_t m_peerPort = 0;
    Time m_bufferCap;
    Time m_startupThreshold;
    QoeMetric m_qoeMetric = QoeMetric::BitrateLinear;
    double m_rebufferPenalty = 0;
    double m_smoothnessPenalty = 0;
    double m_startupPenalty = 0;
    std::string m_traceName;
    std::string m_chunkLogPath;
    std::string m_summaryPath;
    uint32_t m_segmentSize = 0;
    double m_clientSpeed = 1;

    VideoSessionSetup m_setup;
    StreamingSession* m_session = nullptr;
    Ptr<UniformRandomVariable> m_capacityRng;
    VideoPlayer m_player;

    TracedCallback<const std::string&, const std::string&> m_stateTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t, uint64_t> m_downloadStartedTrace;
    TracedCallback<const DownloadRecord&> m_downloadFinishedTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t, double> m_chunkPlayedTrace;
    TracedCallback<uint32_t> m_stallStartedTrace;
    TracedCallback<uint32_t, Time> m_stallEndedTrace;
    TracedCallback<uint32_t, uint32_t, uint32_t> m_layerUpgradedTrace;
    TracedCallback<Ptr<const Packet>, const Address&> m_rxTrace;
};

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_VIDEO_CLIENT_H
