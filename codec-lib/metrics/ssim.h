// Structural similarity (Wang et al. 2004) of 8-bit frames.
#ifndef LVC_METRICS_SSIM_H
#define LVC_METRICS_SSIM_H

#include "io/frame.h"

#include <cstdint>

namespace lvc
{

/**
 * SSIM of two planes with Wang et al.'s 11x11 Gaussian window (sigma 1.5, K1 0.01, K2 0.03,
 * L 255), averaged over every valid window position; no downsampling. Planes of at least 11x11.
 */
double SsimPlane(const std::uint8_t* a, const std::uint8_t* b, int width, int height);

/// SSIM on luma: what profiles report.
double SsimY(const Frame& reference, const Frame& test);

/**
 * FFmpeg's (and x264's) approximation: unweighted 8x8 windows on a 4-sample grid, integer sums.
 * Only for cross-checking against libavfilter's ssim filter; codec-lib reports SsimPlane.
 */
double SsimPlaneBlock8x8(const std::uint8_t* a, const std::uint8_t* b, int width, int height);

} // namespace lvc

#endif // LVC_METRICS_SSIM_H
