// The client side of the layered codec: one pass from any prefix of the codes, with early exits.
#ifndef LVC_NN_SINGLE_SHOT_DECODER_H
#define LVC_NN_SINGLE_SHOT_DECODER_H

#include "nn/layers.h"
#include "nn/model-config.h"

#include <torch/nn/module.h>
#include <vector>

namespace lvc
{

/**
 * \brief Decodes the codes of layers 1..k (k <= K; the missing ones are zero) in one pass: one
 * light head per layer (two bias-free 1x1 convolutions, so a zero code adds nothing), their sum,
 * then a common trunk at 1/16, 1/8 and 1/4 resolution. Each stage ends in an exit that predicts
 * the picture (6 channels at 1/2), so that a client short of compute stops early.
 * The work does not depend on k.
 */
class SingleShotDecoderImpl : public torch::nn::Module
{
  public:
    explicit SingleShotDecoderImpl(const ModelConfig& config);

    /**
     * `codes`: [B, K x C, H/16, W/16], layer j in channels [jC, (j+1)C). Returns the pictures of
     * exits 1..`exits` (1 <= exits <= ModelConfig::kExitCount), shallowest first.
     */
    std::vector<torch::Tensor> forward(const torch::Tensor& codes, int exits);

  private:
    int m_layers;
    int m_width;
    torch::nn::Conv2d m_heads_in{nullptr};
    torch::nn::Conv2d m_heads_out{nullptr};
    ResidualBlock m_sixteenth{nullptr};
    torch::nn::Conv2d m_exit_sixteenth{nullptr};
    torch::nn::Conv2d m_up_eighth{nullptr};
    ResidualBlock m_eighth_a{nullptr};
    ResidualBlock m_eighth_b{nullptr};
    torch::nn::Conv2d m_exit_eighth{nullptr};
    torch::nn::Conv2d m_up_quarter{nullptr};
    ResidualBlock m_quarter{nullptr};
    torch::nn::Conv2d m_exit_quarter{nullptr};
};

TORCH_MODULE(SingleShotDecoder);

/// Stacks the first k of `codes` (each [B, C, h, w]) into [B, K x C, h, w], zeros after k.
torch::Tensor StackPrefix(const std::vector<torch::Tensor>& codes, int k, int layers);

} // namespace lvc

#endif // LVC_NN_SINGLE_SHOT_DECODER_H
