// The buffer, decode model and session on cases whose every number follows by hand.
#include "test-support.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/chunk-simulator.h"
#include "ns3/compute-capacity.h"
#include "ns3/fixed-schedule-abr.h"
#include "ns3/session-batch.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{
struct ScheduledRun
{
    explicit ScheduledRun(const VideoProfile& p,
                          std::vector<std::uint32_t> levels,
                          ChunkSimConfig c = {},
                          ComputeCapacity cap = {})
        : profile(p),
          capacity(cap),
          qoe(profile, QoeParams{}),
          abr(std::move(levels)),
          config(c),
          session(profile, abr, capacity, qoe, config.session)
    {
    }

    void On(const BandwidthTrace& trace)
    {
        RunChunkSession(session, trace, config);
    }

    VideoProfile profile;
    ComputeCapacity capacity;
    QoeModel qoe;
    FixedScheduleAbr abr;
    ChunkSimConfig config;
    StreamingSession session;
};

ChunkSimConfig
Config(double rtt_s, double cap_s = 60)
{
    ChunkSimConfig c;
    c.rtt_s = rtt_s;
    c.payload_ratio = 1.0;
    c.session.limits.buffer_cap_s = cap_s;
    return c;
}
} // namespace

TEST(Playback, ConstantRateWithoutStalls)
{
    // 4 chunks of 2 s at 2 Mbit/s = 500 kB each; 4 Mbit/s and 0.1 s RTT: each download 1.1 s.
    ScheduledRun run(test::MakeLadder({1e6, 2e6}, 4, 2.0), {2, 2, 2, 2}, Config(0.1));
    run.On(BandwidthTrace::Constant(4e6));
    const auto& d = run.session.Downloads();
    ASSERT_EQ(d.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i)
    {
        EXPECT_NEAR(d[i].request_s, 1.1 * i, 1e-9);
        EXPECT_NEAR(d[i].first_byte_s, 1.1 * i + 0.1, 1e-9);
        EXPECT_NEAR(d[i].end_s, 1.1 * (i + 1), 1e-9);
        EXPECT_EQ(d[i].bytes, 500000u);
        EXPECT_NEAR(run.session.Buffer().GetChunk(i).play_start_s, 1.1 + 2.0 * i, 1e-9);
    }
    QoeSummary s = run.session.Summary();
    EXPECT_NEAR(s.startup_delay_s, 1.1, 1e-9);
    EXPECT_EQ(s.stall_count, 0u);
    EXPECT_DOUBLE_EQ(s.stall_s, 0);
    // linear QoE: 4 chunks x 2 Mbit/s; startup weighs like rebuffering: mu = top rate = 2.
    EXPECT_NEAR(s.qoe, 8 - 2 * 1.1, 1e-9);
}

TEST(Playback, ConstantRateWithStallsOfKnownLength)
{
    // At 1 Mbit/s each 500 kB chunk takes 0.1 + 4 s; each 2 s chunk leaves a 2.1 s stall.
    ScheduledRun run(test::MakeLadder({1e6, 2e6}, 4, 2.0), {2, 2, 2, 2}, Config(0.1));
    run.On(BandwidthTrace::Constant(1e6));
    QoeSummary s = run.session.Summary();
    EXPECT_NEAR(s.startup_delay_s, 4.1, 1e-9);
    EXPECT_EQ(s.stall_count, 3u);
    EXPECT_NEAR(s.stall_s, 3 * 2.1, 1e-9);
    for (std::uint32_t i = 1; i < 4; ++i)
    {
        EXPECT_NEAR(run.session.Buffer().GetChunk(i).stall_before_s, 2.1, 1e-9);
        EXPECT_NEAR(run.session.Buffer().GetChunk(i).play_start_s, 4.1 * (i + 1), 1e-9);
    }
    EXPECT_NEAR(s.qoe, 8 - 2 * 6.3 - 2 * 4.1, 1e-9);
    EXPECT_TRUE(run.session.IsFinished());
}

TEST(Playback, BufferCapTurnsFetchesIntoWaits)
{
    // Cap 4 s: after chunk 1 (at 2.2 s) the buffer holds 2.9 s, so chunk 2 waits 0.9 s.
    ScheduledRun run(test::MakeLadder({1e6, 2e6}, 5, 2.0), {2, 2, 2, 2, 2}, Config(0.1, 4.0));
    run.On(BandwidthTrace::Constant(4e6));
    const auto& d = run.session.Downloads();
    EXPECT_NEAR(d[2].request_s, 3.1, 1e-9);
    EXPECT_NEAR(d[3].request_s, 5.1, 1e-9);
    for (double b : run.session.BufferAfterDownload_s())
    {
        EXPECT_LE(b, 4.0 + 1e-9);
    }
    EXPECT_EQ(run.session.Summary().stall_count, 0u);
}

