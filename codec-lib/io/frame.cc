#include "io/frame.h"

#include <stdexcept>
#include <string>

namespace lvc
{

namespace
{
constexpr std::uint8_t kBlackLuma = 16; // limited range
constexpr std::uint8_t kNeutralChroma = 128;
} // namespace

Frame::Frame(int width, int height, ColorMatrix matrix)
    : m_width(width),
      m_height(height),
      m_matrix(matrix)
{
    if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
    {
        throw std::invalid_argument("a 4:2:0 frame needs an even width and height > 0, not " +
                                    std::to_string(width) + "x" + std::to_string(height));
    }
    for (int p = 0; p < kPlaneCount; ++p)
    {
        m_planes[p].assign(PlaneSize(p), p == kPlaneY ? kBlackLuma : kNeutralChroma);
    }
}

int
Frame::Width() const
{
    return m_width;
}

int
Frame::Height() const
{
    return m_height;
}

bool
Frame::Empty() const
{
    return m_width == 0;
}

int
Frame::PlaneWidth(int plane) const
{
    return plane == kPlaneY ? m_width : m_width / 2;
}

int
Frame::PlaneHeight(int plane) const
{
    return plane == kPlaneY ? m_height : m_height / 2;
}

std::size_t
Frame::PlaneSize(int plane) const
{
    return static_cast<std::size_t>(PlaneWidth(plane)) * PlaneHeight(plane);
}

std::uint8_t*
Frame::Plane(int plane)
{
    return m_planes.at(plane).data();
}

const std::uint8_t*
Frame::Plane(int plane) const
{
    return m_planes.at(plane).data();
}

ColorMatrix
Frame::Matrix() const
{
    return m_matrix;
}

void
Frame::SetMatrix(ColorMatrix matrix)
{
    m_matrix = matrix;
}

bool
Frame::SameSize(const Frame& other) const
{
    return m_width == other.m_width && m_height == other.m_height;
}

bool
Frame::operator==(const Frame& other) const
{
    return SameSize(other) && m_planes == other.m_planes;
}

bool
Frame::operator!=(const Frame& other) const
{
    return !(*this == other);
}

} // namespace lvc
