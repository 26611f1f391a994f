// Decoded FFmpeg pictures <-> Frame (internal to codec-lib's .cc files).
#ifndef LVC_IO_FRAME_CONVERTER_H
#define LVC_IO_FRAME_CONVERTER_H

#include "io/av-holders.h"
#include "io/frame.h"

namespace lvc
{

/**
 * \brief Converts pictures of any pixel format and range to limited-range 4:2:0 Frames: crop
 * first, then scale (Lanczos, bit-exact rounding so that profiles are reproducible).
 *
 * A picture that already is limited-range yuv420p of the output size is copied, not filtered.
 * Throws std::runtime_error when the crop does not fit the picture.
 */
class FrameConverter
{
  public:
    /// out_width/out_height 0: the (cropped) picture's size.
    FrameConverter(int out_width = 0, int out_height = 0, CropRect crop = {});

    Frame Convert(const AVFrame& picture);

  private:
    int m_out_width;
    int m_out_height;
    CropRect m_crop;
    SwsPtr m_sws;
};

/// A yuv420p AVFrame holding a copy of the frame (for encoders).
AvFramePtr ToAvFrame(const Frame& frame);

/// The frame's matrix as FFmpeg's colour space.
AVColorSpace ToAvColorSpace(ColorMatrix matrix);

} // namespace lvc

#endif // LVC_IO_FRAME_CONVERTER_H
