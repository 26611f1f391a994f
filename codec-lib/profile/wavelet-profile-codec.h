// The layered wavelet codec as a ChunkCodec: real entropy-coded bytes, the quality of every
// layer prefix, decode times measured here.
#ifndef LVC_PROFILE_WAVELET_PROFILE_CODEC_H
#define LVC_PROFILE_WAVELET_PROFILE_CODEC_H

#include "bitstream/bitstream-format.h"
#include "metrics/quality.h"
#include "profile/chunk-codec.h"
#include "wavelet/frame-restorer.h"
#include "wavelet/wavelet-chunk.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lvc
{

struct WaveletProfileOptions
{
    QualityOptions quality;
    WaveletCodingOptions coding;
    /// The learned restoration (exits 2..); null: one exit, the plain reconstruction.
    std::shared_ptr<FrameRestorer> restorer;
};

/**
 * \brief Codes each chunk as `lvc encode --codec wavelet` does, decodes the payloads back from
 * their bytes layer by layer and measures every prefix k. Bytes of layer j: its payload plus its
 * chunk-table entry (8 bytes); layer 1 also carries the chunk's frame count (4 bytes) and, in
 * chunk 0, the file header and the table's CRC, so that a profile's bytes add up to the file's.
 * decode_ms of prefix k at exit e: the measured time to entropy-decode layers 1..k, plus the
 * measured time to rebuild every frame from them (inverse transform, motion compensation), plus
 * for e >= 2 the measured time of the restoration network to exit e. Quality is measured at
 * every exit; the layer's own psnr_db/ssim are the full exit's.
 */
class WaveletProfileCodec : public ChunkCodec
{
  public:
    explicit WaveletProfileCodec(const WaveletProfileOptions& options);

    std::string Name() const override;
    bool IsLayered() const override;
    void Prepare(const StreamInfo& video, double chunk_duration_s) override;
    std::size_t LevelCount() const override;
    nlohmann::ordered_json Settings() const override;
    std::vector<ns3::LayerInfo> CodeChunk(const std::vector<Frame>& frames,
                                          const ChunkContext& chunk,
                                          const ReconstructionSink& sink = {}) override;
    void DescribeCodec(ns3::CodecInfo& info) const override;

  private:
    WaveletProfileOptions m_options;
    double m_encode_ms = 0;
    std::uint64_t m_frames = 0;
    double m_motion_bits = 0;
    std::size_t m_scene_cuts = 0;
    /// Per frame, timed on the first chunk at K layers: the plain reconstruction (entropy
    /// decoding included) and each network exit 2.. run whatever the exit maps say.
    double m_skip_ms_per_frame = 0;
    double m_plain_ms_per_frame = 0;
    std::vector<double> m_network_ms_per_frame;
};

} // namespace lvc

#endif // LVC_PROFILE_WAVELET_PROFILE_CODEC_H