TEST(Playback, OutageStallsForItsLength)
{
    // 2 s of 8 Mbit/s, then a 10 s outage, then 8 Mbit/s again (the trace repeats after 30 s).
    BandwidthTrace trace = BandwidthTrace::FromSegments({2, 10, 18}, {8e6, 0, 8e6});
    ScheduledRun late(test::MakeLadder({12e6}, 2, 1.0), {1, 1}, Config(0));
    late.On(trace);
    // Each chunk is 12 Mbit: chunk 0 arrives at 1.5 s, plays 1.5-2.5; chunk 1 gets 4 Mbit
    // before the outage and the rest (8 Mbit) from 12 s: it arrives at 13 s: a 10.5 s stall.
    EXPECT_NEAR(late.session.Buffer().GetChunk(1).first_arrival_s, 13.0, 1e-9);
    EXPECT_NEAR(late.session.Summary().stall_s, 13.0 - 2.5, 1e-9);
}

TEST(Playback, DecodeTimeAndExitFollowCapacity)
{
    // Exits take 300, 600, 1200 ms at full capacity; at capacity 0.5: 0.6, 1.2, 2.4 s. Chunks
    // last 2 s, so the deepest exit that keeps pace is exit 1 (1.2 s).
    VideoProfile p = test::MakeLayered({250000, 250000}, 3, 2.0, {300, 600, 1200});
    ScheduledRun run(p, {2, 2, 2}, Config(0), ComputeCapacity::Constant(0.5));
    run.On(BandwidthTrace::Constant(8e6));
    const PlaybackBuffer& b = run.session.Buffer();
    // Chunk 0: 500 kB in 0.5 s, decoded 0.5-1.7, plays at 1.7.
    EXPECT_NEAR(b.GetChunk(0).decode_start_s, 0.5, 1e-9);
    EXPECT_NEAR(b.GetChunk(0).decode_end_s, 1.7, 1e-9);
    EXPECT_NEAR(b.GetStartupDelay_s(), 1.7, 1e-9);
    for (std::uint32_t i = 0; i < 3; ++i)
    {
        EXPECT_EQ(b.GetChunk(i).exit, 1u);
        EXPECT_EQ(b.GetChunk(i).decoded_level, 2u);
    }
    // Just in time: chunk 1 plays at 3.7, so it decodes from 2.5 to 3.7.
    EXPECT_NEAR(b.GetChunk(1).decode_start_s, 2.5, 1e-9);
    EXPECT_NEAR(b.GetChunk(1).play_start_s, 3.7, 1e-9);
    EXPECT_EQ(run.session.Summary().stall_count, 0u);
    // PSNR of 2 layers (36 dB) at exit 1 of 3 loses 2 dB.
    EXPECT_NEAR(run.session.Summary().mean_psnr_db, 34, 1e-9);

    // With full compute the deepest exit (1.2 s) keeps pace.
    ScheduledRun full(p, {2, 2, 2}, Config(0));
    full.On(BandwidthTrace::Constant(8e6));
    EXPECT_EQ(full.session.Buffer().GetChunk(1).exit, 2u);
}

TEST(Playback, SlowDecoderStallsPlayback)
{
    // Every exit is slower than real time at capacity 0.25 (1.2 s .. 4.8 s for a 1 s chunk):
    // the decoder takes the fastest exit, and each chunk stalls for what it misses.
    VideoProfile p = test::MakeLayered({1000}, 3, 1.0, {300, 600, 1200});
    ScheduledRun run(p, {1, 1, 1}, Config(0), ComputeCapacity::Constant(0.25));
    run.On(BandwidthTrace::Constant(1e9));
    const PlaybackBuffer& b = run.session.Buffer();
    EXPECT_EQ(b.GetChunk(1).exit, 0u);
    EXPECT_NEAR(b.GetChunk(0).decode_end_s - b.GetChunk(0).decode_start_s, 1.2, 1e-9);
    // Sequential decoding: chunk n ends decoding 1.2 s after chunk n-1, plays 1 s: 0.2 s stalls.
    EXPECT_NEAR(run.session.Summary().stall_s, 2 * 0.2, 1e-6);
    EXPECT_EQ(run.session.Summary().stall_count, 2u);
}

TEST(Playback, LateUpgradeIsWastedAndTheChunkPlaysAtItsDecodedLevel)
{
    VideoProfile p = test::MakeLayered({250000, 250000}, 2, 2.0);
    ComputeCapacity capacity;
    QoeModel qoe(p, QoeParams{});
    DecodeModel decoder(p, capacity);
    PlaybackBuffer b(p, decoder, BufferConfig{});
    EXPECT_TRUE(b.AddLevel(0, 1, 250000, 1.0)); // base of chunk 0: decoded and playing at 1.0
    EXPECT_TRUE(b.AddLevel(1, 1, 250000, 1.5));
    EXPECT_FALSE(b.IsUpgradable(0));
    EXPECT_TRUE(b.IsUpgradable(1));
    EXPECT_NEAR(b.EstimateDecodeStart_s(1), 3.0, 1e-9);
    EXPECT_FALSE(b.AddLevel(0, 2, 250000, 2.0)); // too late: chunk 0 is decoding / playing
    EXPECT_TRUE(b.AddLevel(1, 2, 250000, 2.9));  // in time: chunk 1 decodes at 3.0
    b.RunToEnd();
    EXPECT_EQ(b.GetChunk(0).decoded_level, 1u);
    EXPECT_EQ(b.GetChunk(1).decoded_level, 2u);
    EXPECT_EQ(b.GetChunk(0).wasted_bytes, 250000u);
    QoeSummary s = qoe.Evaluate(b);
    EXPECT_EQ(s.wasted_bytes, 250000u);
    EXPECT_EQ(s.bytes, 1000000u);
    EXPECT_EQ(s.upgrades, 1u);
}

