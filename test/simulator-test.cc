// The chunk-level simulator's batch runs and the offline optimum.
#include "test-support.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/batch-report.h"
#include "ns3/compute-capacity.h"
#include "ns3/offline-optimal.h"
#include "ns3/session-batch.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <sstream>

using namespace ns3;

namespace
{
const std::vector<double> kLadder_bps = {300e3, 750e3, 1200e3, 1850e3, 2850e3, 4300e3};

std::string
ReadAll(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Every file under a folder, path -> content.
std::map<std::string, std::string>
Snapshot(const std::string& dir)
{
    std::map<std::string, std::string> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    {
        if (e.is_regular_file())
        {
            files[std::filesystem::relative(e.path(), dir).string()] = ReadAll(e.path().string());
        }
    }
    return files;
}

std::vector<BandwidthTrace>
SomeTestTraces(std::size_t n)
{
    std::vector<std::string> files = ListTraceFiles(test::SharedDir() + "/traces/pensieve-test");
    std::vector<BandwidthTrace> traces;
    for (std::size_t i = 0; i < files.size() && traces.size() < n; i += files.size() / n)
    {
        traces.push_back(BandwidthTrace::Load(files[i]));
    }
    return traces;
}
} // namespace

TEST(Simulator, SameSeedGivesByteIdenticalOutputsWhateverTheThreadCount)
{
    VideoProfile p = test::MakeLayered({120000, 90000, 90000, 120000}, 12, 2.0, {20, 60, 150});
    std::vector<BandwidthTrace> traces = SomeTestTraces(4);
    BatchOptions options;
    options.capacity = "swift";
    options.random_start = true;
    std::vector<std::string> abrs = ListAbrNames();
    abrs.push_back(kOptimalName);
    std::vector<std::map<std::string, std::string>> outputs;
    for (std::uint32_t threads : {1u, 2u, 1u})
    {
        options.threads = threads;
        options.out_dir = test::TempDir("determinism-" + std::to_string(outputs.size()));
        auto results = RunBatch(p, traces, abrs, {5, 6}, options);
        std::ofstream csv(options.out_dir + "/sessions.csv");
        WriteSessionsCsv(csv, results);
        csv.close();
        outputs.push_back(Snapshot(options.out_dir));
    }
    EXPECT_GT(outputs[0].size(), traces.size() * 2 * abrs.size());
    EXPECT_EQ(outputs[0], outputs[1]);
    EXPECT_EQ(outputs[0], outputs[2]);

    // Another seed changes what the sessions meet.
    options.out_dir.clear();
    auto a = RunBatch(p, traces, {"bola"}, {5}, options);
    auto b = RunBatch(p, traces, {"bola"}, {7}, options);
    bool differs = false;
    for (std::size_t i = 0; i < a.size(); ++i)
    {
        differs = differs || a[i].summary.qoe != b[i].summary.qoe;
    }
    EXPECT_TRUE(differs);
}

TEST(OfflineOptimal, EqualsTheHandComputedBestOnAConstantTrace)
{
    // 4 chunks of 2 s, 3 levels, 1.5 Mbit/s, RTT 0.1 s, payload 1, cap 60: enumerate all 81
    // schedules with the playback rules written out here, and compare with the DP.
    const std::vector<double> rates = {0.5e6, 1e6, 2e6};
    VideoProfile p = test::MakeLadder(rates, 4, 2.0);
    QoeModel qoe(p, QoeParams{}); // mu = 2 (top rate in Mbit/s), lambda = 1, startup like mu
    ChunkSimConfig config;
    config.rtt_s = 0.1;
    config.payload_ratio = 1.0;
    const double link_bps = 1.5e6;
    double best = -1e300;
    std::vector<std::uint32_t> levels(4);
    std::function<void(int)> walk = [&](int k) {
        if (k == 4)
        {
            double t = 0, play_end = 0, value = 0, last = 0;
            for (int i = 0; i < 4; ++i)
            {
                double rate = rates[levels[i] - 1];
                t += 0.1 + rate * 2.0 / link_bps; // request at t, RTT, then the bytes
                double u = rate / 1e6;
                if (i == 0)
                {
                    value += u - 2 * t; // startup
                    play_end = t + 2;
                }
                else
                {
                    double stall = std::max(t - play_end, 0.0);
                    value += u - 2 * stall - std::abs(u - last);
                    play_end = std::max(play_end, t) + 2;
                }
                last = u;
            }
            best = std::max(best, value);
            return;
        }
        for (std::uint32_t q = 1; q <= 3; ++q)
        {
            levels[k] = q;
            walk(k + 1);
        }
    };
    walk(0);
    ComputeCapacity full;
    BandwidthTrace trace = BandwidthTrace::Constant(link_bps);
    OptimalResult r = OfflineOptimal(p, trace, full, qoe, config, 0.01, 0.01).Solve();
    EXPECT_NEAR(r.qoe, best, 1e-9);
    EXPECT_NEAR(r.dp_qoe, r.qoe, 1e-9);
}

TEST(OfflineOptimal, ASessionTooLongForItsTableIsRefusedNotRunOutOfMemory)
{
    VideoProfile p = test::MakeLadder({0.5e6, 1e6, 2e6}, 40, 2.0);
    QoeModel qoe(p, QoeParams{});
    ComputeCapacity full;
    BandwidthTrace trace = BandwidthTrace::Constant(1.5e6);
    OfflineOptimal optimal(p, trace, full, qoe, ChunkSimConfig{});
    const std::size_t needed = optimal.Solve().states;
    optimal.SetMaxStates(needed);
    EXPECT_EQ(optimal.Solve().states, needed); // exactly at the limit: solved
    optimal.SetMaxStates(needed - 1);
    test::ExpectInputError([&] { optimal.Solve(); }, "offline optimal: states: more than");
}

TEST(OfflineOptimal, NoAbrBeatsItOnRealTraces)
{
    VideoProfile ladder = test::MakeLadder(kLadder_bps, 24, 4.0);
    VideoProfile layered =
        test::MakeLayered({60000, 60000, 90000, 120000, 150000, 200000}, 30, 2.0);
    VideoProfile exits = test::MakeLayered({60000, 60000, 90000, 120000}, 20, 2.0, {100, 400, 900});
    // Decoding slower than real time whenever the capacity falls below 1/2: a decoder backlog.
    VideoProfile slow =
        test::MakeLayered({60000, 60000, 90000, 120000}, 20, 2.0, {300, 1000, 1900});
    std::vector<BandwidthTrace> traces = SomeTestTraces(16);
    traces.push_back(
        BandwidthTrace::Load(test::SharedDir() + "/traces/mahimahi/Verizon-LTE-short.down")
            .Scaled(0.1));
    std::vector<std::string> abrs = ListAbrNames();
    abrs.push_back(kOptimalName);
    for (const VideoProfile* p : {&ladder, &layered, &exits, &slow})
    {
        BatchOptions options;
        options.capacity = p == &exits || p == &slow ? "swift" : "";
        // With a decoder backlog, coarse cells lose ~2 % (their merges drop states that the
        // backlog makes distinct); finer ones find the best.
        options.optimal_step_s = p == &slow ? 0.05 : 0.25;
        auto results = RunBatch(*p, traces, abrs, {1}, options);
        for (std::size_t i = 0; i < results.size(); i += abrs.size())
        {
            const BatchResult& optimal = results[i + abrs.size() - 1];
            ASSERT_TRUE(optimal.error.empty()) << optimal.error;
            for (std::size_t a = 0; a + 1 < abrs.size(); ++a)
            {
                const BatchResult& r = results[i + a];
                ASSERT_TRUE(r.error.empty()) << r.error;
                EXPECT_LE(r.summary.qoe, optimal.summary.qoe + 1e-9)
                    << r.abr << " on " << r.trace_name << " (" << p->GetCodec().name << ")";
            }
        }
    }
}

TEST(OfflineOptimal, ItsValueIsTheSessionsWhenDecodingIsTheBottleneck)
{
    // Even the shallowest exit decodes slower than real time at these capacities, so a chunk's
    // decode waits for the previous one's: the DP must see that backlog to value its schedules
    // as the session plays them.
    VideoProfile slow =
        test::MakeLayered({60000, 60000, 90000, 120000}, 12, 2.0, {900, 1500, 2400});
    QoeModel qoe(slow, QoeParams{});
    ChunkSimConfig config;
    for (double capacity : {0.4, 0.3, 0.0})
    {
        ComputeCapacity cpu = capacity > 0 ? ComputeCapacity::Constant(capacity)
                                           : ComputeCapacity::GenerateSwift(60, 7);
        for (const BandwidthTrace& trace : SomeTestTraces(4))
        {
            OptimalResult r = OfflineOptimal(slow, trace, cpu, qoe, config, 0.05, 0.05).Solve();
            EXPECT_NEAR(r.dp_qoe, r.qoe, 1e-6) << trace.GetName() << " at capacity " << capacity;
        }
    }
}

TEST(Statistics, PercentilesInterpolateLinearly)
{
    EXPECT_DOUBLE_EQ(Percentile({1, 2, 3, 4, 5}, 50), 3);
    EXPECT_DOUBLE_EQ(Percentile({1, 2, 3, 4, 5}, 10), 1.4);
    EXPECT_DOUBLE_EQ(Percentile({10, 0}, 25), 2.5);
    TermStats s = ComputeStats({4, 1, 2, 3});
    EXPECT_DOUBLE_EQ(s.mean, 2.5);
    EXPECT_DOUBLE_EQ(s.median, 2.5);
    EXPECT_DOUBLE_EQ(s.p10, 1.3);
}

TEST(Simulator, AFasterClientDecodesInTimeWhereTheProfiledOneStalls)
{
    // Every exit of every prefix takes 5 s to decode a 2 s chunk on the profiled machine: the
    // player stalls; a client 4 times as fast (1.25 s) keeps up.
    const VideoProfile slow = test::MakeLayered({20000, 20000, 20000}, 20, 2.0, {5000, 5000});
    const std::vector<BandwidthTrace> traces{BandwidthTrace::Constant(10e6, 100)};
    BatchOptions options;
    const auto as_profiled = RunBatch(slow, traces, {"bba"}, {1}, options);
    const auto fast = RunBatch(slow.WithClientSpeed(4), traces, {"bba"}, {1}, options);
    ASSERT_TRUE(as_profiled[0].error.empty()) << as_profiled[0].error;
    ASSERT_TRUE(fast[0].error.empty()) << fast[0].error;
    EXPECT_GT(as_profiled[0].summary.stall_s, 20); // 3 s lost per chunk after the first
    EXPECT_LT(fast[0].summary.stall_s, 0.01);
}

class Outage : public ::testing::TestWithParam<double>
{
};

TEST_P(Outage, StallsForWhatTheBufferCannotCover)
{
    // 20 chunks of 2 s at 1 Mbit/s (250 kB); the link gives 8 Mbit/s (a chunk in 0.25 s; RTT 0,
    // payload ratio 1) except for an outage of D seconds from t = 1 s. Chunks 0..3 arrive by
    // t = 1 (playback from 0.25 s: 8 s buffered, dry at 8.25 s); chunk 4 is requested at 1 s and
    // arrives at 1.25 + D; every later chunk takes 0.25 s of its 2 s. So one stall of D - 7 s,
    // whether the outage is short, long, or longer than the whole video (40 s).
    const double outage_s = GetParam();
    std::ostringstream text;
    text << "0 8\n1 8\n" << 1 + outage_s << " 0\n" << 1 + outage_s + 1000 << " 8\n";
    const std::vector<BandwidthTrace> traces{
        BandwidthTrace::Parse(text.str(), "outage", TraceFormat::Pensieve)};
    const VideoProfile profile = test::MakeLadder({1e6}, 20, 2.0);
    BatchOptions options;
    options.sim.rtt_s = 0;
    options.sim.payload_ratio = 1;
    const auto results = RunBatch(profile, traces, {"bba", "robust-mpc"}, {1}, options);
    for (const BatchResult& r : results)
    {
        ASSERT_TRUE(r.error.empty()) << r.abr << ": " << r.error;
        EXPECT_DOUBLE_EQ(r.summary.stall_s, outage_s - 7) << r.abr;
        EXPECT_EQ(r.summary.stall_count, 1u) << r.abr;
        EXPECT_EQ(r.summary.chunks_played, 20u) << r.abr;
        const QoeModel qoe(profile, options.qoe);
        EXPECT_DOUBLE_EQ(r.summary.rebuffer_penalty, qoe.GetRebufferPenalty() * (outage_s - 7));
    }
}

INSTANTIATE_TEST_SUITE_P(Faults, Outage, ::testing::Values(30.0, 600.0, 3000.0));

TEST(Faults, AThousandTimesSlowerDecoderStallsByTheDecodeTimes)
{
    // 3 chunks of 2 s, one layer of 20 kB decoding in 10 ms at full capacity; capacity 0.001:
    // 10 s a chunk. The link (10 Mbit/s, RTT 0) brings each chunk in 0.016 s, so the decoder is
    // the bottleneck: chunk 0 decodes over [0.016, 10.016] (startup delay 10.016 s), chunk 1 over
    // [10.016, 20.016] while chunk 0 plays until 12.016 (8 s of stall), chunk 2 likewise (8 s).
    const VideoProfile profile = test::MakeLayered({20000}, 3, 2.0, {10});
    const std::string capacity = test::WriteFile(test::TempDir("slow-decoder"),
                                                 "capacity.csv",
                                                 "time_s,capacity\n0,0.001\n");
    const std::vector<BandwidthTrace> traces{BandwidthTrace::Constant(10e6, 100)};
    BatchOptions options;
    options.sim.rtt_s = 0;
    options.sim.payload_ratio = 1;
    options.capacity = capacity;
    const auto results = RunBatch(profile, traces, {"bba"}, {1}, options);
    ASSERT_TRUE(results[0].error.empty()) << results[0].error;
    EXPECT_NEAR(results[0].summary.startup_delay_s, 10.016, 1e-9);
    EXPECT_NEAR(results[0].summary.stall_s, 16, 1e-9);
    EXPECT_EQ(results[0].summary.stall_count, 2u);
    EXPECT_EQ(results[0].summary.chunks_played, 3u);
}
