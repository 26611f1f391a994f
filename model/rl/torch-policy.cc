#include "torch-policy.h"

#include "policy-network.h"

#include "ns3/input-error.h"

namespace ns3
{

namespace
{
const char* const kActor = "actor";
const char* const kCritic = "critic";

SafeTensor
ToFloat32(const torch::Tensor& t)
{
    torch::Tensor c = t.detach().to(torch::kFloat32).contiguous();
    return SafeTensor::FromFloat(std::vector<std::int64_t>(c.sizes().begin(), c.sizes().end()),
                                 c.data_ptr<float>(),
                                 "F32");
}

void
CopyInto(torch::Tensor param,
         const SafetensorsFile& file,
         const std::string& key,
         const std::string& name)
{
    std::vector<float> values = file.GetFloats(key, name);
    std::vector<std::int64_t> want(param.sizes().begin(), param.sizes().end());
    if (file.Get(key, name).shape != want)
    {
        throw InputError::AtField(name, key, "shape does not match the policy's architecture");
    }
    torch::NoGradGuard no_grad;
    param.copy_(torch::from_blob(values.data(), want, torch::kFloat32));
}
} // namespace

MlpImpl::MlpImpl(std::int64_t inputs,
                 const std::vector<std::uint32_t>& hidden,
                 std::int64_t outputs)
{
    std::int64_t in = inputs;
    std::vector<std::int64_t> sizes(hidden.begin(), hidden.end());
    sizes.push_back(outputs);
    for (std::size_t i = 0; i < sizes.size(); ++i)
    {
        layers.push_back(register_module(std::to_string(i), torch::nn::Linear(in, sizes[i])));
        in = sizes[i];
    }
}

torch::Tensor
MlpImpl::forward(torch::Tensor x)
{
    for (std::size_t i = 0; i < layers.size(); ++i)
    {
        x = layers[i]->forward(x);
        if (i + 1 < layers.size())
        {
            x = torch::relu(x);
        }
    }
    return x;
}

TorchPolicy::TorchPolicy(const PolicyLayout& layout, const std::vector<std::uint32_t>& hidden)
    : actor(static_cast<std::int64_t>(layout.StateSize()),
            hidden,
            static_cast<std::int64_t>(layout.ActionCount())),
      critic(static_cast<std::int64_t>(layout.StateSize()), hidden, 1),
      m_layout(layout),
      m_hidden(hidden)
{
}

SafetensorsFile
TorchPolicy::ToFile(const std::map<std::string, std::string>& extra) const
{
    SafetensorsFile file;
    file.metadata = extra;
    for (const auto& [key, value] : m_layout.ToMetadata())
    {
        file.metadata[key] = value;
    }
    file.metadata["architecture"] = kPolicyArchitecture;
    file.metadata["activation"] = kPolicyActivation;
    std::string hidden;
    for (std::uint32_t h : m_hidden)
    {
        hidden += (hidden.empty() ? "" : ",") + std::to_string(h);
    }
    file.metadata["hidden"] = hidden;
    for (const auto& [net, module] : {std::pair{kActor, actor}, std::pair{kCritic, critic}})
    {
        for (std::size_t i = 0; i < module->layers.size(); ++i)
        {
            std::string prefix = std::string(net) + "." + std::to_string(i) + ".";
            file.tensors[prefix + "weight"] = ToFloat32(module->layers[i]->weight);
            file.tensors[prefix + "bias"] = ToFloat32(module->layers[i]->bias);
        }
    }
    return file;
}

void
TorchPolicy::Load(const SafetensorsFile& file, const std::string& name)
{
    PolicyLayout layout = PolicyLayout::FromMetadata(file.metadata, name);
    if (layout.StateSize() != m_layout.StateSize() ||
        layout.ActionCount() != m_layout.ActionCount())
    {
        throw InputError::AtField(name, "__metadata__.state_size", "another layout");
    }
    for (const auto& [net, module] : {std::pair{kActor, actor}, std::pair{kCritic, critic}})
    {
        for (std::size_t i = 0; i < module->layers.size(); ++i)
        {
            std::string prefix = std::string(net) + "." + std::to_string(i) + ".";
            CopyInto(module->layers[i]->weight, file, prefix + "weight", name);
            CopyInto(module->layers[i]->bias, file, prefix + "bias", name);
        }
    }
}

const PolicyLayout&
TorchPolicy::Layout() const
{
    return m_layout;
}

const std::vector<std::uint32_t>&
TorchPolicy::Hidden() const
{
    return m_hidden;
}

std::vector<torch::Tensor>
TorchPolicy::Parameters() const
{
    std::vector<torch::Tensor> params = actor->parameters();
    for (const auto& p : critic->parameters())
    {
        params.push_back(p);
    }
    return params;
}

torch::Tensor
MaskLogits(const torch::Tensor& logits, const torch::Tensor& mask)
{
    return logits.masked_fill(mask.logical_not(), kMaskedLogit);
}

} // namespace ns3
