#include "wavelet/block-motion.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

/// The raised-cosine window of a block of `size` samples over 2 x size samples:
/// w(i) + w(i + size) = 1.
std::vector<float>
Window(int size)
{
    std::vector<float> w(static_cast<std::size_t>(2 * size));
    for (int i = 0; i < 2 * size; ++i)
    {
        const double s = std::sin(M_PI * (i + 0.5) / (2.0 * size));
        w[static_cast<std::size_t>(i)] = static_cast<float>(s * s);
    }
    return w;
}

/// For each sample position along one axis: the two blocks whose windows cover it (clamped to
/// the grid) and the weight of the first.
struct AxisBlend
{
    std::vector<int> first;
    std::vector<float> weight;
};

AxisBlend
BlendAlong(int samples, int block)
{
    const std::vector<float> w = Window(block);
    AxisBlend out;
    out.first.resize(static_cast<std::size_t>(samples));
    out.weight.resize(static_cast<std::size_t>(samples));
    const int half = block / 2;
    for (int i = 0; i < samples; ++i)
    {
        // Block b's window starts at b * block - half.
        const int b = (i + half) / block - 1;      // the block whose window's second half holds i
        const int offset = i - (b * block - half); // in [block, 2 block) for block b
        out.first[static_cast<std::size_t>(i)] = b;
        out.weight[static_cast<std::size_t>(i)] = w[static_cast<std::size_t>(offset)];
    }
    return out;
}

int
ClampIndex(int b, int n)
{
    return b < 0 ? 0 : (b >= n ? n - 1 : b);
}

} // namespace

MotionGrid::MotionGrid(int w, int h, bool has_future)
    : width(w),
      height(h),
      cols((w + kBlock - 1) / kBlock),
      rows((h + kBlock - 1) / kBlock),
      bidirectional(has_future),
      blocks(static_cast<std::size_t>(cols) * rows),
      leaf_blocks(static_cast<std::size_t>(cols) * rows, 1)
{
}

void
MotionGrid::SetLeaf(int bx, int by, int size, const BlockMotion& motion)
{
    for (int y = by; y < std::min(by + size, rows); ++y)
    {
        for (int x = bx; x < std::min(bx + size, cols); ++x)
        {
            At(x, y) = motion;
            leaf_blocks[static_cast<std::size_t>(y) * cols + x] = static_cast<std::uint8_t>(size);
        }
    }
}

std::array<double, 2>
MotionGrid::ReferenceShares() const
{
    std::array<double, 2> shares{0, 0};
    for (const BlockMotion& b : blocks)
    {
        if (b.mode == PredictionMode::kBoth)
        {
            shares[0] += 0.5;
            shares[1] += 0.5;
        }
        else
        {
            shares[static_cast<std::size_t>(b.mode)] += 1;
        }
    }
    if (!blocks.empty())
    {
        shares[0] /= static_cast<double>(blocks.size());
        shares[1] /= static_cast<double>(blocks.size());
    }
    return shares;
}

Reference::Reference(const FloatPicture& picture)
    : luma(picture[0]),
      u(picture[1]),
      v(picture[2])
{
}

FloatPicture
PredictPicture(const MotionGrid& motion, const Reference* past, const Reference* future)
{
    if (past == nullptr && future == nullptr)
    {
        throw std::invalid_argument("motion compensation without a reference");
    }
    for (const BlockMotion& b : motion.blocks)
    {
        if ((b.Uses(0) && past == nullptr) || (b.Uses(1) && future == nullptr))
        {
            throw std::invalid_argument("motion compensation: a block uses a missing reference");
        }
    }
    const std::array<const Reference*, 2> refs{past, future};
    FloatPicture out;
    for (int plane = 0; plane < 3; ++plane)
    {
        const int shift = plane == 0 ? 0 : 1;
        const int w = plane == 0 ? motion.width : motion.width / 2;
        const int h = plane == 0 ? motion.height : motion.height / 2;
        const int block = MotionGrid::kBlock >> shift;
        out[static_cast<std::size_t>(plane)] = FloatPlane(w, h);
        FloatPlane& dst = out[static_cast<std::size_t>(plane)];
        const AxisBlend bx = BlendAlong(w, block);
        const AxisBlend by = BlendAlong(h, block);
        // One block's prediction of the sample (x, y).
        auto predict = [&](const BlockMotion& b, int x, int y) -> float {
            float acc = 0;
            int n = 0;
            for (int r = 0; r < 2; ++r)
            {
                if (!b.Uses(r))
                {
                    continue;
                }
                const Reference& ref = *refs[static_cast<std::size_t>(r)];
                const MotionVector mv = b.mv[static_cast<std::size_t>(r)];
                if (plane == 0)
                {
                    acc += ref.luma.At(x, y, mv.x, mv.y);
                }
                else
                {
                    // A quarter luma sample is an eighth of a chroma sample.
                    const FloatPlane& c = plane == 1 ? ref.u : ref.v;
                    acc += SampleEighth(c, 8 * x + mv.x, 8 * y + mv.y);
                }
                ++n;
            }
            return n == 2 ? 0.5F * acc : acc;
        };
        for (int y = 0; y < h; ++y)
        {
            const int b0y = by.first[static_cast<std::size_t>(y)];
            const float wy = by.weight[static_cast<std::size_t>(y)];
            const int ya = ClampIndex(b0y, motion.rows);
            const int yb = ClampIndex(b0y + 1, motion.rows);
            for (int x = 0; x < w; ++x)
            {
                const int b0x = bx.first[static_cast<std::size_t>(x)];
                const float wx = bx.weight[static_cast<std::size_t>(x)];
                const int xa = ClampIndex(b0x, motion.cols);
                const int xb = ClampIndex(b0x + 1, motion.cols);
                const BlockMotion& m00 = motion.At(xa, ya);
                const BlockMotion& m10 = motion.At(xb, ya);
                const BlockMotion& m01 = motion.At(xa, yb);
                const BlockMotion& m11 = motion.At(xb, yb);
                const float p00 = predict(m00, x, y);
                const float p10 = &m10 == &m00 ? p00 : predict(m10, x, y);
                const float p01 = &m01 == &m00 ? p00 : predict(m01, x, y);
                const float p11 = &m11 == &m10 ? p10 : (&m11 == &m01 ? p01 : predict(m11, x, y));
                const float top = wx * p00 + (1 - wx) * p10;
                const float bottom = wx * p01 + (1 - wx) * p11;
                dst.At(x, y) = wy * top + (1 - wy) * bottom;
            }
        }
    }
    return out;
}

} // namespace lvc
