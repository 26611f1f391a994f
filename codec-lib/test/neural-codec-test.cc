// The neural codec with tiny models: training (loss falls, determinism, resuming), weights that
// reload to identical outputs, bitstream files that decode to the in-memory reconstruction, and
// clear errors for bad files.
#include "bitstream/chunk-layers.h"
#include "bitstream/neural-stream.h"
#include "nn/neural-codec.h"
#include "test-support.h"
#include "tiny-model.h"
#include "train/trainer.h"
#include "weights/safetensors.h"

#include "ns3/input-error.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace lvc
{
namespace
{

using test::kStreet;
using test::TinyCheckpoint;
using test::TinyData;
using test::TinyTraining;
using test::TinyWeights;

TEST(NeuralTraining, AFewStepsLowerTheLoss)
{
    std::string checkpoint = test::ScratchPath("loss.ckpt");
    std::remove(checkpoint.c_str());
    std::ostringstream log;
    TrainOptions o = TinyTraining(checkpoint, 40);
    o.log_every = 10;
    TrainReport report = Train(o, TinyData(), log);
    EXPECT_EQ(report.last_step, 40);
    // The loss is the mean log MSE over prefixes: the last window's is well below the first
    // step's (0.5 is 2.2 dB of PSNR).
    EXPECT_LT(report.last_loss, report.first_loss - 0.5) << log.str();
    EXPECT_NE(log.str().find("step 40/40 loss"), std::string::npos) << log.str();
}

TEST(NeuralTraining, DeterministicAndResumable)
{
    std::string straight = test::ScratchPath("straight.ckpt");
    std::string resumed = test::ScratchPath("resumed.ckpt");
    std::remove(straight.c_str());
    std::remove(resumed.c_str());
    std::ostringstream log;
    TrainingFrames data = TinyData();
    auto options = [](const std::string& path, std::int64_t steps) {
        TrainOptions o = TinyTraining(path, steps);
        o.sign_from_step = 3;     // the switch to the sign binarizer happens after the resume
        o.lr_half_life_steps = 2; // and the learning rate decays across it
        o.lr_decay_from_step = 1;
        return o;
    };
    Train(options(straight, 4), data, log);
    Train(options(resumed, 2), data, log);
    TrainReport second = Train(options(resumed, 4), data, log);
    EXPECT_EQ(second.first_step, 2);
    SafetensorsFile a = SafetensorsFile::Load(straight);
    SafetensorsFile b = SafetensorsFile::Load(resumed);
    ASSERT_EQ(a.tensors.size(), b.tensors.size());
    for (const auto& [name, tensor] : a.tensors)
    {
        EXPECT_EQ(tensor.data, b.tensors.at(name).data) << name;
    }
    EXPECT_EQ(a.metadata.at("adam_steps"), "4");
    // Another architecture cannot resume this checkpoint.
    TrainOptions other = TinyTraining(resumed, 6);
    other.config.code_channels = 8;
    EXPECT_THROW(Train(other, data, log), ns3::InputError);
}

TEST(NeuralTraining, ClientOnlyFitsTheClientAndLeavesTheCodesAsTheyAre)
{
    // From a jointly trained checkpoint, client-only steps must change the client decoder and
    // nothing else (so a picture's codes stay), and lower its loss.
    std::string checkpoint = test::ScratchPath("client-only.ckpt");
    std::remove(checkpoint.c_str());
    std::ostringstream log;
    TrainingFrames data = TinyData();
    Train(TinyTraining(checkpoint, 20), data, log);
    SafetensorsFile before = SafetensorsFile::Load(checkpoint);
    TrainOptions o = TinyTraining(checkpoint, 60);
    o.client_only = true;
    o.reset_optimizer = true;
    o.log_every = 10;
    TrainReport report = Train(o, data, log);
    EXPECT_EQ(report.first_step, 20);
    EXPECT_LT(report.last_loss, report.first_loss - 0.1) << log.str();
    SafetensorsFile after = SafetensorsFile::Load(checkpoint);
    int client_changed = 0;
    int others = 0;
    for (const auto& [name, tensor] : before.tensors)
    {
        if (name.rfind("adam.", 0) == 0)
        {
            continue;
        }
        if (name.rfind("client.", 0) == 0)
        {
            client_changed += tensor.data != after.tensors.at(name).data;
            continue;
        }
        ++others;
        EXPECT_EQ(tensor.data, after.tensors.at(name).data) << name;
    }
    EXPECT_GT(others, 10);
    EXPECT_GT(client_changed, 5);
    // Adam now holds the client's moments only; a joint run cannot resume them without a reset.
    EXPECT_EQ(after.tensors.count("adam.m.encoder.quarter.weight"), 0U);
    EXPECT_EQ(after.metadata.at("client_only"), "1");
    EXPECT_THROW(Train(TinyTraining(checkpoint, 62), data, log), ns3::InputError);
}

TEST(NeuralTraining, LearningRateHalvesOnSchedule)
{
    TrainOptions o;
    o.learning_rate = 8e-4;
    EXPECT_EQ(LearningRateAt(o, 0), 8e-4); // constant by default
    EXPECT_EQ(LearningRateAt(o, 1000000), 8e-4);
    o.lr_half_life_steps = 1000;
    o.lr_decay_from_step = 500;
    o.lr_min = 1.5e-4;
    EXPECT_EQ(LearningRateAt(o, 500), 8e-4);
    EXPECT_DOUBLE_EQ(LearningRateAt(o, 1500), 4e-4);
    EXPECT_DOUBLE_EQ(LearningRateAt(o, 2500), 2e-4);
    EXPECT_DOUBLE_EQ(LearningRateAt(o, 1000), 8e-4 / std::sqrt(2.0));
    EXPECT_EQ(LearningRateAt(o, 3500), 1.5e-4); // 1e-4 is below the floor
}

TEST(NeuralWeights, ReloadedWeightsGiveIdenticalOutputs)
{
    std::string weights = TinyWeights();
    std::string again = test::ScratchPath("tiny-again.safetensors");
    ExportWeights(TinyCheckpoint(), again, "F32");
    NeuralCodec a(weights, 1);
    NeuralCodec b(again, 1);
    EXPECT_EQ(a.WeightsSha256(), b.WeightsSha256()); // the same bytes
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kStreet), 2);
    std::vector<FrameCodes> codes = a.Encode(frames);
    EXPECT_EQ(codes, b.Encode(frames));
    for (int exit = 1; exit <= 3; ++exit)
    {
        EXPECT_EQ(a.Decode(codes, 384, 216, exit), b.Decode(codes, 384, 216, exit));
    }
    // F16 weights load too and stay close (not equal) to F32 ones.
    std::string half = test::ScratchPath("tiny-half.safetensors");
    ExportWeights(TinyCheckpoint(), half, "F16");
    NeuralCodec h(half, 1);
    EXPECT_NE(h.WeightsSha256(), a.WeightsSha256());
    EXPECT_EQ(h.Config().ToMetadata(), a.Config().ToMetadata());
}

