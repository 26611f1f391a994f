#ifndef LAYERED_VIDEO_HTTP_PARSER_H
#define LAYERED_VIDEO_HTTP_PARSER_H

#include "http-message.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup layered-video
 * \brief Reassembles length-framed HTTP/1.1 messages from a byte stream.
 *
 * TCP delivers a byte stream: one read may hold part of a head, a head and part of a body, or
 * the end of one message and the start of the next. Feed() takes whatever arrived and consumes
 * at most up to the end of the current message, so that the caller sees every message end:
 *
 *     while (n > 0) {
 *         std::size_t used = parser.Feed(data, n);
 *         data += used; n -= used;
 *         if (parser.GetState() == HttpParser::State::Complete) { use(parser.GetMessage());
 *                                                                 parser.Next(); }
 *         else if (parser.GetState() == HttpParser::State::Error) { ...; break; }
 *     }
 *
 * Head bytes are stored (up to a limit); body bytes are only counted, so a caller that knows
 * it is in a body may call SkipBody(n) without copying the bytes at all.
 */
class HttpParser
{
  public:
    enum class Kind
    {
        Request,
        Response,
    };

    enum class State
    {
        Head,     ///< reading the start line and header fields
        Body,     ///< counting body bytes
        Complete, ///< a whole message is here; Next() starts the next one
        Error,    ///< malformed input; GetError() says what (the stream cannot be resynchronised)
    };

    static constexpr std::size_t kDefaultMaxHeadBytes = 8192;

    explicit HttpParser(Kind kind, std::size_t maxHeadBytes = kDefaultMaxHeadBytes);

    /// Consumes bytes of the stream; returns how many (less than n when a message completes).
    std::size_t Feed(const uint8_t* data, std::size_t n);
    /// Consumes up to n body bytes without reading them (only in the Body state).
    std::size_t SkipBody(std::size_t n);
    /// After Complete: forgets the message and starts reading the next one.
    void Next();

    State GetState() const;
    /// The message being read (its head is valid from the Body state on).
    const HttpMessage& GetMessage() const;
    uint64_t GetBodyReceived() const;
    uint64_t GetBodyRemaining() const;
    const std::string& GetError() const;
    /// Messages completed so far.
    uint64_t GetMessageCount() const;

  private:
    /// Parses m_head (complete, blank line included); sets Body, Complete or Error.
    void ParseHead();
    bool ParseStartLine(const std::string& line);
    bool ParseField(const std::string& line);
    void Fail(const std::string& what);
    void EndBodyIfDone();

    Kind m_kind;
    std::size_t m_maxHeadBytes;
    State m_state = State::Head;
    std::string m_head;
    HttpMessage m_message;
    bool m_sawLength = false;
    uint64_t m_bodyReceived = 0;
    std::string m_error;
    uint64_t m_messages = 0;
};

} // namespace ns3

#endif // LAYERED_VIDEO_HTTP_PARSER_H
