#include "metrics/psnr.h"

#include "io/color.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

constexpr double kPeak = 255;

void
CheckSizes(const Frame& reference, const Frame& test)
{
    if (!reference.SameSize(test) || reference.Empty())
    {
        throw std::invalid_argument("PSNR needs two non-empty frames of the same size");
    }
}

std::uint64_t
SquaredErrorSum(const std::uint8_t* a, const std::uint8_t* b, std::size_t count)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < count; ++i)
    {
        int d = static_cast<int>(a[i]) - static_cast<int>(b[i]);
        sum += static_cast<std::uint32_t>(d * d);
    }
    return sum;
}

} // namespace

double
MeanSquaredError(const std::uint8_t* a, const std::uint8_t* b, std::size_t count)
{
    if (count == 0)
    {
        throw std::invalid_argument("MSE of no samples");
    }
    return static_cast<double>(SquaredErrorSum(a, b, count)) / count;
}

double
PsnrFromMse_db(double mse)
{
    if (mse <= 0)
    {
        return kMaxPsnr_db;
    }
    return std::min(kMaxPsnr_db, 10 * std::log10(kPeak * kPeak / mse));
}

double
PsnrY_db(const Frame& reference, const Frame& test)
{
    CheckSizes(reference, test);
    return PsnrFromMse_db(MeanSquaredError(reference.Plane(Frame::kPlaneY),
                                           test.Plane(Frame::kPlaneY),
                                           reference.PlaneSize(Frame::kPlaneY)));
}

double
MeanPsnrY_db(const std::vector<Frame>& reference, const std::vector<Frame>& test)
{
    if (reference.empty() || reference.size() != test.size())
    {
        throw std::invalid_argument(
            "mean PSNR: two sequences of the same, non-zero length expected");
    }
    double sum = 0;
    for (std::size_t i = 0; i < reference.size(); ++i)
    {
        sum += PsnrY_db(reference[i], test[i]);
    }
    return sum / static_cast<double>(reference.size());
}

double
PsnrYuv_db(const Frame& reference, const Frame& test)
{
    CheckSizes(reference, test);
    std::uint64_t sum = 0;
    std::size_t count = 0;
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        sum += SquaredErrorSum(reference.Plane(p), test.Plane(p), reference.PlaneSize(p));
        count += reference.PlaneSize(p);
    }
    return PsnrFromMse_db(static_cast<double>(sum) / count);
}

double
PsnrRgb_db(const Frame& reference, const Frame& test)
{
    CheckSizes(reference, test);
    RgbImage a = ToRgb(reference);
    RgbImage b = ToRgb(test);
    std::uint64_t sum = 0;
    std::size_t count = 0;
    for (int c = 0; c < RgbImage::kChannels; ++c)
    {
        sum += SquaredErrorSum(a.planes[c].data(), b.planes[c].data(), a.planes[c].size());
        count += a.planes[c].size();
    }
    return PsnrFromMse_db(static_cast<double>(sum) / count);
}

} // namespace lvc
