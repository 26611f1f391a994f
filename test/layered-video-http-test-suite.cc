// HTTP/1.1 between LayeredVideoServer and its clients over ns-3 TCP: requests whose bytes
// arrive split and merged, error statuses, and sessions whose every response carries exactly
// the profile's bytes (ladder and layered content, multi-layer fetches pipelined).
#include "test-data-paths.h"
#include "video-session-fixture.h"

#include "ns3/core-module.h"
#include "ns3/http-parser.h"
#include "ns3/internet-module.h"
#include "ns3/layered-video-server-helper.h"
#include "ns3/layered-video-server.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

using namespace ns3;
using namespace ns3::layered_video_test;

namespace
{
/// A hand-written HTTP client: sends given byte strings at given times on one connection and
/// parses what comes back.
struct RawExchange
{
    Ptr<Socket> socket;
    HttpParser parser{HttpParser::Kind::Response};
    std::vector<std::pair<uint16_t, uint64_t>> responses; ///< (status, body bytes)
    bool closedByServer = false;

    void Read(Ptr<Socket> s)
    {
        while (Ptr<Packet> p = s->Recv())
        {
            std::vector<uint8_t> bytes(p->GetSize());
            p->CopyData(bytes.data(), bytes.size());
            size_t at = 0;
            while (at < bytes.size() && parser.GetState() != HttpParser::State::Error)
            {
                at += parser.Feed(bytes.data() + at, bytes.size() - at);
                if (parser.GetState() == HttpParser::State::Complete)
                {
                    responses.emplace_back(parser.GetMessage().GetStatusCode(),
                                           parser.GetBodyReceived());
                    parser.Next();
                }
            }
        }
    }
};

class RawRequestsTestCase : public TestCase
{
  public:
    RawRequestsTestCase()
        : TestCase("the server answers requests split byte by byte, pipelined, and bad ones")
    {
    }

