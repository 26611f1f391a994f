// Training pictures for the B frames' layers: what the interpolation of a frame from its coded
// anchors misses, as the codec will see it at encode time.
#ifndef LVC_TRAIN_INTERPOLATION_ERRORS_H
#define LVC_TRAIN_INTERPOLATION_ERRORS_H

#include "io/frame.h"
#include "train/training-data.h"

#include <functional>
#include <vector>

namespace lvc
{

struct InterpolationErrorOptions
{
    int gop_frames = 8;  ///< anchors every gop_frames frames, as the codec's default
    int groups = 3;      ///< groups of pictures taken from the start of each video
    int max_width = 720; ///< wider videos are read at half size (or less) first
};

/// Codes an anchor as the codec would and returns its reconstruction; `group` counts from 0.
using AnchorCoder = std::function<Frame(const Frame& anchor, int group)>;

/**
 * The interpolation errors clip(source - interpolation + 128) of the B frames of the first
 * `groups` groups of pictures of the video `source` (pictures, and videos shorter than one group,
 * give none): anchors reconstructed by `code_anchor`, B frames interpolated from them with the
 * vectors of an x264 encode (interp/), exactly as the encoder forms them.
 */
std::vector<Frame> InterpolationErrorFrames(const TrainingSource& source,
                                            const InterpolationErrorOptions& options,
                                            const AnchorCoder& code_anchor);

} // namespace lvc

#endif // LVC_TRAIN_INTERPOLATION_ERRORS_H
