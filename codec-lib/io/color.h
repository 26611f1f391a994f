// 4:2:0 frames <-> full-range 8-bit RGB (the metrics' RGB PSNR; the neural codec's input).
#ifndef LVC_IO_COLOR_H
#define LVC_IO_COLOR_H

#include "io/frame.h"

#include <array>
#include <cstdint>
#include <vector>

namespace lvc
{

/// A planar full-range 8-bit RGB picture (planes R, G, B, packed without padding).
struct RgbImage
{
    static constexpr int kChannels = 3;

    int width = 0;
    int height = 0;
    std::array<std::vector<std::uint8_t>, kChannels> planes;
};

/// YCbCr (limited range, the frame's matrix) -> RGB, chroma upsampled with full interpolation.
RgbImage ToRgb(const Frame& frame);

/// RGB -> limited-range 4:2:0 with the given matrix.
Frame FromRgb(const RgbImage& image, ColorMatrix matrix = ColorMatrix::kBt601);

} // namespace lvc

#endif // LVC_IO_COLOR_H
