// The wavelet codec through lvc: files decode to the profile's quality and their bytes add up,
// bad files and options are clear errors, layer-strip and bd-rate work on its profiles.
#include "bitstream/bitstream-format.h"
#include "test/test-support.h"
#include "weights/safetensors.h"

#include "ns3/video-profile.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lvc
{
namespace
{

const char* const kStreet = "videos/y4m/street_384x216_54f.y4m";

std::vector<std::string>
ShortClip(std::vector<std::string> args)
{
    for (const char* a :
         {"--frames", "20", "--width", "192", "--height", "108", "--chunk-s", "0.4"})
    {
        args.push_back(a);
    }
    return args;
}

TEST(WaveletCodec, FilesDecodeToTheProfilesQualityAndBytesAddUp)
{
    const std::string clip = test::Shared(kStreet);
    const std::string bitstream = test::ScratchPath("wavelet.lvc");
    const std::string again = test::ScratchPath("wavelet-again.lvc");
    const std::string profile_path = test::ScratchPath("wavelet.json");
    std::string out;
    std::string err;
    ASSERT_EQ(
        test::RunLvcForTest(ShortClip({"--quiet", "encode", clip, "--gop", "8", "-o", bitstream}),
                            &out,
                            &err),
        0)
        << err;
    EXPECT_NE(out.find("20 frames, 2 chunks, 6 layers, wavelet codec, keys every 8 frames"),
              std::string::npos)
        << out;
    ASSERT_EQ(test::RunLvcForTest(ShortClip({"--quiet", "encode", clip, "--gop", "8", "-o", again}),
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_EQ(ReadFileBytes(bitstream), ReadFileBytes(again)); // reproducible
    ASSERT_EQ(test::RunLvcForTest(ShortClip({"--quiet",
                                             "profile",
                                             clip,
                                             "--codec",
                                             "wavelet",
                                             "--gop",
                                             "8",
                                             "--psnr",
                                             "y",
                                             "--no-ms-ssim",
                                             "-o",
                                             profile_path}),
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_EQ(std::system((test::CheckProfileTool() + " " + profile_path).c_str()), 0);
    const ns3::VideoProfile profile = ns3::VideoProfile::Load(profile_path);
    const BitstreamReader reader = BitstreamReader::Open(bitstream);
    EXPECT_EQ(reader.Header().codec, BitstreamHeader::Codec::kWavelet);
    ASSERT_EQ(profile.GetChunkCount(), reader.Header().chunks);
    ASSERT_EQ(profile.GetLevelCount(), 6U);
    EXPECT_EQ(profile.GetExitCount(), 4U); // temporal skip, plain, the shipped network's two
    test::ExpectProfileBytesAreTheFilesRanges(profile_path, bitstream);
    // The file decoded with layers 1..3: the profile's PSNR of that prefix, to the rounding of
    // the printout.
    ASSERT_EQ(test::RunLvcForTest({"--quiet",
                                   "decode",
                                   bitstream,
                                   "--layers",
                                   "3",
                                   "--reference",
                                   clip,
                                   "--reference-width",
                                   "192",
                                   "--reference-height",
                                   "108"},
                                  &out,
                                  &err),
              0)
        << err;
    double profile_psnr = 0;
    for (std::uint32_t c = 0; c < profile.GetChunkCount(); ++c)
    {
        profile_psnr += profile.GetChunk(c).layers[2].psnr_db * profile.GetChunkDurationOf_s(c);
    }
    profile_psnr /= profile.GetTotalDuration_s();
    const std::size_t at = out.find("PSNR-Y ");
    ASSERT_NE(at, std::string::npos) << out;
    EXPECT_NEAR(std::stod(out.substr(at + 7)), profile_psnr, 0.006) << out;
    const auto settings = nlohmann::json::parse(profile.GetCodec().settings_json);
    EXPECT_EQ(settings["gop_frames"].get<int>(), 8);
    EXPECT_GT(settings["encode_ms_per_frame"].get<double>(), 0);
}

TEST(WaveletCodec, BadFilesAndOptionsAreClearErrors)
{
    const std::string clip = test::Shared(kStreet);
    const std::string bitstream = test::ScratchPath("wavelet-bad.lvc");
    std::string out;
    std::string err;
    ASSERT_EQ(
        test::RunLvcForTest(ShortClip({"--quiet", "encode", clip, "-o", bitstream}), &out, &err),
        0)
        << err;
    std::vector<std::uint8_t> bytes = ReadFileBytes(bitstream);
    // A payload damaged with its CRC made to match: the decoder names the chunk and layer or
    // decodes something, never crashes.
    EXPECT_EQ(test::RunLvcForTest({"decode", bitstream, "--layers", "7"}, &out, &err), 2);
    EXPECT_NE(err.find("--layers: 7 but " + bitstream + " has layers 1..6"), std::string::npos)
        << err;
    const std::string cut =
        test::WriteScratchFile("wavelet-cut.lvc", std::string(bytes.begin(), bytes.end() - 10));
    EXPECT_EQ(test::RunLvcForTest({"decode", cut}, &out, &err), 2);
    EXPECT_NE(err.find("truncated"), std::string::npos) << err;
    for (const auto& [args, message] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"encode", clip, "--gop", "65", "-o", bitstream},
              "--gop: 0 (intra) or 2..64, not 65"},
             {{"encode", clip, "--layer-bpp", "0.1,0.05", "-o", bitstream},
              "--layer-bpp: cumulative rates"},
             {{"encode", clip, "--motion-lambda", "-1", "-o", bitstream}, "--motion-lambda"},
             {{"encode", clip, "--codec", "h266", "-o", bitstream},
              "--codec: wavelet or neural-gru, not 'h266'"},
             {{"bd-rate", bitstream, bitstream}, bitstream},
         })
    {
        EXPECT_EQ(test::RunLvcForTest(args, &out, &err), 2) << args[0];
        EXPECT_NE(err.find(message), std::string::npos) << err;
    }
}

TEST(WaveletCodec, LayerStripShowsEveryPrefixBesideTheSource)
{
    const std::string png = test::ScratchPath("wavelet-strip.png");
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest({"layer-strip",
                                   test::Shared(kStreet),
                                   "--width",
                                   "96",
                                   "--height",
                                   "64",
                                   "--frame",
                                   "5",
                                   "--gop",
                                   "8",
                                   "-o",
                                   png},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(
        out.find("frame 5 (predicted frame) decoded with layers 1..1 1..2 1..4 1..6 at exit 4"),
        std::string::npos)
        << out;
    ReadOptions still;
    still.fps = 1;
    const std::vector<Frame> picture = test::ReadFrames(png, 2, still);
    ASSERT_EQ(picture.size(), 1U);
    EXPECT_EQ(picture[0].Width(), 5 * 96);
}

TEST(WaveletCodec, BdRateCommandComparesProfiles)
{
    const std::string ladder = test::ScratchPath("bd-ladder.json");
    const std::string layered = test::ScratchPath("bd-layered.json");
    // Two real profiles of one short clip: the wavelet codec against the x264 ladder.
    std::string out;
    std::string err;
    const std::string clip = test::Shared(kStreet);
    ASSERT_EQ(test::RunLvcForTest(ShortClip({"--quiet",
                                             "ladder",
                                             clip,
                                             "--encoder",
                                             "x264",
                                             "--preset",
                                             "veryfast",
                                             "--no-ms-ssim",
                                             "-o",
                                             ladder}),
                                  &out,
                                  &err),
              0)
        << err;
    ASSERT_EQ(test::RunLvcForTest(ShortClip({"--quiet",
                                             "profile",
                                             clip,
                                             "--codec",
                                             "wavelet",
                                             "--no-ms-ssim",
                                             "--layer-bpp",
                                             "0.05,0.1,0.2,0.4,0.8",
                                             "-o",
                                             layered}),
                                  &out,
                                  &err),
              0)
        << err;
    ASSERT_EQ(test::RunLvcForTest({"bd-rate", ladder, layered}, &out, &err), 0) << err;
    EXPECT_NE(out.find("BD-rate "), std::string::npos) << out;
    EXPECT_NE(out.find(" %, BD-PSNR "), std::string::npos) << out;
    EXPECT_EQ(
        test::RunLvcForTest({"bd-rate", ladder, layered, "--test-min-level", "3"}, &out, &err),
        2);
    EXPECT_NE(err.find("--test-min-level: " + layered + " has 3 levels from level 3 on"),
              std::string::npos)
        << err;
}

} // namespace
} // namespace lvc
