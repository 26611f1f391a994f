#include "baseline/residual-layered-codec.h"

#include "baseline/rate-ladder.h"
#include "baseline/residual.h"

#include <cmath>

namespace lvc
{

ResidualLayeredCodec::ResidualLayeredCodec(const ResidualLayeredOptions& options)
    : m_options(options),
      m_default_bitrates(options.layer_bitrates_bps.empty())
{
    if (!m_default_bitrates)
    {
        CheckBitrates(options.layer_bitrates_bps, "layer bitrates");
    }
}

std::string
ResidualLayeredCodec::Name() const
{
    return CodecLabel(m_options.encoder.codec) + "-residual-layered";
}

bool
ResidualLayeredCodec::IsLayered() const
{
    return true;
}

void
ResidualLayeredCodec::Prepare(const StreamInfo& video, double chunk_duration_s)
{
    if (m_default_bitrates)
    {
        m_options.layer_bitrates_bps =
            LayerIncrements_bps(DefaultLadder_bps(video.width, video.height, video.fps));
    }
    m_gop_frames = static_cast<int>(std::lround(chunk_duration_s * video.fps));
}

std::size_t
ResidualLayeredCodec::LevelCount() const
{
    return m_options.layer_bitrates_bps.size();
}

nlohmann::ordered_json
ResidualLayeredCodec::Settings() const
{
    nlohmann::ordered_json json = EncoderSettingsJson(m_options.encoder, m_gop_frames);
    json["layers"] = m_options.layer_bitrates_bps.size();
    json["layer_bitrates_bps"] = m_options.layer_bitrates_bps;
    std::vector<double> cumulative;
    double sum = 0;
    for (double b : m_options.layer_bitrates_bps)
    {
        cumulative.push_back(sum += b);
    }
    json["cumulative_target_bitrates_bps"] = cumulative;
    json["bitrate_rule"] = m_default_bitrates
                               ? "default: layers 1..j target rung j of the default ladder "
                                 "(Swift's 1, 5, 8, 12, 16 Mbps at 1080p30, scaled)"
                               : "given";
    json["layering"] = "layer 1: the chunk; layer j: clip(source - reconstruction of layers "
                       "1..j-1 + 128) coded as a picture; decoding adds each decoded residual "
                       "- 128 and clips to 0..255";
    return json;
}

std::vector<ns3::LayerInfo>
ResidualLayeredCodec::CodeChunk(const std::vector<Frame>& frames,
                                const ChunkContext& chunk,
                                const ReconstructionSink& sink)
{
    std::vector<ns3::LayerInfo> layers;
    std::vector<Frame> reconstruction;
    std::vector<Frame> input = frames;
    for (std::size_t j = 0; j < m_options.layer_bitrates_bps.size(); ++j)
    {
        if (j > 0)
        {
            for (std::size_t i = 0; i < frames.size(); ++i)
            {
                input[i] = MakeResidual(frames[i], reconstruction[i]);
            }
        }
        ChunkEncoding encoding =
            EncodeChunk(input, chunk.fps, m_options.layer_bitrates_bps[j], m_options.encoder);
        if (j == 0)
        {
            reconstruction = std::move(encoding.decoded);
        }
        else
        {
            for (std::size_t i = 0; i < frames.size(); ++i)
            {
                reconstruction[i] = AddResidual(reconstruction[i], encoding.decoded[i]);
            }
        }
        Quality quality = MeasureSequence(frames, reconstruction, m_options.quality);
        ns3::LayerInfo layer;
        layer.bytes = encoding.bytes;
        layer.psnr_db = quality.psnr_db;
        layer.ssim = quality.ssim;
        layer.ms_ssim = quality.ms_ssim;
        layers.push_back(layer);
        if (sink)
        {
            sink(j + 1, reconstruction);
        }
    }
    return layers;
}

} // namespace lvc
