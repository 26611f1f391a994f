// VideoReader on the shared clips: frame rates, full range, crop/scale, sections, bad input.
#include "io/video-reader.h"
#include "metrics/psnr.h"
#include "test/test-support.h"

#include "ns3/input-error.h"

#include <cstring>
#include <gtest/gtest.h>
#include <numeric>

namespace lvc
{
namespace
{

const std::string kStreetY4m = "videos/y4m/street_384x216_54f.y4m";
const std::string kForemanY4m = "videos/y4m/foreman_cif_60f.y4m";
const std::string kStreetH264 = "videos/h264/VID_1920x1080_cabac_temporal_direct.264";
const std::string kFlowerH264 = "videos/h264/VID_1280x720_cabac_temporal_direct.264";
const std::string kForemanH264 = "videos/h264/test_cif_I_CABAC_slice.264";

/// The InputError message of constructing a reader (empty when none is thrown).
std::string
OpenError(const std::string& path, const ReadOptions& options = {})
{
    try
    {
        VideoReader reader(path, options);
    }
    catch (const ns3::InputError& error)
    {
        return error.what();
    }
    return "";
}

double
MeanLuma(const Frame& frame)
{
    const std::uint8_t* y = frame.Plane(Frame::kPlaneY);
    return std::accumulate(y, y + frame.PlaneSize(Frame::kPlaneY), 0.0) /
           frame.PlaneSize(Frame::kPlaneY);
}

TEST(VideoReader, Y4mWithUnknownXFieldReadsEveryFrameAtItsRate)
{
    VideoReader reader(test::Shared(kStreetY4m));
    EXPECT_EQ(reader.Info().width, 384);
    EXPECT_EQ(reader.Info().height, 216);
    EXPECT_DOUBLE_EQ(reader.Info().fps, 25);
    EXPECT_EQ(reader.Info().fps_origin, "container");
    Frame frame;
    while (reader.Read(frame))
    {
    }
    EXPECT_EQ(reader.FramesRead(), 54);
}

TEST(VideoReader, RawH264WithoutTimingNeedsAFrameRate)
{
    std::string message = OpenError(test::Shared(kForemanH264));
    EXPECT_NE(message.find("test_cif_I_CABAC_slice.264"), std::string::npos) << message;
    EXPECT_NE(message.find("fps"), std::string::npos) << message;

    ReadOptions options;
    options.fps = 29.97;
    options.max_frames = 2;
    VideoReader reader(test::Shared(kForemanH264), options);
    EXPECT_DOUBLE_EQ(reader.Info().fps, 29.97);
    EXPECT_EQ(reader.Info().fps_origin, "option");
}

TEST(VideoReader, RawH264WithVuiTimingUsesTheBitstreamRate)
{
    ReadOptions options;
    options.max_frames = 1;
    VideoReader reader(test::Shared(kFlowerH264), options);
    EXPECT_DOUBLE_EQ(reader.Info().fps, 30);
    EXPECT_EQ(reader.Info().fps_origin, "bitstream");
    EXPECT_EQ(reader.Info().width, 1280);
}

TEST(VideoReader, FullRangeStreetClipIsConvertedToLimitedRange)
{
    // The shared y4m was made by ffmpeg from the same stream with Lanczos scaling and a
    // full -> limited range conversion. Reading the H.264 stream at that size must give nearly
    // the same pictures; skipping the range conversion would shift the levels (~25 dB).
    ReadOptions options;
    options.width = 384;
    options.height = 216;
    std::vector<Frame> ours = test::ReadFrames(test::Shared(kStreetH264), 3, options);
    std::vector<Frame> ffmpeg = test::ReadFrames(test::Shared(kStreetY4m), 3);
    VideoReader probe(test::Shared(kStreetH264), ReadOptions{});
    EXPECT_TRUE(probe.Info().source_full_range);
    ASSERT_EQ(ours.size(), 3u);
    for (std::size_t i = 0; i < ours.size(); ++i)
    {
        EXPECT_GT(PsnrY_db(ffmpeg[i], ours[i]), 40) << "frame " << i;
        EXPECT_NEAR(MeanLuma(ffmpeg[i]), MeanLuma(ours[i]), 0.5) << "frame " << i;
    }
}

TEST(VideoReader, CropWithoutScalingCopiesThePixels)
{
    Frame full = test::ReadFrames(test::Shared(kForemanY4m), 1)[0];
    ReadOptions options;
    options.crop = CropRect{88, 72, 176, 144};
    Frame crop = test::ReadFrames(test::Shared(kForemanY4m), 1, options)[0];
    ASSERT_EQ(crop.Width(), 176);
    ASSERT_EQ(crop.Height(), 144);
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        int shift = p == Frame::kPlaneY ? 0 : 1;
        for (int y = 0; y < crop.PlaneHeight(p); ++y)
        {
            const std::uint8_t* expected =
                full.Plane(p) + static_cast<std::size_t>((72 >> shift) + y) * full.PlaneWidth(p) +
                (88 >> shift);
            ASSERT_EQ(std::memcmp(crop.Plane(p) + static_cast<std::size_t>(y) * crop.PlaneWidth(p),
                                  expected,
                                  crop.PlaneWidth(p)),
                      0)
                << "plane " << p << " row " << y;
        }
    }
}

TEST(VideoReader, OneSideGivenKeepsTheAspectRatio)
{
    ReadOptions options;
    options.width = 192;
    Frame half = test::ReadFrames(test::Shared(kStreetY4m), 1, options)[0];
    EXPECT_EQ(half.Width(), 192);
    EXPECT_EQ(half.Height(), 108);
}

TEST(VideoReader, SectionsMatchAFullRead)
{
    std::vector<Frame> all = test::ReadFrames(test::Shared(kForemanY4m), 13);
    ReadOptions options;
    options.start_frame = 10;
    std::vector<Frame> section = test::ReadFrames(test::Shared(kForemanY4m), 3, options);
    ASSERT_EQ(section.size(), 3u);
    for (int i = 0; i < 3; ++i)
    {
        EXPECT_TRUE(section[i] == all[10 + i]) << "frame " << 10 + i;
    }
    EXPECT_FALSE(all[10] == all[11]); // the comparison can fail
}

TEST(VideoReader, BadInputNamesTheFileOrOption)
{
    std::string missing = test::ScratchPath("no-such-video.264");
    EXPECT_NE(OpenError(missing).find("no-such-video.264: no such file"), std::string::npos);

    std::string text = test::WriteScratchFile("not-a-video.264", "hello, this is not a video\n");
    std::string message = OpenError(text);
    EXPECT_NE(message.find("not-a-video.264"), std::string::npos) << message;
    EXPECT_NE(message.find("not a video"), std::string::npos) << message;

    std::string empty = test::WriteY4m("zero-frames.y4m", 32, 32, 0);
    message = OpenError(empty);
    EXPECT_NE(message.find("zero-frames.y4m"), std::string::npos) << message;
    EXPECT_NE(message.find("zero frames"), std::string::npos) << message;

    std::string odd = test::WriteY4m("odd-size.y4m", 35, 21, 2);
    message = OpenError(odd);
    EXPECT_NE(message.find("odd-size.y4m: odd dimensions 35x21"), std::string::npos) << message;
    ReadOptions even;
    even.width = 34;
    even.height = 20;
    EXPECT_EQ(OpenError(odd, even), ""); // scaling to an even size is the way out

    ReadOptions odd_width;
    odd_width.width = 33;
    message = OpenError(test::Shared(kStreetY4m), odd_width);
    EXPECT_NE(message.find("width: 33"), std::string::npos) << message;

    ReadOptions huge;
    huge.width = 100000;
    EXPECT_NE(OpenError(test::Shared(kStreetY4m), huge).find("width: 100000 is larger"),
              std::string::npos);

    ReadOptions crop;
    crop.crop = CropRect{0, 0, 400, 200};
    message = OpenError(test::Shared(kStreetY4m), crop);
    EXPECT_NE(message.find("crop: does not fit"), std::string::npos) << message;

    ReadOptions bad_fps;
    bad_fps.fps = -1;
    EXPECT_NE(OpenError(test::Shared(kStreetY4m), bad_fps).find("fps"), std::string::npos);

    ReadOptions late;
    late.start_frame = 54;
    EXPECT_NE(OpenError(test::Shared(kStreetY4m), late).find("only 54 frames"), std::string::npos);
}

} // namespace
} // namespace lvc
