#ifndef LAYERED_VIDEO_TORCH_POLICY_H
#define LAYERED_VIDEO_TORCH_POLICY_H

// LibTorch side of the policy (the trainer and its tests only: including torch/torch.h costs
// ~17 s of compile time, so no widely included header includes this one).
#include "policy-layout.h"

#include "ns3/safetensors-file.h"

#include <torch/torch.h>

namespace ns3
{

/// A chain of dense layers with ReLU between them (PolicyNetwork's "mlp" architecture).
class MlpImpl : public torch::nn::Module
{
  public:
    MlpImpl(std::int64_t inputs, const std::vector<std::uint32_t>& hidden, std::int64_t outputs);
    torch::Tensor forward(torch::Tensor x);

    std::vector<torch::nn::Linear> layers;
};

TORCH_MODULE(Mlp);

/**
 * \brief The actor and the critic of a policy as LibTorch modules, trained by PpoTrainer.
 * Their tensors are named and shaped as PolicyNetwork reads them (`actor.<i>.weight` ...), so a
 * file written here runs in LearnedAbr without LibTorch.
 */
class TorchPolicy
{
  public:
    TorchPolicy(const PolicyLayout& layout, const std::vector<std::uint32_t>& hidden);

    /// The file: the layout, architecture and `extra` metadata, and every tensor.
    SafetensorsFile ToFile(const std::map<std::string, std::string>& extra) const;
    /// Copies a file's tensors in (InputError naming the file and tensor when they do not fit).
    void Load(const SafetensorsFile& file, const std::string& name);

    const PolicyLayout& Layout() const;
    const std::vector<std::uint32_t>& Hidden() const;
    /// Every parameter, actor first.
    std::vector<torch::Tensor> Parameters() const;

    Mlp actor;
    Mlp critic;

  private:
    PolicyLayout m_layout;
    std::vector<std::uint32_t> m_hidden;
};

/// Logits with the masked actions pushed to kMaskedLogit (finite, so 0 * log p stays 0).
torch::Tensor MaskLogits(const torch::Tensor& logits, const torch::Tensor& mask);
constexpr double kMaskedLogit = -1e9;

} // namespace ns3

#endif // LAYERED_VIDEO_TORCH_POLICY_H
