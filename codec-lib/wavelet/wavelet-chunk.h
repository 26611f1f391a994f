// One chunk of the layered wavelet codec: the encoder (motion, open-loop prediction, wavelet
// transform, embedded coding cut into K layers at target rates) and the decoder of any prefix.
#ifndef LVC_WAVELET_WAVELET_CHUNK_H
#define LVC_WAVELET_WAVELET_CHUNK_H

#include "io/frame.h"
#include "wavelet/embedded-coder.h"
#include "wavelet/frame-restorer.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace lvc
{

struct WaveletCodingOptions
{
    /// Keys every gop_frames frames (a power of two gives a full dyadic hierarchy); 0 or 1:
    /// every frame a picture.
    int gop_frames = 32;
    /// Cumulative bits per pixel (luma samples x frames) of layers 1..K: the rate each layer
    /// prefix is cut at. Layer 1 also holds the motion; it grows when motion alone exceeds it.
    std::vector<double> layer_bpp{0.012, 0.022, 0.04, 0.075, 0.135, 0.25};
    /// Motion search's rate weight (SAD per estimated bit).
    double motion_lambda = 16;
    /// Each frame's coefficients are scaled by its distortion weight to this power, halved
    /// (1: the open-loop propagation model as it is).
    double weight_exponent = 1.0;
    /// Scene cuts (luma histogram distance to the previous frame above it) start a new key
    /// picture; 0: none.
    double scene_cut_threshold = 0.5;
    /// The significance bits' context model (said in each chunk's layer 1).
    ContextModel context_model = ContextModel::kAdaptive;
};

/// What the encoder made of a chunk.
struct EncodedWaveletChunk
{
    std::vector<std::vector<std::uint8_t>> layers; ///< payload of each layer 1..K
    double motion_bits = 0;                        ///< estimated share of layer 1 (motion syntax)
    std::vector<int> scene_cuts;
};

/**
 * The client decoder's exits, cheapest first: 1, the temporal skip (the keys and every frame
 * whose references lie kSkipSpan or more frames apart decoded, each other frame blended from the
 * decoded frames around it: a quarter of the frames rebuilt, for the weakest clients); 2, every
 * frame rebuilt (the plain reconstruction); 3.., the restoration network's exits 2.. as the
 * chunk's exit maps say. At most kMaxWaveletExits.
 */
constexpr int kMaxWaveletExits = 5;
constexpr int kSkipSpan = 6;

/// The decoder's exits with `restorer` (null: 2).
int WaveletExitCount(const FrameRestorer* restorer);

/**
 * Encodes the frames of one chunk (same size, even sides) into layer payloads. With a
 * `restorer`, each layer k also says, per decoder exit e >= 3, which of the network's exits
 * 1..e - 1 (1: none, the plain reconstruction) restores the chunk decoded from layers 1..k best
 * (mean PSNR-Y over its frames), so that quality never falls with a deeper exit: the encoder
 * decodes every prefix and runs every network exit to decide.
 */
EncodedWaveletChunk EncodeWaveletChunk(const std::vector<Frame>& frames,
                                       const WaveletCodingOptions& options,
                                       FrameRestorer* restorer = nullptr);

/**
 * \brief Decodes a chunk's layers in order (layer 1 first) and reconstructs its frames from the
 * layers decoded so far, exactly as the encoder's own decoding of that prefix. A payload that
 * is not a layer of this geometry throws std::runtime_error.
 */
class WaveletChunkDecoder
{
  public:
    WaveletChunkDecoder(int width, int height, int frames, int gop_frames);
    ~WaveletChunkDecoder();
    WaveletChunkDecoder(const WaveletChunkDecoder&) = delete;
    WaveletChunkDecoder& operator=(const WaveletChunkDecoder&) = delete;

    void DecodeLayer(const std::vector<std::uint8_t>& payload);
    int LayersDecoded() const;
    /**
     * The restoration network's exit that decoder exit `exit` (3..kMaxWaveletExits) runs on the
     * layers decoded so far, as the last layer's exit map says (1: none, the plain
     * reconstruction); 1 for exits 1 and 2.
     */
    int NetworkExitFor(int exit) const;
    /// The frames in display order; with `temporal_skip`, as exit 1 gives them.
    std::vector<Frame> Reconstruct(bool temporal_skip = false) const;
    /**
     * Per frame (display order), log2 of the quantiser step its coefficients were cut at, in
     * pixel units: the plane of the last unit decoded, less the frame's weight. What a
     * restoration network is told of each frame's coding noise.
     */
    std::vector<float> NoiseHints() const;
    const std::vector<int>& SceneCuts() const;

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

/**
 * The chunk as the decoder's exit `exit` (1..WaveletExitCount(restorer)) gives it from the layers
 * `decoder` holds. std::invalid_argument for an exit out of range.
 */
std::vector<Frame> DecodeAtExit(const WaveletChunkDecoder& decoder,
                                FrameRestorer* restorer,
                                int exit);

} // namespace lvc

#endif // LVC_WAVELET_WAVELET_CHUNK_H
