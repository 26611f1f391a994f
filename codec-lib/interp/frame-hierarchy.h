// Which frames of a chunk are coded as anchors (key frames) and which are interpolated from them.
#ifndef LVC_INTERP_FRAME_HIERARCHY_H
#define LVC_INTERP_FRAME_HIERARCHY_H

#include "interp/anchor-motion.h"
#include "io/frame.h"

#include <vector>

namespace lvc
{

/**
 * \brief The anchors of a chunk of `frames` frames with a group of `gop_frames`: display indices
 * 0, G, 2G, ... and the last frame; every other frame is a B frame between the anchors around
 * it. The structure AnchorMotionOf asks x264 for, so that a decoder derives it from the frame
 * count, G and the scene cuts alone. gop_frames 0 or 1: every frame is an anchor (intra coding).
 * A scene cut (a frame that starts a new shot) is an anchor and restarts the count: after
 * anchor a the next is min(a + G, the first cut after a, the last frame).
 */
struct FrameHierarchy
{
    std::vector<int> anchors;  ///< display indices, increasing
    std::vector<int> b_frames; ///< display indices, increasing
    std::vector<int> past;     ///< per B frame, the index in `anchors` of its past anchor
    std::vector<int> future;   ///< per B frame, the index in `anchors` of its future anchor

    /// `cuts`: increasing display indices in 1..frames - 1 (std::invalid_argument otherwise).
    static FrameHierarchy Of(int frames, int gop_frames, const std::vector<int>& cuts = {});
    int Frames() const;
};

/**
 * Throws std::runtime_error when x264's anchors (AnchorMotionOf) are not those of `hierarchy`.
 */
void CheckMotionMatches(const FrameHierarchy& hierarchy, const std::vector<AnchorMotion>& motion);

/**
 * Every B frame's prediction (in hierarchy.b_frames order) from the reconstructed anchors (in
 * hierarchy.anchors order) and the B frames' motion (`b_motion`, one per B frame).
 */
std::vector<Frame> InterpolateBFrames(const FrameHierarchy& hierarchy,
                                      const std::vector<AnchorMotion>& b_motion,
                                      const std::vector<Frame>& anchors);

/// Frames in display order from the anchors and B frames, each in hierarchy order.
std::vector<Frame> InDisplayOrder(const FrameHierarchy& hierarchy,
                                  std::vector<Frame> anchors,
                                  std::vector<Frame> b_frames);

} // namespace lvc

#endif // LVC_INTERP_FRAME_HIERARCHY_H
