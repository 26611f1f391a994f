#include "baseline/residual.h"

#include <algorithm>
#include <stdexcept>

namespace lvc
{

namespace
{

constexpr int kMaxSample = 255;

void
CheckSizes(const Frame& a, const Frame& b)
{
    if (!a.SameSize(b) || a.Empty())
    {
        throw std::invalid_argument("residual arithmetic needs two frames of the same size");
    }
}

} // namespace

Frame
MakeResidual(const Frame& source, const Frame& reconstruction)
{
    CheckSizes(source, reconstruction);
    Frame residual(source.Width(), source.Height(), source.Matrix());
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        const std::uint8_t* s = source.Plane(p);
        const std::uint8_t* r = reconstruction.Plane(p);
        std::uint8_t* out = residual.Plane(p);
        for (std::size_t i = 0; i < source.PlaneSize(p); ++i)
        {
            int v = static_cast<int>(s[i]) - static_cast<int>(r[i]) + kResidualOffset;
            out[i] = static_cast<std::uint8_t>(std::clamp(v, 0, kMaxSample));
        }
    }
    return residual;
}

Frame
AddResidual(const Frame& reconstruction, const Frame& residual)
{
    CheckSizes(reconstruction, residual);
    Frame out(reconstruction.Width(), reconstruction.Height(), reconstruction.Matrix());
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        const std::uint8_t* r = reconstruction.Plane(p);
        const std::uint8_t* d = residual.Plane(p);
        std::uint8_t* o = out.Plane(p);
        for (std::size_t i = 0; i < reconstruction.PlaneSize(p); ++i)
        {
            int v = static_cast<int>(r[i]) + static_cast<int>(d[i]) - kResidualOffset;
            o[i] = static_cast<std::uint8_t>(std::clamp(v, 0, kMaxSample));
        }
    }
    return out;
}

} // namespace lvc
