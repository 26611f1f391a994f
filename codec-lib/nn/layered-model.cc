#include "nn/layered-model.h"

#include <stdexcept>
#include <torch/torch.h>

namespace lvc
{

namespace
{
/// Weights of the single-shot exits in the objective (the full decoder counts most).
constexpr double kExitWeights[ModelConfig::kExitCount] = {0.25, 0.5, 1.0};
/// Weight of the recurrent (server) decoder's reconstructions.
constexpr double kServerWeight = 0.5;
} // namespace

LayeredModelImpl::LayeredModelImpl(const ModelConfig& config)
    : m_config(config)
{
    m_config.Check();
    encoder = register_module("encoder", RecurrentEncoder(m_config));
    decoder = register_module("decoder", RecurrentDecoder(m_config));
    client = register_module("client", SingleShotDecoder(m_config));
}

const ModelConfig&
LayeredModelImpl::Config() const
{
    return m_config;
}

TrainingLoss
LayeredModelImpl::forward(const torch::Tensor& pictures)
{
    // The objective is the mean over prefixes of log MSE (PSNR up to a constant), so that the
    // dB a later layer adds weigh as much as the first layer's: plain MSE is dominated by the
    // large errors of the short prefixes and leaves the last layers with little to learn.
    const int k_max = m_config.iterations;
    IterativeResult run = RunIterations(encoder, decoder, pictures, k_max);
    TrainingLoss loss;
    torch::Tensor server_log = torch::zeros({}, pictures.options());
    double server_mse = 0;
    for (const torch::Tensor& r : run.reconstructions)
    {
        torch::Tensor mse = torch::mse_loss(r, pictures);
        server_mse += mse.item<double>() / k_max;
        server_log = server_log + torch::log(mse) / k_max;
    }
    loss.server_mse = server_mse;

    loss.total = kServerWeight * server_log;
    AddClientObjective(run.codes, pictures, loss);
    return loss;
}

TrainingLoss
LayeredModelImpl::ForwardClientOnly(const torch::Tensor& pictures)
{
    const int k_max = m_config.iterations;
    IterativeResult run;
    {
        torch::NoGradGuard no_grad;
        const bool was_training = encoder->is_training();
        encoder->eval(); // the binarizer's sign, as at inference
        run = RunIterations(encoder, decoder, pictures, k_max);
        encoder->train(was_training);
    }
    TrainingLoss loss;
    for (const torch::Tensor& r : run.reconstructions)
    {
        loss.server_mse += torch::mse_loss(r, pictures).item<double>() / k_max;
    }
    loss.total = torch::zeros({}, pictures.options());
    AddClientObjective(run.codes, pictures, loss);
    return loss;
}

void
LayeredModelImpl::AddClientObjective(const std::vector<torch::Tensor>& codes,
                                     const torch::Tensor& pictures,
                                     TrainingLoss& loss)
{
    const int k_max = m_config.iterations;
    std::vector<torch::Tensor> prefixes;
    for (int k = 1; k <= k_max; ++k)
    {
        prefixes.push_back(StackPrefix(codes, k, k_max));
    }
    std::vector<torch::Tensor> exits =
        client->forward(torch::cat(prefixes, 0), ModelConfig::kExitCount);
    torch::Tensor target = pictures.repeat({k_max, 1, 1, 1});
    for (int e = 0; e < ModelConfig::kExitCount; ++e)
    {
        torch::Tensor per_prefix = (exits[e] - target).pow(2).view({k_max, -1}).mean(1);
        loss.exit_mse.push_back(per_prefix.mean().item<double>());
        loss.total = loss.total + kExitWeights[e] * torch::log(per_prefix).mean();
        if (e + 1 == ModelConfig::kExitCount)
        {
            for (int k = 0; k < k_max; ++k)
            {
                loss.layer_mse.push_back(per_prefix[k].item<double>());
            }
        }
    }
}

std::vector<torch::Tensor>
LayeredModelImpl::Encode(const torch::Tensor& pictures, int layers)
{
    if (layers < 0 || layers > m_config.iterations)
    {
        throw std::invalid_argument("encode: 0..K layers");
    }
    torch::NoGradGuard no_grad;
    bool was_training = is_training();
    eval();
    IterativeResult run =
        RunIterations(encoder, decoder, pictures, layers > 0 ? layers : m_config.iterations);
    train(was_training);
    return run.codes;
}

std::vector<torch::Tensor>
LayeredModelImpl::EncodeTargets(const std::vector<torch::Tensor>& targets)
{
    if (targets.empty() || static_cast<int>(targets.size()) > m_config.iterations)
    {
        throw std::invalid_argument("encode: 1..K targets");
    }
    torch::NoGradGuard no_grad;
    bool was_training = is_training();
    eval();
    IterativeResult run = RunIterationsOnTargets(encoder, decoder, targets);
    train(was_training);
    return run.codes;
}

torch::Tensor
LayeredModelImpl::Decode(const std::vector<torch::Tensor>& codes, int exit)
{
    if (codes.empty() || static_cast<int>(codes.size()) > m_config.iterations)
    {
        throw std::invalid_argument("decode: 1..K codes");
    }
    torch::NoGradGuard no_grad;
    return client
        ->forward(StackPrefix(codes, static_cast<int>(codes.size()), m_config.iterations), exit)
        .back();
}

std::vector<std::vector<torch::Tensor>>
LayeredModelImpl::DecodeAllPrefixes(const std::vector<torch::Tensor>& codes)
{
    // One pass per prefix with a batch of one, so that every picture is bit-identical to what
    // Decode gives (a batched convolution may round differently); each pass yields every exit.
    torch::NoGradGuard no_grad;
    const int k = static_cast<int>(codes.size());
    std::vector<std::vector<torch::Tensor>> out;
    for (int j = 1; j <= k; ++j)
    {
        out.push_back(
            client->forward(StackPrefix(codes, j, m_config.iterations), ModelConfig::kExitCount));
    }
    return out;
}

} // namespace lvc
