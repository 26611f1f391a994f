// What the restoration network trains on: frames of the training sources coded by the wavelet
// codec and decoded from every layer prefix, beside their originals.
#ifndef LVC_RESTORE_RESTORATION_DATA_H
#define LVC_RESTORE_RESTORATION_DATA_H

#include "io/frame.h"
#include "train/training-data.h"
#include "wavelet/wavelet-chunk.h"

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace lvc
{

struct RestorationDataOptions
{
    int chunk_frames = 33;       ///< consecutive frames coded as one chunk (GOP 32 + its key)
    int chunks_per_source = 2;   ///< of a video source (pictures: one frame)
    int frames_per_prefix = 6;   ///< decoded frames kept per chunk and layer prefix
    int min_side = 64;           ///< smaller sources are skipped
    std::uint64_t seed = 1;      ///< picks the frames kept
    WaveletCodingOptions coding; ///< as the shipped profiles code
};

/// A batch of paired patches.
struct RestorationBatch
{
    std::vector<Frame> decoded;
    std::vector<Frame> original;
    std::vector<float> hints;
};

/**
 * \brief Decoded frames with their originals and noise hints, made by running the codec: each
 * source's first chunks are encoded, every layer prefix decoded, and a few frames of each kept.
 */
class RestorationData
{
  public:
    RestorationData(const std::vector<TrainingSource>& sources,
                    const RestorationDataOptions& options,
                    const std::function<void(const std::string&)>& progress = {});

    std::size_t Size() const;

    /// `count` random paired `side` x `side` crops (even offsets, random flips), drawn with `rng`.
    RestorationBatch SamplePatches(std::mt19937_64& rng, int count, int side) const;

    /// Mean PSNR-Y of the decoded samples against their originals (what exit 1 scores).
    double PlainPsnrY_db() const;

  private:
    struct Sample
    {
        Frame decoded;
        std::size_t original;
        float hint;
    };

    std::vector<Frame> m_originals;
    std::vector<Sample> m_samples;
};

} // namespace lvc

#endif // LVC_RESTORE_RESTORATION_DATA_H
