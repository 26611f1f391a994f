#include "io/frame-converter.h"

extern "C"
{
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include <cstring>
#include <stdexcept>
#include <string>

namespace lvc
{

namespace
{

constexpr int kScaleFlags = SWS_LANCZOS | SWS_ACCURATE_RND | SWS_BITEXACT;

/// The "J" (JPEG, full-range) pixel formats are the plain ones with full range.
AVPixelFormat
WithoutJpegRange(AVPixelFormat format, bool& full_range)
{
    switch (format)
    {
    case AV_PIX_FMT_YUVJ420P:
        full_range = true;
        return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P:
        full_range = true;
        return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P:
        full_range = true;
        return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P:
        full_range = true;
        return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P:
        full_range = true;
        return AV_PIX_FMT_YUV411P;
    default:
        return format;
    }
}

void
CopyPlane(const std::uint8_t* src, int src_stride, std::uint8_t* dst, int width, int height)
{
    for (int y = 0; y < height; ++y)
    {
        std::memcpy(dst + static_cast<std::size_t>(y) * width,
                    src + static_cast<std::ptrdiff_t>(y) * src_stride,
                    width);
    }
}

} // namespace

FrameConverter::FrameConverter(int out_width, int out_height, CropRect crop)
    : m_out_width(out_width),
      m_out_height(out_height),
      m_crop(crop)
{
}

Frame
FrameConverter::Convert(const AVFrame& picture)
{
    CropRect crop = m_crop.IsSet() ? m_crop : CropRect{0, 0, picture.width, picture.height};
    if (crop.x < 0 || crop.y < 0 || crop.x + crop.width > picture.width ||
        crop.y + crop.height > picture.height)
    {
        throw std::runtime_error(
            "the crop " + std::to_string(crop.width) + "x" + std::to_string(crop.height) + "+" +
            std::to_string(crop.x) + "+" + std::to_string(crop.y) + " does not fit the " +
            std::to_string(picture.width) + "x" + std::to_string(picture.height) + " picture");
    }
    int out_width = m_out_width > 0 ? m_out_width : crop.width;
    int out_height = m_out_height > 0 ? m_out_height : crop.height;
    ColorMatrix matrix =
        picture.colorspace == AVCOL_SPC_BT709 ? ColorMatrix::kBt709 : ColorMatrix::kBt601;
    Frame out(out_width, out_height, matrix);

    bool full_range = picture.color_range == AVCOL_RANGE_JPEG;
    auto format = WithoutJpegRange(static_cast<AVPixelFormat>(picture.format), full_range);
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    if (!desc)
    {
        throw std::runtime_error("unknown pixel format " + std::to_string(picture.format));
    }
    if (desc->flags & AV_PIX_FMT_FLAG_RGB)
    {
        full_range = true;
    }
    bool whole =
        crop.x == 0 && crop.y == 0 && crop.width == picture.width && crop.height == picture.height;
    if (format == AV_PIX_FMT_YUV420P && !full_range && whole && out_width == crop.width &&
        out_height == crop.height)
    {
        for (int p = 0; p < Frame::kPlaneCount; ++p)
        {
            CopyPlane(picture.data[p],
                      picture.linesize[p],
                      out.Plane(p),
                      out.PlaneWidth(p),
                      out.PlaneHeight(p));
        }
        return out;
    }

    // Point each plane at the crop's top-left sample.
    int pixel_steps[4] = {0};
    av_image_fill_max_pixsteps(pixel_steps, nullptr, desc);
    const std::uint8_t* src[4] = {nullptr};
    int src_strides[4] = {0};
    for (int p = 0; p < 4 && picture.data[p]; ++p)
    {
        bool chroma = (p == 1 || p == 2) && !(desc->flags & AV_PIX_FMT_FLAG_RGB);
        int shift_x = chroma ? desc->log2_chroma_w : 0;
        int shift_y = chroma ? desc->log2_chroma_h : 0;
        src[p] = picture.data[p] +
                 static_cast<std::ptrdiff_t>(crop.y >> shift_y) * picture.linesize[p] +
                 static_cast<std::ptrdiff_t>(crop.x >> shift_x) * pixel_steps[p];
        src_strides[p] = picture.linesize[p];
    }
    m_sws.reset(sws_getCachedContext(m_sws.release(),
                                     crop.width,
                                     crop.height,
                                     format,
                                     out_width,
                                     out_height,
                                     AV_PIX_FMT_YUV420P,
                                     kScaleFlags,
                                     nullptr,
                                     nullptr,
                                     nullptr));
    if (!m_sws)
    {
        throw std::runtime_error(std::string("cannot convert from pixel format ") + desc->name);
    }
    const int* coefficients =
        sws_getCoefficients(matrix == ColorMatrix::kBt709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT);
    const int kUnitBrightness = 0;
    const int kUnitContrast = 1 << 16;
    const int kUnitSaturation = 1 << 16;
    sws_setColorspaceDetails(m_sws.get(),
                             coefficients,
                             full_range ? 1 : 0,
                             coefficients,
                             0,
                             kUnitBrightness,
                             kUnitContrast,
                             kUnitSaturation);
    std::uint8_t* dst[4] = {out.Plane(0), out.Plane(1), out.Plane(2), nullptr};
    int dst_strides[4] = {out.PlaneWidth(0), out.PlaneWidth(1), out.PlaneWidth(2), 0};
    sws_scale(m_sws.get(), src, src_strides, 0, crop.height, dst, dst_strides);
    return out;
}

AvFramePtr
ToAvFrame(const Frame& frame)
{
    AvFramePtr picture = AllocFrame();
    picture->format = AV_PIX_FMT_YUV420P;
    picture->width = frame.Width();
    picture->height = frame.Height();
    picture->color_range = AVCOL_RANGE_MPEG;
    picture->colorspace = ToAvColorSpace(frame.Matrix());
    if (av_frame_get_buffer(picture.get(), 0) < 0)
    {
        throw std::bad_alloc();
    }
    // Encoders' SIMD may read past the width into the row padding: make it defined, so that an
    // encode never depends on what the heap held before.
    for (AVBufferRef* buffer : picture->buf)
    {
        if (buffer)
        {
            std::memset(buffer->data, 0, buffer->size);
        }
    }
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        for (int y = 0; y < frame.PlaneHeight(p); ++y)
        {
            std::memcpy(picture->data[p] + static_cast<std::ptrdiff_t>(y) * picture->linesize[p],
                        frame.Plane(p) + static_cast<std::size_t>(y) * frame.PlaneWidth(p),
                        frame.PlaneWidth(p));
        }
    }
    return picture;
}

AVColorSpace
ToAvColorSpace(ColorMatrix matrix)
{
    return matrix == ColorMatrix::kBt709 ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
}

} // namespace lvc
