#ifndef LAYERED_VIDEO_VIDEO_CONNECTION_H
#define LAYERED_VIDEO_VIDEO_CONNECTION_H

#include "video-fetch.h"

#include "ns3/address.h"
#include "ns3/node.h"
#include "ns3/socket.h"

#include <functional>
#include <string>

namespace ns3
{

class VideoProfile;

/**
 * \ingroup layered-video
 * \brief The client's persistent HTTP/1.1 connection over ns-3 TCP: opens it, sends each
 * fetch's pipelined GETs in one write, feeds the response bytes to the fetch, and reports the
 * connection opening, a fetch completing and any failure through handlers.
 */
class VideoConnection
{
  public:
    using Handler = std::function<void()>;
    using ErrorHandler = std::function<void(const std::string&)>;
    using RxHandler = std::function<void(Ptr<const Packet>, const Address&)>;

    /// Data retransmissions before TCP gives up: Linux's tcp_retries2, so that a connection
    /// outlives the outages of real traces (ns-3's default, 6, gives up after about a minute).
    static constexpr uint32_t kTcpDataRetries = 15;

    VideoConnection();
    ~VideoConnection();

    /// connected: the connection is open; complete: the current fetch is in; error: any failure
    /// (it is then closed); rx: every packet received.
    void SetHandlers(Handler connected, Handler complete, ErrorHandler error, RxHandler rx);

    /// Connects from a node to the server (an InetSocketAddress) with this TCP segment size.
    void Open(Ptr<Node> node, const Address& server, uint32_t segmentSize);
    /// Sends the GETs of layers [first, last] of a chunk.
    void Fetch(uint32_t chunk, uint32_t first, uint32_t last, const VideoProfile& profile);
    /// Closes the connection (no handler is called after this).
    void Close();
    bool IsOpen() const;
    /// The current (or last) fetch: byte counts and times.
    const VideoFetch& GetFetch() const;

  private:
    void ConnectionSucceeded(Ptr<Socket> socket);
    void ConnectionFailed(Ptr<Socket> socket);
    void HandleRead(Ptr<Socket> socket);
    void HandleClose(Ptr<Socket> socket);
    void Fail(const std::string& what);

    Ptr<Socket> m_socket;
    std::string m_host;
    VideoFetch m_fetch;
    Handler m_connected;
    Handler m_complete;
    ErrorHandler m_error;
    RxHandler m_rx;
};

} // namespace ns3

#endif // LAYERED_VIDEO_VIDEO_CONNECTION_H
