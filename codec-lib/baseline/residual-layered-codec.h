// The residual-layered x265 baseline: an SVC-style stand-in for SHVC.
#ifndef LVC_BASELINE_RESIDUAL_LAYERED_CODEC_H
#define LVC_BASELINE_RESIDUAL_LAYERED_CODEC_H

#include "baseline/chunk-encoder.h"
#include "metrics/quality.h"
#include "profile/chunk-codec.h"

#include <vector>

namespace lvc
{

inline StandardCodecSettings
X265Settings()
{
    StandardCodecSettings settings;
    settings.codec = StandardCodec::kX265;
    return settings;
}

struct ResidualLayeredOptions
{
    /// x265 by default; x264 works too.
    StandardCodecSettings encoder = X265Settings();
    /// Target bitrate of each layer's own stream; empty: the increments of DefaultLadder_bps, so
    /// that layers 1..j target the j-th rung of the ladder.
    std::vector<double> layer_bitrates_bps;
    QualityOptions quality;
};

/**
 * \brief Layer 1 codes the chunk at a low rate; layer j codes, at its own rate, the residual that
 * layers 1..j-1 left (MakeResidual); decoding sums the layers (AddResidual). Every layer is a
 * closed-GOP stream of its own (EncodeChunk). Per chunk and layer: layer j's bytes, the quality
 * of decoding layers 1..j.
 */
class ResidualLayeredCodec : public ChunkCodec
{
  public:
    /// Throws std::invalid_argument for a bitrate that is not > 0.
    explicit ResidualLayeredCodec(const ResidualLayeredOptions& options);

    std::string Name() const override;
    bool IsLayered() const override;
    void Prepare(const StreamInfo& video, double chunk_duration_s) override;
    std::size_t LevelCount() const override;
    nlohmann::ordered_json Settings() const override;
    std::vector<ns3::LayerInfo> CodeChunk(const std::vector<Frame>& frames,
                                          const ChunkContext& chunk,
                                          const ReconstructionSink& sink = {}) override;

  private:
    ResidualLayeredOptions m_options;
    bool m_default_bitrates;
    int m_gop_frames = 0;
};

} // namespace lvc

#endif // LVC_BASELINE_RESIDUAL_LAYERED_CODEC_H
