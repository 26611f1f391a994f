// The neural codec's building blocks: convolutional GRU, binarizer, residual block.
#ifndef LVC_NN_LAYERS_H
#define LVC_NN_LAYERS_H

#include <torch/nn/module.h>
#include <torch/nn/modules/container/any.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/pimpl.h>

namespace lvc
{

/// 3x3 convolution options: `in` -> `out` channels, padding 1, optional stride and bias.
torch::nn::Conv2dOptions Conv3x3(int in, int out, int stride = 1, bool bias = true);
/// 1x1 convolution options.
torch::nn::Conv2dOptions Conv1x1(int in, int out, bool bias = true, int groups = 1);

/**
 * \brief A convolutional GRU cell (3x3 gates): h' = (1 - z) n + z h with
 * z, r = sigmoid(Wx x + Wh h), n = tanh(Wx_n x + r Wh_n h). A null `hidden` is zero.
 */
class ConvGruImpl : public torch::nn::Module
{
  public:
    ConvGruImpl(int input_channels, int hidden_channels);
    torch::Tensor forward(const torch::Tensor& input, const torch::Tensor& hidden);

  private:
    int m_hidden;
    torch::nn::Conv2d m_input_gates{nullptr};
    torch::nn::Conv2d m_hidden_gates{nullptr};
};

TORCH_MODULE(ConvGru);

/**
 * \brief tanh then a binary value in {-1, +1}: in training a stochastic one whose mean is the
 * tanh output (gradient passed straight through), at inference its sign (0 -> +1).
 * SetSignInTraining(true) uses the sign in training too (still with the straight-through
 * gradient), so that the decoders learn on exactly the codes they will get.
 */
class BinarizerImpl : public torch::nn::Module
{
  public:
    BinarizerImpl(int input_channels, int code_channels);
    torch::Tensor forward(const torch::Tensor& features);
    void SetSignInTraining(bool sign);

  private:
    torch::nn::Conv2d m_project{nullptr};
    bool m_sign_in_training = false;
};

TORCH_MODULE(Binarizer);

/// x + conv(leaky(conv(x))), 3x3, same width.
class ResidualBlockImpl : public torch::nn::Module
{
  public:
    explicit ResidualBlockImpl(int channels);
    torch::Tensor forward(const torch::Tensor& x);

  private:
    torch::nn::Conv2d m_first{nullptr};
    torch::nn::Conv2d m_second{nullptr};
};

TORCH_MODULE(ResidualBlock);

/// LeakyReLU with slope 0.1 (0 maps to 0, so that zero-padded codes stay silent).
torch::Tensor Leaky(const torch::Tensor& x);

} // namespace lvc

#endif // LVC_NN_LAYERS_H
