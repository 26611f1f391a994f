// The baselines: residual arithmetic, one chunk through x264/x265 and back, the ladder and the
// residual-layered codec, a whole profile through the library.
#include "baseline/chunk-encoder.h"
#include "baseline/ladder-codec.h"
#include "baseline/rate-ladder.h"
#include "baseline/residual-layered-codec.h"
#include "baseline/residual.h"
#include "io/packet-decoder.h"
#include "metrics/psnr.h"
#include "profile/profile-maker.h"
#include "test/test-support.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <set>

namespace lvc
{
namespace
{

/// 12 frames of the street pan at 192x108: short and small, real motion.
std::vector<Frame>
ShortClip()
{
    ReadOptions options;
    options.width = 192;
    return test::ReadFrames(test::Shared("videos/y4m/street_384x216_54f.y4m"), 12, options);
}

/// NAL unit types of an Annex B stream (H.264: 5 bits; HEVC: 6 bits after the first bit).
std::set<int>
NalTypes(const std::vector<EncodedPacket>& packets, bool hevc)
{
    std::set<int> types;
    for (const EncodedPacket& p : packets)
    {
        for (std::size_t i = 0; i + 3 < p.data.size(); ++i)
        {
            if (p.data[i] == 0 && p.data[i + 1] == 0 && p.data[i + 2] == 1)
            {
                std::uint8_t header = p.data[i + 3];
                types.insert(hevc ? (header >> 1) & 0x3f : header & 0x1f);
                i += 2;
            }
        }
    }
    return types;
}

TEST(Residual, RoundTripIsExactWithinRangeAndClipsOutside)
{
    Frame source(16, 16);
    Frame recon(16, 16);
    for (int i = 0; i < 256; ++i)
    {
        source.Plane(0)[i] = static_cast<std::uint8_t>(i);
        recon.Plane(0)[i] = static_cast<std::uint8_t>(std::clamp(i + (i % 7) * 9 - 27, 0, 255));
    }
    Frame residual = MakeResidual(source, recon);
    EXPECT_EQ(residual.Plane(0)[100], 100 - recon.Plane(0)[100] + 128);
    EXPECT_TRUE(AddResidual(recon, residual) == source);
    // source 255 over reconstruction 0: the residual clips at 255, the sum gives 127.
    Frame white(16, 16);
    std::fill(white.Plane(0), white.Plane(0) + 256, 255);
    Frame black(16, 16);
    std::fill(black.Plane(0), black.Plane(0) + 256, 0);
    Frame clipped = MakeResidual(white, black);
    EXPECT_EQ(clipped.Plane(0)[0], 255);
    EXPECT_EQ(AddResidual(black, clipped).Plane(0)[0], 127);
}

class ChunkEncoderTest : public ::testing::TestWithParam<StandardCodec>
{
};

TEST_P(ChunkEncoderTest, ClosedChunkDecodesAloneAndRateBuysQuality)
{
    std::vector<Frame> frames = ShortClip();
    StandardCodecSettings settings;
    settings.codec = GetParam();
    settings.preset = "veryfast";
    const bool hevc = GetParam() == StandardCodec::kX265;
    ChunkEncoding low = EncodeChunk(frames, 25, 60e3, settings);
    ChunkEncoding high = EncodeChunk(frames, 25, 400e3, settings);
    ASSERT_EQ(low.decoded.size(), frames.size());
    ASSERT_EQ(high.decoded.size(), frames.size());
    std::uint64_t sum = 0;
    for (const EncodedPacket& p : high.packets)
    {
        sum += p.data.size();
    }
    EXPECT_EQ(high.bytes, sum);
    EXPECT_LT(low.bytes, high.bytes);
    double psnr_low = 0;
    double psnr_high = 0;
    for (std::size_t i = 0; i < frames.size(); ++i)
    {
        psnr_low += PsnrY_db(frames[i], low.decoded[i]) / frames.size();
        psnr_high += PsnrY_db(frames[i], high.decoded[i]) / frames.size();
    }
    EXPECT_GT(psnr_high, psnr_low + 3);
    EXPECT_LT(psnr_high, 60);
    // Near the target: 1-pass ABR with VBV over 12 frames.
    double duration_s = frames.size() / 25.0;
    EXPECT_GT(high.bytes * 8 / duration_s, 0.4 * 400e3);
    EXPECT_LT(high.bytes * 8 / duration_s, 1.6 * 400e3);
    // An IDR starts the chunk, no SEI is left, and a fresh decoder reproduces the frames.
    std::set<int> first = NalTypes({high.packets[0]}, hevc);
    EXPECT_TRUE(hevc ? (first.count(19) || first.count(20)) : first.count(5) == 1);
    std::set<int> all = NalTypes(high.packets, hevc);
    EXPECT_EQ(all.count(hevc ? 39 : 6), 0u);
    EXPECT_EQ(all.count(hevc ? 40 : 6), 0u);
    // Single-threaded encoders are reproducible: the same chunk gives the same bytes.
    ChunkEncoding repeat = EncodeChunk(frames, 25, 400e3, settings);
    ASSERT_EQ(repeat.packets.size(), high.packets.size());
    for (std::size_t i = 0; i < repeat.packets.size(); ++i)
    {
        EXPECT_EQ(repeat.packets[i].data, high.packets[i].data) << "packet " << i;
    }
    std::vector<Frame> again = DecodePackets(DecoderName(GetParam()), high.packets);
    ASSERT_EQ(again.size(), frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i)
    {
        EXPECT_TRUE(again[i] == high.decoded[i]) << "frame " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(Encoders,
                         ChunkEncoderTest,
                         ::testing::Values(StandardCodec::kX264, StandardCodec::kX265),
                         [](const auto& info) { return CodecLabel(info.param); });

TEST(RateLadder, DefaultsScaleSwiftsLadderByPixelRate)
{
    EXPECT_EQ(DefaultLadder_bps(1920, 1080, 30), (std::vector<double>{1e6, 5e6, 8e6, 12e6, 16e6}));
    // 960x540 at 25 fps: 0.2083 of 1080p30.
    EXPECT_EQ(DefaultLadder_bps(960, 540, 25),
              (std::vector<double>{208e3, 1042e3, 1667e3, 2500e3, 3333e3}));
    EXPECT_EQ(LayerIncrements_bps({1, 5, 8}), (std::vector<double>{1, 4, 3}));
    EXPECT_THROW(LayerIncrements_bps({5, 5}), std::invalid_argument);
    EXPECT_THROW(CheckBitrates({100, 0}, "x"), std::invalid_argument);
    LadderOptions zero;
    zero.bitrates_bps = {0};
    EXPECT_THROW(LadderCodec{zero}, std::invalid_argument);
}

TEST(ResidualLayered, LayersAddQualityAndLayerOneIsTheLadderBase)
{
    std::vector<Frame> frames = ShortClip();
    StreamInfo info;
    info.width = 192;
    info.height = 108;
    info.fps = 25;
    ChunkContext chunk{0, 25, 12};
    StandardCodecSettings x265;
    x265.codec = StandardCodec::kX265;
    x265.preset = "veryfast";
    x265.threads = 1;
    QualityOptions quality;
    quality.ms_ssim = false;

    ResidualLayeredOptions layered_options;
    layered_options.encoder = x265;
    layered_options.layer_bitrates_bps = {40e3, 80e3, 160e3};
    layered_options.quality = quality;
    ResidualLayeredCodec layered(layered_options);
    layered.Prepare(info, 12 / 25.0);
    std::vector<double> sink_psnr;
    auto layers = layered.CodeChunk(frames, chunk, [&](std::size_t, const std::vector<Frame>& f) {
        double psnr = 0;
        for (std::size_t i = 0; i < f.size(); ++i)
        {
            psnr += PsnrY_db(frames[i], f[i]) / f.size();
        }
        sink_psnr.push_back(psnr);
    });
    ASSERT_EQ(layers.size(), 3u);
    for (std::size_t j = 0; j < layers.size(); ++j)
    {
        EXPECT_NEAR(layers[j].psnr_db, sink_psnr[j], 1e-9) << "layer " << j + 1;
        if (j > 0)
        {
            EXPECT_GT(layers[j].psnr_db, layers[j - 1].psnr_db + 0.5) << "layer " << j + 1;
            EXPECT_GT(layers[j].ssim, layers[j - 1].ssim) << "layer " << j + 1;
        }
    }

    LadderOptions ladder_options;
    ladder_options.encoder = x265;
    ladder_options.bitrates_bps = {40e3};
    ladder_options.quality = quality;
    LadderCodec ladder(ladder_options);
    ladder.Prepare(info, 12 / 25.0);
    auto rung = ladder.CodeChunk(frames, chunk);
    EXPECT_EQ(rung[0].bytes, layers[0].bytes);
    EXPECT_EQ(rung[0].psnr_db, layers[0].psnr_db);
    EXPECT_EQ(rung[0].bitrate_bps, 40e3);
}

TEST(ProfileMaker, ShortLadderProfilePassesTheSharedChecker)
{
    ProfileRequest request;
    request.video_path = test::Shared("videos/y4m/foreman_cif_60f.y4m");
    request.read.width = 176;
    request.read.max_frames = 24;
    request.chunk_duration_s = 0.4; // 12 frames at 29.97 fps
    std::vector<std::string> progress;
    request.progress = [&progress](const std::string& line) { progress.push_back(line); };
    LadderOptions options;
    options.encoder.preset = "veryfast";
    options.bitrates_bps = {50e3, 150e3};
    options.quality.ms_ssim = true;
    LadderCodec codec(options);
    ns3::VideoProfile profile = MakeProfile(request, codec, options.quality);
    EXPECT_EQ(profile.GetChunkCount(), 2u);
    EXPECT_EQ(profile.GetLevelCount(), 2u);
    EXPECT_EQ(profile.GetVideo().frames, 24u);
    EXPECT_EQ(profile.GetVideo().width, 176u);
    EXPECT_EQ(profile.GetVideo().name, "foreman_cif_60f");
    EXPECT_NEAR(profile.GetChunkDuration_s(), 12 * 1001 / 30000.0, 1e-12);
    EXPECT_EQ(progress.size(), 2u);
    std::string path = test::ScratchPath("short-ladder.json");
    profile.Save(path);
    EXPECT_EQ(std::system((test::CheckProfileTool() + " " + path).c_str()), 0);
    ns3::VideoProfile back = ns3::VideoProfile::Load(path);
    EXPECT_EQ(back.GetChunk(1).layers[1].bytes, profile.GetChunk(1).layers[1].bytes);
    EXPECT_GT(back.GetChunk(0).layers[0].ms_ssim, 0.5);
    EXPECT_EQ(back.NominalBitrate_bps(2), 150e3);
    EXPECT_EQ(back.GetCodec().name, "x264-ladder");
}

} // namespace
} // namespace lvc
