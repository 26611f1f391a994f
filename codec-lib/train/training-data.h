// What the codec trains on: the training side of the shared clips and extra real videos/images,
// loaded as frames, and random 64x64 patches drawn from them.
#ifndef LVC_TRAIN_TRAINING_DATA_H
#define LVC_TRAIN_TRAINING_DATA_H

#include "io/frame.h"
#include "io/read-options.h"

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace lvc
{

/// A side x side crop of `source` at (x0, y0) (even), optionally mirrored each way.
Frame CropFlip(const Frame& source, int x0, int y0, int side, bool flip_x, bool flip_y);

/// One file to take frames from, how to read it, and which frames to keep.
struct TrainingSource
{
    std::string path;
    ReadOptions read;
    int frame_step = 1; ///< keep every frame_step-th frame
    int max_frames = 0; ///< 0: all kept frames
};

/// Shared clips and their side of the split (see codec-lib/README.md, "Training data").
struct SharedClip
{
    const char* path; ///< relative to the shared folder
    bool held_out;
    const char* why;
};

/**
 * The fixed split of the shared clips. Held out: the Foreman / Mobile & Calendar family (the CIF
 * Foreman stream and its y4m, the Mobile stream and its y4m, and the QCIF scene-cut stream that
 * splices both). Training: the flower, street (1080p and its y4m) and PDF clips.
 */
const std::vector<SharedClip>& SharedClipSplit();

/**
 * The training sources: the training side of the shared clips (under `shared_dir`) at native
 * and half size, plus every file listed in `extra_list` (one path per line; videos keep every
 * 8th frame, up to 60, pictures are read as one frame scaled to at most 1280 wide).
 */
std::vector<TrainingSource> DefaultTrainingSources(const std::string& shared_dir,
                                                   const std::string& extra_list);

/// Frames of every source, kept in memory as 4:2:0 Frames.
class TrainingFrames
{
  public:
    /// Reads the sources; `progress` gets one line per file. A file that cannot be read is an
    /// ns3::InputError naming it.
    TrainingFrames(const std::vector<TrainingSource>& sources,
                   int min_side,
                   const std::function<void(const std::string&)>& progress = {});
    /// Frames given directly (tests).
    explicit TrainingFrames(std::vector<Frame> frames);

    std::size_t Size() const;
    std::size_t Pixels() const;

    /**
     * Adds interpolation-error pictures (train/interpolation-errors.h): from then on a patch comes
     * from them with probability `fraction` (0..1), from the frames otherwise. Pictures smaller
     * than `min_side` are dropped.
     */
    void AddErrorFrames(std::vector<Frame> errors, double fraction, int min_side);
    std::size_t ErrorFrameCount() const;

    /**
     * `count` random `side` x `side` crops (even offsets) with random horizontal and vertical
     * flips, drawn with `rng` (so a batch is a function of the seed and the step).
     */
    std::vector<Frame> SamplePatches(std::mt19937_64& rng, int count, int side) const;

  private:
    std::vector<Frame> m_frames;
    std::vector<Frame> m_errors;
    double m_error_fraction = 0;
};

} // namespace lvc

#endif // LVC_TRAIN_TRAINING_DATA_H
