// Adam (Kingma & Ba), written out so that its state saves to and loads from safetensors.
#ifndef LVC_TRAIN_ADAM_H
#define LVC_TRAIN_ADAM_H

#include "weights/safetensors.h"

#include <cstdint>
#include <string>
#include <torch/types.h>
#include <vector>

namespace lvc
{

class Adam
{
  public:
    /// `names` label the parameters in checkpoints.
    Adam(std::vector<torch::Tensor> parameters, std::vector<std::string> names);

    void ZeroGrad();
    /// One update with learning rate `lr` (bias-corrected moments, beta 0.9 / 0.999).
    void Step(double lr);
    std::int64_t Steps() const;

    /// Adds "adam.m.<name>", "adam.v.<name>" and the step count to a checkpoint.
    void Save(SafetensorsFile& file) const;
    /// Restores what Save wrote (ns3::InputError naming `file_name` when a tensor is missing).
    void Load(const SafetensorsFile& file, const std::string& file_name);

  private:
    std::vector<torch::Tensor> m_parameters;
    std::vector<std::string> m_names;
    std::vector<torch::Tensor> m_first;
    std::vector<torch::Tensor> m_second;
    std::int64_t m_steps = 0;
};

} // namespace lvc

#endif // LVC_TRAIN_ADAM_H
