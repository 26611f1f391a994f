#include "video-player.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/streaming-session.h"

#include <cmath>
#include <exception>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("VideoPlayer");

VideoPlayer::VideoPlayer(Handlers handlers)
    : m_handlers(std::move(handlers)),
      m_monitor(m_handlers.played, m_handlers.stallStarted, m_handlers.stallEnded)
{
    m_connection.SetHandlers([this]() { Decide(); },
                             [this]() { CompleteFetch(); },
                             [this](const std::string& what) { Fail(what); },
                             m_handlers.rx);
}

VideoPlayer::~VideoPlayer()
{
    m_decideEvent.Cancel();
    m_playbackEvent.Cancel();
}

std::string
VideoPlayer::StateName(State state)
{
    switch (state)
    {
    case State::NotStarted:
        return "NotStarted";
    case State::Connecting:
        return "Connecting";
    case State::Downloading:
        return "Downloading";
    case State::Waiting:
        return "Waiting";
    case State::Draining:
        return "Draining";
    case State::Finished:
        return "Finished";
    case State::Failed:
        return "Failed";
    }
    return "?";
}

void
VideoPlayer::Start(StreamingSession& session,
                   Ptr<Node> node,
                   const Address& server,
                   uint32_t segmentSize)
{
    NS_LOG_FUNCTION(this << node << server);
    m_session = &session;
    m_start = Simulator::Now();
    SetState(State::Connecting);
    m_connection.Open(node, server, segmentSize);
}

void
VideoPlayer::Stop()
{
    NS_LOG_FUNCTION(this);
    if (m_session && m_state != State::Finished && m_state != State::Failed)
    {
        m_session->AdvanceTo(Now_s());
        m_monitor.Update(m_session->Buffer());
        std::ostringstream why;
        why << "stopped at " << Now_s() << " s of the session, before it ended (the client's "
            << "StopTime or the end of the simulation came first)";
        if (m_session->Buffer().IsStalled())
        {
            why << ", stalled for the last " << m_session->Buffer().GetOngoingStall_s() << " s";
        }
        Fail(why.str());
    }
    m_decideEvent.Cancel();
    m_playbackEvent.Cancel();
    m_connection.Close();
}

VideoPlayer::State
VideoPlayer::GetState() const
{
    return m_state;
}

const std::string&
VideoPlayer::GetError() const
{
    return m_error;
}

double
VideoPlayer::Now_s() const
{
    double now_s = (Simulator::Now() - m_start).GetSeconds();
    return m_session ? std::max(now_s, m_session->Now_s()) : now_s;
}

void
VideoPlayer::Decide()
{
    NS_LOG_FUNCTION(this);
    AbrDecision d;
    try
    {
        d = m_session->NextRequest(Now_s());
    }
    catch (const std::exception& e)
    {
        Fail(e.what());
        return;
    }
    m_monitor.Update(m_session->Buffer());
    SchedulePlayback();
    switch (d.kind)
    {
    case AbrDecision::Kind::Fetch: {
        auto [first, last] = m_session->RequestLayers(d);
        m_fetch = d;
        SetState(State::Downloading);
        m_handlers.downloadStarted(d.chunk, first, last, m_session->RequestBytes(d));
        m_connection.Fetch(d.chunk, first, last, m_session->Profile());
        return;
    }
    case AbrDecision::Kind::Wait:
        SetState(State::Waiting);
        m_decideEvent = Simulator::Schedule(Seconds(d.wait_s), &VideoPlayer::Decide, this);
        return;
    case AbrDecision::Kind::Done:
        m_connection.Close();
        SetState(State::Draining);
        if (m_session->Buffer().IsFinished())
        {
            Finish();
        }
        return;
    }
}

void
VideoPlayer::CompleteFetch()
{
    NS_LOG_FUNCTION(this);
    const VideoFetch& fetch = m_connection.GetFetch();
    auto seconds = [this](Time t) { return (t - m_start).GetSeconds(); };
    try
    {
        m_session->OnDownloadComplete(m_fetch,
                                      fetch.GetBodyBytes(),
                                      seconds(fetch.GetRequestTime()),
                                      seconds(fetch.GetFirstByteTime()),
                                      Now_s());
    }
    catch (const std::exception& e)
    {
        Fail(e.what());
        return;
    }
    m_handlers.downloadFinished(m_session->Downloads().back());
    Decide();
}

void
VideoPlayer::SchedulePlayback()
{
    m_playbackEvent.Cancel();
    double next_s = m_session->Buffer().GetNextEvent_s();
    if (!std::isfinite(next_s))
    {
        return;
    }
    m_playbackAt_s = next_s;
    Time at = m_start + Seconds(next_s);
    m_playbackEvent =
        Simulator::Schedule(Max(at - Simulator::Now(), Time(0)), &VideoPlayer::PlaybackTick, this);
}

void
VideoPlayer::PlaybackTick()
{
    try
    {
        m_session->AdvanceTo(std::max(m_playbackAt_s, Now_s()));
    }
    catch (const std::exception& e)
    {
        Fail(e.what());
        return;
    }
    m_monitor.Update(m_session->Buffer());
    if (m_state == State::Draining && m_session->Buffer().IsFinished())
    {
        Finish();
        return;
    }
    SchedulePlayback();
}

void
VideoPlayer::Finish()
{
    NS_LOG_FUNCTION(this);
    m_playbackEvent.Cancel();
    m_session->Finish();
    m_monitor.Update(m_session->Buffer());
    SetState(State::Finished);
}

void
VideoPlayer::Fail(const std::string& what)
{
    NS_LOG_FUNCTION(this << what);
    if (m_state == State::Failed || m_state == State::Finished)
    {
        return;
    }
    NS_LOG_ERROR("VideoPlayer: " << what);
    m_error = what;
    m_decideEvent.Cancel();
    m_playbackEvent.Cancel();
    m_connection.Close();
    SetState(State::Failed);
}

void
VideoPlayer::SetState(State state)
{
    if (state == m_state)
    {
        return;
    }
    NS_LOG_INFO(StateName(m_state) << " -> " << StateName(state));
    State old = m_state;
    m_state = state;
    m_handlers.state(old, state);
}

} // namespace ns3
