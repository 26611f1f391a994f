// The layered model's parameters to and from safetensors (weights/safetensors.h).
#ifndef LVC_NN_MODEL_WEIGHTS_H
#define LVC_NN_MODEL_WEIGHTS_H

#include "nn/layered-model.h"
#include "weights/safetensors.h"

#include <map>
#include <string>

namespace lvc
{

constexpr const char* kWeightsFormatVersion = "1";

/**
 * The parameters of `module`, named by their module path (e.g. "encoder.gru_eighth.input_gates
 * .weight") with `prefix` before each name, stored as `dtype` (F32 or F16).
 */
void AddParameters(torch::nn::Module& module,
                   const std::string& prefix,
                   const std::string& dtype,
                   SafetensorsFile& file);

/**
 * Copies the tensors named `prefix` + parameter name into `module`'s parameters. Throws
 * ns3::InputError naming `file_name` and the tensor when one is missing or has another shape.
 */
void LoadParameters(torch::nn::Module& module,
                    const std::string& prefix,
                    const SafetensorsFile& file,
                    const std::string& file_name);

/// A weights file of the model: its parameters and metadata (config, format version, extras).
SafetensorsFile ModelWeights(LayeredModel& model,
                             const std::string& dtype,
                             const std::map<std::string, std::string>& extra_metadata = {});

/// Builds the model a weights file names (its metadata) and loads its parameters (eval mode).
LayeredModel LoadModel(const SafetensorsFile& file, const std::string& file_name);

} // namespace lvc

#endif // LVC_NN_MODEL_WEIGHTS_H
