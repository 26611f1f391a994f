#include "restore/restoration-net.h"

#include "nn/model-weights.h"

#include "ns3/input-error.h"

#include <sstream>

namespace lvc
{

namespace
{

constexpr int kPictureChannels = 6;

} // namespace

std::map<std::string, std::string>
RestorationConfig::ToMetadata() const
{
    std::ostringstream blocks_text;
    for (std::size_t i = 0; i < blocks.size(); ++i)
    {
        blocks_text << (i ? "," : "") << blocks[i];
    }
    return {{"architecture", kArchitecture},
            {"architecture_version", std::to_string(kArchitectureVersion)},
            {"channels", std::to_string(channels)},
            {"blocks", blocks_text.str()},
            {"format_version", kWeightsFormatVersion}};
}

RestorationConfig
RestorationConfig::FromMetadata(const std::map<std::string, std::string>& metadata,
                                const std::string& file_name)
{
    auto get = [&](const std::string& key) -> std::string {
        auto it = metadata.find(key);
        if (it == metadata.end())
        {
            throw ns3::InputError::AtField(file_name, "__metadata__." + key, "missing");
        }
        return it->second;
    };
    if (get("architecture") != kArchitecture ||
        get("architecture_version") != std::to_string(kArchitectureVersion))
    {
        throw ns3::InputError::AtField(file_name,
                                       "__metadata__.architecture",
                                       "'" + get("architecture") + " v" +
                                           get("architecture_version") + "', not " + kArchitecture +
                                           " v" + std::to_string(kArchitectureVersion) +
                                           " (the wavelet codec's restoration weights)");
    }
    RestorationConfig config;
    try
    {
        config.channels = std::stoi(get("channels"));
        config.blocks.clear();
        std::istringstream in(get("blocks"));
        std::string item;
        while (std::getline(in, item, ','))
        {
            config.blocks.push_back(std::stoi(item));
        }
    }
    catch (const std::logic_error&)
    {
        throw ns3::InputError::AtField(file_name,
                                       "__metadata__",
                                       "channels/blocks are not numbers");
    }
    if (config.channels < 1 || config.channels > 256 || config.blocks.empty() ||
        config.blocks.size() > 8)
    {
        throw ns3::InputError::AtField(file_name, "__metadata__", "channels/blocks out of range");
    }
    for (int b : config.blocks)
    {
        if (b < 0 || b > 16)
        {
            throw ns3::InputError::AtField(file_name, "__metadata__.blocks", "out of range");
        }
    }
    return config;
}

RestorationNetImpl::RestorationNetImpl(const RestorationConfig& config)
    : m_config(config)
{
    m_entry =
        register_module("entry", torch::nn::Conv2d(Conv3x3(kPictureChannels + 1, config.channels)));
    m_stages = register_module("stages", torch::nn::ModuleList());
    m_heads = register_module("heads", torch::nn::ModuleList());
    for (int count : config.blocks)
    {
        torch::nn::Sequential stage;
        for (int i = 0; i < count; ++i)
        {
            stage->push_back(ResidualBlock(config.channels));
        }
        m_stages->push_back(stage);
        torch::nn::Conv2d head(Conv3x3(config.channels, kPictureChannels));
        torch::NoGradGuard no_grad;
        head->weight.zero_();
        head->bias.zero_();
        m_heads->push_back(head);
    }
}

std::vector<torch::Tensor>
RestorationNetImpl::forward(const torch::Tensor& input, int last_exit)
{
    const torch::Tensor picture = input.slice(1, 0, kPictureChannels);
    torch::Tensor x = torch::leaky_relu(m_entry->forward(input), 0.1);
    std::vector<torch::Tensor> outputs;
    for (int e = 2; e <= last_exit && e <= m_config.ExitCount(); ++e)
    {
        x = m_stages[static_cast<std::size_t>(e - 2)]->as<torch::nn::Sequential>()->forward(x);
        outputs.push_back(
            picture +
            m_heads[static_cast<std::size_t>(e - 2)]->as<torch::nn::Conv2d>()->forward(x));
    }
    return outputs;
}

const RestorationConfig&
RestorationNetImpl::Config() const
{
    return m_config;
}

float
HintPlaneValue(float noise_hint)
{
    return (noise_hint - 2.0F) / 4.0F;
}

SafetensorsFile
RestorationWeights(RestorationNet& net,
                   const std::string& dtype,
                   const std::map<std::string, std::string>& extra)
{
    SafetensorsFile file;
    AddParameters(*net, "restore.", dtype, file);
    file.metadata = net->Config().ToMetadata();
    for (const auto& [key, value] : extra)
    {
        file.metadata[key] = value;
    }
    return file;
}

RestorationNet
LoadRestorationNet(const SafetensorsFile& file, const std::string& file_name)
{
    RestorationNet net(RestorationConfig::FromMetadata(file.metadata, file_name));
    LoadParameters(*net, "restore.", file, file_name);
    net->eval();
    return net;
}

} // namespace lvc
