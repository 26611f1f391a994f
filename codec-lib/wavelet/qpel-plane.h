// A reference plane interpolated at every quarter-sample position (HEVC's 8-tap luma filters),
// padded by edge replication so that a vector may point outside the picture.
#ifndef LVC_WAVELET_QPEL_PLANE_H
#define LVC_WAVELET_QPEL_PLANE_H

#include "wavelet/float-plane.h"

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace lvc
{

class QpelPlane
{
  public:
    static constexpr int kPad = 80; ///< the most padding on every side (the motion search's)

    QpelPlane() = default;
    /// `pad`: samples of padding on every side (1..kPad), enough for the vectors that will
    /// point into it (a decoder knows them: PaddingFor).
    explicit QpelPlane(const FloatPlane& plane, int pad = kPad);

    int Width() const
    {
        return m_width;
    }

    int Height() const
    {
        return m_height;
    }

    /// The sample at (x + qx / 4, y + qy / 4) for qx, qy in quarter samples; x + (qx >> 2) and
    /// y + (qy >> 2) must lie within the padding of the picture.
    float At(int x, int y, int qx, int qy) const
    {
        const float* phase = m_phases[static_cast<std::size_t>((qy & 3) * 4 + (qx & 3))].get();
        return phase[static_cast<std::size_t>(y + (qy >> 2) + m_pad) *
                         static_cast<std::size_t>(m_stride) +
                     static_cast<std::size_t>(x + (qx >> 2) + m_pad)];
    }

    /// The row of phase (qx & 3, qy & 3) at picture row y + (qy >> 2), from picture column
    /// x + (qx >> 2): consecutive samples along x.
    const float* Row(int x, int y, int qx, int qy) const
    {
        const float* phase = m_phases[static_cast<std::size_t>((qy & 3) * 4 + (qx & 3))].get();
        return phase +
               static_cast<std::size_t>(y + (qy >> 2) + m_pad) *
                   static_cast<std::size_t>(m_stride) +
               static_cast<std::size_t>(x + (qx >> 2) + m_pad);
    }

  private:
    int m_width = 0;
    int m_height = 0;
    int m_stride = 0;
    int m_pad = kPad;
    /// (qy & 3) * 4 + (qx & 3); left uninitialised until written (no zero fill)
    std::array<std::unique_ptr<float[]>, 16> m_phases;
};

} // namespace lvc

#endif // LVC_WAVELET_QPEL_PLANE_H
