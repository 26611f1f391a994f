#include "layered-video-server.h"

#include "ns3/abort.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <exception>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LayeredVideoServer");

NS_OBJECT_ENSURE_REGISTERED(LayeredVideoServer);

namespace
{
/// Data retransmissions before TCP gives up: Linux's tcp_retries2, so that a connection
/// outlives the outages of real traces (ns-3's default, 6, gives up after about a minute).
constexpr uint32_t kTcpDataRetries = 15;
constexpr uint16_t kOk = 200;
constexpr uint16_t kBadRequest = 400;
constexpr uint16_t kNotFound = 404;
constexpr uint16_t kMethodNotAllowed = 405;
const char* const kErrorBody = "error\n"; ///< body of error responses (its length matters)
} // namespace

TypeId
LayeredVideoServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LayeredVideoServer")
            .SetParent<Application>()
            .SetGroupName("LayeredVideo")
            .AddConstructor<LayeredVideoServer>()
            .AddAttribute("Port",
                          "TCP port to listen on.",
                          UintegerValue(80),
                          MakeUintegerAccessor(&LayeredVideoServer::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ProfilePath",
                          "Video profile to serve (JSON v1, Sabre manifest or Pensieve folder); "
                          "read when set. Empty: SetProfile() provides it.",
                          StringValue(""),
                          MakeStringAccessor(&LayeredVideoServer::SetProfilePath),
                          MakeStringChecker())
            .AddAttribute("Chunks",
                          "Video length in chunks (the profile's chunks repeat); 0: the "
                          "profile's own. Must match the clients'.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LayeredVideoServer::SetChunks),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("SegmentSize",
                          "TCP maximum segment size (bytes); 1448 fills a 1500-byte IP packet "
                          "with TCP timestamps.",
                          UintegerValue(1448),
                          MakeUintegerAccessor(&LayeredVideoServer::m_segmentSize),
                          MakeUintegerChecker<uint32_t>(64, 65495))
            .AddTraceSource("Request",
                            "A video request was answered with 200.",
                            MakeTraceSourceAccessor(&LayeredVideoServer::m_requestTrace),
                            "ns3::LayeredVideoServer::RequestTracedCallback")
            .AddTraceSource("ConnectionState",
                            "A connection changed state (Idle, Sending, Closed).",
                            MakeTraceSourceAccessor(&LayeredVideoServer::m_stateTrace),
                            "ns3::LayeredVideoServer::ConnectionStateTracedCallback")
            .AddTraceSource("Tx",
                            "A packet of response bytes was handed to TCP.",
                            MakeTraceSourceAccessor(&LayeredVideoServer::m_txTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

LayeredVideoServer::LayeredVideoServer()
{
    NS_LOG_FUNCTION(this);
}

LayeredVideoServer::~LayeredVideoServer()
{
    NS_LOG_FUNCTION(this);
}

std::string
LayeredVideoServer::ConnectionStateName(ConnectionState state)
{
    switch (state)
    {
    case ConnectionState::Idle:
        return "Idle";
    case ConnectionState::Sending:
        return "Sending";
    case ConnectionState::Closed:
        return "Closed";
    }
    return "?";
}

void
LayeredVideoServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_listener = nullptr;
    m_connections.clear();
    Application::DoDispose();
}

void
LayeredVideoServer::SetProfile(std::shared_ptr<const VideoProfile> profile)
{
    NS_ABORT_MSG_IF(!profile, "LayeredVideoServer: SetProfile needs a profile");
    m_baseProfile = std::move(profile);
    ApplyProfileSettings();
}

std::shared_ptr<const VideoProfile>
LayeredVideoServer::GetProfile() const
{
    return m_profile;
}

void
LayeredVideoServer::SetProfilePath(std::string path)
{
    m_profilePath = path;
    if (path.empty())
    {
        return;
    }
    std::string error; // reported outside the handler: no 'terminate called' noise
    try
    {
        m_baseProfile = std::make_shared<const VideoProfile>(VideoProfile::Load(path));
    }
    catch (const std::exception& e)
    {
        error = e.what();
    }
    NS_ABORT_MSG_IF(!error.empty(), "LayeredVideoServer: ProfilePath: " << error);
    ApplyProfileSettings();
}

void
LayeredVideoServer::SetChunks(uint32_t chunks)
{
    m_chunks = chunks;
    ApplyProfileSettings();
}

void
LayeredVideoServer::ApplyProfileSettings()
{
    if (!m_baseProfile)
    {
        return;
    }
    m_profile = m_chunks == 0 || m_chunks == m_baseProfile->GetChunkCount()
                    ? m_baseProfile
                    : std::make_shared<const VideoProfile>(m_baseProfile->Looped(m_chunks));
}

uint64_t
LayeredVideoServer::GetRequestCount() const
{
    return m_requests;
}

uint64_t
LayeredVideoServer::GetBodyBytesSent() const
{
    return m_bodyBytesSent;
}

void
LayeredVideoServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_profile,
                    "LayeredVideoServer: no video profile (set ProfilePath or call SetProfile)");
    if (m_listener)
    {
        return;
    }
    m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    m_listener->SetAttribute("SegmentSize", UintegerValue(m_segmentSize));
    m_listener->SetAttribute("DataRetries", UintegerValue(kTcpDataRetries));
    NS_ABORT_MSG_IF(m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                    "LayeredVideoServer: cannot bind port " << m_port);
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&LayeredVideoServer::HandleAccept, this));
}

