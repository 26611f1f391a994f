// Conversions go through libswscale so that they are FFmpeg's own (bit-exact flags for
// reproducible metrics).
#include "io/color.h"

#include "io/av-holders.h"

#include <stdexcept>

namespace lvc
{

namespace
{

constexpr int kRgbFlags =
    SWS_BICUBIC | SWS_FULL_CHR_H_INT | SWS_FULL_CHR_H_INP | SWS_ACCURATE_RND | SWS_BITEXACT;

const int*
Coefficients(ColorMatrix matrix)
{
    return sws_getCoefficients(matrix == ColorMatrix::kBt709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT);
}

SwsPtr
MakeContext(int width, int height, AVPixelFormat from, AVPixelFormat to)
{
    SwsPtr context(sws_getContext(width,
                                  height,
                                  from,
                                  width,
                                  height,
                                  to,
                                  kRgbFlags,
                                  nullptr,
                                  nullptr,
                                  nullptr));
    if (!context)
    {
        throw std::runtime_error("libswscale cannot convert between YUV and RGB");
    }
    return context;
}

void
SetRanges(SwsContext* context, ColorMatrix matrix, int src_full, int dst_full)
{
    const int kUnitBrightness = 0;
    const int kUnitContrast = 1 << 16;
    const int kUnitSaturation = 1 << 16;
    sws_setColorspaceDetails(context,
                             Coefficients(matrix),
                             src_full,
                             Coefficients(matrix),
                             dst_full,
                             kUnitBrightness,
                             kUnitContrast,
                             kUnitSaturation);
}

} // namespace

RgbImage
ToRgb(const Frame& frame)
{
    RgbImage image;
    image.width = frame.Width();
    image.height = frame.Height();
    for (auto& plane : image.planes)
    {
        plane.assign(static_cast<std::size_t>(image.width) * image.height, 0);
    }
    SwsPtr context = MakeContext(image.width, image.height, AV_PIX_FMT_YUV420P, AV_PIX_FMT_GBRP);
    SetRanges(context.get(), frame.Matrix(), 0, 1);
    const std::uint8_t* src[4] = {frame.Plane(0), frame.Plane(1), frame.Plane(2), nullptr};
    int src_strides[4] = {frame.PlaneWidth(0), frame.PlaneWidth(1), frame.PlaneWidth(2), 0};
    // GBRP stores G, B, R.
    std::uint8_t* dst[4] = {image.planes[1].data(),
                            image.planes[2].data(),
                            image.planes[0].data(),
                            nullptr};
    int dst_strides[4] = {image.width, image.width, image.width, 0};
    sws_scale(context.get(), src, src_strides, 0, image.height, dst, dst_strides);
    return image;
}

Frame
FromRgb(const RgbImage& image, ColorMatrix matrix)
{
    Frame frame(image.width, image.height, matrix);
    SwsPtr context = MakeContext(image.width, image.height, AV_PIX_FMT_GBRP, AV_PIX_FMT_YUV420P);
    SetRanges(context.get(), matrix, 1, 0);
    const std::uint8_t* src[4] = {image.planes[1].data(),
                                  image.planes[2].data(),
                                  image.planes[0].data(),
                                  nullptr};
    int src_strides[4] = {image.width, image.width, image.width, 0};
    std::uint8_t* dst[4] = {frame.Plane(0), frame.Plane(1), frame.Plane(2), nullptr};
    int dst_strides[4] = {frame.PlaneWidth(0), frame.PlaneWidth(1), frame.PlaneWidth(2), 0};
    sws_scale(context.get(), src, src_strides, 0, image.height, dst, dst_strides);
    return frame;
}

} // namespace lvc
