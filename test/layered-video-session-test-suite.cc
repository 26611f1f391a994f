// Whole sessions over ns-3 TCP: download times on a constant-rate link are what the rate and
// the RTT predict; an outage stalls playback for as long as it must; the trace sources fire
// when things happen; the same run gives the same logs.
#include "test-data-paths.h"
#include "video-session-fixture.h"

#include "ns3/core-module.h"
#include "ns3/streaming-session.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>
#include <tuple>
#include <vector>

using namespace ns3;
using namespace ns3::layered_video_test;

namespace
{
constexpr double kRtt_s = 0.080;     // twice the 40 ms one-way delay
constexpr double kMss = 1448;        // TCP payload per segment
constexpr double kHeaders = 52;      // TCP (with timestamps) and IPv4 headers per segment
constexpr double kResponseHead = 80; // about the HTTP response head

/// The time a download takes on an idle link of `rate_bps` once TCP's window covers the path:
/// the request's way there and the first byte's way back, then every segment at the link rate.
double
PredictedDownload_s(uint64_t bytes, double rate_bps)
{
    double payload = bytes + kResponseHead;
    double wire = payload + std::ceil(payload / kMss) * kHeaders;
    return kRtt_s + wire * 8 / rate_bps;
}

class ConstantRateTestCase : public TestCase
{
  public:
    ConstantRateTestCase()
        : TestCase("download times on a constant-rate link match the rate and the RTT")
    {
    }

  private:
    void DoRun() override
    {
        const double rate_bps = 3e6;
        VideoScenario scenario;
        scenario.profile = LoadProfile(EnvivioProfile());
        scenario.trace = std::make_shared<const BandwidthTrace>(BandwidthTrace::Constant(rate_bps));
        scenario.abrs = {"robust-mpc"};
        scenario.chunks = 30;
        ClientOutcome out = RunVideoScenario(scenario).at(0);
        NS_TEST_ASSERT_MSG_EQ(out.downloads.size(), 30, "one download per chunk: " << out.error);
        if (out.downloads.size() != 30)
        {
            return; // (the runner continues after a failed assertion)
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(out.downloads[0].request_s, kRtt_s, 1e-3, "TCP handshake");
        // The first download also opens TCP's window (slow start): a few RTTs more at most.
        const DownloadRecord& first = out.downloads[0];
        double firstPredicted = PredictedDownload_s(first.bytes, rate_bps);
        NS_TEST_EXPECT_MSG_GT_OR_EQ(first.Duration_s(), firstPredicted, "slow start");
        NS_TEST_EXPECT_MSG_LT(first.Duration_s(), firstPredicted + 3 * kRtt_s, "slow start");
        for (size_t i = 1; i < out.downloads.size(); ++i)
        {
            const DownloadRecord& d = out.downloads[i];
            NS_TEST_EXPECT_MSG_EQ_TOL(d.Duration_s(),
                                      PredictedDownload_s(d.bytes, rate_bps),
                                      0.005,
                                      "download " << i << " of " << d.bytes << " bytes");
            NS_TEST_EXPECT_MSG_EQ_TOL(d.first_byte_s - d.request_s,
                                      kRtt_s + (kMss + kHeaders) * 8 / rate_bps,
                                      0.001,
                                      "first byte of download " << i);
        }
    }
};

/// Observed events of one client, in simulation seconds.
struct Observed
{
    std::vector<std::pair<double, uint32_t>> played; ///< (time, chunk)
    std::vector<uint32_t> playedLevels;
    std::vector<std::pair<double, uint32_t>> stallStarts;
    std::vector<std::tuple<double, uint32_t, double>> stallEnds; ///< (time, chunk, duration)
    std::vector<double> downloadEnds;
};

void
Observe(Ptr<LayeredVideoClient> client, Observed* o)
{
    client->TraceConnectWithoutContext(
        "ChunkPlayed",
        MakeBoundCallback(
            +[](Observed* o, uint32_t chunk, uint32_t level, uint32_t, double) {
                o->played.emplace_back(Simulator::Now().GetSeconds(), chunk);
                o->playedLevels.push_back(level);
            },
            o));
    client->TraceConnectWithoutContext(
        "StallStarted",
        MakeBoundCallback(
            +[](Observed* o, uint32_t chunk) {
                o->stallStarts.emplace_back(Simulator::Now().GetSeconds(), chunk);
            },
            o));
    client->TraceConnectWithoutContext(
        "StallEnded",
        MakeBoundCallback(
            +[](Observed* o, uint32_t chunk, Time stall) {
                o->stallEnds.emplace_back(Simulator::Now().GetSeconds(), chunk, stall.GetSeconds());
            },
            o));
    client->TraceConnectWithoutContext("DownloadFinished",
                                       MakeBoundCallback(
                                           +[](Observed* o, const DownloadRecord&) {
                                               o->downloadEnds.push_back(
                                                   Simulator::Now().GetSeconds());
                                           },
                                           o));
}

class OutageStallTestCase : public TestCase
{
  public:
    OutageStallTestCase()
        : TestCase("an outage stalls playback from when the buffer runs dry until data is back")
    {
    }

