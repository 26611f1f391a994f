#ifndef LAYERED_VIDEO_HTTP_MESSAGE_H
#define LAYERED_VIDEO_HTTP_MESSAGE_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup layered-video
 * \brief The head of an HTTP/1.1 message (start line and header fields); the body is counted,
 * never stored (the video bytes are simulated, only their number matters).
 *
 * Messages are framed by Content-Length, as on a persistent HTTP/1.1 connection; chunked
 * transfer coding is not used. Also names the video resources: `/video/<chunk>/<layer>`, with
 * chunk counted from 0 and layer (or, for ladder content, representation) from 1.
 */
class HttpMessage
{
  public:
    /// A request `method target HTTP/1.1`.
    static HttpMessage Request(const std::string& method, const std::string& target);
    /// A response `HTTP/1.1 code reason` with a Content-Length of `contentLength` bytes.
    static HttpMessage Response(uint16_t code, const std::string& reason, uint64_t contentLength);

    /// The request target of a chunk's layer.
    static std::string VideoTarget(uint32_t chunk, uint32_t layer);
    /// Parses `/video/<chunk>/<layer>` (decimal, layer >= 1); false when it is not one.
    static bool ParseVideoTarget(const std::string& target, uint32_t& chunk, uint32_t& layer);

    HttpMessage();

    bool IsRequest() const;
    const std::string& GetMethod() const;
    const std::string& GetTarget() const;
    const std::string& GetVersion() const;
    uint16_t GetStatusCode() const;
    const std::string& GetReason() const;

    /// Adds a header field (names compare case-insensitively).
    void AddHeader(const std::string& name, const std::string& value);
    /// The value of the first field of that name; empty when absent.
    std::string GetHeader(const std::string& name) const;
    bool HasHeader(const std::string& name) const;
    const std::vector<std::pair<std::string, std::string>>& GetHeaders() const;

    /// Body length in bytes (the Content-Length; 0 when absent).
    uint64_t GetContentLength() const;
    void SetContentLength(uint64_t bytes);

    /// The start line, the header fields and the empty line, as sent on the wire.
    std::string SerializeHead() const;

  private:
    friend class HttpParser;

    bool m_request = false;
    std::string m_method;
    std::string m_target;
    std::string m_version = "HTTP/1.1";
    uint16_t m_statusCode = 0;
    std::string m_reason;
    std::vector<std::pair<std::string, std::string>> m_headers;
    uint64_t m_contentLength = 0;
};

} // namespace ns3

#endif // LAYERED_VIDEO_HTTP_MESSAGE_H
