// The layered neural codec behind a torch-free interface: frames <-> binary codes per layer.
#ifndef LVC_NN_NEURAL_CODEC_H
#define LVC_NN_NEURAL_CODEC_H

#include "entropy/binary-code.h"
#include "io/frame.h"
#include "nn/model-config.h"

#include <memory>
#include <string>
#include <vector>

namespace lvc
{

/// Codes of one frame: layers 1..K (or a prefix of them).
using FrameCodes = std::vector<BinaryCode>;

/**
 * \brief A trained layered model loaded from a weights file (safetensors, nn/model-weights.h).
 * Frames of any size: sides are padded to multiples of 16 (the code grid) and cropped back.
 */
class NeuralCodec
{
  public:
    /// Loads `weights_path`; ns3::InputError naming the file when it is not usable. `threads`:
    /// LibTorch CPU threads (process-wide).
    explicit NeuralCodec(const std::string& weights_path, int threads = 2);
    ~NeuralCodec();
    NeuralCodec(const NeuralCodec&) = delete;
    NeuralCodec& operator=(const NeuralCodec&) = delete;

    const ModelConfig& Config() const;
    const std::string& WeightsPath() const;
    /// SHA-256 of the weights file's bytes (what bitstreams name).
    const std::string& WeightsSha256() const;

    /// The code grid of a frame of this size: code_channels x ceil(h/16) x ceil(w/16).
    CodeShape CodeShapeFor(int width, int height) const;

    /**
     * The codes of layers 1..`layers` (0: all K) of every frame (deterministic: the binarizer's
     * sign); the first k codes are the same whatever `layers` is (the encoder is recurrent).
     */
    std::vector<FrameCodes> Encode(const std::vector<Frame>& frames, int layers = 0);

    /**
     * Per picture, the codes of layers 1..n (n = targets[i].size(), 1..K), layer j coding what
     * the server decoder's j - 1 layers left of targets[i][j - 1] (pictures of one size).
     */
    std::vector<FrameCodes> EncodeTargets(const std::vector<std::vector<Frame>>& targets);

    /**
     * Decodes every frame from its codes of layers 1..k (k = codes[i].size(), 1..K, the same for
     * every frame) at exit 1..3 (3: the full decoder).
     */
    std::vector<Frame> Decode(const std::vector<FrameCodes>& codes,
                              int width,
                              int height,
                              int exit);

    /// Every prefix k = 1..n at every exit: result[k - 1][exit - 1][frame], n the frames' code
    /// count (the same for every frame, 1..K).
    std::vector<std::vector<std::vector<Frame>>> DecodeAll(const std::vector<FrameCodes>& codes,
                                                           int width,
                                                           int height);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lvc

#endif // LVC_NN_NEURAL_CODEC_H
