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

/// Each block's share of every sample along one axis: block b's window covers
/// [b * block - block / 2, b * block + 3 * block / 2); at the picture's ends the missing
/// neighbour's share goes to the block that exists, so the shares sum to one everywhere.
struct AxisShares
{
    std::vector<int> start; ///< per block: the first sample its window covers (clipped)
    std::vector<int> end;   ///< one past the last
    std::vector<std::vector<float>> weight; ///< per block, per covered sample
};

AxisShares
SharesAlong(int samples, int block, int blocks)
{
    const std::vector<float> w = Window(block);
    const int half = block / 2;
    AxisShares out;
    for (int b = 0; b < blocks; ++b)
    {
        const int start = std::max(0, b * block - half);
        const int end = std::min(samples, b * block + block + half);
        out.start.push_back(start);
        out.end.push_back(std::max(start, end));
        std::vector<float> weights;
        for (int i = start; i < end; ++i)
        {
            // Sample i lies in the second half of block `first`'s window and the first half of
            // the next one's; indices beyond the grid clamp to its ends.
            const int first = (i + half) / block - 1;
            const float w_first = w[static_cast<std::size_t>(i - (first * block - half))];
            float share = 0;
            if (std::clamp(first, 0, blocks - 1) == b)
            {
                share += w_first;
            }
            if (std::clamp(first + 1, 0, blocks - 1) == b)
            {
                share += 1.0F - w_first;
            }
            weights.push_back(share);
        }
        out.weight.push_back(std::move(weights));
    }
    return out;
}

FloatPlane
Padded(const FloatPlane& plane, int pad)
{
    FloatPlane out(plane.width + 2 * pad, plane.height + 2 * pad);
    for (int y = 0; y < out.height; ++y)
    {
        const float* src = plane.Row(std::clamp(y - pad, 0, plane.height - 1));
        float* dst = out.Row(y);
        for (int x = 0; x < out.width; ++x)
        {
            dst[x] = src[std::clamp(x - pad, 0, plane.width - 1)];
        }
    }
    return out;
}

/// One reference's prediction of a row segment [x0, x1) of row y for a block's vector, into
/// `out` (luma: a quarter-sample plane; chroma: bilinear at eighth samples in a padded plane).
void
PredictRow(const Reference& ref, int plane, MotionVector mv, int x0, int x1, int y, float* out)
{
    if (plane == 0)
    {
        const float* src = ref.luma.Row(x0, y, mv.x, mv.y);
        std::copy(src, src + (x1 - x0), out);
        return;
    }
    const FloatPlane& c = plane == 1 ? ref.u : ref.v;
    const int pad = ref.chroma_pad;
    const float fx = static_cast<float>(mv.x & 7) * (1.0F / 8.0F);
    const float fy = static_cast<float>(mv.y & 7) * (1.0F / 8.0F);
    const float* top = c.Row(y + (mv.y >> 3) + pad) + x0 + (mv.x >> 3) + pad;
    const float* bottom = top + c.width;
    for (int i = 0; i < x1 - x0; ++i)
    {
        const float t = top[i] + fx * (top[i + 1] - top[i]);
        const float b = bottom[i] + fx * (bottom[i + 1] - bottom[i]);
        out[i] = t + fy * (b - t);
    }
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

Reference::Reference(const FloatPicture& picture, int pad)
    : luma(picture[0], pad),
      chroma_pad(std::clamp(pad, 1, QpelPlane::kPad) / 2 + 2),
      u(Padded(picture[1], chroma_pad)),
      v(Padded(picture[2], chroma_pad))
{
}

int
PaddingFor(const std::vector<std::pair<const MotionGrid*, int>>& uses)
{
    int longest = 0;
    for (const auto& [grid, ref] : uses)
    {
        for (const BlockMotion& b : grid->blocks)
        {
            if (b.Uses(ref))
            {
                const MotionVector v = b.mv[static_cast<std::size_t>(ref)];
                longest = std::max({longest, std::abs(v.x), std::abs(v.y)});
            }
        }
    }
    // Whole samples the vector moves (rounded up) and one more for the filters' sub-sample
    // phase and the chroma's bilinear neighbour.
    return std::min(QpelPlane::kPad, (longest + 3) / 4 + 2);
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
        const AxisShares sx = SharesAlong(w, block, motion.cols);
        const AxisShares sy = SharesAlong(h, block, motion.rows);
        std::vector<float> first(static_cast<std::size_t>(w));
        std::vector<float> second(static_cast<std::size_t>(w));
        // Every block adds its prediction over its window, weighted by its shares.
        for (int by = 0; by < motion.rows; ++by)
        {
            for (int bx = 0; bx < motion.cols; ++bx)
            {
                const BlockMotion& b = motion.At(bx, by);
                const int x0 = sx.start[static_cast<std::size_t>(bx)];
                const int x1 = sx.end[static_cast<std::size_t>(bx)];
                const std::vector<float>& wx = sx.weight[static_cast<std::size_t>(bx)];
                const std::vector<float>& wy = sy.weight[static_cast<std::size_t>(by)];
                const int y0 = sy.start[static_cast<std::size_t>(by)];
                const int r0 = b.mode == PredictionMode::kFuture ? 1 : 0;
                for (int y = y0; y < sy.end[static_cast<std::size_t>(by)]; ++y)
                {
                    const float weight_y = wy[static_cast<std::size_t>(y - y0)];
                    if (weight_y == 0.0F)
                    {
                        continue;
                    }
                    PredictRow(*refs[static_cast<std::size_t>(r0)],
                               plane,
                               b.mv[static_cast<std::size_t>(r0)],
                               x0,
                               x1,
                               y,
                               first.data());
                    if (b.mode == PredictionMode::kBoth)
                    {
                        PredictRow(*refs[1], plane, b.mv[1], x0, x1, y, second.data());
                        for (int i = 0; i < x1 - x0; ++i)
                        {
                            first[static_cast<std::size_t>(i)] =
                                0.5F * (first[static_cast<std::size_t>(i)] +
                                        second[static_cast<std::size_t>(i)]);
                        }
                    }
                    float* row = dst.Row(y) + x0;
                    for (int i = 0; i < x1 - x0; ++i)
                    {
                        row[i] += weight_y * wx[static_cast<std::size_t>(i)] *
                                  first[static_cast<std::size_t>(i)];
                    }
                }
            }
        }
    }
    return out;
}

} // namespace lvc