  private:
    void DoRun() override
    {
        const double outageStart_s = 30;
        const double outageEnd_s = 50;
        const double chunk_s = 4;
        VideoScenario scenario;
        scenario.profile = LoadProfile(EnvivioProfile());
        scenario.trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::FromSegments({outageStart_s, outageEnd_s - outageStart_s, 1000},
                                         {8e6, 0, 8e6},
                                         "outage"));
        scenario.abrs = {"throughput"};
        scenario.chunks = 25;
        scenario.bufferCap_s = 12;
        auto seen = std::make_shared<Observed>();
        scenario.setup = [seen](TraceDrivenBottleneckHelper&, const auto& clients) {
            Observe(clients.at(0), seen.get());
        };
        ClientOutcome out = RunVideoScenario(scenario).at(0);
        NS_TEST_ASSERT_MSG_EQ(seen->played.size(), 25, "every chunk plays: " << out.error);
        if (seen->played.size() != 25)
        {
            return;
        }

        // Buffered video when the outage starts: the chunks downloaded by then, less what
        // has played since playback began (no stall before the outage on an 8 Mbit/s link).
        double arrivedBefore = 0;
        double firstAfter_s = 0;
        for (double end : seen->downloadEnds)
        {
            arrivedBefore += end < outageStart_s ? chunk_s : 0;
            firstAfter_s = firstAfter_s == 0 && end > outageStart_s ? end : firstAfter_s;
        }
        double buffered_s = arrivedBefore - (outageStart_s - seen->played.at(0).first);
        double expectStart_s = outageStart_s + buffered_s;
        double expectStall_s = firstAfter_s - expectStart_s;
        NS_TEST_ASSERT_MSG_GT(expectStall_s, 0, "the buffer cannot cover a 20 s outage");
        NS_TEST_ASSERT_MSG_GT(firstAfter_s, outageEnd_s, "nothing arrives during the outage");
        NS_TEST_EXPECT_MSG_LT(firstAfter_s - outageEnd_s,
                              chunk_s * 4.3e6 / 8e6 + 1.0,
                              "the awaited chunk arrives soon after the link is back");
        NS_TEST_ASSERT_MSG_EQ(seen->stallStarts.size(), 1, "one stall");
        NS_TEST_ASSERT_MSG_EQ(seen->stallEnds.size(), 1, "one stall");
        if (seen->stallStarts.size() != 1 || seen->stallEnds.size() != 1)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(seen->stallStarts[0].first, expectStart_s, 1e-6, "stall start");
        auto [endAt, chunk, duration] = seen->stallEnds[0];
        NS_TEST_EXPECT_MSG_EQ_TOL(endAt, firstAfter_s, 1e-6, "playback resumes on arrival");
        NS_TEST_EXPECT_MSG_EQ_TOL(duration, expectStall_s, 1e-6, "stall length");
        NS_TEST_EXPECT_MSG_EQ(chunk, seen->stallStarts[0].second, "the chunk awaited");
        NS_TEST_EXPECT_MSG_EQ_TOL(out.summary.stall_s, expectStall_s, 1e-6, "QoE stall time");
        NS_TEST_EXPECT_MSG_EQ(out.summary.stall_count, 1, "QoE stall count");
    }
};

class StoppedMidStallTestCase : public TestCase
{
  public:
    StoppedMidStallTestCase()
        : TestCase("a client stopped in the middle of a stall counts the stall and says why")
    {
    }

  private:
    void DoRun() override
    {
        // The link goes dark at 30 s for longer than the client runs (StopTime 200 s): the
        // summary counts the stall from when the buffer ran dry to the stop.
        const double stop_s = 200;
        VideoScenario scenario;
        scenario.profile = LoadProfile(EnvivioProfile());
        scenario.trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::FromSegments({30, 5000, 1000}, {8e6, 0, 8e6}, "long-outage"));
        scenario.abrs = {"bba"};
        scenario.chunks = 25;
        scenario.bufferCap_s = 12;
        auto seen = std::make_shared<Observed>();
        scenario.setup = [seen, stop_s](TraceDrivenBottleneckHelper&, const auto& clients) {
            Observe(clients.at(0), seen.get());
            clients.at(0)->SetStopTime(Seconds(stop_s));
        };
        ClientOutcome out = RunVideoScenario(scenario, 1000).at(0);
        NS_TEST_ASSERT_MSG_EQ(VideoPlayer::StateName(out.state),
                              "Failed",
                              "stopped before the end");
        NS_TEST_EXPECT_MSG_NE(out.error.find("stalled for the last"),
                              std::string::npos,
                              "the failure says why: " << out.error);
        NS_TEST_ASSERT_MSG_EQ(seen->stallStarts.size(), 1, "one stall, still going on");
        NS_TEST_EXPECT_MSG_EQ(seen->stallEnds.size(), 0, "it never ended");
        NS_TEST_EXPECT_MSG_GT(seen->stallStarts[0].first, 30, "after the buffer ran dry");
        NS_TEST_EXPECT_MSG_EQ_TOL(out.summary.stall_s,
                                  stop_s - seen->stallStarts[0].first,
                                  1e-6,
                                  "the stall counted up to the stop");
        NS_TEST_EXPECT_MSG_EQ(out.summary.stall_count, 1, "one stall");
    }
};

