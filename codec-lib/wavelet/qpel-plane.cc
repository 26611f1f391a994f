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

QpelPlane::QpelPlane(const FloatPlane& plane)
    : m_width(plane.width),
      m_height(plane.height),
      m_stride(plane.width + 2 * kPad)
{
    // The padded source, with 4 more samples on each side for the filters' taps.
    const int margin = kPad + 4;
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
    const int rows = plane.height + 2 * kPad;
    // Horizontal phases over every source row, then vertical phases of each.
    for (int hx = 0; hx < 4; ++hx)
    {
        std::vector<float> horizontal(static_cast<std::size_t>(m_stride) * sh);
        for (int y = 0; y < sh; ++y)
        {
            const float* in = source.data() + static_cast<std::size_t>(y) * sw;
            float* out = horizontal.data() + static_cast<std::size_t>(y) * m_stride;
            for (int x = 0; x < m_stride; ++x)
            {
                const float* s = in + x + 4 - 3;
                float acc = 0;
                for (int t = 0; t < 8; ++t)
                {
                    acc += kTaps[static_cast<std::size_t>(hx)][static_cast<std::size_t>(t)] * s[t];
                }
                out[x] = acc * (1.0F / 64.0F);
            }
        }
        for (int vy = 0; vy < 4; ++vy)
        {
            std::vector<float>& phase = m_phases[static_cast<std::size_t>(vy * 4 + hx)];
            phase.assign(static_cast<std::size_t>(m_stride) * rows, 0.0F);
            for (int y = 0; y < rows; ++y)
            {
                float* out = phase.data() + static_cast<std::size_t>(y) * m_stride;
                for (int t = 0; t < 8; ++t)
                {
                    const float tap =
                        kTaps[static_cast<std::size_t>(vy)][static_cast<std::size_t>(t)];
                    if (tap == 0)
                    {
                        continue;
                    }
                    const float* in =
                        horizontal.data() + static_cast<std::size_t>(y + 4 - 3 + t) * m_stride;
                    for (int x = 0; x < m_stride; ++x)
                    {
                        out[x] += tap * in[x];
                    }
                }
                for (int x = 0; x < m_stride; ++x)
                {
                    out[x] *= 1.0F / 64.0F;
                }
            }
        }
    }
}

float
SampleEighth(const FloatPlane& plane, int x8, int y8)
{
    const int x0 = x8 >> 3;
    const int y0 = y8 >> 3;
    const float fx = static_cast<float>(x8 & 7) * (1.0F / 8.0F);
    const float fy = static_cast<float>(y8 & 7) * (1.0F / 8.0F);
    const int xa = std::clamp(x0, 0, plane.width - 1);
    const int xb = std::clamp(x0 + 1, 0, plane.width - 1);
    const int ya = std::clamp(y0, 0, plane.height - 1);
    const int yb = std::clamp(y0 + 1, 0, plane.height - 1);
    const float top = plane.At(xa, ya) + fx * (plane.At(xb, ya) - plane.At(xa, ya));
    const float bottom = plane.At(xa, yb) + fx * (plane.At(xb, yb) - plane.At(xa, yb));
    return top + fy * (bottom - top);
}

} // namespace lvc
