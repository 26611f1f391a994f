#include "metrics/ms-ssim.h"

#include "metrics/gaussian-ssim.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace lvc
{

namespace
{

constexpr int kScales = 5;
constexpr double kWeights[kScales] = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};

/// 2x2 averaging; an odd last row or column is dropped.
std::vector<float>
Downsample(const std::vector<float>& plane, int width, int height)
{
    int w = width / 2;
    int h = height / 2;
    std::vector<float> out(static_cast<std::size_t>(w) * h);
    for (int y = 0; y < h; ++y)
    {
        const float* r0 = plane.data() + static_cast<std::size_t>(2 * y) * width;
        const float* r1 = r0 + width;
        for (int x = 0; x < w; ++x)
        {
            out[static_cast<std::size_t>(y) * w + x] =
                0.25f * (r0[2 * x] + r0[2 * x + 1] + r1[2 * x] + r1[2 * x + 1]);
        }
    }
    return out;
}

} // namespace

double
MsSsimPlane(const std::uint8_t* a, const std::uint8_t* b, int width, int height, double* ssim)
{
    if (width < kSsimWindow || height < kSsimWindow)
    {
        throw std::invalid_argument("MS-SSIM needs a plane of at least 11x11 samples");
    }
    int scales = 1;
    while (scales < kScales && (width >> scales) >= kSsimWindow &&
           (height >> scales) >= kSsimWindow)
    {
        ++scales;
    }
    double weight_sum = 0;
    for (int s = 0; s < scales; ++s)
    {
        weight_sum += kWeights[s];
    }
    std::vector<float> fa = ToFloatPlane(a, width, height);
    std::vector<float> fb = ToFloatPlane(b, width, height);
    double result = 1;
    for (int s = 0; s < scales; ++s)
    {
        SsimTerms terms = GaussianSsimTerms(fa.data(), fb.data(), width, height);
        if (s == 0 && ssim)
        {
            *ssim = terms.ssim;
        }
        double term = s + 1 < scales ? terms.contrast_structure : terms.ssim;
        result *= std::pow(std::max(0.0, term), kWeights[s] / weight_sum);
        if (s + 1 < scales)
        {
            fa = Downsample(fa, width, height);
            fb = Downsample(fb, width, height);
            width /= 2;
            height /= 2;
        }
    }
    return result;
}

double
MsSsimY(const Frame& reference, const Frame& test, double* ssim)
{
    if (!reference.SameSize(test) || reference.Empty())
    {
        throw std::invalid_argument("MS-SSIM needs two non-empty frames of the same size");
    }
    return MsSsimPlane(reference.Plane(Frame::kPlaneY),
                       test.Plane(Frame::kPlaneY),
                       reference.Width(),
                       reference.Height(),
                       ssim);
}

} // namespace lvc
