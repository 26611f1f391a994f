#ifndef LAYERED_VIDEO_PLAYBACK_MONITOR_H
#define LAYERED_VIDEO_PLAYBACK_MONITOR_H

#include <cstdint>
#include <functional>

namespace ns3
{

class PlaybackBuffer;

/**
 * \ingroup layered-video
 * \brief Turns what a PlaybackBuffer did since the last look into events: chunks that started
 * playing, stalls that started and ended.
 *
 * The buffer keeps the record of every chunk (level played, exit, stall before it); the monitor
 * remembers how far it has reported and calls the handlers for what is new, in playing order.
 * A stall that began and ended between two looks is reported as both.
 */
class PlaybackMonitor
{
  public:
    /// chunk, level played, decoder exit
    using PlayedHandler = std::function<void(uint32_t, uint32_t, uint32_t)>;
    /// the chunk playback waits for
    using StallStartedHandler = std::function<void(uint32_t)>;
    /// the chunk that ends the stall, stall duration (s)
    using StallEndedHandler = std::function<void(uint32_t, double)>;

    PlaybackMonitor(PlayedHandler played,
                    StallStartedHandler stallStarted,
                    StallEndedHandler stallEnded);

    /// Reports what is new in the buffer.
    void Update(const PlaybackBuffer& buffer);
    /// Chunks reported as played so far.
    uint32_t GetPlayedCount() const;

  private:
    PlayedHandler m_played;
    StallStartedHandler m_stallStarted;
    StallEndedHandler m_stallEnded;
    uint32_t m_reported = 0;
    bool m_stalled = false;
};

} // namespace ns3

#endif // LAYERED_VIDEO_PLAYBACK_MONITOR_H
