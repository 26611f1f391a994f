// Many clients on one bottleneck: together they use the link, and TCP shares it fairly
// among them (Jain's index of their throughputs while all of them are downloading).
#include "test-data-paths.h"
#include "video-session-fixture.h"

#include "ns3/core-module.h"
#include "ns3/test.h"

#include <memory>
#include <vector>

using namespace ns3;
using namespace ns3::layered_video_test;

namespace
{
class FairSharingTestCase : public TestCase
{
  public:
    FairSharingTestCase(uint32_t clients, double rate_bps)
        : TestCase(std::to_string(clients) + " clients share a " +
                   std::to_string(static_cast<int>(rate_bps / 1e6)) + " Mbps link fairly"),
          m_clients(clients),
          m_rate_bps(rate_bps)
    {
    }

  private:
    void DoRun() override
    {
        VideoScenario scenario;
        scenario.profile = LoadProfile(EnvivioProfile());
        scenario.trace =
            std::make_shared<const BandwidthTrace>(BandwidthTrace::Constant(m_rate_bps));
        scenario.abrs.assign(m_clients, "bba");
        // Long enough for TCP's sharing to even out (over a minute, competing request-response
        // flows can still differ by a third; over two and a half, Jain's index is ~0.98).
        scenario.chunks = 40;
        // Bytes each client receives, by arrival time.
        using Arrivals = std::vector<std::vector<std::pair<double, uint32_t>>>;
        auto arrivals = std::make_shared<Arrivals>(m_clients);
        scenario.setup = [arrivals](TraceDrivenBottleneckHelper&, const auto& clients) {
            for (size_t i = 0; i < clients.size(); ++i)
            {
                clients[i]->TraceConnectWithoutContext(
                    "Rx",
                    MakeBoundCallback(
                        +[](std::vector<std::pair<double, uint32_t>>* a,
                            Ptr<const Packet> p,
                            const Address&) {
                            a->emplace_back(Simulator::Now().GetSeconds(), p->GetSize());
                        },
                        &arrivals->at(i)));
            }
        };
        std::vector<ClientOutcome> out = RunVideoScenario(scenario);
        // The period in which every client is downloading: from when TCP has ramped up to
        // when the first client has fetched its whole video.
        const double from_s = 5;
        double to_s = 1e9;
        for (const ClientOutcome& o : out)
        {
            NS_TEST_ASSERT_MSG_EQ((o.state == LayeredVideoClient::State::Finished),
                                  true,
                                  "every session ran: " << o.error);
            if (o.downloads.empty())
            {
                return; // reported above (the runner continues after a failed assertion)
            }
            to_s = std::min(to_s, o.downloads.back().end_s);
        }
        NS_TEST_ASSERT_MSG_GT(to_s, from_s + 10, "a long enough shared period");
        std::vector<double> throughput;
        double total = 0;
        for (const auto& a : *arrivals)
        {
            double bytes = 0;
            for (const auto& [t, b] : a)
            {
                bytes += t >= from_s && t < to_s ? b : 0;
            }
            throughput.push_back(bytes * 8 / (to_s - from_s));
            total += throughput.back();
        }
        NS_TEST_EXPECT_MSG_GT(JainIndex(throughput), 0.95, "Jain's index of the throughputs");
        double share = m_rate_bps / m_clients;
        for (size_t i = 0; i < throughput.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_GT(throughput[i], 0.5 * share, "client " << i << " is not starved");
        }
        // Together they fill the link, less TCP/IP headers and the idle round trips between
        // one client's downloads (the others fill them).
        NS_TEST_EXPECT_MSG_GT(total, 0.9 * m_rate_bps, "the clients together use the link");
        NS_TEST_EXPECT_MSG_LT(total, m_rate_bps, "not more than the link");
    }

    uint32_t m_clients;
    double m_rate_bps;
};

class LayeredVideoSharingTestSuite : public TestSuite
{
  public:
    LayeredVideoSharingTestSuite()
        : TestSuite("layered-video-sharing", SYSTEM)
    {
        AddTestCase(new FairSharingTestCase(6, 9e6), TestCase::QUICK);
        AddTestCase(new FairSharingTestCase(20, 40e6), TestCase::EXTENSIVE);
    }
};

LayeredVideoSharingTestSuite g_layeredVideoSharingTestSuite;
} // namespace
