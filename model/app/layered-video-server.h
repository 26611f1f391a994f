#ifndef LAYERED_VIDEO_LAYERED_VIDEO_SERVER_H
#define LAYERED_VIDEO_LAYERED_VIDEO_SERVER_H

#include "http-parser.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <memory>
#include <string>

namespace ns3
{

class VideoProfile;

/**
 * \ingroup layered-video
 * \brief An HTTP/1.1 video server over TCP: `GET /video/<chunk>/<layer>` returns a body of
 * exactly the profile's byte count for that layer (ladder content: that representation).
 *
 * It listens on Port, accepts any number of persistent connections and answers each
 * connection's requests in order (requests may be pipelined; their bytes may arrive split or
 * merged). Each connection is a small state machine, traced by ConnectionState:
 *
 *     Idle --request--> Sending --last response sent--> Idle;  any --peer closed/error--> Closed
 *
 * A request for something the profile does not hold gets 404, a method other than GET 405, and
 * a malformed request 400, after which the connection is closed. Body bytes are simulated
 * (zero-filled ns-3 packets); heads are real text.
 */
class LayeredVideoServer : public Application
{
  public:
    /// The state of one connection.
    enum class ConnectionState
    {
        Idle,    ///< waiting for a request
        Sending, ///< responses queued or being sent
        Closed,  ///< closed by either side
    };

    static std::string ConnectionStateName(ConnectionState state);

    /**
     * TracedCallback signature of a video request.
     * \param [in] chunk the chunk (from 0)
     * \param [in] layer the layer or representation (from 1)
     * \param [in] bytes the body size sent back
     * \param [in] peer the client's address
     */
    typedef void (*RequestTracedCallback)(uint32_t chunk,
                                          uint32_t layer,
                                          uint64_t bytes,
                                          const Address& peer);

    /**
     * TracedCallback signature of a connection's state change.
     * \param [in] peer the client's address
     * \param [in] oldState the state left
     * \param [in] newState the state entered
     */
    typedef void (*ConnectionStateTracedCallback)(const Address& peer,
                                                  const std::string& oldState,
                                                  const std::string& newState);

    static TypeId GetTypeId();

    LayeredVideoServer();
    ~LayeredVideoServer() override;

    /// Serves this profile (shared, read-only) instead of loading ProfilePath.
    void SetProfile(std::shared_ptr<const VideoProfile> profile);
    std::shared_ptr<const VideoProfile> GetProfile() const;

    /// Requests answered so far (every status).
    uint64_t GetRequestCount() const;
    /// Body bytes handed to TCP so far.
    uint64_t GetBodyBytesSent() const;

  protected:
    void DoDispose() override;

  private:
    /// One response to send: its head (real text) and its body (simulated bytes).
    struct Response
    {
        std::string head;
        uint64_t bodyBytes = 0;
        bool closeAfter = false;
    };

    struct Connection
    {
        Address peer;
        HttpParser parser{HttpParser::Kind::Request};
        std::deque<Response> pending;
        std::size_t headSent = 0;
        uint64_t bodySent = 0;
        ConnectionState state = ConnectionState::Idle;
    };

    void StartApplication() override;
    void StopApplication() override;

    void SetProfilePath(std::string path);
    void SetChunks(uint32_t chunks);
    void ApplyProfileSettings();

    void HandleAccept(Ptr<Socket> socket, const Address& from);
    void HandleRead(Ptr<Socket> socket);
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    void HandleClose(Ptr<Socket> socket);
    /// Answers one complete request (queues its response).
    void HandleRequest(Connection& c, const HttpMessage& request);
    void Queue(Connection& c, uint16_t code, const std::string& reason, uint64_t bodyBytes);
    /// Sends what the socket's buffer takes of the queued responses.
    void SendPending(Ptr<Socket> socket, Connection& c);
    void SetState(Connection& c, ConnectionState state);

    uint16_t m_port = 0;
    uint32_t m_segmentSize = 0;
    std::string m_profilePath;
    uint32_t m_chunks = 0;
    std::shared_ptr<const VideoProfile> m_baseProfile;
    std::shared_ptr<const VideoProfile> m_profile;

    Ptr<Socket> m_listener;
    std::map<Ptr<Socket>, Connection> m_connections;
    uint64_t m_requests = 0;
    uint64_t m_bodyBytesSent = 0;

    TracedCallback<uint32_t, uint32_t, uint64_t, const Address&> m_requestTrace;
    TracedCallback<const Address&, const std::string&, const std::string&> m_stateTrace;
    TracedCallback<Ptr<const Packet>> m_txTrace;
};

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_VIDEO_SERVER_H
