// The trace-driven bottleneck carrying bulk TCP: the bytes it delivers per window follow the
// trace (computed here from the trace's segments or Mahimahi timestamps), nothing moves during
// an outage, and Mahimahi traces are replayed at their delivery opportunities.
#include "test-data-paths.h"

#include "ns3/applications-module.h"
#include "ns3/bandwidth-trace.h"
#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/test.h"
#include "ns3/trace-driven-bottleneck-helper.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <vector>

using namespace ns3;
using namespace ns3::layered_video_test;

namespace
{
constexpr double kDelay_s = 0.040;
constexpr double kPayloadRatio = 1448.0 / 1500.0; // TCP payload of a full 1500-byte packet

/// Times and sizes of packets leaving the shaper, reaching the client, and of the TCP payload
/// the receiving application gets (in order, so it comes in bursts after a loss).
struct BulkRun
{
    std::vector<std::pair<double, uint32_t>> delivered; ///< (time, IP bytes)
    std::vector<Time> serviceEnds;                      ///< when each left the link
    Time latestHandOver;                                ///< most a hand-over trailed its end
    std::vector<std::pair<double, uint32_t>> arrived;   ///< (time, IP bytes) at the client
    std::vector<std::pair<double, uint32_t>> received;  ///< (time, payload bytes)

    static double Sum(const std::vector<std::pair<double, uint32_t>>& v, double from, double to)
    {
        double bytes = 0;
        for (const auto& [t, b] : v)
        {
            bytes += t >= from && t < to ? b : 0;
        }
        return bytes;
    }
};

/// Bulk TCP from the server to one client over the trace for `duration_s`.
BulkRun
RunBulk(std::shared_ptr<const BandwidthTrace> trace, double duration_s, const std::string& queue)
{
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(4 << 20));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(4 << 20));
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(15));
    TraceDrivenBottleneckHelper bottleneck;
    bottleneck.SetTrace(trace);
    bottleneck.SetDelay(Seconds(kDelay_s));
    bottleneck.SetShaperAttribute("MaxSize", QueueSizeValue(QueueSize(queue)));
    bottleneck.Install(1);

    BulkSendHelper bulk("ns3::TcpSocketFactory",
                        InetSocketAddress(bottleneck.GetClientAddress(0), 9));
    bulk.Install(bottleneck.GetServer()).Start(Seconds(0));
    PacketSinkHelper sink("ns3::TcpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sinks = sink.Install(bottleneck.GetClient(0));

    auto run = std::make_shared<BulkRun>();
    bottleneck.GetDownlinkQueueDisc()->TraceConnectWithoutContext(
        "Delivered",
        MakeBoundCallback(
            +[](BulkRun* r, Ptr<const QueueDiscItem> item, Time, Time end) {
                r->delivered.emplace_back(Simulator::Now().GetSeconds(), item->GetSize());
                r->serviceEnds.push_back(end);
                r->latestHandOver = Max(r->latestHandOver, Simulator::Now() - end);
            },
            run.get()));
    Ptr<NetDevice> clientDevice = bottleneck.GetClient(0)->GetDevice(1);
    clientDevice->TraceConnectWithoutContext(
        "MacRx",
        MakeBoundCallback(
            +[](BulkRun* r, Ptr<const Packet> p) {
                r->arrived.emplace_back(Simulator::Now().GetSeconds(), p->GetSize());
            },
            run.get()));
    sinks.Get(0)->TraceConnectWithoutContext(
        "Rx",
        MakeBoundCallback(
            +[](BulkRun* r, Ptr<const Packet> p, const Address&) {
                r->received.emplace_back(Simulator::Now().GetSeconds(), p->GetSize());
            },
            run.get()));
    Simulator::Stop(Seconds(duration_s));
    Simulator::Run();
    Simulator::Destroy();
    return *run;
}

/// Bytes a trace delivers between two times, integrated here segment by segment.
double
TraceBytes(const BandwidthTrace& trace, double from, double to)
{
    double bits = 0;
    for (size_t i = 0; i < trace.GetSegmentCount(); ++i)
    {
        double a = std::max(from, trace.GetSegmentStart_s(i));
        double b = std::min(to, trace.GetSegmentStart_s(i) + trace.GetSegmentDuration_s(i));
        bits += b > a ? (b - a) * trace.GetSegmentRate_bps(i) : 0;
    }
    return bits / 8;
}

class RealTraceTestCase : public TestCase
{
  public:
    RealTraceTestCase()
        : TestCase("bulk TCP over a Pensieve trace delivers what the trace does, per 4 s")
    {
    }

