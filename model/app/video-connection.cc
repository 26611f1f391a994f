#include "video-connection.h"

#include "ns3/abort.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("VideoConnection");

VideoConnection::VideoConnection() = default;

VideoConnection::~VideoConnection()
{
    Close();
}

void
VideoConnection::SetHandlers(Handler connected, Handler complete, ErrorHandler error, RxHandler rx)
{
    m_connected = std::move(connected);
    m_complete = std::move(complete);
    m_error = std::move(error);
    m_rx = std::move(rx);
}

void
VideoConnection::Open(Ptr<Node> node, const Address& server, uint32_t segmentSize)
{
    NS_LOG_FUNCTION(this << node << server);
    NS_ABORT_MSG_IF(!InetSocketAddress::IsMatchingType(server),
                    "VideoConnection: the server address must be an IPv4 socket address");
    std::ostringstream host;
    host << InetSocketAddress::ConvertFrom(server).GetIpv4();
    m_host = host.str();
    m_socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
    m_socket->SetAttribute("SegmentSize", UintegerValue(segmentSize));
    m_socket->SetAttribute("DataRetries", UintegerValue(kTcpDataRetries));
    NS_ABORT_MSG_IF(m_socket->Bind() != 0, "VideoConnection: cannot bind a socket");
    m_socket->SetConnectCallback(MakeCallback(&VideoConnection::ConnectionSucceeded, this),
                                 MakeCallback(&VideoConnection::ConnectionFailed, this));
    m_socket->SetRecvCallback(MakeCallback(&VideoConnection::HandleRead, this));
    m_socket->SetCloseCallbacks(MakeCallback(&VideoConnection::HandleClose, this),
                                MakeCallback(&VideoConnection::HandleClose, this));
    m_socket->Connect(server);
}

void
VideoConnection::Fetch(uint32_t chunk, uint32_t first, uint32_t last, const VideoProfile& profile)
{
    NS_LOG_FUNCTION(this << chunk << first << last);
    NS_ABORT_MSG_IF(!m_socket, "VideoConnection: Fetch on a closed connection");
    std::string requests = m_fetch.Start(chunk, first, last, profile, m_host, Simulator::Now());
    Ptr<Packet> packet =
        Create<Packet>(reinterpret_cast<const uint8_t*>(requests.data()), requests.size());
    if (m_socket->Send(packet) != static_cast<int>(packet->GetSize()))
    {
        Fail("cannot send the requests for chunk " + std::to_string(chunk));
    }
}

void
VideoConnection::Close()
{
    if (!m_socket)
    {
        return;
    }
    m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                 MakeNullCallback<void, Ptr<Socket>>());
    m_socket->Close();
    m_socket = nullptr;
}

bool
VideoConnection::IsOpen() const
{
    return m_socket != nullptr;
}

const VideoFetch&
VideoConnection::GetFetch() const
{
    return m_fetch;
}

void
VideoConnection::ConnectionSucceeded(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    m_connected();
}

void
VideoConnection::ConnectionFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Fail("cannot connect to the server");
}

void
VideoConnection::HandleClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Fail("the server closed the connection");
}

void
VideoConnection::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Address from;
    while (m_socket)
    {
        Ptr<Packet> packet = socket->RecvFrom(from);
        if (!packet || packet->GetSize() == 0)
        {
            break;
        }
        m_rx(packet, from);
        VideoFetch::Status before = m_fetch.GetStatus();
        VideoFetch::Status status = m_fetch.Receive(packet, Simulator::Now());
        if (status == VideoFetch::Status::Failed)
        {
            Fail(m_fetch.GetError());
        }
        else if (status == VideoFetch::Status::Complete && before != status)
        {
            m_complete(); // may start the next fetch on this connection
        }
    }
}

void
VideoConnection::Fail(const std::string& what)
{
    NS_LOG_FUNCTION(this << what);
    Close();
    m_error(what);
}

} // namespace ns3
