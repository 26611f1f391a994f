// Bidirectional motion-compensated interpolation of a frame from its two decoded anchors.
#ifndef LVC_INTERP_INTERPOLATION_H
#define LVC_INTERP_INTERPOLATION_H

#include "interp/anchor-motion.h"
#include "io/frame.h"

namespace lvc
{

/**
 * The prediction of a B frame from its decoded anchors: each block warped (bilinear) from the
 * anchors its vectors point into, averaged where it has both; a block with no vector (intra in
 * the x264 encode) takes the two anchors at the same place, weighted by temporal distance.
 * `t`, `past_t`, `future_t`: display indices. std::invalid_argument when sizes differ.
 */
Frame InterpolateFrame(const Frame& past,
                       const Frame& future,
                       const AnchorMotion& motion,
                       int t,
                       int past_t,
                       int future_t);

/// The same without motion: the anchors blended by temporal distance (the no-vector baseline).
Frame BlendAnchors(const Frame& past, const Frame& future, int t, int past_t, int future_t);

} // namespace lvc

#endif // LVC_INTERP_INTERPOLATION_H
