#include "nn/model-config.h"

#include "ns3/input-error.h"

#include <stdexcept>

namespace lvc
{

namespace
{

struct Field
{
    const char* name;
    int ModelConfig::*member;
    int min;
    int max;
};

constexpr Field kFields[] = {
    {"iterations", &ModelConfig::iterations, 1, 16},
    {"code_channels", &ModelConfig::code_channels, 1, 256},
    {"encoder_width", &ModelConfig::encoder_width, 4, 1024},
    {"state_width", &ModelConfig::state_width, 4, 1024},
    {"decoder_width", &ModelConfig::decoder_width, 16, 2048},
};

} // namespace

std::map<std::string, std::string>
ModelConfig::ToMetadata() const
{
    std::map<std::string, std::string> metadata;
    metadata["architecture"] = kArchitecture;
    metadata["architecture_version"] = std::to_string(kArchitectureVersion);
    for (const Field& f : kFields)
    {
        metadata[f.name] = std::to_string(this->*f.member);
    }
    return metadata;
}

ModelConfig
ModelConfig::FromMetadata(const std::map<std::string, std::string>& metadata,
                          const std::string& file)
{
    auto text = [&](const std::string& key) {
        auto it = metadata.find(key);
        if (it == metadata.end())
        {
            throw ns3::InputError::AtField(file, "__metadata__." + key, "missing");
        }
        return it->second;
    };
    if (text("architecture") != kArchitecture)
    {
        throw ns3::InputError::AtField(file,
                                       "__metadata__.architecture",
                                       "'" + text("architecture") + "', not " + kArchitecture);
    }
    if (text("architecture_version") != std::to_string(kArchitectureVersion))
    {
        throw ns3::InputError::AtField(file,
                                       "__metadata__.architecture_version",
                                       text("architecture_version") + ", this build reads " +
                                           std::to_string(kArchitectureVersion));
    }
    ModelConfig config;
    for (const Field& f : kFields)
    {
        std::string value = text(f.name);
        std::size_t used = 0;
        int number = 0;
        try
        {
            number = std::stoi(value, &used);
        }
        catch (const std::exception&)
        {
            used = 0;
        }
        if (used == 0 || used != value.size() || number < f.min || number > f.max)
        {
            throw ns3::InputError::AtField(file,
                                           std::string("__metadata__.") + f.name,
                                           "'" + value + "' is not an integer in [" +
                                               std::to_string(f.min) + ", " +
                                               std::to_string(f.max) + "]");
        }
        config.*f.member = number;
    }
    try
    {
        config.Check();
    }
    catch (const std::invalid_argument& error)
    {
        throw ns3::InputError::InFile(file, error.what());
    }
    return config;
}

void
ModelConfig::Check() const
{
    for (const Field& f : kFields)
    {
        if (this->*f.member < f.min || this->*f.member > f.max)
        {
            throw std::invalid_argument(std::string(f.name) + " must be in [" +
                                        std::to_string(f.min) + ", " + std::to_string(f.max) + "]");
        }
    }
    if (encoder_width % 4 != 0 || state_width % 4 != 0 || decoder_width % 4 != 0)
    {
        throw std::invalid_argument("encoder_width, state_width and decoder_width must be "
                                    "multiples of 4 (pixel shuffles)");
    }
}

} // namespace lvc
