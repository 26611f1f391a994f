// The single-layer bitrate ladder baseline (x264 or x265), one representation per bitrate.
#ifndef LVC_BASELINE_LADDER_CODEC_H
#define LVC_BASELINE_LADDER_CODEC_H

#include "baseline/chunk-encoder.h"
#include "metrics/quality.h"
#include "profile/chunk-codec.h"

#include <vector>

namespace lvc
{

struct LadderOptions
{
    StandardCodecSettings encoder;
    std::vector<double> bitrates_bps; ///< empty: DefaultLadder_bps of the video as read
    QualityOptions quality;
    /// Representations encoded at once, each by its own (single-threaded) encoder.
    int parallel = 1;
};

/**
 * \brief Each chunk encoded independently at every target bitrate (EncodeChunk); per chunk and
 * representation: its bytes, its nominal bitrate and the quality of its decoded frames.
 */
class LadderCodec : public ChunkCodec
{
  public:
    /// Throws std::invalid_argument for a bitrate that is not > 0.
    explicit LadderCodec(const LadderOptions& options);

    std::string Name() const override;
    bool IsLayered() const override;
    void Prepare(const StreamInfo& video, double chunk_duration_s) override;
    std::size_t LevelCount() const override;
    nlohmann::ordered_json Settings() const override;
    std::vector<ns3::LayerInfo> CodeChunk(const std::vector<Frame>& frames,
                                          const ChunkContext& chunk,
                                          const ReconstructionSink& sink = {}) override;

  private:
    LadderOptions m_options;
    bool m_default_bitrates;
    int m_gop_frames = 0;
};

} // namespace lvc

#endif // LVC_BASELINE_LADDER_CODEC_H
