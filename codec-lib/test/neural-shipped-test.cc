// The shipped weights (codec-lib/weights/) on a held-out clip: every added layer keeps or raises
// the quality, the decoder's time does not grow with the layers, and the entropy coder finds
// structure in the real codes; interpolated B frames cost far fewer bytes than key frames for
// nearly the same quality.
#include "bitstream/chunk-coding.h"
#include "bitstream/chunk-layers.h"
#include "metrics/quality.h"
#include "nn/neural-codec.h"
#include "test-support.h"

#include "ns3/video-profile.h"

#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <iostream>

namespace lvc
{
namespace
{

const char* const kForeman = "videos/y4m/foreman_cif_60f.y4m"; // held out from training

NeuralCodec&
Shipped()
{
    static NeuralCodec codec(LVC_SHIPPED_WEIGHTS, 1);
    return codec;
}

TEST(NeuralShipped, QualityDoesNotFallWithLayers)
{
    NeuralCodec& codec = Shipped();
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kForeman), 6);
    std::vector<FrameCodes> codes = codec.Encode(frames);
    auto all = codec.DecodeAll(codes, 352, 288);
    std::vector<double> psnr;
    QualityOptions quality{PsnrSpace::kY, false, 2};
    for (std::size_t k = 0; k < all.size(); ++k)
    {
        psnr.push_back(MeasureSequence(frames, all[k].back(), quality).psnr_db);
    }
    for (std::size_t k = 1; k < psnr.size(); ++k)
    {
        EXPECT_GE(psnr[k], psnr[k - 1]) << "layers 1.." << k + 1 << " vs 1.." << k;
    }
    EXPECT_GT(psnr.back(), psnr.front() + 1.0); // the layers carry real information
    // The full exit is the best of the three with every layer.
    for (int e = 0; e < 2; ++e)
    {
        EXPECT_LE(MeasureSequence(frames, all.back()[e], quality).psnr_db, psnr.back() + 0.5);
    }
}

TEST(NeuralShipped, DecodeTimeDoesNotGrowWithLayers)
{
    NeuralCodec& codec = Shipped();
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kForeman), 1);
    std::vector<FrameCodes> codes = codec.Encode(frames);
    const int k_max = codec.Config().iterations;
    auto time_ms = [&](int k) {
        std::vector<FrameCodes> prefix = {FrameCodes(codes[0].begin(), codes[0].begin() + k)};
        auto start = std::chrono::steady_clock::now();
        codec.Decode(prefix, 352, 288, 3);
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    };
    time_ms(k_max); // warm up
    double one = 1e9;
    double all = 1e9;
    // Interleaved, best of 15: robust to a busy machine (ctest -j2 beside a training run made
    // best of five fail now and then, with 1.02-1.06 measured while making the profiles).
    for (int i = 0; i < 15; ++i)
    {
        one = std::min(one, time_ms(1));
        all = std::min(all, time_ms(k_max));
    }
    EXPECT_LT(all / one, 1.3) << one << " ms with 1 layer, " << all << " ms with " << k_max;
    EXPECT_GT(all / one, 1 / 1.3);
}

TEST(NeuralShipped, RealCodesRoundTripAndContextsHelp)
{
    NeuralCodec& codec = Shipped();
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kForeman), 3);
    std::vector<FrameCodes> codes = codec.Encode(frames);
    const CodeShape shape = codec.CodeShapeFor(352, 288);
    std::vector<CodeShape> shapes(frames.size(), shape);
    auto payloads = EncodeChunkLayers(codes);
    EXPECT_EQ(DecodeChunkLayers(payloads, shapes), codes);
    CodeContextOptions none{false, false, false};
    auto plain = EncodeChunkLayers(codes, none);
    std::size_t with_contexts = 0;
    std::size_t without = 0;
    for (std::size_t j = 0; j < payloads.size(); ++j)
    {
        with_contexts += payloads[j].size();
        without += plain[j].size();
        EXPECT_LE(payloads[j].size() * 8, shape.Size() * frames.size() + 64) << "layer " << j + 1;
    }
    EXPECT_LT(with_contexts, without);
}

/// Bytes of every layer and the full-exit PSNR of every prefix of foreman's first 17 frames.
struct ChunkFigures
{
    std::vector<std::size_t> bytes;
    std::vector<double> psnr_db;
};

ChunkFigures
CodeForeman(int gop, int b_error_layers, int b_error_first_layer = -1)
{
    NeuralCodec& codec = Shipped();
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kForeman), 17);
    BitstreamHeader h;
    h.width = 352;
    h.height = 288;
    h.layers = codec.Config().iterations;
    ApplyCodingOptions(NeuralCodingOptions{gop, b_error_layers, 36, b_error_first_layer}, h);
    CodedChunk coded = EncodeNeuralChunk(codec, frames, h);
    ChunkFigures out;
    for (const auto& layer : coded.payload.layers)
    {
        out.bytes.push_back(layer.size());
    }
    QualityOptions quality{PsnrSpace::kY, false, 2};
    for (const auto& prefix : ReconstructAllPrefixes(codec, coded.codes, 352, 288))
    {
        out.psnr_db.push_back(MeasureSequence(frames, prefix.back(), quality).psnr_db);
    }
    return out;
}

