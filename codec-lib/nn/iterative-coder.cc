#include "nn/iterative-coder.h"

#include <torch/torch.h>

namespace lvc
{

namespace
{
constexpr int kPictureChannels = 6; ///< 4 luma phases + U + V at half resolution
constexpr int kQuarterWidth = 32;
constexpr int kDecoderQuarterWidth = 48;
} // namespace

RecurrentEncoderImpl::RecurrentEncoderImpl(const ModelConfig& c)
{
    m_quarter =
        register_module("quarter", torch::nn::Conv2d(Conv3x3(4 * kPictureChannels, kQuarterWidth)));
    m_down_eighth = register_module("down_eighth",
                                    torch::nn::Conv2d(Conv3x3(kQuarterWidth, c.encoder_width, 2)));
    m_gru_eighth = register_module("gru_eighth", ConvGru(c.encoder_width, c.encoder_width));
    m_down_sixteenth =
        register_module("down_sixteenth",
                        torch::nn::Conv2d(Conv3x3(c.encoder_width, c.state_width, 2)));
    m_gru_sixteenth = register_module("gru_sixteenth", ConvGru(c.state_width, c.state_width));
    m_binarizer = register_module("binarizer", Binarizer(c.state_width, c.code_channels));
}

torch::Tensor
RecurrentEncoderImpl::forward(const torch::Tensor& residual, IterativeState& state)
{
    torch::Tensor x = Leaky(m_quarter->forward(torch::pixel_unshuffle(residual, 2)));
    x = Leaky(m_down_eighth->forward(x));
    state.encoder_eighth = m_gru_eighth->forward(x, state.encoder_eighth);
    x = Leaky(m_down_sixteenth->forward(state.encoder_eighth));
    state.encoder_sixteenth = m_gru_sixteenth->forward(x, state.encoder_sixteenth);
    return m_binarizer->forward(state.encoder_sixteenth);
}

Binarizer&
RecurrentEncoderImpl::GetBinarizer()
{
    return m_binarizer;
}

RecurrentDecoderImpl::RecurrentDecoderImpl(const ModelConfig& c)
{
    m_in = register_module("in", torch::nn::Conv2d(Conv1x1(c.code_channels, c.state_width)));
    m_gru_sixteenth = register_module("gru_sixteenth", ConvGru(c.state_width, c.state_width));
    m_eighth =
        register_module("eighth", torch::nn::Conv2d(Conv3x3(c.state_width / 4, c.encoder_width)));
    m_gru_eighth = register_module("gru_eighth", ConvGru(c.encoder_width, c.encoder_width));
    m_quarter =
        register_module("quarter",
                        torch::nn::Conv2d(Conv3x3(c.encoder_width / 4, kDecoderQuarterWidth)));
    m_out = register_module("out",
                            torch::nn::Conv2d(Conv3x3(kDecoderQuarterWidth, 4 * kPictureChannels)));
}

torch::Tensor
RecurrentDecoderImpl::forward(const torch::Tensor& code, IterativeState& state)
{
    state.decoder_sixteenth =
        m_gru_sixteenth->forward(Leaky(m_in->forward(code)), state.decoder_sixteenth);
    torch::Tensor x = Leaky(m_eighth->forward(torch::pixel_shuffle(state.decoder_sixteenth, 2)));
    state.decoder_eighth = m_gru_eighth->forward(x, state.decoder_eighth);
    x = Leaky(m_quarter->forward(torch::pixel_shuffle(state.decoder_eighth, 2)));
    return torch::pixel_shuffle(m_out->forward(x), 2);
}

IterativeResult
RunIterations(RecurrentEncoder& encoder,
              RecurrentDecoder& decoder,
              const torch::Tensor& target,
              int iterations)
{
    return RunIterationsOnTargets(encoder,
                                  decoder,
                                  std::vector<torch::Tensor>(std::max(iterations, 0), target));
}

IterativeResult
RunIterationsOnTargets(RecurrentEncoder& encoder,
                       RecurrentDecoder& decoder,
                       const std::vector<torch::Tensor>& targets)
{
    IterativeResult result;
    IterativeState state;
    if (targets.empty())
    {
        return result;
    }
    torch::Tensor reconstruction = torch::zeros_like(targets.front());
    for (const torch::Tensor& target : targets)
    {
        torch::Tensor code = encoder->forward(target - reconstruction, state);
        reconstruction = reconstruction + decoder->forward(code, state);
        result.codes.push_back(code);
        result.reconstructions.push_back(reconstruction);
    }
    return result;
}

} // namespace lvc
