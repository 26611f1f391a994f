// Block motion estimation for the wavelet codec's predicted pictures (the encoder's side only).
#ifndef LVC_WAVELET_MOTION_SEARCH_H
#define LVC_WAVELET_MOTION_SEARCH_H

#include "wavelet/block-motion.h"
#include "wavelet/float-plane.h"
#include "wavelet/qpel-plane.h"

namespace lvc
{

struct MotionSearchOptions
{
    /// Rate weight: sum of absolute differences traded per estimated bit of motion.
    double lambda = 16;
    int range_px = 64; ///< of the coarse search (at most MotionGrid::kMaxVector_qpel / 4)
};

/// A reference as the search sees it: the picture's luma and its quarter-sample planes.
struct SearchReference
{
    const FloatPlane* luma = nullptr;
    const QpelPlane* qpel = nullptr;
};

/**
 * The motion of `target` (luma) from `past` and, for a bidirectional picture, `future` (a null
 * luma: none), decided in the motion syntax's order with its predictors and merge candidates:
 * per 16x16 block a full search at quarter resolution gives a start; each quadtree node is
 * tried as a leaf (merge candidates; per reference integer refinement around the start, the
 * predictor and the neighbours' vectors, then half- and quarter-sample refinement; the cheapest
 * of past, future and both) and as four children, and the cheaper kept. Cost: SAD + lambda x
 * estimated bits.
 */
MotionGrid SearchMotion(const FloatPlane& target,
                        const SearchReference& past,
                        const SearchReference& future,
                        const MotionSearchOptions& options);

/// Bits of a vector difference as the motion syntax codes it, roughly (for the search's cost).
double VectorBits(MotionVector difference);

/// The median of three vectors per component (H.264's predictor).
MotionVector Median(MotionVector a, MotionVector b, MotionVector c);

} // namespace lvc

#endif // LVC_WAVELET_MOTION_SEARCH_H
