#ifndef LAYERED_VIDEO_VIDEO_PLAYER_H
#define LAYERED_VIDEO_VIDEO_PLAYER_H

#include "playback-monitor.h"
#include "video-connection.h"

#include "ns3/abr-algorithm.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <functional>
#include <string>

namespace ns3
{

class StreamingSession;

/**
 * \ingroup layered-video
 * \brief Drives a StreamingSession in simulated time over a VideoConnection: the client's
 * state machine.
 *
 *     NotStarted -> Connecting -> Downloading <-> Waiting (the ABR asked to wait)
 *                                     |
 *                                     v (every chunk fetched: the connection closes)
 *                                  Draining (playing the rest) -> Finished
 *     any -> Failed (connection lost, bad response, invalid ABR decision)
 *
 * It asks the session what to do whenever the connection opens, a fetch completes or a wait
 * ends; and it advances the session's playback at each of its decode/play events, so that the
 * monitor reports chunks played and stalls when they happen. Session time counts from Start.
 */
class VideoPlayer
{
  public:
    enum class State
    {
        NotStarted,
        Connecting,
        Downloading,
        Waiting,
        Draining,
        Finished,
        Failed,
    };

    static std::string StateName(State state);

    /// What the player reports; every handler must be set before Start.
    struct Handlers
    {
        std::function<void(State oldState, State newState)> state;
        /// chunk, first and last layer, bytes asked for
        std::function<void(uint32_t, uint32_t, uint32_t, uint64_t)> downloadStarted;
        std::function<void(const DownloadRecord&)> downloadFinished;
        PlaybackMonitor::PlayedHandler played;
        PlaybackMonitor::StallStartedHandler stallStarted;
        PlaybackMonitor::StallEndedHandler stallEnded;
        VideoConnection::RxHandler rx;
    };

    explicit VideoPlayer(Handlers handlers);
    ~VideoPlayer();

    /// Starts the session now: connects from the node to the server (an InetSocketAddress).
    void Start(StreamingSession& session,
               Ptr<Node> node,
               const Address& server,
               uint32_t segmentSize);
    /// Stops where it is (the session keeps what has played); a running session fails.
    void Stop();

    State GetState() const;
    const std::string& GetError() const;
    /// Seconds since Start (never behind the session's clock).
    double Now_s() const;

  private:
    void Decide();
    void CompleteFetch();
    void SchedulePlayback();
    void PlaybackTick();
    void Finish();
    void Fail(const std::string& what);
    void SetState(State state);

    Handlers m_handlers;
    StreamingSession* m_session = nullptr;
    VideoConnection m_connection;
    PlaybackMonitor m_monitor;
    State m_state = State::NotStarted;
    std::string m_error;
    Time m_start;
    AbrDecision m_fetch;
    EventId m_decideEvent;
    EventId m_playbackEvent;
    double m_playbackAt_s = 0;
};

} // namespace ns3

#endif // LAYERED_VIDEO_VIDEO_PLAYER_H
