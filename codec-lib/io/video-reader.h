// Decodes any FFmpeg-readable video (raw H.264/HEVC streams, y4m, mp4, mkv, ...) to Frames.
#ifndef LVC_IO_VIDEO_READER_H
#define LVC_IO_VIDEO_READER_H

#include "io/frame.h"
#include "io/motion-field.h"
#include "io/read-options.h"

#include <cstdint>
#include <memory>
#include <string>

namespace lvc
{

/// What the reader found and what it returns.
struct StreamInfo
{
    std::string path;
    std::string container; ///< libavformat demuxer
    std::string codec;     ///< decoder
    int source_width = 0;
    int source_height = 0;
    std::string source_pixel_format;
    bool source_full_range = false; ///< converted to limited range on reading
    int width = 0;                  ///< of the frames returned
    int height = 0;
    double fps = 0;
    std::string fps_origin; ///< "option", "bitstream" (H.264 VUI) or "container"
};

/**
 * \brief Frame-by-frame decoding through libavformat/libavcodec, with crop, scale and range
 * normalisation (every frame comes out as limited-range 4:2:0, see Frame).
 *
 * The constructor decodes the first frame, so that a file that is missing, not a video, holds no
 * frame, has odd dimensions or has no frame rate fails there, with an ns3::InputError that names
 * the file and the option. Raw elementary streams (a demuxer with a "framerate" option) carry a
 * rate only in their bitstream timing (H.264 VUI); libavformat's 25 fps default is not trusted.
 */
class VideoReader
{
  public:
    explicit VideoReader(const std::string& path, const ReadOptions& options = {});
    ~VideoReader();
    VideoReader(const VideoReader&) = delete;
    VideoReader& operator=(const VideoReader&) = delete;

    const StreamInfo& Info() const;

    /// The next frame (and its motion field when asked for); false after the last one.
    bool Read(Frame& frame, MotionField* motion = nullptr);

    /// Frames returned so far.
    std::int64_t FramesRead() const;
    /// Packets the decoder rejected as invalid (concealed by skipping them).
    std::int64_t RejectedPackets() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lvc

#endif // LVC_IO_VIDEO_READER_H
