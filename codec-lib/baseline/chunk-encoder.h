// One chunk through x264 or x265 and back: its real size and its decoded frames.
#ifndef LVC_BASELINE_CHUNK_ENCODER_H
#define LVC_BASELINE_CHUNK_ENCODER_H

#include "io/frame.h"
#include "io/video-encoder.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lvc
{

enum class StandardCodec
{
    kX264,
    kX265,
};

struct StandardCodecSettings
{
    StandardCodec codec = StandardCodec::kX264;
    std::string preset; ///< empty: DefaultPreset(codec)
    /// Threads of one encoder. With more than 1, x264's and x265's 1-pass ABR/VBV decisions
    /// depend on thread timing and sizes vary from run to run: keep 1 for reproducible
    /// profiles and encode representations in parallel instead (LadderOptions::parallel).
    int threads = 1;
    /// VBV: maximum rate = factor x target, buffer = target x chunk duration, so that a chunk's
    /// size stays near its nominal rate without forcing constant bits per frame.
    double max_rate_factor = 1.5;
};

/// "x264" / "x265"; the libavcodec encoder and decoder names; the default presets.
std::string CodecLabel(StandardCodec codec);
std::string EncoderName(StandardCodec codec);
std::string DecoderName(StandardCodec codec);
std::string DefaultPreset(StandardCodec codec);
StandardCodec ParseStandardCodec(const std::string& label);

struct ChunkEncoding
{
    std::uint64_t bytes = 0; ///< every packet after SEI removal: what a client downloads
    std::vector<Frame> decoded;
    std::vector<EncodedPacket> packets; ///< the chunk's stream, as a client would fetch it
};

/**
 * Encodes frames as one closed GOP sequence of its own: a fresh encoder per chunk starts with an
 * IDR and references nothing outside the chunk (scene-cut key frames inside it are allowed).
 * 1-pass ABR at `bitrate_bps` with VBV (see StandardCodecSettings). SEI NAL units (the encoders'
 * settings text, hundreds of bytes per chunk) are removed with the filter_units bitstream filter.
 * The packets are decoded back with libavcodec's h264/hevc decoder.
 */
ChunkEncoding EncodeChunk(const std::vector<Frame>& frames,
                          double fps,
                          double bitrate_bps,
                          const StandardCodecSettings& settings);

/// What EncodeChunk does, for a profile's codec.settings.
nlohmann::ordered_json EncoderSettingsJson(const StandardCodecSettings& settings, int gop_frames);

} // namespace lvc

#endif // LVC_BASELINE_CHUNK_ENCODER_H
