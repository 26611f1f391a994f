#include "video-fetch.h"

#include "ns3/video-profile.h"

namespace ns3
{

namespace
{
constexpr uint16_t kOk = 200;
}

std::string
VideoFetch::Start(uint32_t chunk,
                  uint32_t firstLayer,
                  uint32_t lastLayer,
                  const VideoProfile& profile,
                  const std::string& host,
                  Time now)
{
    m_parser = HttpParser(HttpParser::Kind::Response);
    m_expected.clear();
    m_status = Status::InProgress;
    m_error.clear();
    m_chunk = chunk;
    m_expectedBytes = 0;
    m_bodyBytes = 0;
    m_sawFirstByte = false;
    m_request = now;
    m_firstByte = now;
    m_lastByte = now;
    std::string requests;
    for (uint32_t layer = firstLayer; layer <= lastLayer; ++layer)
    {
        uint64_t bytes = profile.GetChunk(chunk).layers.at(layer - 1).bytes;
        m_expected.push_back(Expected{layer, bytes});
        m_expectedBytes += bytes;
        HttpMessage request = HttpMessage::Request("GET", HttpMessage::VideoTarget(chunk, layer));
        request.AddHeader("Host", host);
        requests += request.SerializeHead();
    }
    return requests;
}

VideoFetch::Status
VideoFetch::Receive(Ptr<const Packet> packet, Time now)
{
    uint32_t size = packet->GetSize();
    if (m_status != Status::InProgress)
    {
        if (size > 0 && m_status != Status::Failed)
        {
            Fail(std::to_string(size) + " bytes arrived with no request pending");
        }
        return m_status;
    }
    uint32_t offset = 0;
    bool copied = false;
    while (offset < size && m_status == Status::InProgress)
    {
        if (m_parser.GetState() == HttpParser::State::Body)
        {
            std::size_t n = m_parser.SkipBody(size - offset);
            NoteBody(n, now);
            offset += n;
        }
        else
        {
            if (!copied)
            {
                m_copy.resize(size);
                packet->CopyData(m_copy.data(), size);
                copied = true;
            }
            offset += m_parser.Feed(m_copy.data() + offset, size - offset);
            if (m_parser.GetState() == HttpParser::State::Error)
            {
                Fail("malformed response: " + m_parser.GetError());
                break;
            }
            if (m_parser.GetState() != HttpParser::State::Head)
            {
                CheckHead();
            }
        }
        if (m_status == Status::InProgress && m_parser.GetState() == HttpParser::State::Complete)
        {
            m_expected.pop_front();
            m_parser.Next();
            if (m_expected.empty())
            {
                m_status = Status::Complete;
                m_lastByte = now;
                m_firstByte = m_sawFirstByte ? m_firstByte : now; // empty bodies only
                if (offset < size)
                {
                    Fail(std::to_string(size - offset) + " bytes after the last response");
                }
            }
        }
    }
    return m_status;
}

void
VideoFetch::CheckHead()
{
    if (m_status != Status::InProgress)
    {
        return;
    }
    const HttpMessage& head = m_parser.GetMessage();
    const Expected& want = m_expected.front();
    std::string target = HttpMessage::VideoTarget(m_chunk, want.layer);
    if (head.GetStatusCode() != kOk)
    {
        Fail("the server answered " + std::to_string(head.GetStatusCode()) + " " +
             head.GetReason() + " to GET " + target);
    }
    else if (head.GetContentLength() != want.bytes)
    {
        Fail("the server sent " + std::to_string(head.GetContentLength()) + " bytes for " + target +
             ", the profile says " + std::to_string(want.bytes));
    }
}

void
VideoFetch::NoteBody(uint64_t bytes, Time now)
{
    if (bytes > 0 && !m_sawFirstByte)
    {
        m_sawFirstByte = true;
        m_firstByte = now;
    }
    m_bodyBytes += bytes;
}

void
VideoFetch::Fail(const std::string& what)
{
    m_status = Status::Failed;
    m_error = what;
}

VideoFetch::Status
VideoFetch::GetStatus() const
{
    return m_status;
}

const std::string&
VideoFetch::GetError() const
{
    return m_error;
}

uint32_t
VideoFetch::GetChunk() const
{
    return m_chunk;
}

uint64_t
VideoFetch::GetExpectedBytes() const
{
    return m_expectedBytes;
}

uint64_t
VideoFetch::GetBodyBytes() const
{
    return m_bodyBytes;
}

Time
VideoFetch::GetRequestTime() const
{
    return m_request;
}

Time
VideoFetch::GetFirstByteTime() const
{
    return m_firstByte;
}

Time
VideoFetch::GetLastByteTime() const
{
    return m_lastByte;
}

} // namespace ns3
