#include "metrics/ssim.h"

#include "metrics/gaussian-ssim.h"

#include <stdexcept>
#include <vector>

namespace lvc
{

double
SsimPlane(const std::uint8_t* a, const std::uint8_t* b, int width, int height)
{
    std::vector<float> fa = ToFloatPlane(a, width, height);
    std::vector<float> fb = ToFloatPlane(b, width, height);
    return GaussianSsimTerms(fa.data(), fb.data(), width, height).ssim;
}

double
SsimY(const Frame& reference, const Frame& test)
{
    if (!reference.SameSize(test) || reference.Empty())
    {
        throw std::invalid_argument("SSIM needs two non-empty frames of the same size");
    }
    return SsimPlane(reference.Plane(Frame::kPlaneY),
                     test.Plane(Frame::kPlaneY),
                     reference.Width(),
                     reference.Height());
}

namespace
{

struct BlockSums
{
    std::int64_t s1 = 0;  // sum of a
    std::int64_t s2 = 0;  // sum of b
    std::int64_t ss = 0;  // sum of a^2 + b^2
    std::int64_t s12 = 0; // sum of a * b
};

BlockSums
Sums4x4(const std::uint8_t* a, const std::uint8_t* b, int stride)
{
    BlockSums s;
    for (int y = 0; y < 4; ++y)
    {
        for (int x = 0; x < 4; ++x)
        {
            int va = a[y * stride + x];
            int vb = b[y * stride + x];
            s.s1 += va;
            s.s2 += vb;
            s.ss += va * va + vb * vb;
            s.s12 += va * vb;
        }
    }
    return s;
}

} // namespace

double
SsimPlaneBlock8x8(const std::uint8_t* a, const std::uint8_t* b, int width, int height)
{
    // The constants of libavfilter's vf_ssim.c, scaled for sums over 64 samples.
    const double c1 = static_cast<std::int64_t>(.01 * .01 * 255 * 255 * 64 + .5);
    const double c2 = static_cast<std::int64_t>(.03 * .03 * 255 * 255 * 64 * 63 + .5);
    const int cols = width / 4;
    const int rows = height / 4;
    if (cols < 2 || rows < 2)
    {
        throw std::invalid_argument("block SSIM needs a plane of at least 8x8 samples");
    }
    std::vector<BlockSums> sums(static_cast<std::size_t>(cols) * rows);
    for (int r = 0; r < rows; ++r)
    {
        for (int c = 0; c < cols; ++c)
        {
            std::size_t offset = static_cast<std::size_t>(4 * r) * width + 4 * c;
            sums[static_cast<std::size_t>(r) * cols + c] = Sums4x4(a + offset, b + offset, width);
        }
    }
    double total = 0;
    for (int r = 0; r + 1 < rows; ++r)
    {
        for (int c = 0; c + 1 < cols; ++c)
        {
            BlockSums w;
            for (int dr = 0; dr < 2; ++dr)
            {
                for (int dc = 0; dc < 2; ++dc)
                {
                    const BlockSums& s = sums[static_cast<std::size_t>(r + dr) * cols + c + dc];
                    w.s1 += s.s1;
                    w.s2 += s.s2;
                    w.ss += s.ss;
                    w.s12 += s.s12;
                }
            }
            double vars = static_cast<double>(w.ss * 64 - w.s1 * w.s1 - w.s2 * w.s2);
            double covar = static_cast<double>(w.s12 * 64 - w.s1 * w.s2);
            double s1s2 = static_cast<double>(w.s1 * w.s2);
            double squares = static_cast<double>(w.s1 * w.s1 + w.s2 * w.s2);
            total += (2 * s1s2 + c1) * (2 * covar + c2) / ((squares + c1) * (vars + c2));
        }
    }
    return total / (static_cast<double>(rows - 1) * (cols - 1));
}

} // namespace lvc
