// Frame and RGB conversion: sizes, limited-range levels, round trips on a real frame.
#include "io/color.h"
#include "io/frame.h"
#include "metrics/psnr.h"
#include "test/test-support.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace lvc
{
namespace
{

TEST(Frame, RejectsOddAndEmptySizes)
{
    EXPECT_THROW(Frame(33, 32), std::invalid_argument);
    EXPECT_THROW(Frame(32, 31), std::invalid_argument);
    EXPECT_THROW(Frame(0, 32), std::invalid_argument);
    Frame f(32, 16);
    EXPECT_EQ(f.PlaneWidth(Frame::kPlaneU), 16);
    EXPECT_EQ(f.PlaneHeight(Frame::kPlaneV), 8);
    EXPECT_EQ(f.PlaneSize(Frame::kPlaneY), 512u);
    EXPECT_EQ(f.Plane(Frame::kPlaneY)[0], 16); // black, limited range
    EXPECT_EQ(f.Plane(Frame::kPlaneU)[0], 128);
}

TEST(Color, LimitedRangeLevelsMapToFullRangeRgb)
{
    Frame black(16, 16);
    Frame white(16, 16);
    std::fill(white.Plane(Frame::kPlaneY), white.Plane(Frame::kPlaneY) + 256, 235);
    RgbImage b = ToRgb(black);
    RgbImage w = ToRgb(white);
    for (int c = 0; c < RgbImage::kChannels; ++c)
    {
        EXPECT_NEAR(b.planes[c][37], 0, 1) << "channel " << c;
        EXPECT_NEAR(w.planes[c][37], 255, 1) << "channel " << c;
    }
}

TEST(Color, PureRedFollowsBt601)
{
    // BT.601 limited range: Y = 16 + 65.481 * R', Cb = 128 - 37.797 R', Cr = 128 + 112 R'.
    Frame red(16, 16);
    std::fill(red.Plane(0), red.Plane(0) + red.PlaneSize(0), 81);
    std::fill(red.Plane(1), red.Plane(1) + red.PlaneSize(1), 90);
    std::fill(red.Plane(2), red.Plane(2) + red.PlaneSize(2), 240);
    RgbImage rgb = ToRgb(red);
    EXPECT_NEAR(rgb.planes[0][100], 255, 2);
    EXPECT_NEAR(rgb.planes[1][100], 0, 2);
    EXPECT_NEAR(rgb.planes[2][100], 0, 2);
}

TEST(Color, RgbRoundTripOfARealFrameIsClose)
{
    Frame source = test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 1)[0];
    Frame back = FromRgb(ToRgb(source), source.Matrix());
    // Chroma is resampled twice (4:2:0 -> 4:4:4 -> 4:2:0) and RGB clips: close, not exact.
    EXPECT_GT(PsnrY_db(source, back), 45);
    EXPECT_GT(PsnrYuv_db(source, back), 40);
}

} // namespace
} // namespace lvc
