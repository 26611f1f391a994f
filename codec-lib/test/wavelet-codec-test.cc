// The wavelet codec in memory: every layer adds quality, the layers meet their rates, bytes are
// reproducible, every exit decodes, and damaged or impossible payloads are clear errors (the lvc
// commands around it: wavelet-tools-test.cc).
#include "bitstream/bitstream-format.h"
#include "metrics/psnr.h"
#include "test/test-support.h"
#include "wavelet/gop-structure.h"
#include "wavelet/wavelet-chunk.h"
#include "weights/sha256.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <iostream>
#include <random>

namespace lvc
{
namespace
{

/// 24 frames of foreman at 176x144 (held out of every training set).
std::vector<Frame>
Foreman(int frames = 24)
{
    ReadOptions options;
    options.width = 176;
    options.height = 144;
    return test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), frames, options);
}

TEST(WaveletCodec, EveryLayerAddsQualityAndLayersMeetTheirRates)
{
    const std::vector<Frame> frames = Foreman();
    WaveletCodingOptions options;
    options.gop_frames = 8;
    // Rates well above what the motion needs (layer 1 would otherwise grow, and the layers
    // after it with it).
    options.layer_bpp = {0.1, 0.15, 0.25, 0.4, 0.65, 1.0};
    const EncodedWaveletChunk coded = EncodeWaveletChunk(frames, options);
    ASSERT_EQ(coded.layers.size(), options.layer_bpp.size());
    const double pixels = 176.0 * 144 * static_cast<double>(frames.size());
    WaveletChunkDecoder decoder(176, 144, static_cast<int>(frames.size()), 8);
    double previous = 0;
    double bits = 0;
    std::vector<double> psnr;
    for (std::size_t k = 0; k < coded.layers.size(); ++k)
    {
        decoder.DecodeLayer(coded.layers[k]);
        psnr.push_back(MeanPsnrY_db(frames, decoder.Reconstruct()));
        bits += 8.0 * static_cast<double>(coded.layers[k].size());
        EXPECT_GT(psnr.back(), previous + 0.3) << "layer " << k + 1 << " adds too little";
        previous = psnr.back();
        {
            // Within the cumulative target (a unit boundary at most below it; a few bytes of the
            // unit count and the coder's flush above it).
            EXPECT_LT(bits, options.layer_bpp[k] * pixels + 64) << "layer " << k + 1;
            EXPECT_GT(bits, 0.9 * options.layer_bpp[k] * pixels) << "layer " << k + 1;
        }
    }
    EXPECT_GT(psnr.back() - psnr.front(), 6.0); // K layers against one
    EXPECT_GT(coded.motion_bits, 0);
}

/// The bytes of a fixed chunk: they change only when the format or the encoder's decisions do
/// (then bump BitstreamHeader::kVersion if the format changed, and pin the new hash, printed
/// with LVC_PRINT_GOLDEN=1).
TEST(WaveletCodec, BytesOfAFixedChunkAreUnchanged)
{
    ReadOptions small;
    small.width = 64;
    small.height = 48;
    const std::vector<Frame> frames =
        test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 9, small);
    WaveletCodingOptions options;
    options.gop_frames = 4;
    options.layer_bpp = {0.1, 0.2, 0.4, 0.8};
    const EncodedWaveletChunk coded = EncodeWaveletChunk(frames, options);
    std::vector<std::uint8_t> all;
    for (const auto& layer : coded.layers)
    {
        all.insert(all.end(), layer.begin(), layer.end());
    }
    const std::string sha = Sha256Hex(all.data(), all.size());
    if (std::getenv("LVC_PRINT_GOLDEN"))
    {
        std::cout << "golden wavelet chunk sha256: " << sha << " (" << all.size() << " bytes)\n";
    }
    EXPECT_EQ(sha, "ed8babcdc18328c3ab39ae65a9315c236d5202d099eac81c2948bcd64d823db7");
}

TEST(WaveletCodec, TheMixingContextModelDecodesAndCostsAboutTheSame)
{
    const std::vector<Frame> frames = Foreman(9);
    WaveletCodingOptions options;
    options.gop_frames = 8;
    options.layer_bpp = {0.1, 0.2, 0.4};
    const EncodedWaveletChunk adaptive = EncodeWaveletChunk(frames, options);
    options.context_model = ContextModel::kMixing;
    const EncodedWaveletChunk mixing = EncodeWaveletChunk(frames, options);
    EXPECT_NE(adaptive.layers, mixing.layers);
    std::vector<double> psnr;
    for (const EncodedWaveletChunk* coded : {&adaptive, &mixing})
    {
        WaveletChunkDecoder decoder(176, 144, 9, 8);
        for (const auto& layer : coded->layers)
        {
            decoder.DecodeLayer(layer);
        }
        psnr.push_back(MeanPsnrY_db(frames, decoder.Reconstruct()));
    }
    // Both cut at the same rates: within a few tenths of a dB of each other.
    EXPECT_NEAR(psnr[0], psnr[1], 0.3);
    EXPECT_GT(psnr[1], 30);
}

