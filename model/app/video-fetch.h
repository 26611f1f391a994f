#ifndef LAYERED_VIDEO_VIDEO_FETCH_H
#define LAYERED_VIDEO_VIDEO_FETCH_H

#include "http-parser.h"

#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <deque>
#include <string>
#include <vector>

namespace ns3
{

class VideoProfile;

/**
 * \ingroup layered-video
 * \brief One fetch of a chunk's layers [first, last] over a persistent HTTP/1.1 connection:
 * the pipelined GETs it sends, and its responses reassembled from the TCP byte stream.
 *
 * Each response must be `200` with a Content-Length equal to the profile's bytes of the layer
 * asked for, in the order asked; anything else fails the fetch with a message saying what came.
 * Response bytes are split and merged arbitrarily by TCP: heads are copied and parsed, body
 * bytes only counted. Records when the request was sent, when the first body byte and the last
 * byte arrived, and the body bytes.
 */
class VideoFetch
{
  public:
    enum class Status
    {
        Idle,       ///< no fetch started
        InProgress, ///< requests sent, responses arriving
        Complete,   ///< every response is in
        Failed,     ///< a response was wrong (GetError says how)
    };

    /**
     * Starts a fetch at `now` and returns the bytes to write: one GET per layer.
     * \param chunk the chunk (from 0)
     * \param firstLayer first layer (or representation) asked for, from 1
     * \param lastLayer last one (>= firstLayer)
     * \param profile where the expected byte counts come from
     * \param host the Host header's value
     * \param now when the requests are sent
     */
    std::string Start(uint32_t chunk,
                      uint32_t firstLayer,
                      uint32_t lastLayer,
                      const VideoProfile& profile,
                      const std::string& host,
                      Time now);

    /// Consumes a packet of the response stream that arrived at `now`.
    Status Receive(Ptr<const Packet> packet, Time now);

    Status GetStatus() const;
    const std::string& GetError() const;
    uint32_t GetChunk() const;
    /// Body bytes the profile says the fetch brings.
    uint64_t GetExpectedBytes() const;
    /// Body bytes received so far.
    uint64_t GetBodyBytes() const;
    Time GetRequestTime() const;
    /// When the first body byte arrived (the first response's head if every body is empty).
    Time GetFirstByteTime() const;
    Time GetLastByteTime() const;

  private:
    struct Expected
    {
        uint32_t layer;
        uint64_t bytes;
    };

    void CheckHead();
    void NoteBody(uint64_t bytes, Time now);
    void Fail(const std::string& what);

    HttpParser m_parser{HttpParser::Kind::Response};
    std::deque<Expected> m_expected;
    std::vector<uint8_t> m_copy;
    Status m_status = Status::Idle;
    std::string m_error;
    uint32_t m_chunk = 0;
    uint64_t m_expectedBytes = 0;
    uint64_t m_bodyBytes = 0;
    bool m_sawFirstByte = false;
    Time m_request;
    Time m_firstByte;
    Time m_lastByte;
};

} // namespace ns3

#endif // LAYERED_VIDEO_VIDEO_FETCH_H