TEST(NeuralWeights, FewerLayersGiveTheSamePrefixOfCodes)
{
    NeuralCodec codec(TinyWeights(), 1);
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kStreet), 2);
    std::vector<FrameCodes> all = codec.Encode(frames);
    std::vector<FrameCodes> two = codec.Encode(frames, 2);
    ASSERT_EQ(two.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
    {
        EXPECT_EQ(two[i], FrameCodes(all[i].begin(), all[i].begin() + 2)) << "frame " << i;
    }
    EXPECT_THROW(codec.Encode(frames, 5), std::invalid_argument); // K = 4
}

TEST(NeuralWeights, ClearErrorsForUnusableWeights)
{
    EXPECT_THROW(NeuralCodec("/no/such.safetensors"), ns3::InputError);
    SafetensorsFile file = SafetensorsFile::Load(TinyWeights());
    file.metadata["architecture"] = "something-else";
    std::string other = test::ScratchPath("other-arch.safetensors");
    file.Save(other);
    try
    {
        NeuralCodec codec(other);
        FAIL();
    }
    catch (const ns3::InputError& error)
    {
        EXPECT_NE(std::string(error.what()).find("architecture"), std::string::npos);
    }
    file = SafetensorsFile::Load(TinyWeights());
    file.tensors.erase(file.tensors.begin());
    file.Save(other);
    EXPECT_THROW(NeuralCodec codec(other), ns3::InputError);
}

TEST(NeuralBitstream, FileDecodesToTheInMemoryReconstruction)
{
    NeuralCodec codec(TinyWeights(), 1);
    EncodeRequest request;
    request.video_path = test::Shared(kStreet);
    request.read.max_frames = 5;
    request.read.width = 200; // not a multiple of 16: padded and cropped back
    request.read.height = 120;
    request.chunk_duration_s = 0.08; // 2 frames per chunk: 3 chunks, the last of one frame
    request.coding.gop_frames = 0;   // every frame a key frame (inter-coding-test.cc: B frames)
    EncodedVideo video = EncodeVideo(codec, request);
    ASSERT_EQ(video.header.chunks, 3U);
    std::string path = test::ScratchPath("street.lvc");
    WriteBitstream(path, video.header, video.chunks);

    std::vector<Frame> frames = test::ReadFrames(request.video_path, 5, request.read);
    std::vector<FrameCodes> codes = codec.Encode(frames);
    BitstreamReader reader = BitstreamReader::Open(path);
    for (int layers : {1, 2, 4})
    {
        std::vector<Frame> from_file;
        DecodeBitstream(codec, reader, layers, 3, [&](std::uint32_t, const std::vector<Frame>& f) {
            from_file.insert(from_file.end(), f.begin(), f.end());
        });
        std::vector<FrameCodes> prefix;
        for (const FrameCodes& c : codes)
        {
            prefix.emplace_back(c.begin(), c.begin() + layers);
        }
        EXPECT_EQ(from_file, codec.Decode(prefix, 200, 120, 3)) << layers << " layers";
    }
    // Chunk 0's payloads hold exactly the in-memory codes of its two frames.
    std::vector<std::vector<std::uint8_t>> payloads;
    for (int j = 1; j <= 4; ++j)
    {
        payloads.push_back(reader.LayerPayload(0, j));
    }
    std::vector<FrameCodes> decoded =
        DecodeChunkLayers(payloads, ChunkCodeShapes(codec, reader.Header(), 2));
    EXPECT_EQ(decoded, std::vector<FrameCodes>(codes.begin(), codes.begin() + 2));
}