TEST(WaveletCodec, TheTemporalSkipRebuildsAQuarterOfTheFramesAndBlendsTheRest)
{
    const std::vector<Frame> frames = Foreman(33);
    WaveletCodingOptions options;
    options.gop_frames = 32;
    const EncodedWaveletChunk coded = EncodeWaveletChunk(frames, options);
    WaveletChunkDecoder decoder(176, 144, 33, 32);
    for (const auto& layer : coded.layers)
    {
        decoder.DecodeLayer(layer);
    }
    const std::vector<Frame> all = decoder.Reconstruct();
    const std::vector<Frame> skip = decoder.Reconstruct(true);
    const GopStructure gop = GopStructure::Of(33, 32);
    int rebuilt = 0;
    for (int f = 0; f < 33; ++f)
    {
        const bool kept = gop.Span(f) == 0 || gop.Span(f) >= kSkipSpan;
        rebuilt += kept ? 1 : 0;
        if (kept)
        {
            EXPECT_EQ(skip[static_cast<std::size_t>(f)], all[static_cast<std::size_t>(f)])
                << "frame " << f;
        }
    }
    EXPECT_EQ(rebuilt, 9); // 0, 4, 8, ..., 32
    // Frame 1 lies a quarter of the way from 0 to 4: the blend by distance, sample by sample.
    EXPECT_NEAR(skip[1].Plane(0)[1000],
                0.75 * all[0].Plane(0)[1000] + 0.25 * all[4].Plane(0)[1000],
                0.5001);
    EXPECT_LT(MeanPsnrY_db(frames, skip), MeanPsnrY_db(frames, all));
    EXPECT_GT(MeanPsnrY_db(frames, skip), MeanPsnrY_db(frames, all) - 8);
}

TEST(WaveletCodec, IntraOnlyAndSingleFrameChunksDecode)
{
    const std::vector<Frame> frames = Foreman(3);
    WaveletCodingOptions options;
    options.gop_frames = 0;
    options.layer_bpp = {0.2, 0.5, 1.0, 2.0};
    const EncodedWaveletChunk coded = EncodeWaveletChunk(frames, options);
    EXPECT_EQ(coded.motion_bits, 0);
    WaveletChunkDecoder decoder(176, 144, 3, 0);
    for (const auto& layer : coded.layers)
    {
        decoder.DecodeLayer(layer);
    }
    EXPECT_GT(MeanPsnrY_db(frames, decoder.Reconstruct()), 38);
    const std::vector<Frame> one(frames.begin(), frames.begin() + 1);
    options.gop_frames = 32;
    const EncodedWaveletChunk single = EncodeWaveletChunk(one, options);
    WaveletChunkDecoder one_decoder(176, 144, 1, 32);
    one_decoder.DecodeLayer(single.layers[0]);
    EXPECT_GT(MeanPsnrY_db(one, one_decoder.Reconstruct()), 25);
}

TEST(WaveletCodec, SceneCutsBecomePicturesAndDecode)
{
    // LS_SVA_D splices shots: frames 0..79 hold at least one cut.
    ReadOptions at_25;
    at_25.fps = 25;
    const std::vector<Frame> frames =
        test::ReadFrames(test::Shared("videos/h264/LS_SVA_D.264"), 80, at_25);
    WaveletCodingOptions options;
    const EncodedWaveletChunk coded = EncodeWaveletChunk(frames, options);
    ASSERT_FALSE(coded.scene_cuts.empty());
    WaveletChunkDecoder decoder(frames[0].Width(), frames[0].Height(), 80, options.gop_frames);
    for (const auto& layer : coded.layers)
    {
        decoder.DecodeLayer(layer);
    }
    EXPECT_EQ(decoder.SceneCuts(), coded.scene_cuts);
    EXPECT_GT(MeanPsnrY_db(frames, decoder.Reconstruct()), 28);
}

TEST(WaveletCodec, DamagedPayloadsAreErrorsNeverCrashes)
{
    const std::vector<Frame> frames = Foreman(9);
    WaveletCodingOptions options;
    options.gop_frames = 8;
    const EncodedWaveletChunk coded = EncodeWaveletChunk(frames, options);
    std::mt19937 rng(5);
    int errors = 0;
    for (int trial = 0; trial < 40; ++trial)
    {
        std::vector<std::vector<std::uint8_t>> layers = coded.layers;
        std::vector<std::uint8_t>& victim = layers[static_cast<std::size_t>(trial % 3)];
        if (trial % 4 == 0)
        {
            victim.resize(victim.size() / 3); // cut short
        }
        else
        {
            for (int i = 0; i < 8; ++i)
            {
                victim[rng() % victim.size()] ^= static_cast<std::uint8_t>(1U << (rng() % 8));
            }
        }
        try
        {
            WaveletChunkDecoder decoder(176, 144, 9, 8);
            for (const auto& layer : layers)
            {
                decoder.DecodeLayer(layer);
            }
            EXPECT_EQ(decoder.Reconstruct().size(), 9U);
        }
        catch (const std::runtime_error&)
        {
            ++errors;
        }
    }
    SUCCEED() << errors << " of 40 damaged chunks were refused";
    // A unit count beyond the chunk's is always refused.
    std::vector<std::uint8_t> huge{0xFF, 0xFF, 0xFF, 0xFF, 0x0F};
    WaveletChunkDecoder decoder(176, 144, 9, 8);
    EXPECT_THROW(decoder.DecodeLayer(huge), std::runtime_error);
    EXPECT_THROW(WaveletChunkDecoder(175, 144, 9, 8), std::invalid_argument);
}

} // namespace
} // namespace lvc