  private:
    void DoRun() override
    {
        auto trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(PensieveTrace("norway_bus_1")));
        BulkRun run = RunBulk(trace, 62, "100p");
        for (double t = 6; t + 4 <= 60; t += 4)
        {
            double expect = TraceBytes(*trace, t, t + 4);
            double link = BulkRun::Sum(run.delivered, t, t + 4);
            double arrived = BulkRun::Sum(run.arrived, t + kDelay_s, t + 4 + kDelay_s);
            NS_TEST_EXPECT_MSG_EQ_TOL(link / expect, 1.0, 0.03, "link bytes in [" << t << ", +4)");
            NS_TEST_EXPECT_MSG_EQ_TOL(arrived / expect,
                                      1.0,
                                      0.03,
                                      "bytes at the client in [" << t << ", +4)");
        }
        double goodput = BulkRun::Sum(run.received, 6 + kDelay_s, 60 + kDelay_s);
        NS_TEST_EXPECT_MSG_EQ_TOL(goodput / (TraceBytes(*trace, 6, 60) * kPayloadRatio),
                                  1.0,
                                  0.03,
                                  "TCP payload over [6, 60) s");
    }

    void DoTeardown() override
    {
        Config::Reset();
    }
};

class OutageTestCase : public TestCase
{
  public:
    OutageTestCase()
        : TestCase("nothing moves during an outage, and the link resumes with the trace")
    {
    }

  private:
    void DoRun() override
    {
        auto trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::FromSegments({10, 5, 10}, {4e6, 0, 4e6}, "outage"));
        BulkRun run = RunBulk(trace, 25, "100p");
        double oneServiceTime_s = 1500 * 8 / 4e6;

        NS_TEST_ASSERT_MSG_EQ(BulkRun::Sum(run.delivered, 10 + oneServiceTime_s, 15),
                              0,
                              "the link delivers nothing during the outage");
        NS_TEST_ASSERT_MSG_EQ(
            BulkRun::Sum(run.received, 10 + oneServiceTime_s + kDelay_s + 1e-3, 15),
            0,
            "nothing arrives during the outage");
        NS_TEST_EXPECT_MSG_EQ_TOL(BulkRun::Sum(run.delivered, 3, 10) / TraceBytes(*trace, 3, 10),
                                  1.0,
                                  0.03,
                                  "before the outage");
        // What waited in the queue leaves at the trace's rate as soon as it resumes; then TCP,
        // back from its retransmission timeouts, needs a slow start to fill the link again.
        NS_TEST_EXPECT_MSG_EQ_TOL(BulkRun::Sum(run.delivered, 15, 15.25) /
                                      TraceBytes(*trace, 15, 15.25),
                                  1.0,
                                  0.03,
                                  "the queue drains at the trace's rate when it resumes");
        NS_TEST_EXPECT_MSG_EQ_TOL(BulkRun::Sum(run.delivered, 17.5, 25) /
                                      TraceBytes(*trace, 17.5, 25),
                                  1.0,
                                  0.03,
                                  "TCP fills the link again");
        NS_TEST_EXPECT_MSG_EQ_TOL(BulkRun::Sum(run.received, 17.5, 25) /
                                      (TraceBytes(*trace, 17.5, 25) * kPayloadRatio),
                                  1.0,
                                  0.05,
                                  "TCP payload after the outage");
    }

    void DoTeardown() override
    {
        Config::Reset();
    }
};

class MahimahiTestCase : public TestCase
{
  public:
    MahimahiTestCase()
        : TestCase("a Mahimahi trace is replayed at its delivery opportunities")
    {
    }

  private:
    void DoRun() override
    {
        auto trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(SharedPath("traces/mahimahi/ATT-LTE-driving-2016.down")));
        const auto& opportunities = trace->GetDeliveryOpportunities_ms();
        std::set<uint32_t> instants(opportunities.begin(), opportunities.end());
        BulkRun run = RunBulk(trace, 30, "1000p");
        NS_TEST_ASSERT_MSG_GT(run.delivered.size(), 1000, "packets delivered");
        size_t offGrid = 0;
        for (Time end : run.serviceEnds)
        {
            int64_t ns = end.GetNanoSeconds();
            offGrid +=
                ns % 1000000 != 0 || !instants.count(static_cast<uint32_t>(ns / 1000000)) ? 1 : 0;
        }
        NS_TEST_ASSERT_MSG_EQ(offGrid, 0, "every packet leaves at an opportunity's millisecond");
        NS_TEST_ASSERT_MSG_LT(run.latestHandOver,
                              MicroSeconds(100),
                              "the device takes each packet well within the millisecond");
        for (double t = 5; t + 5 <= 30; t += 5)
        {
            auto count =
                std::count_if(opportunities.begin(), opportunities.end(), [&](uint32_t ms) {
                    return ms >= t * 1000 && ms < (t + 5) * 1000;
                });
            double expect = 1500.0 * count;
            NS_TEST_EXPECT_MSG_EQ_TOL(BulkRun::Sum(run.delivered, t, t + 5) / expect,
                                      1.0,
                                      0.02,
                                      "bytes in [" << t << ", +5) vs 1500 per opportunity");
        }
    }

    void DoTeardown() override
    {
        Config::Reset();
    }
};

class TraceDrivenLinkTestSuite : public TestSuite
{
  public:
    TraceDrivenLinkTestSuite()
        : TestSuite("layered-video-trace-driven-link", SYSTEM)
    {
        AddTestCase(new RealTraceTestCase, TestCase::QUICK);
        AddTestCase(new OutageTestCase, TestCase::QUICK);
        AddTestCase(new MahimahiTestCase, TestCase::QUICK);
    }
};

TraceDrivenLinkTestSuite g_traceDrivenLinkTestSuite;
} // namespace
