// One libavcodec encoder: Frames in, compressed packets out.
#ifndef LVC_IO_VIDEO_ENCODER_H
#define LVC_IO_VIDEO_ENCODER_H

#include "io/frame.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct AVCodecContext;

namespace lvc
{

/// A compressed packet; timestamps in frames (the encoder's time base is 1/fps).
struct EncodedPacket
{
    std::vector<std::uint8_t> data;
    std::int64_t pts = 0;
    std::int64_t dts = 0;
    bool key = false;
};

/// A picture type asked of the encoder for one frame (libx264 honours it); kAuto: its choice.
enum class ForcedPictureType
{
    kAuto,
    kIntra,
    kPredicted,
    kBidirectional,
};

struct EncoderConfig
{
    std::string encoder; ///< libavcodec encoder name: libx264, libx265, ffv1, ...
    int width = 0;
    int height = 0;
    double fps = 25;
    std::int64_t bitrate_bps = 0;  ///< 0: no bitrate target (quality set through options)
    std::int64_t max_rate_bps = 0; ///< VBV maximum rate; 0: none
    std::int64_t buffer_bits = 0;  ///< VBV buffer; 0: none
    int gop_frames = 0;            ///< maximum key-frame interval; 0: the encoder's default
    int threads = 1;
    bool global_header = false; ///< parameter sets in extradata (for mp4/mkv) instead of in-band
    ColorMatrix matrix = ColorMatrix::kBt601;
    /// Encoder private options (preset, crf, x264-params, x265-params, ...), set in order.
    std::vector<std::pair<std::string, std::string>> options;
};

/**
 * \brief Encodes frames through libavcodec. Throws std::runtime_error when the encoder is missing
 * or refuses the settings (the message says which).
 */
class VideoEncoder
{
  public:
    explicit VideoEncoder(const EncoderConfig& config);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    /// Encodes one frame (as `type` when not kAuto); appends the packets that come out.
    void Send(const Frame& frame,
              std::vector<EncodedPacket>& out,
              ForcedPictureType type = ForcedPictureType::kAuto);
    /// Drains the encoder; appends the remaining packets. Send cannot follow.
    void Finish(std::vector<EncodedPacket>& out);

    /// The open codec context (for muxers and bitstream filters).
    const AVCodecContext& Context() const;

  private:
    void Drain(std::vector<EncodedPacket>& out);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lvc

#endif // LVC_IO_VIDEO_ENCODER_H
