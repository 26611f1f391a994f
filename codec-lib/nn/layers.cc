#include "nn/layers.h"

#include <torch/nn/functional/activation.h>
#include <torch/torch.h>

namespace lvc
{

namespace
{
constexpr double kLeakySlope = 0.1;
} // namespace

torch::nn::Conv2dOptions
Conv3x3(int in, int out, int stride, bool bias)
{
    return torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(bias);
}

torch::nn::Conv2dOptions
Conv1x1(int in, int out, bool bias, int groups)
{
    return torch::nn::Conv2dOptions(in, out, 1).bias(bias).groups(groups);
}

torch::Tensor
Leaky(const torch::Tensor& x)
{
    return torch::leaky_relu(x, kLeakySlope);
}

ConvGruImpl::ConvGruImpl(int input_channels, int hidden_channels)
    : m_hidden(hidden_channels)
{
    m_input_gates =
        register_module("input_gates", torch::nn::Conv2d(Conv3x3(input_channels, 3 * m_hidden)));
    m_hidden_gates =
        register_module("hidden_gates",
                        torch::nn::Conv2d(Conv3x3(hidden_channels, 3 * m_hidden, 1, false)));
}

torch::Tensor
ConvGruImpl::forward(const torch::Tensor& input, const torch::Tensor& hidden)
{
    std::vector<torch::Tensor> x = m_input_gates->forward(input).chunk(3, 1);
    if (!hidden.defined())
    {
        torch::Tensor z = torch::sigmoid(x[0]);
        return (1 - z) * torch::tanh(x[2]);
    }
    std::vector<torch::Tensor> h = m_hidden_gates->forward(hidden).chunk(3, 1);
    torch::Tensor z = torch::sigmoid(x[0] + h[0]);
    torch::Tensor r = torch::sigmoid(x[1] + h[1]);
    torch::Tensor n = torch::tanh(x[2] + r * h[2]);
    return (1 - z) * n + z * hidden;
}

BinarizerImpl::BinarizerImpl(int input_channels, int code_channels)
{
    m_project =
        register_module("project", torch::nn::Conv2d(Conv1x1(input_channels, code_channels)));
}

torch::Tensor
BinarizerImpl::forward(const torch::Tensor& features)
{
    torch::Tensor soft = torch::tanh(m_project->forward(features));
    if (is_training() && m_sign_in_training)
    {
        torch::Tensor hard = torch::where(soft >= 0, 1.0, -1.0).to(soft.dtype());
        return soft + (hard - soft).detach();
    }
    if (is_training())
    {
        // +1 with probability (1 + soft) / 2: unbiased, and the gradient of `soft` passes.
        torch::Tensor draw = torch::rand_like(soft);
        torch::Tensor hard = torch::where(draw < (1 + soft) / 2, 1.0, -1.0).to(soft.dtype());
        return soft + (hard - soft).detach();
    }
    return torch::where(soft >= 0, 1.0, -1.0).to(soft.dtype());
}

void
BinarizerImpl::SetSignInTraining(bool sign)
{
    m_sign_in_training = sign;
}

ResidualBlockImpl::ResidualBlockImpl(int channels)
{
    m_first = register_module("first", torch::nn::Conv2d(Conv3x3(channels, channels)));
    m_second = register_module("second", torch::nn::Conv2d(Conv3x3(channels, channels)));
}

torch::Tensor
ResidualBlockImpl::forward(const torch::Tensor& x)
{
    return x + m_second->forward(Leaky(m_first->forward(x)));
}

} // namespace lvc
