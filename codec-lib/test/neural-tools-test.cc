// The neural codec's tools with tiny models: a profile's bytes are the byte ranges of the
// bitstream file `lvc encode` writes, and `lvc layer-strip` writes one PNG of every prefix.
#include "bitstream/bitstream-format.h"
#include "test-support.h"
#include "tiny-model.h"
#include "weights/safetensors.h"

#include "ns3/video-profile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lvc
{
namespace
{

using test::kStreet;
using test::TinyWeights;

TEST(NeuralProfile, LayerBytesAreTheBitstreamsByteRanges)
{
    const std::vector<std::string> video = {test::Shared(kStreet),
                                            "--frames",
                                            "5",
                                            "--width",
                                            "96",
                                            "--height",
                                            "64",
                                            "--chunk-s",
                                            "0.08",
                                            "--weights",
                                            TinyWeights()};
    std::string profile_path = test::ScratchPath("bytes.json");
    std::string bitstream = test::ScratchPath("bytes.lvc");
    std::vector<std::string> profile_args = {"--quiet", "profile"};
    profile_args.insert(profile_args.end(), video.begin(), video.end());
    profile_args.insert(profile_args.end(), {"--codec", "neural", "-o", profile_path});
    std::vector<std::string> encode_args = {"--quiet", "encode", "--codec", "neural-gru"};
    encode_args.insert(encode_args.end(), video.begin(), video.end());
    encode_args.insert(encode_args.end(), {"-o", bitstream});
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest(profile_args, &out, &err), 0) << err;
    ASSERT_EQ(test::RunLvcForTest(encode_args, &out, &err), 0) << err;

    test::ExpectProfileBytesAreTheFilesRanges(profile_path, bitstream);
    const ns3::VideoProfile profile = ns3::VideoProfile::Load(profile_path);
    const int k_max = static_cast<int>(profile.GetLevelCount());
    auto settings = nlohmann::json::parse(profile.GetCodec().settings_json);
    ASSERT_EQ(settings["encode_ms_per_frame"].size(), static_cast<std::size_t>(k_max));
    EXPECT_GT(settings["encode_ms_per_frame"][0].get<double>(), 0);
}

TEST(NeuralTools, LayerStripWritesOnePngOfEveryPrefixAndTheSource)
{
    std::string png = test::ScratchPath("strip.png");
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest({"layer-strip",
                                   test::Shared(kStreet),
                                   "--codec",
                                   "neural-gru",
                                   "--width",
                                   "96",
                                   "--height",
                                   "64",
                                   "--frame",
                                   "3",
                                   "--layers",
                                   "1,2,4",
                                   "--weights",
                                   TinyWeights(),
                                   "-o",
                                   png},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(out.find("frame 3 (B frame) decoded with layers 1..1 1..2 1..4"), std::string::npos)
        << out;
    ReadOptions still;
    still.fps = 1;
    std::vector<Frame> picture = test::ReadFrames(png, 2, still); // FFmpeg reads it as a PNG
    ASSERT_EQ(picture.size(), 1U);
    EXPECT_EQ(picture[0].Width(), 4 * 96);
    EXPECT_EQ(picture[0].Height(), 64);
    EXPECT_EQ(test::RunLvcForTest({"layer-strip",
                                   test::Shared(kStreet),
                                   "--codec",
                                   "neural-gru",
                                   "--layers",
                                   "5",
                                   "--weights",
                                   TinyWeights(),
                                   "-o",
                                   png},
                                  &out,
                                  &err),
              2);
    EXPECT_NE(err.find("--layers: each in 1..4"), std::string::npos) << err;
}

} // namespace
} // namespace lvc
