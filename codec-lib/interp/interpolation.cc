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
    const Frame from_past = WarpFrame(past, motion.past);
    const Frame from_future = WarpFrame(future, motion.future);
    const double w_future = static_cast<double>(t - past_t) / (future_t - past_t);
    Frame out(past.Width(), past.Height(), past.Matrix());
    for (int p = 0; p < 3; ++p)
    {
        const int sub = p == 0 ? 1 : 2; // chroma: a sample covers 2x2 luma pixels
        const int w = out.PlaneWidth(p);
        for (int y = 0; y < out.PlaneHeight(p); ++y)
        {
            for (int x = 0; x < w; ++x)
            {
                const int lx = std::min(x * sub, past.Width() - 1);
                const int ly = std::min(y * sub, past.Height() - 1);
                const bool vp = motion.past.valid[motion.past.BlockIndex(lx, ly)] != 0;
                const bool vf = motion.future.valid[motion.future.BlockIndex(lx, ly)] != 0;
                const std::size_t i = static_cast<std::size_t>(y) * w + x;
                double wf = vp && vf ? 0.5 : (vf ? 1.0 : (vp ? 0.0 : w_future));
                out.Plane(p)[i] =
                    Clip((1 - wf) * from_past.Plane(p)[i] + wf * from_future.Plane(p)[i]);
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
