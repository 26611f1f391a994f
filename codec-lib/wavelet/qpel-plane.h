// A reference plane interpolated at every quarter-sample position (HEVC's 8-tap luma filters),
// padded by edge replication so that a vector may point outside the picture.
#ifndef LVC_WAVELET_QPEL_PLANE_H
#define LVC_WAVELET_QPEL_PLANE_H

#include "wavelet/float-plane.h"

#include <array>
#include <cstddef>
#include <vector>

namespace lvc
{

class QpelPlane
{
  public:
    static constexpr int kPad = 80; ///< samples of padding on every side

    QpelPlane() = default;
    explicit QpelPlane(const FloatPlane& plane);

    int Width() const
    {
        return m_width;
    }

    int Height() const
    {
        return m_height;
    }

    /// The sample at (x + qx / 4, y + qy / 4) for qx, qy in quarter samples; x + (qx >> 2) and
    /// y + (qy >> 2) must lie within kPad - 4 of the picture.
    float At(int x, int y, int qx, int qy) const
    {
        const std::vector<float>& phase =
            m_phases[static_cast<std::size_t>((qy & 3) * 4 + (qx & 3))];
        return phase[static_cast<std::size_t>(y + (qy >> 2) + kPad) *
                         static_cast<std::size_t>(m_stride) +
                     static_cast<std::size_t>(x + (qx >> 2) + kPad)];
    }

    /// The row of phase (qx & 3, qy & 3) at picture row y + (qy >> 2), from picture column
    /// x + (qx >> 2): consecutive samples along x.
    const float* Row(int x, int y, int qx, int qy) const
    {
        const std::vector<float>& phase =
            m_phases[static_cast<std::size_t>((qy & 3) * 4 + (qx & 3))];
        return phase.data() +
               static_cast<std::size_t>(y + (qy >> 2) + kPad) * static_cast<std::size_t>(m_stride) +
               static_cast<std::size_t>(x + (qx >> 2) + kPad);
    }

  private:
    int m_width = 0;
    int m_height = 0;
    int m_stride = 0;
    std::array<std::vector<float>, 16> m_phases; ///< (qy & 3) * 4 + (qx & 3)
};

/// Bilinear sample of a plane at (x, y) in 1/8 samples, coordinates clamped to the picture
/// (chroma motion compensation: half the luma vector).
float SampleEighth(const FloatPlane& plane, int x8, int y8);

} // namespace lvc

#endif // LVC_WAVELET_QPEL_PLANE_H
