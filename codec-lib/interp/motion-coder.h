// The motion side information of a chunk's B frames, entropy coded for the base layer.
#ifndef LVC_INTERP_MOTION_CODER_H
#define LVC_INTERP_MOTION_CODER_H

#include "interp/anchor-motion.h"
#include "interp/frame-hierarchy.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/**
 * Codes each B frame's two motion fields (past, then future) with the adaptive binary
 * arithmetic coder: per 16x16 macroblock a quadtree down to the 4x4 blocks (split flags: a leaf
 * is a square whose blocks move alike, as H.264's partitions), per leaf its validity in the
 * context of its left and upper neighbours', then "same vector as the left / upper block"
 * flags, else the vector's difference from H.264's median predictor in quarter pixels,
 * Exp-Golomb binarised with adaptive models. A future vector is first tried as the mirror of
 * the same block's past vector (scaled by the anchors' distances: uniform motion). One motion
 * per B frame of `hierarchy`, in its order.
 * Vectors are rounded to quarter pixels (H.264's precision: exact for x264's vectors); the
 * encoder interpolates from DecodeMotion's result so that both sides warp alike.
 */
std::vector<std::uint8_t> EncodeMotion(const FrameHierarchy& hierarchy,
                                       const std::vector<AnchorMotion>& b_motion);

/**
 * The inverse: the B frames of `hierarchy`, frames of `width` x `height` (anchors filled in).
 * Throws std::runtime_error when the data cannot be motion of that geometry (a vector out of
 * range, data cut short).
 */
std::vector<AnchorMotion> DecodeMotion(const std::uint8_t* data,
                                       std::size_t size,
                                       const FrameHierarchy& hierarchy,
                                       int width,
                                       int height);

} // namespace lvc

#endif // LVC_INTERP_MOTION_CODER_H
