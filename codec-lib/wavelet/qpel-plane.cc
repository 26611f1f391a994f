#include "wavelet/qpel-plane.h"

#include <algorithm>

namespace lvc
{

namespace
{

// HEVC's luma interpolation filters (taps at -3..+4), per quarter phase, in 1/64.
constexpr std::array<std::array<float, 8>, 4> kTaps{{
    {0, 0, 0, 64, 0, 0, 0, 0},
    {-1, 4, -10, 58, 17, -5, 1, 0},
    {-1, 4, -11, 40, 40, -11, 4, -1},
    {0, 1, -5, 17, 58, -10, 4, -1},
}};

} // namespace

QpelPlane::QpelPlane(const FloatPlane& plane, int pad)
    : m_width(plane.width),
      m_height(plane.height),
      m_stride(plane.width + 2 * std::clamp(pad, 1, kPad)),
      m_pad(std::clamp(pad, 1, kPad))
{
    // The padded source, with 4 more samples on each side for the filters' taps.
    const int margin = m_pad + 4;
    const int sw = plane.width + 2 * margin;
    const int sh = plane.height + 2 * margin;
    std::vector<float> source(static_cast<std::size_t>(sw) * sh);
    for (int y = 0; y < sh; ++y)
    {
        const int py = std::clamp(y - margin, 0, plane.height - 1);
        for (int x = 0; x < sw; ++x)
        {
            const int px = std::clamp(x - margin, 0, plane.width - 1);
            source[static_cast<std::size_t>(y) * sw + x] = plane.At(px, py);
        }
    }
    const int rows = plane.height + 2 * m_pad;
    const auto stride = static_cast<std::size_t>(m_stride);
    // Horizontal phases over every source row, then vertical phases of each; every output is
    // written tap by tap along rows (the inner loops vectorise), the first tap assigning.
    auto filter =
        [](const std::array<float, 8>& taps, const float* in, std::size_t step, float* out, int n) {
            bool first = true;
            for (int t = 0; t < 8; ++t)
            {
                const float tap = taps[static_cast<std::size_t>(t)];
                if (tap == 0)
                {
                    continue;
                }
                const float* s = in + static_cast<std::size_t>(t) * step;
                if (first)
                {
                    for (int x = 0; x < n; ++x)
                    {
                        out[x] = tap * s[x];
                    }
                    first = false;
                }
                else
                {
                    for (int x = 0; x < n; ++x)
                    {
                        out[x] += tap * s[x];
                    }
                }
            }
            for (int x = 0; x < n; ++x)
            {
                out[x] *= 1.0F / 64.0F;
            }
        };
    std::unique_ptr<float[]> horizontal(new float[stride * static_cast<std::size_t>(sh)]);
    for (int hx = 0; hx < 4; ++hx)
    {
        for (int y = 0; y < sh; ++y)
        {
            filter(kTaps[static_cast<std::size_t>(hx)],
                   source.data() + static_cast<std::size_t>(y) * sw + 4 - 3,
                   1,
                   horizontal.get() + static_cast<std::size_t>(y) * stride,
                   m_stride);
        }
        for (int vy = 0; vy < 4; ++vy)
        {
            std::unique_ptr<float[]>& phase = m_phases[static_cast<std::size_t>(vy * 4 + hx)];
            phase.reset(new float[stride * static_cast<std::size_t>(rows)]);
            for (int y = 0; y < rows; ++y)
            {
                filter(kTaps[static_cast<std::size_t>(vy)],
                       horizontal.get() + static_cast<std::size_t>(y + 4 - 3) * stride,
                       stride,
                       phase.get() + static_cast<std::size_t>(y) * stride,
                       m_stride);
            }
        }
    }
}

} // namespace lvc
