// Tiny neural models for fast tests: a few training steps on a few frames of a training clip.
#ifndef LVC_TEST_TINY_MODEL_H
#define LVC_TEST_TINY_MODEL_H

#include "bitstream/bitstream-format.h"
#include "nn/neural-codec.h"
#include "train/trainer.h"

#include <cstdint>
#include <string>

namespace lvc
{
namespace test
{

/// A training-side clip (codec-lib/train/training-data.cc's split).
extern const char* const kStreet;

/// K = 4 layers, 4 code channels, narrow widths.
ModelConfig TinyConfig();
/// Four frames of the street clip.
TrainingFrames TinyData();
/// Training options for the tiny model: batch 4 of 32x32 patches, one thread.
TrainOptions TinyTraining(const std::string& checkpoint,
                          std::int64_t steps,
                          std::uint64_t seed = 1);
/// The checkpoint of tiny weights trained for a few steps, made once per seed and process.
std::string TinyCheckpoint(std::uint64_t seed = 1);
/// Those weights exported as F32, made once per seed and process.
std::string TinyWeights(std::uint64_t seed = 1);
/// The header of a one-chunk file of `frames` frames at 25 fps coded by `codec` (coding options
/// still to apply).
BitstreamHeader OneChunkHeader(const NeuralCodec& codec, int width, int height, int frames);

} // namespace test
} // namespace lvc

#endif // LVC_TEST_TINY_MODEL_H
