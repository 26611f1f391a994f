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
    /// Without Close, removes what was written: the file appears only when Close succeeds
    /// (it is written as PATH.partial and renamed), so an error leaves nothing half-written.
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    void Write(const Frame& frame);
    /// Flushes the encoder, writes the trailer and gives the file its name.
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