TEST(Playback, LadderReplacementWastesTheReplacedRepresentation)
{
    VideoProfile p = test::MakeLadder({1e6, 2e6}, 3, 2.0);
    ComputeCapacity capacity;
    DecodeModel decoder(p, capacity);
    PlaybackBuffer b(p, decoder, BufferConfig{});
    b.AddLevel(0, 1, 250000, 0.5);
    b.AddLevel(1, 1, 250000, 1.0);
    EXPECT_TRUE(b.AddLevel(1, 2, 500000, 2.0));
    b.AddLevel(2, 1, 250000, 2.2);
    b.RunToEnd();
    EXPECT_EQ(b.GetChunk(1).decoded_level, 2u);
    EXPECT_EQ(b.GetChunk(1).wasted_bytes, 250000u);
}

TEST(Playback, StartupThresholdDelaysPlayback)
{
    VideoProfile p = test::MakeLadder({1e6}, 4, 2.0);
    ComputeCapacity capacity;
    DecodeModel decoder(p, capacity);
    PlaybackBuffer b(p, decoder, BufferConfig{4.0});
    b.AddLevel(0, 1, 250000, 1.0);
    b.AdvanceTo(1.5);
    EXPECT_FALSE(b.HasStarted());
    b.AddLevel(1, 1, 250000, 2.0);
    b.AdvanceTo(2.0);
    EXPECT_TRUE(b.HasStarted());
    EXPECT_NEAR(b.GetStartupDelay_s(), 2.0, 1e-9);
    EXPECT_NEAR(b.GetLevel_s(), 4.0, 1e-9);
}

TEST(Playback, InvariantsHoldForEveryAbrOnRealTraces)
{
    std::vector<std::string> files = ListTraceFiles(test::SharedDir() + "/traces/pensieve-test");
    files.resize(20);
    VideoProfile layered =
        test::MakeLayered({120000, 90000, 90000, 120000, 150000, 200000}, 30, 2.0, {20, 60, 150});
    VideoProfile ladder = test::MakeLadder({3e5, 7.5e5, 1.2e6, 1.85e6, 2.85e6, 4.3e6}, 30, 2.0);
    ComputeCapacity capacity = ComputeCapacity::GenerateSwift(600, 3);
    for (const VideoProfile* p : {&layered, &ladder})
    {
        QoeModel qoe(*p, QoeParams{});
        for (const std::string& file : files)
        {
            BandwidthTrace trace = BandwidthTrace::Load(file);
            for (const std::string& name : ListAbrNames())
            {
                SCOPED_TRACE(name + " on " + file);
                auto abr = CreateAbr(name);
                ChunkSimConfig config;
                config.session.limits.buffer_cap_s = 20;
                StreamingSession session(*p, *abr, capacity, qoe, config.session);
                RunChunkSession(session, trace, config);
                ASSERT_TRUE(session.IsFinished());
                for (double level : session.BufferAfterDownload_s())
                {
                    ASSERT_GE(level, 0);
                    ASSERT_LE(level, 20 + 1e-9);
                }
                const PlaybackBuffer& b = session.Buffer();
                std::uint64_t wasted = 0;
                for (std::uint32_t c = 0; c < b.GetChunkCount(); ++c)
                {
                    const ChunkRecord& r = b.GetChunk(c);
                    ASSERT_GE(r.decoded_level, 1u);
                    ASSERT_GE(r.play_start_s, r.decode_end_s - 1e-9);
                    ASSERT_GE(r.decode_start_s, r.first_arrival_s - 1e-9);
                    wasted += r.wasted_bytes;
                    // The chunk plays at what it held when decoding began: every accepted
                    // download of it ended by then, every late one after.
                    std::uint32_t held_at_decode = 0;
                    for (const DownloadRecord& d : session.Downloads())
                    {
                        if (d.chunk == c && d.accepted)
                        {
                            ASSERT_LE(d.end_s, r.decode_start_s + 1e-9);
                            held_at_decode = std::max(held_at_decode, d.to_level);
                        }
                        if (d.chunk == c && !d.accepted)
                        {
                            ASSERT_GE(d.end_s, r.decode_start_s - 1e-9);
                        }
                    }
                    ASSERT_EQ(held_at_decode, r.decoded_level);
                    if (c > 0)
                    {
                        const ChunkRecord& prev = b.GetChunk(c - 1);
                        ASSERT_NEAR(r.play_start_s,
                                    prev.play_start_s + 2.0 + r.stall_before_s,
                                    1e-6);
                    }
                }
                QoeSummary s = session.Summary();
                ASSERT_EQ(s.wasted_bytes, wasted);
                ASSERT_NEAR(s.stall_s, b.GetStallTime_s(), 1e-9);
            }
        }
    }
}