std::string
ErrorOf(const std::string& path, NeuralCodec& codec)
{
    try
    {
        BitstreamReader reader = BitstreamReader::Open(path);
        DecodeBitstream(codec,
                        reader,
                        reader.Header().layers,
                        3,
                        [](std::uint32_t, const std::vector<Frame>&) {});
    }
    catch (const ns3::InputError& error)
    {
        return error.what();
    }
    return "";
}

TEST(NeuralBitstream, BadFilesGiveClearErrors)
{
    NeuralCodec codec(TinyWeights(), 1);
    EncodeRequest request;
    request.video_path = test::Shared(kStreet);
    request.read.max_frames = 2;
    request.read.width = 96;
    request.read.height = 64;
    request.chunk_duration_s = 0.04;
    EncodedVideo video = EncodeVideo(codec, request);
    std::vector<std::uint8_t> good = SerializeBitstream(video.header, video.chunks);
    auto write = [](const std::string& name, const std::vector<std::uint8_t>& bytes) {
        return test::WriteScratchFile(name, std::string(bytes.begin(), bytes.end()));
    };
    EXPECT_EQ(ErrorOf(write("good.lvc", good), codec), "");

    std::vector<std::uint8_t> cut(good.begin(), good.end() - 3);
    EXPECT_NE(ErrorOf(write("cut.lvc", cut), codec).find("truncated"), std::string::npos);
    std::vector<std::uint8_t> header_only(good.begin(), good.begin() + 80);
    EXPECT_NE(ErrorOf(write("header.lvc", header_only), codec).find("truncated"),
              std::string::npos);
    std::vector<std::uint8_t> flipped = good;
    flipped[good.size() - 2] ^= 0x10;
    std::string corrupt = ErrorOf(write("corrupt.lvc", flipped), codec);
    EXPECT_NE(corrupt.find("CRC mismatch"), std::string::npos) << corrupt;
    EXPECT_NE(corrupt.find("layer"), std::string::npos) << corrupt;
    std::vector<std::uint8_t> version = good;
    version[4] = 9;
    EXPECT_NE(ErrorOf(write("version.lvc", version), codec).find("bitstream version 9"),
              std::string::npos);
    std::vector<std::uint8_t> header_bit = good;
    header_bit[41] ^= 1;
    EXPECT_NE(ErrorOf(write("hdr.lvc", header_bit), codec).find("header"), std::string::npos);
    EXPECT_NE(ErrorOf(write("text.lvc", {'h', 'i'}), codec).find("not an lvc bitstream"),
              std::string::npos);
    NeuralCodec other(TinyWeights(2), 1);
    std::string weights = ErrorOf(write("other.lvc", good), other);
    EXPECT_NE(weights.find("made with weights " + codec.WeightsSha256()), std::string::npos)
        << weights;
}

TEST(NeuralBitstream, LvcEncodeAndDecode)
{
    std::string bitstream = test::ScratchPath("cli.lvc");
    std::string out;
    std::string err;
    ASSERT_EQ(test::RunLvcForTest({"--quiet",
                                   "encode",
                                   test::Shared(kStreet),
                                   "--codec",
                                   "neural-gru",
                                   "--frames",
                                   "2",
                                   "--width",
                                   "96",
                                   "--height",
                                   "64",
                                   "--chunk-s",
                                   "0.04",
                                   "--weights",
                                   TinyWeights(),
                                   "-o",
                                   bitstream},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_NE(out.find("2 frames, 2 chunks, 4 layers"), std::string::npos) << out;
    std::string video = test::ScratchPath("cli.mkv");
    ASSERT_EQ(test::RunLvcForTest({"decode",
                                   bitstream,
                                   "--weights",
                                   TinyWeights(),
                                   "--layers",
                                   "2",
                                   "--exit",
                                   "2",
                                   "-o",
                                   video},
                                  &out,
                                  &err),
              0)
        << err;
    EXPECT_EQ(test::ReadFrames(video, 10).size(), 2U);
    EXPECT_EQ(test::RunLvcForTest({"decode", bitstream, "--weights", TinyWeights(2)}, &out, &err),
              2);
    EXPECT_NE(err.find("lvc: " + bitstream + ": weights_sha256: made with weights"),
              std::string::npos)
        << err;
    EXPECT_EQ(
        test::RunLvcForTest({"decode", bitstream, "--weights", TinyWeights(), "--layers", "5"},
                            &out,
                            &err),
        2);
    EXPECT_NE(err.find("--layers: 5 but " + bitstream + " has layers 1..4"), std::string::npos)
        << err;
}

} // namespace
} // namespace lvc
