// The wavelet codec's learned single-shot decoder stage: a small convolutional network that
// restores a frame decoded from any layer prefix, with exits at growing depths.
#ifndef LVC_RESTORE_RESTORATION_NET_H
#define LVC_RESTORE_RESTORATION_NET_H

#include "nn/layers.h"
#include "weights/safetensors.h"

#include <map>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace lvc
{

/// The network's shape, recorded in its weights' metadata.
struct RestorationConfig
{
    static constexpr const char* kArchitecture = "lvc-restore";
    static constexpr int kArchitectureVersion = 1;

    int channels = 32;
    /// Residual blocks before each exit beyond the plain one: exit 2 after blocks[0], exit 3
    /// after blocks[0] + blocks[1], ...
    std::vector<int> blocks{1, 2};

    int ExitCount() const
    {
        return 1 + static_cast<int>(blocks.size());
    }

    std::map<std::string, std::string> ToMetadata() const;
    /// ns3::InputError naming `file_name` when the metadata name another architecture.
    static RestorationConfig FromMetadata(const std::map<std::string, std::string>& metadata,
                                          const std::string& file_name);
};

/**
 * \brief Input: [N, 7, H, W], a frame as FrameToTensor gives it (four luma phases, U, V at half
 * resolution) and one plane holding the frame's noise hint (scaled); output of exit e: the
 * 6 picture channels plus the correction of head e. A 3x3 convolution to `channels`, residual
 * blocks (3x3, leaky ReLU), and after each group of blocks a 3x3 head to 6 channels that starts
 * at zero (an untrained exit is the plain reconstruction).
 */
class RestorationNetImpl : public torch::nn::Module
{
  public:
    explicit RestorationNetImpl(const RestorationConfig& config);

    /// The outputs of exits 2..last_exit.
    std::vector<torch::Tensor> forward(const torch::Tensor& input, int last_exit);
    const RestorationConfig& Config() const;

  private:
    RestorationConfig m_config;
    torch::nn::Conv2d m_entry{nullptr};
    torch::nn::ModuleList m_stages;
    torch::nn::ModuleList m_heads;
};

TORCH_MODULE(RestorationNet);

/// The hint plane's value for a noise hint (log2 of a step in pixels): centred and scaled.
float HintPlaneValue(float noise_hint);

/// A weights file of the network: parameters (F32 or F16) and metadata (config + `extra`).
SafetensorsFile RestorationWeights(RestorationNet& net,
                                   const std::string& dtype,
                                   const std::map<std::string, std::string>& extra = {});

/// Builds the network a weights file names and loads its parameters (eval mode).
RestorationNet LoadRestorationNet(const SafetensorsFile& file, const std::string& file_name);

} // namespace lvc

#endif // LVC_RESTORE_RESTORATION_NET_H
