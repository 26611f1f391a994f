// The layered JPEG 2000 reference (OpenJPEG): layers at their rates, any prefix decodes, each
// layer adds quality, and the layer byte counts add up to the codestream.
#include "baseline/jpeg2000-coder.h"
#include "baseline/jpeg2000-layered-codec.h"
#include "metrics/psnr.h"
#include "test/test-support.h"

#include <gtest/gtest.h>
#include <numeric>

namespace lvc
{
namespace
{

TEST(Jpeg2000, LayersMeetTheirRatesAndEachAddsQuality)
{
    const Frame frame = test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 1)[0];
    const std::vector<double> bpp{0.1, 0.3, 0.8, 2.0};
    const Jpeg2000Picture picture = EncodeJpeg2000(frame, bpp, 6);
    ASSERT_EQ(picture.layer_bytes.size(), 4U);
    EXPECT_EQ(
        std::accumulate(picture.layer_bytes.begin(), picture.layer_bytes.end(), std::size_t{0}),
        picture.codestream.size());
    const double pixels = 352.0 * 288;
    std::size_t cumulative = 0;
    double previous = 0;
    for (int k = 1; k <= 4; ++k)
    {
        cumulative += picture.layer_bytes[static_cast<std::size_t>(k - 1)];
        // OpenJPEG's allocation lands within a few percent of each cumulative target.
        EXPECT_NEAR(cumulative * 8 / pixels,
                    bpp[static_cast<std::size_t>(k - 1)],
                    0.06 * bpp[static_cast<std::size_t>(k - 1)]);
        const Frame decoded = DecodeJpeg2000(picture.codestream, k, 352, 288);
        const double psnr = PsnrY_db(frame, decoded);
        EXPECT_GT(psnr, previous + 2) << "layer " << k;
        previous = psnr;
    }
    EXPECT_GT(previous, 45); // 2 bits per pixel on foreman
    EXPECT_THROW(DecodeJpeg2000(std::vector<std::uint8_t>(picture.codestream.begin(),
                                                          picture.codestream.begin() + 20),
                                4,
                                352,
                                288),
                 std::runtime_error);
}

TEST(Jpeg2000, ProfileCodecCodesOddSizesAndChunks)
{
    ReadOptions small;
    small.width = 98; // 49 chroma samples: odd component sizes
    small.height = 62;
    const std::vector<Frame> frames =
        test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 3, small);
    Jpeg2000LayeredOptions options;
    options.layer_bpp = {0.5, 1.0, 2.0};
    Jpeg2000LayeredCodec codec(options);
    const std::vector<ns3::LayerInfo> layers = codec.CodeChunk(frames, ChunkContext{0, 25, 3});
    ASSERT_EQ(layers.size(), 3U);
    for (std::size_t k = 1; k < layers.size(); ++k)
    {
        EXPECT_GT(layers[k].psnr_db, layers[k - 1].psnr_db);
        EXPECT_GT(layers[k].bytes, 0U);
    }
    options.layer_bpp = {1.0, 0.5};
    EXPECT_THROW(Jpeg2000LayeredCodec{options}, std::invalid_argument);
}

} // namespace
} // namespace lvc