TEST(NeuralShipped, InterpolatedFramesCostFewerBytesForNearlyTheSameQuality)
{
    ChunkFigures intra = CodeForeman(0, 0);
    ChunkFigures inter = CodeForeman(8, 0);
    auto total = [](const ChunkFigures& f) -> std::size_t {
        std::size_t sum = 0;
        for (std::size_t b : f.bytes)
        {
            sum += b;
        }
        return sum;
    };
    // 3 anchors and the vectors of 14 B frames against 17 key frames.
    EXPECT_LT(total(inter) * 2, total(intra)) << total(inter) << " vs " << total(intra);
    EXPECT_GT(inter.psnr_db.back(), intra.psnr_db.back() - 1.0);
    for (std::size_t k = 1; k < inter.psnr_db.size(); ++k)
    {
        EXPECT_GE(inter.psnr_db[k], inter.psnr_db[k - 1] - 0.02) << "layers 1.." << k + 1;
    }
    // The B frames' error layers (1..K): more bytes, and more quality at every prefix.
    ChunkFigures errors = CodeForeman(8, -1, 1);
    for (std::size_t k = 0; k < errors.psnr_db.size(); ++k)
    {
        EXPECT_GT(errors.bytes[k], inter.bytes[k]) << "layer " << k + 1;
        EXPECT_GT(errors.psnr_db[k], inter.psnr_db[k]) << "layers 1.." << k + 1;
    }
    // The shipped mode (error layers 3..K): layers 1..2 are interpolation alone, layers 3..K
    // add bytes and quality; at K it beats errors from layer 1 (whose first codes the next layers
    // make obsolete), for a fifth fewer bytes.
    ChunkFigures late = CodeForeman(8, -1);
    for (std::size_t k = 0; k < late.psnr_db.size(); ++k)
    {
        if (k < 2)
        {
            EXPECT_EQ(late.bytes[k], inter.bytes[k]) << "layer " << k + 1;
            EXPECT_EQ(late.psnr_db[k], inter.psnr_db[k]) << "layers 1.." << k + 1;
        }
        else
        {
            EXPECT_GT(late.bytes[k], inter.bytes[k]) << "layer " << k + 1;
            EXPECT_GT(late.psnr_db[k], inter.psnr_db[k]) << "layers 1.." << k + 1;
        }
    }
    std::cout << "foreman, 17 frames, K layers: errors from layer 1 " << total(errors) << " bytes, "
              << errors.psnr_db.back() << " dB; from layer 3 " << total(late) << " bytes, "
              << late.psnr_db.back() << " dB\n";
    EXPECT_LT(total(late) * 5, total(errors) * 4);
    EXPECT_GT(late.psnr_db.back(), errors.psnr_db.back());
}

TEST(NeuralShipped, ProfileTimesTheBaseLayersAsAnchorsAndInterpolation)
{
    // Foreman's first 17 frames, one chunk: anchors 0, 8, 16 and 14 B frames, errors in 3..K.
    std::string path = test::ScratchPath("foreman-17.json");
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest({"--quiet",
                                   "profile",
                                   test::Shared(kForeman),
                                   "--frames",
                                   "17",
                                   "--chunk-s",
                                   "0.567",
                                   "--codec",
                                   "neural",
                                   "--weights",
                                   LVC_SHIPPED_WEIGHTS,
                                   "-o",
                                   path},
                                  &out,
                                  &err),
              0)
        << err;
    ns3::VideoProfile profile = ns3::VideoProfile::Load(path);
    ASSERT_EQ(profile.GetChunkCount(), 1U);
    const auto& layers = profile.GetChunk(0).layers;
    ASSERT_EQ(layers.size(), 6U);
    for (std::size_t e = 0; e < 3; ++e)
    {
        auto ms = [&](int k) { return layers[k - 1].exits[e].decode_ms; };
        // Layers 1..2 carry no B frame codes: the network runs on the 3 anchors only, against
        // all 17 pictures from layer 3 on (measured: ~4.5x at the full exit).
        EXPECT_LT(ms(2) * 1.5, ms(3)) << "exit " << e + 1 << ": " << ms(2) << " vs " << ms(3);
        // From layer 3 on the work does not depend on k.
        EXPECT_LT(ms(6) / ms(3), 1.5) << "exit " << e + 1;
    }
}

} // namespace
} // namespace lvc
