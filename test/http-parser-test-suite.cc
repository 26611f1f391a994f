// The HTTP/1.1 framing on its own (no network): heads split and merged at every byte, bodies
// counted, malformed input rejected with a reason; and a fetch's responses reassembled from
// ns-3 packets cut anywhere.
#include "ns3/http-message.h"
#include "ns3/http-parser.h"
#include "ns3/packet.h"
#include "ns3/test.h"
#include "ns3/video-fetch.h"
#include "ns3/video-profile.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{
/// Three pipelined responses (bodies of 0, 5 and 1000 bytes) as one byte stream.
std::string
ThreeResponses()
{
    std::string stream;
    for (uint64_t body : {0, 5, 1000})
    {
        HttpMessage m = HttpMessage::Response(200, "OK", body);
        m.AddHeader("Content-Type", "application/octet-stream");
        stream += m.SerializeHead() + std::string(body, 'x');
    }
    return stream;
}

struct Parsed
{
    std::vector<uint64_t> lengths;
    std::vector<uint64_t> bodies;
    std::string error;
};

/// Feeds the stream in pieces cut at `cuts` (offsets) and collects the messages.
Parsed
FeedInPieces(HttpParser::Kind kind, const std::string& stream, const std::vector<size_t>& cuts)
{
    HttpParser parser(kind);
    Parsed out;
    size_t from = 0;
    std::vector<size_t> ends = cuts;
    ends.push_back(stream.size());
    for (size_t end : ends)
    {
        auto* data = reinterpret_cast<const uint8_t*>(stream.data()) + from;
        size_t n = end - from;
        while (n > 0 && parser.GetState() != HttpParser::State::Error)
        {
            size_t used = parser.Feed(data, n);
            data += used;
            n -= used;
            if (parser.GetState() == HttpParser::State::Complete)
            {
                out.lengths.push_back(parser.GetMessage().GetContentLength());
                out.bodies.push_back(parser.GetBodyReceived());
                parser.Next();
            }
        }
        from = end;
    }
    out.error = parser.GetError();
    return out;
}

class HttpSplitAndMergeTestCase : public TestCase
{
  public:
    HttpSplitAndMergeTestCase()
        : TestCase("responses split at every byte, and merged, parse the same")
    {
    }

  private:
    void DoRun() override
    {
        std::string stream = ThreeResponses();
        std::vector<uint64_t> want{0, 5, 1000};
        Parsed whole = FeedInPieces(HttpParser::Kind::Response, stream, {});
        NS_TEST_ASSERT_MSG_EQ(whole.error, "", "merged stream");
        NS_TEST_ASSERT_MSG_EQ((whole.lengths == want), true, "merged stream lengths");
        for (size_t cut = 1; cut < stream.size(); ++cut)
        {
            Parsed p = FeedInPieces(HttpParser::Kind::Response, stream, {cut});
            NS_TEST_ASSERT_MSG_EQ((p.lengths == want && p.bodies == want), true, "cut at " << cut);
        }
        std::vector<size_t> everyByte;
        for (size_t i = 1; i < stream.size(); ++i)
        {
            everyByte.push_back(i);
        }
        Parsed bytewise = FeedInPieces(HttpParser::Kind::Response, stream, everyByte);
        NS_TEST_ASSERT_MSG_EQ((bytewise.bodies == want), true, "one byte at a time");
    }
};

class HttpRequestTestCase : public TestCase
{
  public:
    HttpRequestTestCase()
        : TestCase("requests: pipelined GETs and video targets")
    {
    }

  private:
    void DoRun() override
    {
        std::string stream;
        for (uint32_t layer = 1; layer <= 3; ++layer)
        {
            HttpMessage get = HttpMessage::Request("GET", HttpMessage::VideoTarget(7, layer));
            get.AddHeader("Host", "10.0.0.1");
            stream += get.SerializeHead();
        }
        NS_TEST_ASSERT_MSG_EQ(stream.substr(0, 28),
                              "GET /video/7/1 HTTP/1.1\r\nHos",
                              "request line on the wire");
        HttpParser parser(HttpParser::Kind::Request);
        auto* data = reinterpret_cast<const uint8_t*>(stream.data());
        size_t n = stream.size();
        uint32_t expectLayer = 1;
        while (n > 0)
        {
            size_t used = parser.Feed(data, n);
            data += used;
            n -= used;
            NS_TEST_ASSERT_MSG_EQ((parser.GetState() == HttpParser::State::Complete),
                                  true,
                                  "each GET completes at its blank line");
            uint32_t chunk = 0;
            uint32_t layer = 0;
            const HttpMessage& m = parser.GetMessage();
            NS_TEST_ASSERT_MSG_EQ(HttpMessage::ParseVideoTarget(m.GetTarget(), chunk, layer),
                                  true,
                                  m.GetTarget());
            NS_TEST_ASSERT_MSG_EQ(chunk, 7, "chunk");
            NS_TEST_ASSERT_MSG_EQ(layer, expectLayer++, "layer");
            NS_TEST_ASSERT_MSG_EQ(m.GetHeader("host"), "10.0.0.1", "header names ignore case");
            parser.Next();
        }
        uint32_t c = 0;
        uint32_t l = 0;
        for (const char* bad : {"/video/1/0",
                                "/video/1",
                                "/video//2",
                                "/video/1/2/3",
                                "/video/-1/2",
                                "/video/99999999999/1",
                                "/audio/1/1"})
        {
            NS_TEST_ASSERT_MSG_EQ(HttpMessage::ParseVideoTarget(bad, c, l), false, bad);
        }
    }
};

