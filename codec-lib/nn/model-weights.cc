#include "nn/model-weights.h"

#include "ns3/input-error.h"

#include <torch/torch.h>

namespace lvc
{

void
AddParameters(torch::nn::Module& module,
              const std::string& prefix,
              const std::string& dtype,
              SafetensorsFile& file)
{
    for (const auto& item : module.named_parameters(true))
    {
        torch::Tensor t = item.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
        std::vector<std::int64_t> shape(t.sizes().begin(), t.sizes().end());
        file.tensors[prefix + item.key()] =
            SafeTensor::FromFloat(shape, t.data_ptr<float>(), dtype);
    }
}

void
LoadParameters(torch::nn::Module& module,
               const std::string& prefix,
               const SafetensorsFile& file,
               const std::string& file_name)
{
    torch::NoGradGuard no_grad;
    for (auto& item : module.named_parameters(true))
    {
        const std::string name = prefix + item.key();
        auto found = file.tensors.find(name);
        if (found == file.tensors.end())
        {
            throw ns3::InputError::AtField(file_name, name, "missing tensor");
        }
        torch::Tensor& parameter = item.value();
        std::vector<std::int64_t> expected(parameter.sizes().begin(), parameter.sizes().end());
        if (found->second.shape != expected)
        {
            throw ns3::InputError::AtField(file_name, name, "shape differs from the model's");
        }
        std::vector<float> values;
        try
        {
            values = found->second.ToFloat();
        }
        catch (const std::invalid_argument& error)
        {
            throw ns3::InputError::AtField(file_name, name, error.what());
        }
        parameter.copy_(torch::from_blob(values.data(), parameter.sizes(), torch::kFloat32)
                            .to(parameter.device()));
    }
}

SafetensorsFile
ModelWeights(LayeredModel& model,
             const std::string& dtype,
             const std::map<std::string, std::string>& extra_metadata)
{
    SafetensorsFile file;
    file.metadata = model->Config().ToMetadata();
    file.metadata["format"] = "lvc-weights";
    file.metadata["format_version"] = kWeightsFormatVersion;
    for (const auto& [key, value] : extra_metadata)
    {
        file.metadata[key] = value;
    }
    AddParameters(*model, "", dtype, file);
    return file;
}

LayeredModel
LoadModel(const SafetensorsFile& file, const std::string& file_name)
{
    auto version = file.metadata.find("format_version");
    if (version == file.metadata.end() || version->second != kWeightsFormatVersion)
    {
        throw ns3::InputError::AtField(file_name,
                                       "__metadata__.format_version",
                                       std::string("not ") + kWeightsFormatVersion +
                                           " (the version this build reads)");
    }
    LayeredModel model(ModelConfig::FromMetadata(file.metadata, file_name));
    LoadParameters(*model, "", file, file_name);
    model->eval();
    return model;
}

} // namespace lvc
