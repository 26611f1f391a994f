// The layered neural codec as a ChunkCodec: real entropy-coded bytes, quality of every prefix at
// every exit, decode time per exit measured here.
#ifndef LVC_PROFILE_NEURAL_PROFILE_CODEC_H
#define LVC_PROFILE_NEURAL_PROFILE_CODEC_H

#include "bitstream/chunk-coding.h"
#include "metrics/quality.h"
#include "nn/neural-codec.h"
#include "profile/chunk-codec.h"

#include <memory>
#include <string>
#include <vector>

namespace lvc
{

struct NeuralProfileOptions
{
    std::string weights;
    int threads = 2;
    QualityOptions quality;
    NeuralCodingOptions coding;
};

/**
 * \brief Codes each chunk as `lvc encode` does (the same payloads, the same frame hierarchy),
 * decodes the payloads back from their bytes and measures, per layer prefix k and exit e, the
 * decoded quality of every frame. Bytes of layer j: its payload (layer 1 with the motion) plus
 * its chunk-table entry (size and CRC, 8 bytes); layer 1 also carries the chunk's frame count
 * (4 bytes) and, in chunk 0, the file header and table CRC. decode_ms of (k, e): the measured
 * time to parse and entropy-decode layers 1..k of the chunk plus the measured time to rebuild
 * every frame at exit e (single-shot decoder on the anchors and the B frames' error codes,
 * interpolation; this work does not depend on k). The settings also carry the encode time per
 * frame of every prefix k (EncodeMsPerFrame).
 */
class NeuralProfileCodec : public ChunkCodec
{
  public:
    explicit NeuralProfileCodec(const NeuralProfileOptions& options);
    ~NeuralProfileCodec() override;

    std::string Name() const override;
    bool IsLayered() const override;
    void Prepare(const StreamInfo& video, double chunk_duration_s) override;
    std::size_t LevelCount() const override;
    nlohmann::ordered_json Settings() const override;
    std::vector<ns3::LayerInfo> CodeChunk(const std::vector<Frame>& frames,
                                          const ChunkContext& chunk,
                                          const ReconstructionSink& sink = {}) override;
    void DescribeCodec(ns3::CodecInfo& info) const override;

    const NeuralCodec& Codec() const;
    /**
     * Server-side encode time per frame of layers 1..k, k = 1..K, over the chunks coded so far:
     * the whole encoder (motion, network, entropy coding) run for k layers on a sample of each
     * chunk (its first group of pictures; intra: its first, middle and last frames).
     */
    std::vector<double> EncodeMsPerFrame() const;

  private:
    /// Adds one chunk's encode times of every prefix to m_encode_ms.
    void TimeEncodePrefixes(const std::vector<Frame>& frames);

    NeuralProfileOptions m_options;
    BitstreamHeader m_header; ///< the layout lvc encode would write
    std::unique_ptr<NeuralCodec> m_codec;
    int m_frames_per_chunk = 0;
    std::vector<double> m_encode_ms; ///< per prefix k, summed over the frames coded so far
    std::uint64_t m_encoded_frames = 0;
    std::uint64_t m_motion_bytes = 0; ///< the motion sections of the chunks coded so far
    std::size_t m_scene_cuts = 0;     ///< scene cuts (extra anchors) so far
};

} // namespace lvc

#endif // LVC_PROFILE_NEURAL_PROFILE_CODEC_H
