#include "tiny-model.h"

#include "test-support.h"

#include <cstdio>
#include <map>
#include <sstream>

namespace lvc
{
namespace test
{

const char* const kStreet = "videos/y4m/street_384x216_54f.y4m";

ModelConfig
TinyConfig()
{
    ModelConfig c;
    c.iterations = 4;
    c.code_channels = 4;
    c.encoder_width = 8;
    c.state_width = 8;
    c.decoder_width = 16;
    return c;
}

TrainingFrames
TinyData()
{
    ReadOptions read;
    read.max_frames = 4;
    return TrainingFrames(ReadFrames(Shared(kStreet), 4, read));
}

TrainOptions
TinyTraining(const std::string& checkpoint, std::int64_t steps, std::uint64_t seed)
{
    TrainOptions o;
    o.config = TinyConfig();
    o.checkpoint = checkpoint;
    o.steps = steps;
    o.batch = 4;
    o.patch_px = 32;
    o.seed = seed;
    o.learning_rate = 3e-3;
    o.threads = 1;
    o.log_every = 1000;
    o.warmup_steps = 5;
    return o;
}

std::string
TinyCheckpoint(std::uint64_t seed)
{
    static std::map<std::uint64_t, std::string> made;
    if (made.count(seed) == 0)
    {
        std::string checkpoint = ScratchPath("tiny-" + std::to_string(seed) + ".ckpt");
        std::remove(checkpoint.c_str());
        std::ostringstream log;
        Train(TinyTraining(checkpoint, 3, seed), TinyData(), log);
        made[seed] = checkpoint;
    }
    return made[seed];
}

std::string
TinyWeights(std::uint64_t seed)
{
    static std::map<std::uint64_t, std::string> made;
    if (made.count(seed) == 0)
    {
        made[seed] = ScratchPath("tiny-" + std::to_string(seed) + ".safetensors");
        ExportWeights(TinyCheckpoint(seed), made[seed], "F32");
    }
    return made[seed];
}

BitstreamHeader
OneChunkHeader(const NeuralCodec& codec, int width, int height, int frames)
{
    BitstreamHeader h;
    h.weights_sha256 = codec.WeightsSha256();
    h.width = width;
    h.height = height;
    h.fps = 25;
    h.frames = static_cast<std::uint32_t>(frames);
    h.frames_per_chunk = static_cast<std::uint32_t>(frames);
    h.chunks = 1;
    h.layers = codec.Config().iterations;
    h.code_channels = codec.Config().code_channels;
    return h;
}

} // namespace test
} // namespace lvc