class TraceSourcesTestCase : public TestCase
{
  public:
    TraceSourcesTestCase()
        : TestCase("ChunkPlayed fires when each chunk starts playing, at the level logged")
    {
    }

  private:
    void DoRun() override
    {
        VideoScenario scenario;
        scenario.profile = LoadProfile(EnvivioProfile());
        scenario.trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(PensieveTrace("norway_car_1")));
        scenario.abrs = {"bola"};
        scenario.chunks = 30;
        auto seen = std::make_shared<Observed>();
        auto client = std::make_shared<Ptr<LayeredVideoClient>>();
        auto records = std::make_shared<std::vector<ChunkRecord>>();
        scenario.setup = [seen, client](TraceDrivenBottleneckHelper&, const auto& clients) {
            Observe(clients.at(0), seen.get());
            *client = clients.at(0);
        };
        ClientOutcome out = RunVideoScenario(scenario).at(0);
        NS_TEST_ASSERT_MSG_EQ(out.error, "", "the session ran");
        NS_TEST_ASSERT_MSG_EQ(seen->played.size(), 30, "every chunk reported once");
        // The log's play rows: time and level of each chunk, in order.
        std::istringstream log(out.chunkLog);
        std::string line;
        size_t row = 0;
        while (std::getline(log, line))
        {
            if (line.rfind("play,", 0) != 0)
            {
                continue;
            }
            std::vector<std::string> f;
            std::istringstream fields(line);
            for (std::string v; std::getline(fields, v, ',');)
            {
                f.push_back(v);
            }
            NS_TEST_ASSERT_MSG_LT(row, seen->played.size(), "more plays logged than seen");
            if (row >= seen->played.size())
            {
                return;
            }
            NS_TEST_EXPECT_MSG_EQ(seen->played[row].second, std::stoul(f[2]), "chunk order");
            NS_TEST_EXPECT_MSG_EQ_TOL(seen->played[row].first,
                                      std::stod(f[1]),
                                      1e-6,
                                      "chunk " << f[2] << " fires when it starts playing");
            NS_TEST_EXPECT_MSG_EQ(seen->playedLevels[row], std::stoul(f[3]), "level played");
            ++row;
        }
        NS_TEST_EXPECT_MSG_EQ(row, 30, "play rows");
        NS_TEST_EXPECT_MSG_EQ(seen->downloadEnds.size(), out.downloads.size(), "downloads");
        for (size_t i = 0; i < std::min(out.downloads.size(), seen->downloadEnds.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(seen->downloadEnds[i],
                                      out.downloads[i].end_s,
                                      1e-6,
                                      "download " << i << " fires when its last byte arrives");
        }
    }
};

class DeterminismTestCase : public TestCase
{
  public:
    DeterminismTestCase()
        : TestCase("the same run gives identical logs; another run (random loss) does not")
    {
    }

  private:
    void DoRun() override
    {
        VideoScenario scenario;
        scenario.profile = LoadProfile(EnvivioProfile());
        scenario.trace = std::make_shared<const BandwidthTrace>(
            BandwidthTrace::Load(PensieveTrace("norway_bus_1")));
        scenario.abrs = {"robust-mpc", "bba"};
        scenario.chunks = 15;
        scenario.loss = 0.01;
        std::vector<ClientOutcome> a = RunVideoScenario(scenario);
        std::vector<ClientOutcome> b = RunVideoScenario(scenario);
        scenario.run = 2;
        std::vector<ClientOutcome> c = RunVideoScenario(scenario);
        NS_TEST_ASSERT_MSG_EQ((a.size() == b.size() && a.size() == c.size()), true, "clients");
        for (size_t i = 0; i < std::min({a.size(), b.size(), c.size()}); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(a[i].error, "", "client " << i);
            NS_TEST_EXPECT_MSG_EQ(a[i].chunkLog, b[i].chunkLog, "client " << i << ", same run");
            NS_TEST_EXPECT_MSG_NE(a[i].chunkLog, c[i].chunkLog, "client " << i << ", run 2");
        }
    }
};

class LayeredVideoSessionTestSuite : public TestSuite
{
  public:
    LayeredVideoSessionTestSuite()
        : TestSuite("layered-video-session", SYSTEM)
    {
        AddTestCase(new ConstantRateTestCase, TestCase::QUICK);
        AddTestCase(new OutageStallTestCase, TestCase::QUICK);
        AddTestCase(new StoppedMidStallTestCase, TestCase::QUICK);
        AddTestCase(new TraceSourcesTestCase, TestCase::QUICK);
        AddTestCase(new DeterminismTestCase, TestCase::QUICK);
    }
};

LayeredVideoSessionTestSuite g_layeredVideoSessionTestSuite;
} // namespace
