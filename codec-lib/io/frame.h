// An 8-bit 4:2:0 picture: what every codec-lib part reads, codes and measures.
#ifndef LVC_IO_FRAME_H
#define LVC_IO_FRAME_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/// A rectangle of a picture, in pixels; width 0 means "the whole picture".
struct CropRect
{
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool IsSet() const
    {
        return width > 0 && height > 0;
    }
};

/// The YCbCr -> RGB matrix of a frame (used only when converting to RGB).
enum class ColorMatrix
{
    kBt601,
    kBt709,
};

/**
 * \brief A planar 8-bit 4:2:0 frame in limited ("TV") range, planes packed without padding.
 *
 * Decoding normalises every source to this (full-range sources are converted), so that encoders,
 * residual arithmetic and metrics all see one representation. Width and height are even.
 */
class Frame
{
  public:
    static constexpr int kPlaneY = 0;
    static constexpr int kPlaneU = 1;
    static constexpr int kPlaneV = 2;
    static constexpr int kPlaneCount = 3;

    Frame() = default;
    /// A black frame; throws std::invalid_argument unless width and height are even and > 0.
    Frame(int width, int height, ColorMatrix matrix = ColorMatrix::kBt601);

    int Width() const;
    int Height() const;
    bool Empty() const;
    int PlaneWidth(int plane) const;
    int PlaneHeight(int plane) const;
    std::size_t PlaneSize(int plane) const;
    std::uint8_t* Plane(int plane);
    const std::uint8_t* Plane(int plane) const;
    ColorMatrix Matrix() const;
    void SetMatrix(ColorMatrix matrix);

    bool SameSize(const Frame& other) const;
    /// Same size and the same samples (the matrix is metadata and is not compared).
    bool operator==(const Frame& other) const;
    bool operator!=(const Frame& other) const;

  private:
    int m_width = 0;
    int m_height = 0;
    ColorMatrix m_matrix = ColorMatrix::kBt601;
    std::array<std::vector<std::uint8_t>, kPlaneCount> m_planes;
};

} // namespace lvc

#endif // LVC_IO_FRAME_H
