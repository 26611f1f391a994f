// VideoWriter round trips: write real frames, read them back with VideoReader.
#include "io/video-reader.h"
#include "io/video-writer.h"
#include "metrics/psnr.h"
#include "test/test-support.h"

#include "ns3/input-error.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace lvc
{
namespace
{

std::vector<Frame>
Source()
{
    return test::ReadFrames(test::Shared("videos/y4m/street_384x216_54f.y4m"), 6);
}

void
Write(const std::string& path, const std::vector<Frame>& frames, WriteQuality quality)
{
    WriteOptions options;
    options.fps = 25;
    options.quality = quality;
    VideoWriter writer(path, frames[0].Width(), frames[0].Height(), options);
    for (const Frame& f : frames)
    {
        writer.Write(f);
    }
    writer.Close();
    EXPECT_EQ(writer.FramesWritten(), static_cast<std::int64_t>(frames.size()));
}

TEST(VideoWriter, LosslessMkvRoundTripIsExact)
{
    std::vector<Frame> frames = Source();
    std::string path = test::ScratchPath("lossless.mkv");
    Write(path, frames, WriteQuality::kLossless);
    VideoReader reader(path);
    EXPECT_EQ(reader.Info().codec, "ffv1");
    EXPECT_DOUBLE_EQ(reader.Info().fps, 25);
    Frame back;
    std::size_t n = 0;
    while (reader.Read(back))
    {
        ASSERT_LT(n, frames.size());
        EXPECT_TRUE(back == frames[n]) << "frame " << n;
        ++n;
    }
    EXPECT_EQ(n, frames.size());
}

TEST(VideoWriter, LosslessMp4RoundTripIsExact)
{
    std::vector<Frame> frames = Source();
    std::string path = test::ScratchPath("lossless.mp4");
    Write(path, frames, WriteQuality::kLossless);
    std::vector<Frame> back = test::ReadFrames(path, 100);
    ASSERT_EQ(back.size(), frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i)
    {
        EXPECT_TRUE(back[i] == frames[i]) << "frame " << i;
    }
}

TEST(VideoWriter, HighQualityMp4IsCloseAndKeepsTheRate)
{
    std::vector<Frame> frames = Source();
    std::string path = test::ScratchPath("high.mp4");
    Write(path, frames, WriteQuality::kHigh);
    VideoReader reader(path);
    EXPECT_EQ(reader.Info().container, "mov,mp4,m4a,3gp,3g2,mj2");
    EXPECT_NEAR(reader.Info().fps, 25, 1e-9);
    EXPECT_EQ(reader.Info().fps_origin, "container");
    Frame back;
    std::size_t n = 0;
    while (reader.Read(back))
    {
        double psnr = PsnrY_db(frames[n], back);
        EXPECT_GT(psnr, 40) << "frame " << n;
        EXPECT_LT(psnr, kMaxPsnr_db) << "frame " << n; // lossy, so the check is a real one
        ++n;
    }
    EXPECT_EQ(n, frames.size());
}

TEST(VideoWriter, TheFileAppearsOnlyWhenClosed)
{
    const std::vector<Frame> frames = Source();
    const std::string path = test::ScratchPath("published.mkv");
    std::filesystem::remove(path);
    {
        VideoWriter writer(path, frames[0].Width(), frames[0].Height());
        writer.Write(frames[0]);
        EXPECT_FALSE(std::filesystem::exists(path)); // written under another name meanwhile
    } // destroyed without Close: as after an error in the middle
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
    VideoWriter writer(path, frames[0].Width(), frames[0].Height());
    for (const Frame& f : frames)
    {
        writer.Write(f);
    }
    writer.Close();
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
}

TEST(VideoWriter, UnsupportedFilesAreErrorsNamingTheFile)
{
    for (const char* name : {"video.unknown-extension", "video.y4m"})
    {
        std::string path = test::ScratchPath(name);
        try
        {
            VideoWriter writer(path, 64, 64);
            FAIL() << "no error for " << name;
        }
        catch (const ns3::InputError& error)
        {
            EXPECT_NE(std::string(error.what()).find(name), std::string::npos) << error.what();
        }
    }
    std::string unwritable = "/no/such/folder/video.mkv";
    EXPECT_THROW(VideoWriter(unwritable, 64, 64), ns3::InputError);
}

} // namespace
} // namespace lvc
