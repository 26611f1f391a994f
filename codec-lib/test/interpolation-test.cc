// Hierarchical interpolation: x264's anchor structure and vectors to both anchors,
// motion-compensated interpolation that beats a plain temporal blend, and `lvc encode --gop`.
#include "interp/anchor-motion.h"
#include "interp/interpolation.h"
#include "metrics/quality.h"
#include "test-support.h"

#include <gtest/gtest.h>

namespace lvc
{
namespace
{

TEST(Interpolation, AnchorsEveryGopAndVectorsToBothAnchors)
{
    std::vector<Frame> frames = test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 9);
    AnchorMotionOptions options;
    options.gop_frames = 4;
    options.fps = 30;
    std::vector<AnchorMotion> motion = AnchorMotionOf(frames, options);
    ASSERT_EQ(motion.size(), frames.size());
    for (int t = 0; t < 9; ++t)
    {
        EXPECT_EQ(motion[t].is_anchor, t % 4 == 0) << "frame " << t;
        if (!motion[t].is_anchor)
        {
            EXPECT_EQ(motion[t].past_anchor, t / 4 * 4);
            EXPECT_EQ(motion[t].future_anchor, t / 4 * 4 + 4);
            EXPECT_GT(motion[t].past.ValidBlockCount() + motion[t].future.ValidBlockCount(), 0U);
            EXPECT_GT(motion[t].x264_bytes, 0U);
        }
    }

    std::vector<Frame> between;
    std::vector<Frame> with_motion;
    std::vector<Frame> blended;
    for (int t = 1; t < 4; ++t)
    {
        between.push_back(frames[t]);
        with_motion.push_back(InterpolateFrame(frames[0], frames[4], motion[t], t, 0, 4));
        blended.push_back(BlendAnchors(frames[0], frames[4], t, 0, 4));
    }
    QualityOptions y{PsnrSpace::kY, false, 1};
    const double warped = MeasureSequence(between, with_motion, y).psnr_db;
    const double plain = MeasureSequence(between, blended, y).psnr_db;
    EXPECT_GT(warped, plain + 1.0) << warped << " dB with vectors, " << plain << " dB without";
}

TEST(Interpolation, BlendWeighsTheNearerAnchorMore)
{
    Frame dark(16, 16);
    Frame light(16, 16);
    for (int p = 0; p < 3; ++p)
    {
        std::fill(dark.Plane(p), dark.Plane(p) + dark.PlaneSize(p), 40);
        std::fill(light.Plane(p), light.Plane(p) + light.PlaneSize(p), 200);
    }
    EXPECT_EQ(BlendAnchors(dark, light, 1, 0, 4).Plane(0)[0], 80);
    EXPECT_EQ(BlendAnchors(dark, light, 3, 0, 4).Plane(0)[0], 160);
    AnchorMotion none;
    none.past = MotionField::Zero(16, 16);
    none.future = MotionField::Zero(16, 16);
    EXPECT_EQ(InterpolateFrame(dark, light, none, 2, 0, 4).Plane(0)[0], 120);
    EXPECT_THROW(BlendAnchors(dark, Frame(32, 16), 1, 0, 4), std::invalid_argument);
}

TEST(Interpolation, LvcEncodesAndDecodesInterpolatedFrames)
{
    const std::string clip = test::Shared("videos/y4m/foreman_cif_60f.y4m");
    const std::string bitstream = test::ScratchPath("gop2.lvc");
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest({"--quiet",
                                   "encode",
                                   clip,
                                   "--codec",
                                   "neural-gru",
                                   "--frames",
                                   "5",
                                   "--width",
                                   "96",
                                   "--height",
                                   "64",
                                   "--chunk-s",
                                   "0.16",
                                   "--gop",
                                   "2",
                                   "--b-error-layers",
                                   "1",
                                   "--weights",
                                   LVC_SHIPPED_WEIGHTS,
                                   "-o",
                                   bitstream},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(
        out.find("5 frames, 1 chunks, 6 layers, neural-gru codec, GOP 2, B error layers 1..1"),
        std::string::npos)
        << out;
    ASSERT_EQ(test::RunLvcForTest({"--quiet",
                                   "decode",
                                   bitstream,
                                   "--weights",
                                   LVC_SHIPPED_WEIGHTS,
                                   "--layers",
                                   "3",
                                   "--reference",
                                   clip,
                                   "--reference-width",
                                   "96",
                                   "--reference-height",
                                   "64"},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(out.find("PSNR-Y "), std::string::npos) << out;
}

} // namespace
} // namespace lvc