void
LayeredVideoServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (auto& [socket, c] : m_connections)
    {
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        socket->Close();
        SetState(c, ConnectionState::Closed);
    }
    m_connections.clear();
    if (m_listener)
    {
        m_listener->Close();
        m_listener = nullptr;
    }
}

void
LayeredVideoServer::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    Connection& c = m_connections[socket];
    c.peer = from;
    socket->SetRecvCallback(MakeCallback(&LayeredVideoServer::HandleRead, this));
    socket->SetSendCallback(MakeCallback(&LayeredVideoServer::HandleSend, this));
    socket->SetCloseCallbacks(MakeCallback(&LayeredVideoServer::HandleClose, this),
                              MakeCallback(&LayeredVideoServer::HandleClose, this));
}

void
LayeredVideoServer::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
    {
        return;
    }
    Connection& c = it->second;
    Address from;
    std::vector<uint8_t> bytes;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        if (packet->GetSize() == 0)
        {
            break;
        }
        bytes.resize(packet->GetSize());
        packet->CopyData(bytes.data(), bytes.size());
        std::size_t offset = 0;
        while (offset < bytes.size() && c.parser.GetState() != HttpParser::State::Error)
        {
            offset += c.parser.Feed(bytes.data() + offset, bytes.size() - offset);
            if (c.parser.GetState() == HttpParser::State::Complete)
            {
                HandleRequest(c, c.parser.GetMessage());
                c.parser.Next();
            }
        }
        if (c.parser.GetState() == HttpParser::State::Error)
        {
            NS_LOG_WARN("bad request from " << c.peer << ": " << c.parser.GetError());
            Queue(c, kBadRequest, "Bad Request", std::string(kErrorBody).size());
            c.pending.back().closeAfter = true;
            socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
            break;
        }
    }
    SendPending(socket, c);
}

void
LayeredVideoServer::HandleRequest(Connection& c, const HttpMessage& request)
{
    NS_LOG_FUNCTION(this << request.GetTarget());
    ++m_requests;
    uint32_t chunk = 0;
    uint32_t layer = 0;
    if (request.GetMethod() != "GET")
    {
        Queue(c, kMethodNotAllowed, "Method Not Allowed", std::string(kErrorBody).size());
        return;
    }
    if (!HttpMessage::ParseVideoTarget(request.GetTarget(), chunk, layer) ||
        chunk >= m_profile->GetChunkCount() || layer > m_profile->GetLevelCount())
    {
        NS_LOG_WARN("no such video resource: " << request.GetTarget());
        Queue(c, kNotFound, "Not Found", std::string(kErrorBody).size());
        return;
    }
    uint64_t bytes = m_profile->GetChunk(chunk).layers[layer - 1].bytes;
    Queue(c, kOk, "OK", bytes);
    m_requestTrace(chunk, layer, bytes, c.peer);
}

void
LayeredVideoServer::Queue(Connection& c, uint16_t code, const std::string& reason, uint64_t bytes)
{
    HttpMessage response = HttpMessage::Response(code, reason, bytes);
    response.AddHeader("Content-Type", "application/octet-stream");
    c.pending.push_back(Response{response.SerializeHead(), bytes, false});
    SetState(c, ConnectionState::Sending);
}

void
LayeredVideoServer::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    NS_LOG_FUNCTION(this << socket << available);
    auto it = m_connections.find(socket);
    if (it != m_connections.end())
    {
        SendPending(socket, it->second);
    }
}

void
LayeredVideoServer::SendPending(Ptr<Socket> socket, Connection& c)
{
    while (!c.pending.empty())
    {
        Response& r = c.pending.front();
        uint32_t available = socket->GetTxAvailable();
        if (available == 0)
        {
            return;
        }
        Ptr<Packet> packet;
        if (c.headSent < r.head.size())
        {
            std::size_t n = std::min<std::size_t>(available, r.head.size() - c.headSent);
            packet =
                Create<Packet>(reinterpret_cast<const uint8_t*>(r.head.data()) + c.headSent, n);
        }
        else if (c.bodySent < r.bodyBytes)
        {
            packet = Create<Packet>(std::min<uint64_t>(available, r.bodyBytes - c.bodySent));
        }
        if (packet)
        {
            int sent = socket->Send(packet);
            if (sent <= 0)
            {
                return; // the buffer is full: HandleSend resumes
            }
            m_txTrace(packet);
            if (c.headSent < r.head.size())
            {
                c.headSent += sent;
            }
            else
            {
                c.bodySent += sent;
                m_bodyBytesSent += sent;
            }
            continue;
        }
        bool close = r.closeAfter;
        c.pending.pop_front();
        c.headSent = 0;
        c.bodySent = 0;
        if (close)
        {
            socket->Close();
            SetState(c, ConnectionState::Closed);
            return;
        }
    }
    SetState(c, ConnectionState::Idle);
}

void
LayeredVideoServer::HandleClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
    {
        return;
    }
    SetState(it->second, ConnectionState::Closed);
    socket->Close();
    m_connections.erase(it);
}

void
LayeredVideoServer::SetState(Connection& c, ConnectionState state)
{
    if (c.state == state)
    {
        return;
    }
    NS_LOG_INFO(c.peer << ": " << ConnectionStateName(c.state) << " -> "
                       << ConnectionStateName(state));
    m_stateTrace(c.peer, ConnectionStateName(c.state), ConnectionStateName(state));
    c.state = state;
}

} // namespace ns3
