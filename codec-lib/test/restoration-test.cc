// The wavelet codec's restoration network: an untrained network is the plain reconstruction,
// training on the codec's decoded frames improves on it and resumes exactly, weights are
// checked, and profiles measure every exit.
#include "nn/frame-tensor.h"
#include "restore/restoration-data.h"
#include "restore/restoration-net.h"
#include "restore/restoration-trainer.h"
#include "restore/restorer.h"
#include "test/test-support.h"
#include "weights/safetensors.h"

#include "ns3/input-error.h"
#include "ns3/video-profile.h"

#include <gtest/gtest.h>
#include <sstream>

namespace lvc
{
namespace
{

const char* const kStreet = "videos/y4m/street_384x216_54f.y4m";

/// The street clip (a training clip) at 192x108: one 9-frame chunk coded at every prefix.
const RestorationData&
TinyRestorationData()
{
    static const RestorationData data = [] {
        TrainingSource source;
        source.path = test::Shared(kStreet);
        source.read.width = 192;
        source.read.height = 108;
        RestorationDataOptions options;
        options.chunk_frames = 9;
        options.chunks_per_source = 1;
        options.frames_per_prefix = 3;
        options.coding.gop_frames = 8;
        return RestorationData({source}, options);
    }();
    return data;
}

RestorationTrainOptions
TinyTraining(const std::string& checkpoint, std::int64_t steps)
{
    RestorationTrainOptions o;
    o.config.channels = 8;
    o.config.blocks = {1, 1};
    o.checkpoint = checkpoint;
    o.steps = steps;
    o.batch = 4;
    o.patch_px = 32;
    o.learning_rate = 2e-3;
    o.log_every = 10;
    o.checkpoint_every_s = 1e9;
    return o;
}

TEST(Restoration, AnUntrainedNetworkIsThePlainReconstruction)
{
    RestorationConfig config;
    config.channels = 8;
    RestorationNet net(config);
    const std::vector<Frame> frames = test::ReadFrames(test::Shared(kStreet), 2);
    const torch::Tensor pictures = FramesToTensor(frames);
    const torch::Tensor input =
        torch::cat({pictures, torch::full({2, 1, pictures.size(2), pictures.size(3)}, 0.3F)}, 1);
    torch::NoGradGuard no_grad;
    const std::vector<torch::Tensor> out = net->forward(input, config.ExitCount());
    ASSERT_EQ(out.size(), 2U);
    for (const torch::Tensor& t : out)
    {
        EXPECT_TRUE(torch::equal(t, pictures));
    }
}

TEST(Restoration, TrainingImprovesOnThePlainReconstructionAndResumesExactly)
{
    const RestorationData& data = TinyRestorationData();
    EXPECT_EQ(data.Size(), 6U * 3U); // 6 prefixes x 3 frames
    const std::string straight = test::ScratchPath("restore-straight.safetensors");
    const std::string resumed = test::ScratchPath("restore-resumed.safetensors");
    std::ostringstream log;
    const RestorationTrainReport report = TrainRestoration(TinyTraining(straight, 300), data, log);
    EXPECT_EQ(report.last_step, 300);
    ASSERT_EQ(report.exit_psnr_db.size(), 2U);
    // Over the last 10 batches the trained exits beat the plain decode.
    EXPECT_GT(report.exit_psnr_db[0], report.plain_psnr_db) << log.str();
    EXPECT_GT(report.exit_psnr_db[1], report.plain_psnr_db) << log.str();
    // 150 steps, then 150 more from the checkpoint: the same weights as 300 in one go.
    TrainRestoration(TinyTraining(resumed, 150), data, log);
    const RestorationTrainReport second = TrainRestoration(TinyTraining(resumed, 300), data, log);
    EXPECT_EQ(second.first_step, 150);
    const SafetensorsFile a = SafetensorsFile::Load(straight);
    const SafetensorsFile b = SafetensorsFile::Load(resumed);
    for (const auto& [name, tensor] : a.tensors)
    {
        ASSERT_TRUE(b.tensors.count(name)) << name;
        EXPECT_EQ(tensor.ToFloat(), b.tensors.at(name).ToFloat()) << name;
    }
    // Another configuration cannot resume this checkpoint.
    RestorationTrainOptions other = TinyTraining(straight, 310);
    other.config.channels = 12;
    EXPECT_THROW(TrainRestoration(other, data, log), ns3::InputError);
}

TEST(Restoration, ExportedWeightsLoadAndOtherFilesAreRefused)
{
    const std::string checkpoint = test::ScratchPath("restore-export.safetensors");
    std::ostringstream log;
    TrainRestoration(TinyTraining(checkpoint, 5), TinyRestorationData(), log);
    const std::string weights = test::ScratchPath("restore-export-f16.safetensors");
    ExportRestorationWeights(checkpoint, weights, "F16");
    NetworkRestorer restorer(weights, 1);
    EXPECT_EQ(restorer.ExitCount(), 3);
    EXPECT_EQ(restorer.WeightsSha256().size(), 64U);
    const std::vector<Frame> frames = test::ReadFrames(test::Shared(kStreet), 3);
    const std::vector<Frame> out = restorer.Restore(frames, {1, 2, 3}, 3);
    ASSERT_EQ(out.size(), 3U);
    EXPECT_TRUE(out[2].SameSize(frames[2]));
    EXPECT_THROW(restorer.Restore(frames, {1, 2, 3}, 4), std::invalid_argument);
    // The GRU codec's weights are not restoration weights.
    try
    {
        NetworkRestorer wrong(LVC_SHIPPED_WEIGHTS, 1);
        ADD_FAILURE() << "the GRU codec's weights were accepted";
    }
    catch (const ns3::InputError& e)
    {
        EXPECT_NE(std::string(e.what()).find("__metadata__.architecture"), std::string::npos)
            << e.what();
    }
    EXPECT_THROW(ExportRestorationWeights(checkpoint, weights, "F8"), ns3::InputError);
}

TEST(Restoration, ProfilesMeasureEveryExitAndDecodeAtAnExit)
{
    const std::string checkpoint = test::ScratchPath("restore-profile.safetensors");
    std::ostringstream log;
    TrainRestoration(TinyTraining(checkpoint, 20), TinyRestorationData(), log);
    const std::string weights = test::ScratchPath("restore-profile-f32.safetensors");
    ExportRestorationWeights(checkpoint, weights, "F32");
    const std::string profile_path = test::ScratchPath("restore-profile.json");
    const std::string bitstream = test::ScratchPath("restore-profile.lvc");
    const std::vector<std::string> clip{test::Shared(kStreet),
                                        "--frames",
                                        "9",
                                        "--width",
                                        "192",
                                        "--height",
                                        "108",
                                        "--gop",
                                        "8",
                                        "--chunk-s",
                                        "0.36"};
    std::vector<std::string> profile_args{"--quiet", "profile"};
    profile_args.insert(profile_args.end(), clip.begin(), clip.end());
    profile_args.insert(
        profile_args.end(),
        {"--codec", "wavelet", "--no-ms-ssim", "--restore-weights", weights, "-o", profile_path});
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest(profile_args, &out, &err), 0) << err;
    const ns3::VideoProfile profile = ns3::VideoProfile::Load(profile_path);
    ASSERT_EQ(profile.GetExitCount(), 4U); // temporal skip, plain, the network's two
    for (const ns3::LayerInfo& layer : profile.GetChunk(0).layers)
    {
        ASSERT_EQ(layer.exits.size(), 4U);
        // The skip rebuilds fewer frames (how much faster it is, bench/codec-speed measures: a
        // timing compared here would fail on a busy machine); the exit maps: a deeper network
        // exit never decodes worse than a shallower one (it falls back to it).
        EXPECT_LT(layer.exits[0].psnr_db, layer.exits[1].psnr_db);
        for (const ns3::ExitInfo& exit : layer.exits)
        {
            EXPECT_GT(exit.decode_ms, 0);
        }
        EXPECT_LE(layer.exits[1].psnr_db, layer.exits[2].psnr_db);
        EXPECT_LE(layer.exits[2].psnr_db, layer.exits[3].psnr_db);
        EXPECT_DOUBLE_EQ(layer.psnr_db, layer.exits[3].psnr_db);
    }
    EXPECT_EQ(profile.GetCodec().weights_sha256, NetworkRestorer(weights, 1).WeightsSha256());
    // The bitstream decodes at each exit with those weights; exit 4 does not exist.
    std::vector<std::string> encode_args{"--quiet", "encode"};
    encode_args.insert(encode_args.end(), clip.begin(), clip.end());
    encode_args.insert(encode_args.end(), {"--restore-weights", weights, "-o", bitstream});
    ASSERT_EQ(test::RunLvcForTest(encode_args, &out, &err), 0) << err;
    for (const char* exit : {"1", "2", "4"})
    {
        ASSERT_EQ(test::RunLvcForTest({"--quiet",
                                       "decode",
                                       bitstream,
                                       "--restore-weights",
                                       weights,
                                       "--exit",
                                       exit,
                                       "--reference",
                                       test::Shared(kStreet),
                                       "--reference-width",
                                       "192",
                                       "--reference-height",
                                       "108"},
                                      &out,
                                      &err),
                  0)
            << err;
        const double psnr = std::stod(out.substr(out.find("PSNR-Y ") + 7));
        const int e = std::stoi(exit) - 1;
        EXPECT_NEAR(psnr,
                    profile.GetChunk(0).layers[5].exits[static_cast<std::size_t>(e)].psnr_db,
                    0.006)
            << out;
    }
    // Another network: the exit maps were decided with these weights.
    const std::string other = test::ScratchPath("restore-profile-other.safetensors");
    ExportRestorationWeights(checkpoint, other, "F16");
    EXPECT_EQ(test::RunLvcForTest({"decode", bitstream, "--restore-weights", other, "--exit", "3"},
                                  &out,
                                  &err),
              2);
    EXPECT_NE(err.find(bitstream + ": weights_sha256: made with restoration weights"),
              std::string::npos)
        << err;
    // A file made without a network decodes at exit 1 only.
    const std::string plain = test::ScratchPath("restore-profile-plain.lvc");
    std::vector<std::string> plain_args{"--quiet", "encode"};
    plain_args.insert(plain_args.end(), clip.begin(), clip.end());
    plain_args.insert(plain_args.end(), {"--restore-weights", "none", "-o", plain});
    ASSERT_EQ(test::RunLvcForTest(plain_args, &out, &err), 0) << err;
    EXPECT_EQ(test::RunLvcForTest({"decode", plain, "--restore-weights", weights, "--exit", "3"},
                                  &out,
                                  &err),
              2);
    EXPECT_NE(err.find("was made without restoration weights"), std::string::npos) << err;
    EXPECT_EQ(
        test::RunLvcForTest({"decode", bitstream, "--restore-weights", weights, "--exit", "5"},
                            &out,
                            &err),
        2);
    EXPECT_NE(err.find("--exit: 1..4"), std::string::npos) << err;
    EXPECT_EQ(test::RunLvcForTest({"decode", bitstream, "--restore-weights", "none", "--exit", "3"},
                                  &out,
                                  &err),
              2);
    EXPECT_NE(err.find("without restoration weights"), std::string::npos) << err;
}

} // namespace
} // namespace lvc
