#include "playback-monitor.h"

#include "ns3/playback-buffer.h"

namespace ns3
{

PlaybackMonitor::PlaybackMonitor(PlayedHandler played,
                                 StallStartedHandler stallStarted,
                                 StallEndedHandler stallEnded)
    : m_played(std::move(played)),
      m_stallStarted(std::move(stallStarted)),
      m_stallEnded(std::move(stallEnded))
{
}

void
PlaybackMonitor::Update(const PlaybackBuffer& buffer)
{
    for (; m_reported < buffer.GetNextToPlay(); ++m_reported)
    {
        uint32_t c = m_reported;
        const ChunkRecord& r = buffer.GetChunk(c);
        if (r.stall_before_s > 0)
        {
            if (!m_stalled)
            {
                m_stallStarted(c);
            }
            m_stallEnded(c, r.stall_before_s);
            m_stalled = false;
        }
        m_played(c, r.decoded_level, r.exit);
    }
    if (buffer.IsStalled() && !m_stalled)
    {
        m_stalled = true;
        m_stallStarted(buffer.GetNextToPlay());
    }
}

uint32_t
PlaybackMonitor::GetPlayedCount() const
{
    return m_reported;
}

} // namespace ns3