  private:
    void DoRun() override
    {
        auto profile = LoadProfile(EnvivioProfile());
        NodeContainer nodes;
        nodes.Create(2);
        PointToPointHelper link;
        link.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        link.SetChannelAttribute("Delay", StringValue("5ms"));
        NetDeviceContainer devices = link.Install(nodes);
        InternetStackHelper().Install(nodes);
        Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
        Ipv4InterfaceContainer ifaces = addresses.Assign(devices);
        LayeredVideoServerHelper(profile, 8080).Install(nodes.Get(0));

        auto raw = std::make_shared<RawExchange>();
        raw->socket = Socket::CreateSocket(nodes.Get(1), TcpSocketFactory::GetTypeId());
        raw->socket->Bind();
        raw->socket->SetRecvCallback(MakeCallback(&RawExchange::Read, raw.get()));
        raw->socket->SetCloseCallbacks(
            MakeBoundCallback(
                +[](RawExchange* r, Ptr<Socket>) { r->closedByServer = true; },
                raw.get()),
            MakeNullCallback<void, Ptr<Socket>>());
        Simulator::Schedule(Seconds(0.1), [raw, ifaces]() {
            raw->socket->Connect(InetSocketAddress(ifaces.GetAddress(0), 8080));
        });
        // Request 1 one byte every 10 ms; then requests 2-4 in one write; then a bad request.
        std::string first = "GET /video/3/6 HTTP/1.1\r\nHost: x\r\n\r\n";
        for (size_t i = 0; i < first.size(); ++i)
        {
            Simulator::Schedule(Seconds(0.5 + 0.01 * i), [raw, first, i]() {
                raw->socket->Send(reinterpret_cast<const uint8_t*>(first.data()) + i, 1, 0);
            });
        }
        std::string more = "GET /video/0/1 HTTP/1.1\r\n\r\nGET /video/48/2 HTTP/1.1\r\n\r\n"
                           "GET /video/49/1 HTTP/1.1\r\n\r\nPOST /video/0/1 HTTP/1.1\r\n\r\n";
        Simulator::Schedule(Seconds(2), [raw, more]() {
            raw->socket->Send(reinterpret_cast<const uint8_t*>(more.data()), more.size(), 0);
        });
        std::string bad = "GARBAGE\r\n\r\n";
        Simulator::Schedule(Seconds(4), [raw, bad]() {
            raw->socket->Send(reinterpret_cast<const uint8_t*>(bad.data()), bad.size(), 0);
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        Simulator::Destroy();

        // The sizes come from Pensieve's video_size_<level> files (level 5 is representation 6).
        std::vector<std::pair<uint16_t, uint64_t>> want{
            {200, profile->GetChunk(3).layers[5].bytes},
            {200, profile->GetChunk(0).layers[0].bytes},
            {200, profile->GetChunk(48).layers[1].bytes},
            {404, 6},
            {405, 6},
            {400, 6},
        };
        NS_TEST_ASSERT_MSG_EQ(raw->responses.size(), want.size(), "one response per request");
        for (size_t i = 0; i < std::min(want.size(), raw->responses.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(raw->responses[i].first, want[i].first, "status " << i);
            NS_TEST_EXPECT_MSG_EQ(raw->responses[i].second, want[i].second, "body bytes " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(raw->closedByServer, true, "closed after the bad request");
    }
};

/// Every download of a session brings exactly the profile's bytes, GET by GET.
class SessionBytesTestCase : public TestCase
{
  public:
    SessionBytesTestCase(bool layered, const std::string& abr)
        : TestCase(std::string("session bytes match the profile exactly: ") +
                   (layered ? "layered" : "ladder") + " content, " + abr),
          m_layered(layered),
          m_abr(abr)
    {
    }

  private:
    void DoRun() override
    {
        VideoScenario scenario;
        // Layered: the residual-layered x265 encode of a 1080p clip (5 layers, 2 s chunks),
        // repeated to 40 chunks.
        auto profile = LoadProfile(m_layered ? ProjectProfile("VID_1920x1080_cabac_temporal_direct."
                                                              "x265-residual-layered.json")
                                             : EnvivioProfile());
        scenario.profile =
            std::make_shared<const VideoProfile>(profile->Looped(m_layered ? 40 : 20));
        scenario.trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(PensieveTrace("norway_bus_1")));
        scenario.abrs = {m_abr};
        using Get = std::tuple<uint32_t, uint32_t, uint64_t>; // chunk, layer, bytes
        auto gets = std::make_shared<std::vector<Get>>();
        auto server = std::make_shared<Ptr<LayeredVideoServer>>();
        scenario.setup = [gets, server](TraceDrivenBottleneckHelper& b, const auto&) {
            *server = DynamicCast<LayeredVideoServer>(b.GetServer()->GetApplication(0));
            (*server)->TraceConnectWithoutContext(
                "Request",
                MakeBoundCallback(
                    +[](std::vector<Get>* g, uint32_t c, uint32_t l, uint64_t n, const Address&) {
                        g->emplace_back(c, l, n);
                    },
                    gets.get()));
        };
        ClientOutcome out = RunVideoScenario(scenario).at(0);
        NS_TEST_ASSERT_MSG_EQ(out.error, "", "the session ran");
        const VideoProfile& p = *scenario.profile;
        size_t g = 0;
        uint64_t total = 0;
        uint32_t multiLayer = 0;
        uint32_t upgrades = 0;
        for (const DownloadRecord& d : out.downloads)
        {
            // Layered: layers from+1..to; ladder: representation `to` alone.
            uint32_t first = p.IsLayered() ? d.from_level + 1 : d.to_level;
            uint64_t expect = 0;
            for (uint32_t layer = first; layer <= d.to_level; ++layer, ++g)
            {
                uint64_t bytes = p.GetChunk(d.chunk).layers[layer - 1].bytes;
                expect += bytes;
                NS_TEST_ASSERT_MSG_LT(g, gets->size(), "a GET per layer");
                if (g >= gets->size())
                {
                    return;
                }
                NS_TEST_EXPECT_MSG_EQ((gets->at(g) == Get{d.chunk, layer, bytes}),
                                      true,
                                      "GET " << g << " is chunk " << d.chunk << " layer " << layer);
            }
            multiLayer += d.to_level > first ? 1 : 0;
            upgrades += d.from_level > 0 ? 1 : 0;
            NS_TEST_EXPECT_MSG_EQ(d.bytes, expect, "download of chunk " << d.chunk);
            total += d.bytes;
        }
        NS_TEST_EXPECT_MSG_EQ(g, gets->size(), "no GET beyond the downloads");
        NS_TEST_EXPECT_MSG_EQ(total, out.summary.bytes, "the QoE counts the bytes received");
        if (m_layered && m_abr == "bba")
        {
            NS_TEST_EXPECT_MSG_GT(multiLayer, 0, "a classic ABR fetches prefixes of layers");
        }
        if (m_layered && m_abr == "layered-buffer")
        {
            NS_TEST_EXPECT_MSG_GT(upgrades, 0, "a layer-aware ABR upgrades buffered chunks");
        }
    }

    bool m_layered;
    std::string m_abr;
};

class LayeredVideoHttpTestSuite : public TestSuite
{
  public:
    LayeredVideoHttpTestSuite()
        : TestSuite("layered-video-http", SYSTEM)
    {
        AddTestCase(new RawRequestsTestCase, TestCase::QUICK);
        AddTestCase(new SessionBytesTestCase(false, "robust-mpc"), TestCase::QUICK);
        AddTestCase(new SessionBytesTestCase(true, "bba"), TestCase::QUICK);
        AddTestCase(new SessionBytesTestCase(true, "layered-buffer"), TestCase::QUICK);
    }
};

LayeredVideoHttpTestSuite g_layeredVideoHttpTestSuite;
} // namespace