class HttpMalformedTestCase : public TestCase
{
  public:
    HttpMalformedTestCase()
        : TestCase("malformed messages are errors with a reason")
    {
    }

  private:
    void DoRun() override
    {
        struct Case
        {
            HttpParser::Kind kind;
            std::string text;
            std::string reason;
        };

        std::vector<Case> cases{
            {HttpParser::Kind::Response, "HTTP/1.1 200 OK\r\n\r\n", "without Content-Length"},
            {HttpParser::Kind::Response,
             "HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n",
             "bad Content-Length"},
            {HttpParser::Kind::Response,
             "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
             "bad Content-Length"},
            {HttpParser::Kind::Response,
             "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
             "not supported"},
            {HttpParser::Kind::Response, "HTTP/1.0 200 OK\r\n\r\n", "malformed status line"},
            {HttpParser::Kind::Request, "GET /video/1/1\r\n\r\n", "malformed start line"},
            {HttpParser::Kind::Request, "GET /x HTTP/1.1\r\nno colon\r\n\r\n", "header field"},
            {HttpParser::Kind::Request, "GET /" + std::string(9000, 'a'), "head longer"},
        };
        for (const Case& c : cases)
        {
            HttpParser parser(c.kind);
            parser.Feed(reinterpret_cast<const uint8_t*>(c.text.data()), c.text.size());
            NS_TEST_ASSERT_MSG_EQ((parser.GetState() == HttpParser::State::Error),
                                  true,
                                  "rejects: " << c.text.substr(0, 40));
            NS_TEST_ASSERT_MSG_NE(parser.GetError().find(c.reason),
                                  std::string::npos,
                                  "reason '" << parser.GetError() << "'");
        }
    }
};

/// A fetch of layers 2..4 of chunk 1, answered by responses cut into packets of every size.
class VideoFetchReassemblyTestCase : public TestCase
{
  public:
    VideoFetchReassemblyTestCase()
        : TestCase("a fetch reassembles its responses from packets cut anywhere")
    {
    }

  private:
    static VideoProfile Profile()
    {
        std::vector<ChunkInfo> chunks(2);
        for (ChunkInfo& c : chunks)
        {
            c.duration_s = 1;
            for (uint64_t bytes : {100, 70, 30, 1})
            {
                LayerInfo l;
                l.bytes = bytes;
                l.psnr_db = 30 + static_cast<double>(c.layers.size());
                l.ssim = 0.9;
                c.layers.push_back(l);
            }
        }
        return VideoProfile::FromChunks(VideoInfo{}, CodecInfo{}, 1, true, chunks, "test");
    }

    void DoRun() override
    {
        VideoProfile profile = Profile();
        std::string stream;
        for (uint64_t body : {70, 30, 1})
        {
            stream +=
                HttpMessage::Response(200, "OK", body).SerializeHead() + std::string(body, '\0');
        }
        for (size_t piece = 1; piece <= stream.size(); ++piece)
        {
            VideoFetch fetch;
            std::string requests = fetch.Start(1, 2, 4, profile, "h", Seconds(1));
            NS_TEST_ASSERT_MSG_EQ(fetch.GetExpectedBytes(), 101, "bytes of layers 2..4");
            VideoFetch::Status status = VideoFetch::Status::InProgress;
            size_t k = 0;
            for (size_t at = 0; at < stream.size(); at += piece, ++k)
            {
                std::string part = stream.substr(at, piece);
                Ptr<Packet> p =
                    Create<Packet>(reinterpret_cast<const uint8_t*>(part.data()), part.size());
                status = fetch.Receive(p, Seconds(2 + 0.001 * k));
            }
            NS_TEST_ASSERT_MSG_EQ((status == VideoFetch::Status::Complete),
                                  true,
                                  "pieces of " << piece << ": " << fetch.GetError());
            NS_TEST_ASSERT_MSG_EQ(fetch.GetBodyBytes(), 101, "body bytes");
            NS_TEST_ASSERT_MSG_EQ(fetch.GetLastByteTime(), Seconds(2 + 0.001 * (k - 1)), "end");
        }
        VideoFetch wrong;
        wrong.Start(1, 2, 2, profile, "h", Seconds(0));
        std::string head = HttpMessage::Response(200, "OK", 71).SerializeHead();
        wrong.Receive(Create<Packet>(reinterpret_cast<const uint8_t*>(head.data()), head.size()),
                      Seconds(1));
        NS_TEST_ASSERT_MSG_EQ((wrong.GetStatus() == VideoFetch::Status::Failed),
                              true,
                              "a body of the wrong size fails");
        NS_TEST_ASSERT_MSG_NE(wrong.GetError().find("the profile says 70"),
                              std::string::npos,
                              wrong.GetError());
    }
};

class HttpParserTestSuite : public TestSuite
{
  public:
    HttpParserTestSuite()
        : TestSuite("layered-video-http-parser", UNIT)
    {
        AddTestCase(new HttpSplitAndMergeTestCase, TestCase::QUICK);
        AddTestCase(new HttpRequestTestCase, TestCase::QUICK);
        AddTestCase(new HttpMalformedTestCase, TestCase::QUICK);
        AddTestCase(new VideoFetchReassemblyTestCase, TestCase::QUICK);
    }
};

HttpParserTestSuite g_httpParserTestSuite;
} // namespace
