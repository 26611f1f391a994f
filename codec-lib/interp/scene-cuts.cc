#include "interp/scene-cuts.h"

#include <array>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

constexpr int kBins = 64;

std::array<double, kBins>
NormalizedLumaHistogram(const Frame& frame)
{
    std::array<double, kBins> histogram{};
    const std::uint8_t* y = frame.Plane(Frame::kPlaneY);
    const std::size_t n = frame.PlaneSize(Frame::kPlaneY);
    for (std::size_t i = 0; i < n; ++i)
    {
        histogram[y[i] * kBins / 256] += 1;
    }
    for (double& h : histogram)
    {
        h /= static_cast<double>(n);
    }
    return histogram;
}

} // namespace

double
LumaHistogramDistance(const Frame& a, const Frame& b)
{
    if (a.Width() != b.Width() || a.Height() != b.Height())
    {
        throw std::invalid_argument("scene cuts: frames of different sizes");
    }
    const std::array<double, kBins> ha = NormalizedLumaHistogram(a);
    const std::array<double, kBins> hb = NormalizedLumaHistogram(b);
    double distance = 0;
    for (int i = 0; i < kBins; ++i)
    {
        distance += std::abs(ha[i] - hb[i]);
    }
    return distance;
}

std::vector<int>
SceneCuts(const std::vector<Frame>& frames, const SceneCutOptions& options)
{
    std::vector<int> cuts;
    for (std::size_t t = 1; t < frames.size(); ++t)
    {
        if (LumaHistogramDistance(frames[t - 1], frames[t]) > options.histogram_distance)
        {
            cuts.push_back(static_cast<int>(t));
        }
    }
    return cuts;
}

} // namespace lvc
