// H.264 motion vectors (export_mvs): warping the reference picture by a frame's vectors must
// bring it closer to the frame, on real content.
#include "io/motion-field.h"
#include "io/video-reader.h"
#include "metrics/psnr.h"
#include "test/test-support.h"

#include <deque>
#include <gtest/gtest.h>

namespace lvc
{
namespace
{

const std::string kScreen = "videos/h264/Adobe_PDF_sample_a_1024x768_50Frms.264";
const std::string kFlower = "videos/h264/VID_1280x720_cabac_temporal_direct.264";
const std::string kStreet = "videos/h264/VID_1920x1080_cabac_temporal_direct.264";

double
LumaMse(const Frame& a, const Frame& b)
{
    return MeanSquaredError(a.Plane(0), b.Plane(0), a.PlaneSize(0));
}

struct WarpResult
{
    int frames = 0;          ///< frames whose reference was found and that changed
    int improved = 0;        ///< of those, frames the warp brought closer
    int not_worse = 0;       ///< of those, frames the warp left at least as close
    double mse_unwarped = 0; ///< summed over those frames
    double mse_warped = 0;
};

/// Reads a clip with motion vectors; for frames whose reference is `only_offset` frames back
/// (0: any), compares the reference and its warp with the frame.
WarpResult
WarpClip(const std::string& clip, ReadOptions options, int only_offset)
{
    options.motion_vectors = true;
    VideoReader reader(test::Shared(clip), options);
    std::deque<Frame> history;
    Frame frame;
    MotionField field;
    WarpResult result;
    while (reader.Read(frame, &field))
    {
        int offset = field.reference_offset;
        bool wanted = only_offset == 0 || offset == only_offset;
        if (wanted && offset > 0 && offset <= static_cast<int>(history.size()) &&
            field.ValidBlockCount() > 0)
        {
            const Frame& reference = history[history.size() - offset];
            double unwarped = LumaMse(reference, frame);
            if (unwarped > 0.1) // the picture changed: there is something to predict
            {
                double warped = LumaMse(WarpFrame(reference, field), frame);
                ++result.frames;
                result.improved += warped < unwarped ? 1 : 0;
                result.not_worse += warped <= unwarped ? 1 : 0;
                result.mse_unwarped += unwarped;
                result.mse_warped += warped;
            }
        }
        history.push_back(frame);
        if (history.size() > 8)
        {
            history.pop_front();
        }
    }
    return result;
}

TEST(MotionVectors, WarpingFrameTMinus1BringsItCloserToFrameT)
{
    // Screen content scrolling a PDF: P frames only, one reference frame, some frames coded as
    // non-reference (their successors then point two frames back and are left out here).
    ReadOptions options;
    options.fps = 25;
    WarpResult r = WarpClip(kScreen, options, 1);
    // Static frames carry zero vectors (the warp is the frame itself): never worse, and better
    // wherever the page moved.
    EXPECT_GE(r.frames, 15);
    EXPECT_EQ(r.not_worse, r.frames);
    EXPECT_GE(r.improved, 12);
    EXPECT_LT(r.mse_warped, 0.2 * r.mse_unwarped)
        << r.mse_warped << " vs " << r.mse_unwarped << " over " << r.frames << " frames";
}

TEST(MotionVectors, BFrameStructuresWarpTheirNearestPastReference)
{
    // I B B B P with B pyramids: the reference is 1 to 4 frames back.
    ReadOptions options;
    options.max_frames = 13;
    WarpResult r = WarpClip(kFlower, options, 0);
    EXPECT_EQ(r.frames, 12);
    EXPECT_EQ(r.improved, r.frames);
    EXPECT_LT(r.mse_warped, 0.5 * r.mse_unwarped);
}

TEST(MotionVectors, VectorsFollowTheFramesWhenScaled)
{
    // The fast pan of the 1080p street clip, read at a quarter of the width: the vectors are
    // scaled with the picture.
    ReadOptions options;
    options.max_frames = 10;
    options.width = 480;
    WarpResult r = WarpClip(kStreet, options, 0);
    EXPECT_EQ(r.frames, 9);
    EXPECT_EQ(r.improved, r.frames);
    EXPECT_LT(r.mse_warped, 0.5 * r.mse_unwarped);
}

TEST(MotionVectors, IntraOnlyStreamsHaveNoVectors)
{
    ReadOptions options;
    options.fps = 29.97;
    options.motion_vectors = true;
    options.max_frames = 3;
    VideoReader reader(test::Shared("videos/h264/test_cif_I_CABAC_slice.264"), options);
    Frame frame;
    MotionField field;
    while (reader.Read(frame, &field))
    {
        EXPECT_EQ(field.ValidBlockCount(), 0u);
        EXPECT_EQ(field.width, 352);
    }
}

TEST(WarpFrame, AnIntegerShiftMovesThePicture)
{
    Frame reference = test::ReadFrames(test::Shared("videos/y4m/street_384x216_54f.y4m"), 1)[0];
    MotionField field = MotionField::Zero(reference.Width(), reference.Height());
    // out(x, y) = reference(x + 6, y - 4) everywhere.
    field.Fill(0, 0, reference.Width(), reference.Height(), 6, -4);
    EXPECT_EQ(field.ValidBlockCount(), field.valid.size());
    Frame warped = WarpFrame(reference, field);
    int w = reference.Width();
    for (int y = 4; y < reference.Height(); ++y)
    {
        for (int x = 0; x + 6 < w; ++x)
        {
            ASSERT_EQ(warped.Plane(0)[y * w + x], reference.Plane(0)[(y - 4) * w + x + 6])
                << x << "," << y;
        }
    }
    int cw = w / 2;
    EXPECT_EQ(warped.Plane(1)[10 * cw + 20], reference.Plane(1)[8 * cw + 23]); // half the vector
    EXPECT_THROW(WarpFrame(reference, MotionField::Zero(64, 64)), std::invalid_argument);
}

} // namespace
} // namespace lvc
