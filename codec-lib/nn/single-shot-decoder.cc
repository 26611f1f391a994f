#include "nn/single-shot-decoder.h"

#include <stdexcept>
#include <torch/torch.h>

namespace lvc
{

namespace
{
constexpr int kPictureChannels = 6;
} // namespace

SingleShotDecoderImpl::SingleShotDecoderImpl(const ModelConfig& c)
    : m_layers(c.iterations),
      m_width(c.decoder_width)
{
    const int w = c.decoder_width;
    const int k = c.iterations;
    m_heads_in = register_module("heads_in",
                                 torch::nn::Conv2d(Conv1x1(k * c.code_channels, k * w, false, k)));
    m_heads_out = register_module("heads_out", torch::nn::Conv2d(Conv1x1(k * w, k * w, false, k)));
    m_sixteenth = register_module("sixteenth", ResidualBlock(w));
    m_exit_sixteenth =
        register_module("exit_sixteenth", torch::nn::Conv2d(Conv1x1(w, kPictureChannels * 64)));
    m_up_eighth = register_module("up_eighth", torch::nn::Conv2d(Conv1x1(w, 2 * w)));
    m_eighth_a = register_module("eighth_a", ResidualBlock(w / 2));
    m_eighth_b = register_module("eighth_b", ResidualBlock(w / 2));
    m_exit_eighth =
        register_module("exit_eighth", torch::nn::Conv2d(Conv3x3(w / 2, kPictureChannels * 16)));
    m_up_quarter = register_module("up_quarter", torch::nn::Conv2d(Conv1x1(w / 2, w)));
    m_quarter = register_module("quarter", ResidualBlock(w / 4));
    m_exit_quarter =
        register_module("exit_quarter", torch::nn::Conv2d(Conv3x3(w / 4, kPictureChannels * 4)));
}

std::vector<torch::Tensor>
SingleShotDecoderImpl::forward(const torch::Tensor& codes, int exits)
{
    if (exits < 1 || exits > ModelConfig::kExitCount)
    {
        throw std::invalid_argument("single-shot decoder: exit out of range");
    }
    std::vector<torch::Tensor> out;
    torch::Tensor heads = m_heads_out->forward(Leaky(m_heads_in->forward(codes)));
    torch::Tensor x =
        heads.view({heads.size(0), m_layers, m_width, heads.size(2), heads.size(3)}).sum(1);
    x = m_sixteenth->forward(Leaky(x));
    out.push_back(torch::pixel_shuffle(m_exit_sixteenth->forward(x), 8));
    if (exits == 1)
    {
        return out;
    }
    x = torch::pixel_shuffle(m_up_eighth->forward(Leaky(x)), 2);
    x = m_eighth_b->forward(m_eighth_a->forward(x));
    out.push_back(torch::pixel_shuffle(m_exit_eighth->forward(Leaky(x)), 4));
    if (exits == 2)
    {
        return out;
    }
    x = torch::pixel_shuffle(m_up_quarter->forward(Leaky(x)), 2);
    x = m_quarter->forward(x);
    out.push_back(torch::pixel_shuffle(m_exit_quarter->forward(Leaky(x)), 2));
    return out;
}

torch::Tensor
StackPrefix(const std::vector<torch::Tensor>& codes, int k, int layers)
{
    std::vector<torch::Tensor> parts;
    for (int j = 0; j < layers; ++j)
    {
        parts.push_back(j < k ? codes.at(j) : torch::zeros_like(codes.at(0)));
    }
    return torch::cat(parts, 1);
}

} // namespace lvc
