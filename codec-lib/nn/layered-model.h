// The layered neural codec: recurrent encoder, server-side recurrent decoder, client-side
// single-shot decoder, with the three entry points forward (training), encode, decode.
#ifndef LVC_NN_LAYERED_MODEL_H
#define LVC_NN_LAYERED_MODEL_H

#include "nn/iterative-coder.h"
#include "nn/model-config.h"
#include "nn/single-shot-decoder.h"

#include <torch/nn/module.h>
#include <vector>

namespace lvc
{

/// The training objective of one batch and its parts (MSE on pictures scaled to [-0.5, 0.5]).
struct TrainingLoss
{
    torch::Tensor total;           ///< what the optimiser minimises (mean log MSE)
    double server_mse = 0;         ///< recurrent decoder, mean over iterations
    std::vector<double> exit_mse;  ///< single-shot decoder per exit, mean over prefixes
    std::vector<double> layer_mse; ///< single-shot decoder, last exit, per prefix 1..K
};

class LayeredModelImpl : public torch::nn::Module
{
  public:
    explicit LayeredModelImpl(const ModelConfig& config);

    const ModelConfig& Config() const;

    /**
     * Training pass on pictures [B, 6, H/2, W/2] (sides multiples of 16): K iterations with the
     * stochastic binarizer, then the single-shot decoder on every prefix 1..K at every exit.
     */
    TrainingLoss forward(const torch::Tensor& pictures);

    /**
     * Training pass of the client decoder alone: the K codes are the ones inference gives (sign
     * binarizer, no gradient), so that the single-shot decoder fits exactly the codes it will
     * receive, while the encoder and the server decoder stay as they are: a picture's codes do
     * not change (a B frame's error codes do, as their targets are interpolations from anchors
     * that the client decoder reconstructs). The loss is the client part of forward's objective.
     */
    TrainingLoss ForwardClientOnly(const torch::Tensor& pictures);

    /**
     * The binary codes (+-1, [B, C, H/16, W/16]) of layers 1..`layers` (0: K) of pictures,
     * deterministic (eval mode). The first k codes do not depend on how many follow.
     */
    std::vector<torch::Tensor> Encode(const torch::Tensor& pictures, int layers = 0);

    /// Codes of layers 1..targets.size() (<= K), layer j coding toward targets[j - 1]
    /// (RunIterationsOnTargets), deterministic.
    std::vector<torch::Tensor> EncodeTargets(const std::vector<torch::Tensor>& targets);

    /// The picture from the codes of layers 1..k (k = codes.size() <= K) at exit 1..3.
    torch::Tensor Decode(const std::vector<torch::Tensor>& codes, int exit);

    /// Every exit's picture for every prefix: [k][exit], each equal to Decode(prefix, exit).
    std::vector<std::vector<torch::Tensor>> DecodeAllPrefixes(
        const std::vector<torch::Tensor>& codes);

    RecurrentEncoder encoder{nullptr};
    RecurrentDecoder decoder{nullptr};
    SingleShotDecoder client{nullptr};

  private:
    /// Adds the single-shot decoder's part of the objective (every prefix, every exit) of
    /// `codes` against `pictures` to `loss`.
    void AddClientObjective(const std::vector<torch::Tensor>& codes,
                            const torch::Tensor& pictures,
                            TrainingLoss& loss);

    ModelConfig m_config;
};

TORCH_MODULE(LayeredModel);

} // namespace lvc

#endif // LVC_NN_LAYERED_MODEL_H
