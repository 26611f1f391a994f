#include "interp/interpolation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

void
CheckSizes(const Frame& a, const Frame& b)
{
    if (!a.SameSize(b))
    {
        throw std::invalid_argument("interpolation: frames of different sizes");
    }
}

std::uint8_t
Clip(double v)
{
    return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

} // namespace

Frame
InterpolateFrame(const Frame& past,
                 const Frame& future,
                 const AnchorMotion& motion,
                 int t,
                 int past_t,
                 int future_t)
{
    CheckSizes(past, future);
    if (motion.past.cols != motion.future.cols || motion.past.rows != motion.future.rows ||
        motion.past.block_size_px != motion.future.block_size_px)
    {
        throw std::invalid_argument("interpolation: the two motion fields' grids differ");
    }
    const Frame from_past = WarpFrame(past, motion.past);
    const Frame from_future = WarpFrame(future, motion.future);
    const double w_future = static_cast<double>(t - past_t) / (future_t - past_t);
    Frame out(past.Width(), past.Height(), past.Matrix());
    for (int p = 0; p < 3; ++p)
    {
        const int sub = p == 0 ? 1 : 2; // chroma: a sample covers 2x2 luma pixels
        const int w = out.PlaneWidth(p);
        const std::uint8_t* a = from_past.Plane(p);
        const std::uint8_t* b = from_future.Plane(p);
        std::uint8_t* o = out.Plane(p);
        const int h = out.PlaneHeight(p);
        const int side = std::max(1, motion.past.block_size_px / sub); // block side, this plane
        for (int y = 0; y < h; ++y)
        {
            const int ly = std::min(y * sub, past.Height() - 1);
            for (int x_begin = 0; x_begin < w; x_begin += side)
            {
                const std::size_t block = motion.past.BlockIndex(x_begin * sub, ly);
                const bool vp = motion.past.valid[block] != 0;
                const bool vf = motion.future.valid[block] != 0; // the same grid
                const int x_end = std::min(x_begin + side, w);
                const std::size_t row = static_cast<std::size_t>(y) * w;
                // Both vectors: the mean (rounded half up); one: that warp; none: the blend.
                for (int x = x_begin; x < x_end; ++x)
                {
                    const std::size_t i = row + x;
                    o[i] = vp && vf ? static_cast<std::uint8_t>((a[i] + b[i] + 1) / 2)
                           : vf     ? b[i]
                           : vp     ? a[i]
                                    : Clip((1 - w_future) * a[i] + w_future * b[i]);
                }
            }
        }
    }
    return out;
}

Frame
BlendAnchors(const Frame& past, const Frame& future, int t, int past_t, int future_t)
{
    CheckSizes(past, future);
    const double wf = static_cast<double>(t - past_t) / (future_t - past_t);
    Frame out(past.Width(), past.Height(), past.Matrix());
    for (int p = 0; p < 3; ++p)
    {
        for (std::size_t i = 0; i < out.PlaneSize(p); ++i)
        {
            out.Plane(p)[i] = Clip((1 - wf) * past.Plane(p)[i] + wf * future.Plane(p)[i]);
        }
    }
    return out;
}

} // namespace lvc
