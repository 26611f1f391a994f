// Layered JPEG 2000 (OpenJPEG): the standard scalable intra codec as a layered reference.
#ifndef LVC_BASELINE_JPEG2000_LAYERED_CODEC_H
#define LVC_BASELINE_JPEG2000_LAYERED_CODEC_H

#include "metrics/quality.h"
#include "profile/chunk-codec.h"

#include <vector>

namespace lvc
{

struct Jpeg2000LayeredOptions
{
    /// Cumulative bits per pixel of quality layers 1..K of every frame.
    std::vector<double> layer_bpp{0.1, 0.2, 0.35, 0.6, 1.0, 1.6};
    int resolutions = 6; ///< wavelet levels + 1 (fewer when a frame is too small)
    QualityOptions quality;
};

/**
 * \brief Every frame coded as a JPEG 2000 picture with K quality layers (OpenJPEG, irreversible
 * 9/7, LRCP, one tile-part per layer); layer j of a chunk is the j-th tile-part of each of its
 * frames (layer 1 also their headers), and the quality of layers 1..j that of decoding each
 * codestream with its first j layers.
 */
class Jpeg2000LayeredCodec : public ChunkCodec
{
  public:
    /// Throws std::invalid_argument for rates that are not > 0 and increasing.
    explicit Jpeg2000LayeredCodec(const Jpeg2000LayeredOptions& options);

    std::string Name() const override;
    bool IsLayered() const override;
    void Prepare(const StreamInfo& video, double chunk_duration_s) override;
    std::size_t LevelCount() const override;
    nlohmann::ordered_json Settings() const override;
    std::vector<ns3::LayerInfo> CodeChunk(const std::vector<Frame>& frames,
                                          const ChunkContext& chunk,
                                          const ReconstructionSink& sink = {}) override;

  private:
    Jpeg2000LayeredOptions m_options;
};

} // namespace lvc

#endif // LVC_BASELINE_JPEG2000_LAYERED_CODEC_H
