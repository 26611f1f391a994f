// Multi-scale SSIM (Wang, Simoncelli and Bovik 2003) of 8-bit frames.
#ifndef LVC_METRICS_MS_SSIM_H
#define LVC_METRICS_MS_SSIM_H

#include "io/frame.h"

#include <cstdint>

namespace lvc
{

/**
 * MS-SSIM of two planes: five scales (2x2 averaging between them) with the published weights
 * 0.0448, 0.2856, 0.3001, 0.2363, 0.1333; contrast-structure at scales 1..M-1, full SSIM at M,
 * negative terms clamped to 0. A plane too small for five scales of the 11x11 window uses the
 * scales that fit, weights renormalised (a 176x144 plane uses four). `ssim`, when given,
 * receives the plain SSIM (scale 1), which MS-SSIM computes on the way.
 */
double MsSsimPlane(const std::uint8_t* a,
                   const std::uint8_t* b,
                   int width,
                   int height,
                   double* ssim = nullptr);

/// MS-SSIM on luma.
double MsSsimY(const Frame& reference, const Frame& test, double* ssim = nullptr);

} // namespace lvc

#endif // LVC_METRICS_MS_SSIM_H
