// The lvc command line, run in-process: profiles that pass the shared checker, the tables, and a
// clear error (never a crash) for every kind of bad input.
#include "test/test-support.h"

#include "ns3/video-profile.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace lvc
{
namespace
{

const std::string kStreet = "videos/y4m/street_384x216_54f.y4m";

/// Common arguments of a short, small profile run: 16 frames at 192x108, 8-frame chunks.
std::vector<std::string>
Short(std::vector<std::string> args)
{
    for (const char* a : {"--frames",
                          "16",
                          "--width",
                          "192",
                          "--chunk-s",
                          "0.32",
                          "--preset",
                          "veryfast",
                          "--no-ms-ssim"})
    {
        args.push_back(a);
    }
    return args;
}

bool
Passes(const std::string& profile)
{
    return std::system((test::CheckProfileTool() + " " + profile).c_str()) == 0;
}

TEST(LvcCli, LadderLayeredAndTablesFromOneClip)
{
    std::string video = test::Shared(kStreet);
    std::string x265 = test::ScratchPath("cli-x265-ladder.json");
    std::string layered = test::ScratchPath("cli-layered.json");
    std::string out;
    std::string err;
    ASSERT_EQ(
        test::RunLvcForTest(Short({"--quiet", "ladder", video, "--encoder", "x265", "-o", x265}),
                            &out,
                            &err),
        0)
        << err;
    EXPECT_NE(out.find("x265-ladder, 2 chunks"), std::string::npos) << out;
    EXPECT_TRUE(Passes(x265));
    ns3::VideoProfile ladder = ns3::VideoProfile::Load(x265);
    EXPECT_FALSE(ladder.IsLayered());
    EXPECT_EQ(ladder.GetLevelCount(), 5u);
    // Swift's ladder scaled to 192x108 at 25 fps: 0.00833 of 1080p30.
    EXPECT_EQ(ladder.NominalBitrate_bps(1), 8e3);
    EXPECT_EQ(ladder.NominalBitrate_bps(5), 133e3);

    std::string reconstruction = test::ScratchPath("cli-layer2.mkv");
    ASSERT_EQ(test::RunLvcForTest(Short({"layered-baseline",
                                         video,
                                         "-o",
                                         layered,
                                         "--reconstruct",
                                         reconstruction,
                                         "--level",
                                         "2"}),
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(err.find("lvc: street_384x216_54f x265-residual-layered: chunk 1"), std::string::npos)
        << err; // progress lines
    EXPECT_TRUE(Passes(layered));
    ns3::VideoProfile profile = ns3::VideoProfile::Load(layered);
    EXPECT_TRUE(profile.IsLayered());
    EXPECT_EQ(profile.GetLevelCount(), 5u);
    EXPECT_EQ(profile.GetChunk(0).layers[0].bytes, ladder.GetChunk(0).layers[0].bytes);

    // The written video is layers 1..2, losslessly: its PSNR is the profile's.
    ASSERT_EQ(
        test::RunLvcForTest({"metrics", video, reconstruction, "--width", "192", "--frames", "8"},
                            &out,
                            &err),
        0)
        << err;
    std::size_t at = out.find("mean PSNR-Y");
    ASSERT_NE(at, std::string::npos) << out;
    EXPECT_NEAR(std::stod(out.substr(at + 11)), profile.GetChunk(0).layers[1].psnr_db, 1e-3);

    ASSERT_EQ(test::RunLvcForTest({"rate-quality", x265, layered}, &out, &err), 0) << err;
    EXPECT_NE(out.find("| street_384x216_54f | x265-residual-layered | 5 |"), std::string::npos)
        << out;
    ASSERT_EQ(test::RunLvcForTest({"overhead", layered, x265}, &out, &err), 0) << err;
    EXPECT_NE(out.find("| 1..1 |"), std::string::npos) << out;
    EXPECT_NE(out.find("| 1.00x |"), std::string::npos) << out; // layer 1 is rung 1
}

TEST(LvcCli, ProfileCommandNamesItsCodec)
{
    std::string path = test::ScratchPath("cli-x264.json");
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest(Short({"--quiet",
                                         "profile",
                                         test::Shared(kStreet),
                                         "--codec",
                                         "x264-ladder",
                                         "--bitrates-kbps",
                                         "20,60",
                                         "-o",
                                         path}),
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_TRUE(Passes(path));
    ns3::VideoProfile profile = ns3::VideoProfile::Load(path);
    EXPECT_EQ(profile.GetCodec().name, "x264-ladder");
    EXPECT_EQ(profile.NominalBitrate_bps(2), 60e3);
    EXPECT_NE(profile.GetCodec().settings_json.find("\"preset\":\"veryfast\""), std::string::npos);
}

TEST(LvcCli, InspectionCommands)
{
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest({"info", test::Shared(kStreet)}, &out, &err), 0) << err;
    EXPECT_NE(out.find("frames read:   54 at 384x216"), std::string::npos) << out;
    std::string mkv = test::ScratchPath("cli-convert.mkv");
    ASSERT_EQ(test::RunLvcForTest({"convert", test::Shared(kStreet), "--frames", "5", "-o", mkv},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(out.find("5 frames, ffv1"), std::string::npos) << out;
    ASSERT_EQ(
        test::RunLvcForTest({"motion",
                             test::Shared("videos/h264/VID_1920x1080_cabac_temporal_direct.264"),
                             "--frames",
                             "4",
                             "--width",
                             "480"},
                            &out,
                            &err),
        0)
        << err;
    EXPECT_NE(out.find("frames with vectors and a known reference: 3"), std::string::npos) << out;
    // The splice's first 30 frames: shots of 1, 1, 2, 2, 3, 3, 4, 4, 5 frames.
    ASSERT_EQ(test::RunLvcForTest({"scene-cuts",
                                   test::Shared("videos/h264/LS_SVA_D.264"),
                                   "--fps",
                                   "25",
                                   "--frames",
                                   "30"},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(out.find("9 scene cuts"), std::string::npos) << out;
    EXPECT_NE(out.find("\n   25 "), std::string::npos) << out;
}

struct BadInput
{
    std::string name;
    std::vector<std::string> args;
    std::string expected; ///< a part of the message
};

void
PrintTo(const BadInput& input, std::ostream* os)
{
    *os << input.name;
}

class LvcBadInput : public ::testing::TestWithParam<BadInput>
{
};

TEST_P(LvcBadInput, PrintsAClearErrorAndFails)
{
    std::string out;
    std::string err;
    EXPECT_EQ(test::RunLvcForTest(GetParam().args, &out, &err), 2); // bad input: status 2
    EXPECT_EQ(err.rfind("lvc: ", 0), 0u) << err;
    EXPECT_NE(err.find(GetParam().expected), std::string::npos) << err;
}

std::vector<BadInput>
BadInputs()
{
    std::string street = test::Shared(kStreet);
    std::string text = test::WriteScratchFile("cli-text.264", "not a video at all\n");
    std::string empty = test::WriteY4m("cli-empty.y4m", 64, 64, 0);
    std::string odd = test::WriteY4m("cli-odd.y4m", 65, 47, 3);
    std::string out = test::ScratchPath("cli-bad.json");
    return {
        {"MissingFile",
         {"ladder", "/no/such/clip.y4m", "--encoder", "x264", "-o", out},
         "/no/such/clip.y4m: no such file"},
        {"NotAVideo",
         {"ladder", text, "--encoder", "x264", "-o", out},
         "cli-text.264: not a video"},
        {"ZeroFrames",
         {"layered-baseline", empty, "-o", out},
         "cli-empty.y4m: not a video: no frame"},
        {"OddDimensions",
         {"ladder", odd, "--encoder", "x265", "-o", out},
         "cli-odd.y4m: odd dimensions 65x47"},
        {"NoFrameRate",
         {"ladder", test::Shared("videos/h264/LS_SVA_D.264"), "--encoder", "x264", "-o", out},
         "LS_SVA_D.264: fps: the stream carries no frame rate"},
        {"ZeroBitrate",
         {"ladder", street, "--encoder", "x264", "--bitrates-kbps", "100,0", "-o", out},
         "--bitrates-kbps: 0 kbps is not a bitrate"},
        {"ChunkLongerThanVideo",
         {"ladder", test::Shared("videos/y4m/mobile_cif_30f.y4m"), "--encoder", "x264", "-o", out},
         "mobile_cif_30f.y4m: chunk duration: 2.002 s (60 frames) is longer than the video"},
        {"NegativeChunk",
         {"ladder", street, "--encoder", "x264", "--chunk-s", "-1", "-o", out},
         "--chunk-s"},
        {"OddWidth",
         {"ladder", street, "--encoder", "x264", "--width", "191", "-o", out},
         "--width: 191"},
        {"BadCrop", {"info", street, "--crop", "100x100"}, "--crop: '100x100' is not WxH+X+Y"},
        {"CropOutside", {"info", street, "--crop", "400x100+0+0"}, "crop: does not fit"},
        {"UnknownCodec",
         {"profile", street, "--codec", "vp9", "-o", out},
         "--codec: unknown codec 'vp9'"},
        {"UnknownEncoder",
         {"ladder", street, "--encoder", "av1", "-o", out},
         "--encoder: x264 or x265"},
        {"BadPsnrSpace",
         {"ladder", street, "--encoder", "x264", "--psnr", "luma", "-o", out},
         "--psnr"},
        {"UnwritableProfile",
         {"ladder",
          street,
          "--encoder",
          "x264",
          "--frames",
          "8",
          "--chunk-s",
          "0.32",
          "--bitrates-kbps",
          "50",
          "-o",
          "/no/such/dir/p.json"},
         "/no/such/dir/p.json: cannot write"},
        {"SceneCutThreshold",
         {"encode", street, "--scene-cut-threshold", "2.5", "-o", out},
         "--scene-cut-threshold: 0 (no cuts) .. 2, not 2.5"},
        {"NoSubcommand", {}, "A subcommand is required"},
        {"ProfileNotJson", {"rate-quality", text}, "cli-text.264"},
    };
}

INSTANTIATE_TEST_SUITE_P(Cases,
                         LvcBadInput,
                         ::testing::ValuesIn(BadInputs()),
                         [](const auto& info) { return info.param.name; });

} // namespace
} // namespace lvc
