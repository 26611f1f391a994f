// The residual arithmetic of the residual-layered baseline.
#ifndef LVC_BASELINE_RESIDUAL_H
#define LVC_BASELINE_RESIDUAL_H

#include "io/frame.h"

namespace lvc
{

/// Residuals are coded as pictures offset to mid-grey.
constexpr int kResidualOffset = 128;

/**
 * What `reconstruction` misses of `source`, as a picture: clip(source - reconstruction + 128,
 * 0, 255) per sample, every plane. Differences beyond -128..127 are clipped (they are rare after
 * the base layer and the next layer codes what is left).
 */
Frame MakeResidual(const Frame& source, const Frame& reconstruction);

/// clip(reconstruction + residual - 128, 0, 255) per sample: the next layer's reconstruction.
Frame AddResidual(const Frame& reconstruction, const Frame& residual);

} // namespace lvc

#endif // LVC_BASELINE_RESIDUAL_H
