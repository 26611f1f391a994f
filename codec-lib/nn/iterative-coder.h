// The server side of the layered codec: a recurrent encoder and decoder run for K iterations,
// iteration j coding the residual that iterations 1..j-1 left.
#ifndef LVC_NN_ITERATIVE_CODER_H
#define LVC_NN_ITERATIVE_CODER_H

#include "nn/layers.h"
#include "nn/model-config.h"

#include <torch/nn/module.h>
#include <vector>

namespace lvc
{

/// The recurrent states of the encoder and decoder between iterations (undefined: zero).
struct IterativeState
{
    torch::Tensor encoder_eighth;
    torch::Tensor encoder_sixteenth;
    torch::Tensor decoder_sixteenth;
    torch::Tensor decoder_eighth;
};

/// Encoder: residual (6 channels at 1/2) -> /4 -> /8 (GRU) -> /16 (GRU) -> binary code.
class RecurrentEncoderImpl : public torch::nn::Module
{
  public:
    explicit RecurrentEncoderImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& residual, IterativeState& state);
    Binarizer& GetBinarizer();

  private:
    torch::nn::Conv2d m_quarter{nullptr};
    torch::nn::Conv2d m_down_eighth{nullptr};
    ConvGru m_gru_eighth{nullptr};
    torch::nn::Conv2d m_down_sixteenth{nullptr};
    ConvGru m_gru_sixteenth{nullptr};
    Binarizer m_binarizer{nullptr};
};

TORCH_MODULE(RecurrentEncoder);

/// Server-side decoder: code -> GRU at /16 -> GRU at /8 -> this iteration's correction.
class RecurrentDecoderImpl : public torch::nn::Module
{
  public:
    explicit RecurrentDecoderImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& code, IterativeState& state);

  private:
    torch::nn::Conv2d m_in{nullptr};
    ConvGru m_gru_sixteenth{nullptr};
    torch::nn::Conv2d m_eighth{nullptr};
    ConvGru m_gru_eighth{nullptr};
    torch::nn::Conv2d m_quarter{nullptr};
    torch::nn::Conv2d m_out{nullptr};
};

TORCH_MODULE(RecurrentDecoder);

/// What K iterations give: the codes (+-1) and the server's reconstruction after each.
struct IterativeResult
{
    std::vector<torch::Tensor> codes;           ///< K x [B, C, H/16, W/16]
    std::vector<torch::Tensor> reconstructions; ///< K x [B, 6, H/2, W/2]
};

/**
 * Runs the encoder and decoder K times on `target` (6 channels at half resolution, sides of the
 * picture multiples of 16): iteration j codes target - reconstruction_{j-1}.
 */
IterativeResult RunIterations(RecurrentEncoder& encoder,
                              RecurrentDecoder& decoder,
                              const torch::Tensor& target,
                              int iterations);

/**
 * The same with a target per iteration: iteration j codes targets[j] - reconstruction_{j-1}, so
 * that the reconstruction after j iterations approaches targets[j] (a B frame's interpolation
 * error, which changes with the anchors' layer count).
 */
IterativeResult RunIterationsOnTargets(RecurrentEncoder& encoder,
                                       RecurrentDecoder& decoder,
                                       const std::vector<torch::Tensor>& targets);

} // namespace lvc

#endif // LVC_NN_ITERATIVE_CODER_H
