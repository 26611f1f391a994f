#include "http-parser.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ns3
{

namespace
{
const char* const kEndOfHead = "\r\n\r\n";
constexpr std::size_t kEndOfHeadLength = 4;
const char* const kVersion = "HTTP/1.1";
constexpr uint64_t kMaxContentLength = 1ULL << 50; // far beyond any video layer
constexpr int kLowestStatus = 100;
constexpr int kHighestStatus = 599;

std::string
Trim(const std::string& s)
{
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
    {
        return "";
    }
    std::size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

bool
IsToken(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("!#$%&'*+-.^_`|~", c);
    });
}
} // namespace

HttpParser::HttpParser(Kind kind, std::size_t maxHeadBytes)
    : m_kind(kind),
      m_maxHeadBytes(maxHeadBytes)
{
}

std::size_t
HttpParser::Feed(const uint8_t* data, std::size_t n)
{
    if (m_state == State::Body)
    {
        return SkipBody(n);
    }
    if (m_state != State::Head)
    {
        return 0;
    }
    // Search for the blank line from a few bytes before the new data: it may straddle reads.
    std::size_t searchFrom = m_head.size() < kEndOfHeadLength ? 0 : m_head.size() - 3;
    std::size_t take = std::min(n, m_maxHeadBytes + 1 - std::min(m_head.size(), m_maxHeadBytes));
    m_head.append(reinterpret_cast<const char*>(data), take);
    std::size_t end = m_head.find(kEndOfHead, searchFrom);
    if (end == std::string::npos)
    {
        if (m_head.size() > m_maxHeadBytes)
        {
            Fail("head longer than " + std::to_string(m_maxHeadBytes) + " bytes");
        }
        return take;
    }
    std::size_t headLength = end + kEndOfHeadLength;
    std::size_t used = take - (m_head.size() - headLength);
    m_head.resize(headLength);
    ParseHead();
    return used;
}

std::size_t
HttpParser::SkipBody(std::size_t n)
{
    if (m_state != State::Body)
    {
        return 0;
    }
    uint64_t used = std::min<uint64_t>(n, GetBodyRemaining());
    m_bodyReceived += used;
    EndBodyIfDone();
    return static_cast<std::size_t>(used);
}

void
HttpParser::EndBodyIfDone()
{
    if (m_state == State::Body && m_bodyReceived == m_message.GetContentLength())
    {
        m_state = State::Complete;
        ++m_messages;
    }
}

void
HttpParser::Next()
{
    if (m_state != State::Complete)
    {
        return;
    }
    m_state = State::Head;
    m_head.clear();
    m_message = HttpMessage();
    m_sawLength = false;
    m_bodyReceived = 0;
}

void
HttpParser::ParseHead()
{
    std::size_t pos = 0;
    bool first = true;
    while (true)
    {
        std::size_t eol = m_head.find("\r\n", pos);
        std::string line = m_head.substr(pos, eol - pos);
        pos = eol + 2;
        if (line.empty())
        {
            break; // the blank line ending the head
        }
        if (first ? !ParseStartLine(line) : !ParseField(line))
        {
            return;
        }
        first = false;
    }
    if (m_kind == Kind::Response && !m_sawLength)
    {
        Fail("response without Content-Length (messages must be length-framed)");
        return;
    }
    m_state = State::Body;
    EndBodyIfDone();
}

bool
HttpParser::ParseStartLine(const std::string& line)
{
    std::size_t a = line.find(' ');
    std::size_t b = a == std::string::npos ? a : line.find(' ', a + 1);
    if (b == std::string::npos)
    {
        Fail("malformed start line '" + line + "'");
        return false;
    }
    std::string first = line.substr(0, a);
    std::string second = line.substr(a + 1, b - a - 1);
    std::string third = line.substr(b + 1);
    if (m_kind == Kind::Request)
    {
        if (!IsToken(first) || second.empty() || third != kVersion)
        {
            Fail("malformed request line '" + line + "'");
            return false;
        }
        m_message = HttpMessage::Request(first, second);
        return true;
    }
    bool digits = second.size() == 3 && std::all_of(second.begin(), second.end(), [](char c) {
                      return std::isdigit(static_cast<unsigned char>(c));
                  });
    int code = digits ? std::stoi(second) : 0;
    if (first != kVersion || code < kLowestStatus || code > kHighestStatus)
    {
        Fail("malformed status line '" + line + "'");
        return false;
    }
    m_message = HttpMessage();
    m_message.m_statusCode = static_cast<uint16_t>(code);
    m_message.m_reason = third;
    return true;
}

bool
HttpParser::ParseField(const std::string& line)
{
    std::size_t colon = line.find(':');
    std::string name = colon == std::string::npos ? "" : line.substr(0, colon);
    if (!IsToken(name))
    {
        Fail("malformed header field '" + line + "'");
        return false;
    }
    std::string value = Trim(line.substr(colon + 1));
    m_message.m_headers.emplace_back(name, value);
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return std::tolower(c);
    });
    if (lower == "transfer-encoding")
    {
        Fail("Transfer-Encoding '" + value + "' is not supported (messages are length-framed)");
        return false;
    }
    if (lower != "content-length")
    {
        return true;
    }
    bool digits =
        !value.empty() && value.size() <= 16 && std::all_of(value.begin(), value.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
    uint64_t length = digits ? std::stoull(value) : 0;
    if (!digits || length > kMaxContentLength ||
        (m_sawLength && length != m_message.m_contentLength))
    {
        Fail("bad Content-Length '" + value + "'");
        return false;
    }
    m_sawLength = true;
    m_message.m_contentLength = length;
    return true;
}

void
HttpParser::Fail(const std::string& what)
{
    m_state = State::Error;
    m_error = what;
}

HttpParser::State
HttpParser::GetState() const
{
    return m_state;
}

const HttpMessage&
HttpParser::GetMessage() const
{
    return m_message;
}

uint64_t
HttpParser::GetBodyReceived() const
{
    return m_bodyReceived;
}

uint64_t
HttpParser::GetBodyRemaining() const
{
    return m_message.GetContentLength() - m_bodyReceived;
}

const std::string&
HttpParser::GetError() const
{
    return m_error;
}

uint64_t
HttpParser::GetMessageCount() const
{
    return m_messages;
}

} // namespace ns3
