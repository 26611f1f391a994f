// ChunkReader: whole frames per chunk, the short last chunk, a chunk longer than the video.
#include "io/chunk-reader.h"
#include "test/test-support.h"

#include "ns3/input-error.h"

#include <gtest/gtest.h>

namespace lvc
{
namespace
{

TEST(ChunkReader, TwoSecondsAtNtscRateAreSixtyFrames)
{
    VideoReader reader(test::Shared("videos/y4m/foreman_cif_60f.y4m"));
    ChunkReader chunks(reader, 2);
    EXPECT_EQ(chunks.FramesPerChunk(), 60);
    EXPECT_NEAR(chunks.ChunkDuration_s(), 60 * 1001 / 30000.0, 1e-12); // y4m F30000:1001
    std::vector<Frame> frames;
    ASSERT_TRUE(chunks.Next(frames));
    EXPECT_EQ(frames.size(), 60u);
    EXPECT_FALSE(chunks.Next(frames));
    EXPECT_EQ(chunks.ChunksRead(), 1u);
}

TEST(ChunkReader, TheLastChunkHoldsWhatIsLeft)
{
    VideoReader reader(test::Shared("videos/y4m/street_384x216_54f.y4m"));
    ChunkReader chunks(reader, 1);
    std::vector<std::size_t> sizes;
    std::vector<Frame> frames;
    while (chunks.Next(frames))
    {
        sizes.push_back(frames.size());
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{25, 25, 4}));
}

TEST(ChunkReader, AChunkLongerThanTheVideoIsAnError)
{
    VideoReader reader(test::Shared("videos/y4m/mobile_cif_30f.y4m"));
    ChunkReader chunks(reader, 2);
    std::vector<Frame> frames;
    try
    {
        chunks.Next(frames);
        FAIL() << "no error";
    }
    catch (const ns3::InputError& error)
    {
        std::string message = error.what();
        EXPECT_NE(message.find("mobile_cif_30f.y4m: chunk duration"), std::string::npos) << message;
        EXPECT_NE(message.find("longer than the video (30 frames"), std::string::npos) << message;
    }
}

TEST(ChunkReader, DurationsBelowOneFrameOrNotPositiveAreErrors)
{
    VideoReader reader(test::Shared("videos/y4m/mobile_cif_30f.y4m"));
    EXPECT_THROW(ChunkReader(reader, 0.01), ns3::InputError);
    EXPECT_THROW(ChunkReader(reader, 0), ns3::InputError);
    EXPECT_THROW(ChunkReader(reader, -2), ns3::InputError);
}

} // namespace
} // namespace lvc
