#include "test-support.h"

#include "ns3/compute-capacity.h"
#include "ns3/decode-model.h"
#include "ns3/input-error.h"
#include "ns3/playback-buffer.h"
#include "ns3/qoe.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;

namespace
{
const std::vector<double> kPensieveLadder_bps = {300e3, 750e3, 1200e3, 1850e3, 2850e3, 4300e3};
}

TEST(Qoe, DefaultsReproducePensievesConstantsOnPensievesLadder)
{
    VideoProfile p = test::MakeLadder(kPensieveLadder_bps, 4, 4.0);
    QoeModel linear(p, QoeParams{QoeMetric::BitrateLinear});
    EXPECT_DOUBLE_EQ(linear.GetRebufferPenalty(), 4.3); // REBUF_PENALTY (linear)
    EXPECT_DOUBLE_EQ(linear.GetSmoothnessPenalty(), 1.0);
    EXPECT_DOUBLE_EQ(linear.Utility(0, 3, 0), 1.2);
    QoeModel log(p, QoeParams{QoeMetric::BitrateLog});
    EXPECT_NEAR(log.GetRebufferPenalty(), 2.66, 0.005); // REBUF_PENALTY (log)
    EXPECT_NEAR(log.Utility(0, 6, 0), std::log(4300.0 / 300.0), 1e-12);
    EXPECT_DOUBLE_EQ(log.Utility(0, 1, 0), 0);
}

TEST(Qoe, TermsOfAHandBuiltSession)
{
    // Levels played 1, 3, 3, 2 (bitrates 1, 3, 3, 2 Mbit/s); chunk 2 waits 1.5 s; startup 0.5 s.
    VideoProfile p = test::MakeLadder({1e6, 2e6, 3e6}, 4, 2.0);
    ComputeCapacity capacity;
    DecodeModel decoder(p, capacity);
    PlaybackBuffer b(p, decoder, BufferConfig{});
    b.AddLevel(0, 1, 250000, 0.5);
    b.AddLevel(1, 3, 750000, 1.0);
    b.AddLevel(2, 3, 750000, 6.0); // chunk 1 ends at 4.5: stalls 1.5 s
    b.AddLevel(3, 2, 500000, 6.5);
    b.RunToEnd();
    QoeParams params{QoeMetric::BitrateLinear, 2.0, 0.5, 1.0};
    QoeSummary s = QoeModel(p, params).Evaluate(b);
    EXPECT_DOUBLE_EQ(s.utility, 1 + 3 + 3 + 2);
    EXPECT_DOUBLE_EQ(s.smoothness_penalty, 0.5 * (2 + 0 + 1));
    EXPECT_DOUBLE_EQ(s.stall_s, 1.5);
    EXPECT_EQ(s.stall_count, 1u);
    EXPECT_DOUBLE_EQ(s.rebuffer_penalty, 2.0 * 1.5);
    EXPECT_DOUBLE_EQ(s.startup_penalty, 1.0 * 0.5);
    EXPECT_DOUBLE_EQ(s.qoe, 9 - 1.5 - 3 - 0.5);
    EXPECT_EQ(s.switches, 2u);
    EXPECT_DOUBLE_EQ(s.mean_bitrate_bps, 9e6 / 4);
    EXPECT_DOUBLE_EQ(s.mean_psnr_db, (32 + 36 + 36 + 34) / 4.0);
    // Swift's normalisation: all chunks at the top level, no stall, no switch: 4 x 3.
    EXPECT_DOUBLE_EQ(s.normalized_qoe, s.qoe / 12.0);

    QoeSummary psnr = QoeModel(p, QoeParams{QoeMetric::Psnr, 1.0, 1.0, 0.0}).Evaluate(b);
    EXPECT_DOUBLE_EQ(psnr.utility, 32 + 36 + 36 + 34);
    EXPECT_DOUBLE_EQ(psnr.smoothness_penalty, 4 + 0 + 2);
}

TEST(Qoe, AStallStillGoingOnWhenTheSessionStopsIsCounted)
{
    // Chunk 0 arrives at 0.5 s and plays until 2.5 s; chunk 1 never arrives (an outage): at 10 s
    // the session stops 7.5 s into a stall, which the summary counts as one stall of 7.5 s.
    VideoProfile p = test::MakeLadder({1e6, 2e6}, 3, 2.0);
    ComputeCapacity capacity;
    DecodeModel decoder(p, capacity);
    PlaybackBuffer b(p, decoder, BufferConfig{});
    b.AddLevel(0, 1, 250000, 0.5);
    b.AdvanceTo(10.0);
    ASSERT_TRUE(b.IsStalled());
    QoeParams params{QoeMetric::BitrateLinear, 2.0, 0.5, 1.0};
    QoeSummary s = QoeModel(p, params).Evaluate(b);
    EXPECT_DOUBLE_EQ(s.stall_s, 7.5);
    EXPECT_EQ(s.stall_count, 1u);
    EXPECT_DOUBLE_EQ(s.rebuffer_penalty, 2.0 * 7.5);
    EXPECT_DOUBLE_EQ(s.qoe, 1 - 2.0 * 7.5 - 1.0 * 0.5);
}

TEST(Qoe, QualityMetricsUseTheExitPlayed)
{
    VideoProfile p = test::MakeLayered({100, 100}, 1, 1.0, {10, 20, 30});
    QoeModel psnr(p, QoeParams{QoeMetric::Psnr});
    EXPECT_DOUBLE_EQ(psnr.Utility(0, 2, 0), 36 - 4);
    EXPECT_DOUBLE_EQ(psnr.LevelUtility(0, 2), 36);
    // mu for quality metrics: mean gap between the top and lowest level at the deepest exit.
    EXPECT_DOUBLE_EQ(psnr.GetRebufferPenalty(), 3);
    QoeModel ssim(p, QoeParams{QoeMetric::Ssim});
    EXPECT_NEAR(ssim.Utility(0, 1, 2), 0.82, 1e-12);
}

TEST(Qoe, QualityQoeNeedsAProfileWithQuality)
{
    VideoProfile p = VideoProfile::Load(test::SharedDir() + "/profiles/sabre/bbb.json");
    EXPECT_THROW(QoeModel(p, QoeParams{QoeMetric::Psnr}), InputError);
    EXPECT_THROW(ParseQoeMetric("vmaf"), InputError);
}
