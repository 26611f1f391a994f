// The Gaussian-window SSIM terms that SSIM and MS-SSIM share (internal to metrics/).
#ifndef LVC_METRICS_GAUSSIAN_SSIM_H
#define LVC_METRICS_GAUSSIAN_SSIM_H

#include <array>
#include <cstdint>
#include <vector>

namespace lvc
{

/// Wang et al. 2004: an 11x11 circular-symmetric Gaussian window, sigma 1.5 samples.
constexpr int kSsimWindow = 11;
constexpr double kSsimSigma = 1.5;
constexpr double kSsimK1 = 0.01;
constexpr double kSsimK2 = 0.03;
constexpr double kSsimPeak = 255;

/// The window's 1-D factor, normalised to sum 1 (the 2-D window is its outer product).
std::array<float, kSsimWindow> GaussianWindow1d();

/// Means over every window position that fits the plane ("valid" positions).
struct SsimTerms
{
    double ssim = 0;               ///< mean of l * c * s
    double contrast_structure = 0; ///< mean of c * s (MS-SSIM's per-scale term)
};

/**
 * SSIM terms of two planes of float samples on the 0..255 scale, row-major without padding.
 * Throws std::invalid_argument when the plane is smaller than the window.
 */
SsimTerms GaussianSsimTerms(const float* a, const float* b, int width, int height);

std::vector<float> ToFloatPlane(const std::uint8_t* samples, int width, int height);

} // namespace lvc

#endif // LVC_METRICS_GAUSSIAN_SSIM_H
