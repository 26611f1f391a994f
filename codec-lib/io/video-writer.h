// Writes Frames to a video file so that a person can look at them.
#ifndef LVC_IO_VIDEO_WRITER_H
#define LVC_IO_VIDEO_WRITER_H

#include "io/frame.h"

#include <cstdint>
#include <memory>
#include <string>

namespace lvc
{

enum class WriteQuality
{
    kLossless, ///< .mp4: x264 lossless (qp 0); .mkv/.nut/.avi: FFV1
    kHigh,     ///< x264 CRF 12 (.mp4/.mkv)
};

struct WriteOptions
{
    double fps = 25;
    WriteQuality quality = WriteQuality::kLossless;
};

/**
 * \brief Encodes and muxes frames into a file; the container follows the file's extension.
 * An unknown extension, .y4m (libavformat's y4m muxer takes only wrapped frames) or an
 * unwritable path is an ns3::InputError naming the file.
 */
class VideoWriter
{
  public:
    VideoWriter(const std::string& path, int width, int height, const WriteOptions& options = {});
    /// Closes the file if Close was not called (errors then are swallowed: call Close).
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    void Write(const Frame& frame);
    /// Flushes the encoder and writes the trailer.
    void Close();

    std::int64_t FramesWritten() const;
    /// The libavcodec encoder used.
    const std::string& Encoder() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lvc

#endif // LVC_IO_VIDEO_WRITER_H
