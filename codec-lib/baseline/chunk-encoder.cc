#include "baseline/chunk-encoder.h"

#include "io/bitstream-filter.h"
#include "io/packet-decoder.h"

#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

// SEI NAL unit types: H.264 6; HEVC 39 (prefix) and 40 (suffix).
constexpr const char* kStripSeiH264 = "filter_units=remove_types=6";
constexpr const char* kStripSeiHevc = "filter_units=remove_types=39|40";

constexpr const char* kX264Params = "open-gop=0:cpu-independent=1";

std::string
X265ThreadParams(int threads)
{
    return "frame-threads=1:pools=" + std::to_string(std::max(1, threads));
}

} // namespace

std::string
CodecLabel(StandardCodec codec)
{
    return codec == StandardCodec::kX264 ? "x264" : "x265";
}

std::string
EncoderName(StandardCodec codec)
{
    return codec == StandardCodec::kX264 ? "libx264" : "libx265";
}

std::string
DecoderName(StandardCodec codec)
{
    return codec == StandardCodec::kX264 ? "h264" : "hevc";
}

std::string
DefaultPreset(StandardCodec codec)
{
    return codec == StandardCodec::kX264 ? "medium" : "fast";
}

StandardCodec
ParseStandardCodec(const std::string& label)
{
    if (label == "x264")
    {
        return StandardCodec::kX264;
    }
    if (label == "x265")
    {
        return StandardCodec::kX265;
    }
    throw std::invalid_argument("unknown encoder '" + label + "' (x264 or x265)");
}

ChunkEncoding
EncodeChunk(const std::vector<Frame>& frames,
            double fps,
            double bitrate_bps,
            const StandardCodecSettings& settings)
{
    if (frames.empty())
    {
        throw std::invalid_argument("EncodeChunk: no frames");
    }
    if (!(std::isfinite(bitrate_bps) && bitrate_bps > 0))
    {
        throw std::invalid_argument("EncodeChunk: the bitrate must be > 0");
    }
    const auto gop = static_cast<int>(frames.size());
    const double duration_s = frames.size() / fps;
    EncoderConfig config;
    config.encoder = EncoderName(settings.codec);
    config.width = frames[0].Width();
    config.height = frames[0].Height();
    config.fps = fps;
    config.matrix = frames[0].Matrix();
    config.bitrate_bps = std::llround(bitrate_bps);
    config.max_rate_bps = std::llround(bitrate_bps * settings.max_rate_factor);
    config.buffer_bits = std::llround(bitrate_bps * duration_s);
    config.gop_frames = gop;
    config.threads = settings.threads;
    std::string preset = settings.preset.empty() ? DefaultPreset(settings.codec) : settings.preset;
    config.options.emplace_back("preset", preset);
    if (settings.codec == StandardCodec::kX264)
    {
        // cpu-independent: x264's AVX-512 paths otherwise give sizes that vary with memory
        // layout (measured: the same chunk, two sizes, depending on the environment).
        config.options.emplace_back("x264-params", kX264Params);
    }
    else
    {
        // One frame thread: with several, x265's rate control sees other frames' results at
        // timing-dependent moments and the output varies from run to run; wavefront threads
        // (the pool) keep it reproducible.
        config.options.emplace_back("x265-params",
                                    "open-gop=0:info=0:log-level=error:" +
                                        X265ThreadParams(settings.threads));
    }
    VideoEncoder encoder(config);
    std::vector<EncodedPacket> packets;
    for (const Frame& frame : frames)
    {
        encoder.Send(frame, packets);
    }
    encoder.Finish(packets);
    packets = FilterPackets(settings.codec == StandardCodec::kX264 ? kStripSeiH264 : kStripSeiHevc,
                            encoder.Context(),
                            packets);

    ChunkEncoding result;
    for (const EncodedPacket& packet : packets)
    {
        result.bytes += packet.data.size();
    }
    result.decoded = DecodePackets(DecoderName(settings.codec), packets);
    result.packets = std::move(packets);
    if (result.decoded.size() != frames.size())
    {
        throw std::runtime_error(CodecLabel(settings.codec) + ": " + std::to_string(frames.size()) +
                                 " frames encoded but " + std::to_string(result.decoded.size()) +
                                 " decoded");
    }
    return result;
}

nlohmann::ordered_json
EncoderSettingsJson(const StandardCodecSettings& settings, int gop_frames)
{
    nlohmann::ordered_json json;
    json["encoder"] = EncoderName(settings.codec) + " (libavcodec)";
    json["preset"] = settings.preset.empty() ? DefaultPreset(settings.codec) : settings.preset;
    json["gop"] = "closed, one per chunk: a fresh encoder per chunk and stream, IDR first, "
                  "scene-cut key frames allowed inside";
    json["gop_frames"] = gop_frames;
    json["rate_control"] = "1-pass ABR at the target, VBV max rate " +
                           std::to_string(settings.max_rate_factor).substr(0, 4) +
                           " x target, VBV buffer = target x chunk duration";
    json["sei"] = "removed (filter_units bitstream filter); bytes count every other NAL unit, "
                  "parameter sets included";
    json["encoder_threads"] = settings.threads;
    if (settings.codec == StandardCodec::kX265)
    {
        json["x265_params"] = "open-gop=0:info=0:" + X265ThreadParams(settings.threads);
    }
    else
    {
        json["x264_params"] = kX264Params;
    }
    return json;
}

} // namespace lvc
