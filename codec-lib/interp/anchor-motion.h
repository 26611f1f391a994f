// Motion of every frame of a group of pictures relative to its two anchors (the frames coded
// as key frames), from a libavcodec x264 encode with a fixed I/P-anchor, B-in-between structure.
#ifndef LVC_INTERP_ANCHOR_MOTION_H
#define LVC_INTERP_ANCHOR_MOTION_H

#include "io/frame.h"
#include "io/motion-field.h"

#include <cstdint>
#include <vector>

namespace lvc
{

/// One frame's place in the anchor structure and its motion to each anchor.
struct AnchorMotion
{
    bool is_anchor = false;
    int past_anchor = -1;         ///< display index of the anchor before (B frames)
    int future_anchor = -1;       ///< display index of the anchor after (B frames)
    MotionField past;             ///< list-0 vectors: into the past anchor
    MotionField future;           ///< list-1 vectors: into the future anchor
    std::uint64_t x264_bytes = 0; ///< the frame's packet in the x264 encode
};

struct AnchorMotionOptions
{
    int gop_frames = 8; ///< anchors every gop_frames frames (and the last frame); 2..17
    int crf = 30;       ///< x264's quality (30: smooth vectors, few bytes)
    double fps = 25;
    /// Display indices of the anchors when they are not every gop_frames frames (scene cuts):
    /// x264 is then told each frame's type; at most gop_frames - 1 B frames between two. Empty:
    /// the regular structure, left to x264's fixed B-frame placement.
    std::vector<int> anchors;
};

/**
 * Encodes `frames` with x264 (an I frame, then a P anchor every gop_frames frames, or at
 * options.anchors, and on the last frame, B frames in between that reference only those two
 * anchors: no B pyramid, one reference, no scene-cut decisions of its own), decodes it with
 * export_mvs and returns, per frame in display order, its anchors and motion fields. Throws
 * std::runtime_error when the encoder or decoder fails.
 */
std::vector<AnchorMotion> AnchorMotionOf(const std::vector<Frame>& frames,
                                         const AnchorMotionOptions& options);

} // namespace lvc

#endif // LVC_INTERP_ANCHOR_MOTION_H
