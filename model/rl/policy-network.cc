#include "policy-network.h"

#include "ns3/deterministic-random.h"
#include "ns3/input-error.h"
#include "ns3/safetensors-file.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{

namespace
{
const char* const kActor = "actor";
const char* const kCritic = "critic";
constexpr std::size_t kMaxLayers = 64; // no sane policy is deeper

std::string
MetadataEntry(const std::map<std::string, std::string>& m,
              const std::string& key,
              const std::string& file)
{
    auto it = m.find(key);
    if (it == m.end())
    {
        throw InputError::AtField(file, "__metadata__." + key, "missing");
    }
    return it->second;
}
} // namespace

std::vector<PolicyNetwork::Dense>
PolicyNetwork::ReadNet(const SafetensorsFile& file,
                       const std::string& name,
                       const std::string& net,
                       std::size_t inputs,
                       std::size_t outputs,
                       bool required)
{
    std::vector<Dense> layers;
    std::size_t in = inputs;
    for (std::size_t i = 0; i < kMaxLayers; ++i)
    {
        std::string prefix = net + "." + std::to_string(i) + ".";
        if (file.tensors.count(prefix + "weight") == 0)
        {
            break;
        }
        const SafeTensor& w = file.Get(prefix + "weight", name);
        const SafeTensor& b = file.Get(prefix + "bias", name);
        if (w.shape.size() != 2 || w.shape[1] != static_cast<std::int64_t>(in) || w.shape[0] < 1)
        {
            throw InputError::AtField(name,
                                      prefix + "weight",
                                      "shape must be [out, " + std::to_string(in) + "]");
        }
        if (b.shape.size() != 1 || b.shape[0] != w.shape[0])
        {
            throw InputError::AtField(name,
                                      prefix + "bias",
                                      "shape must be [" + std::to_string(w.shape[0]) + "]");
        }
        Dense d;
        d.in = static_cast<std::uint32_t>(in);
        d.out = static_cast<std::uint32_t>(w.shape[0]);
        d.weight = file.GetFloats(prefix + "weight", name);
        d.bias = file.GetFloats(prefix + "bias", name);
        in = d.out;
        layers.push_back(std::move(d));
    }
    if (layers.empty())
    {
        if (required)
        {
            throw InputError::AtField(name, net + ".0.weight", "missing");
        }
        return layers;
    }
    if (in != outputs)
    {
        throw InputError::AtField(name,
                                  net + "." + std::to_string(layers.size() - 1) + ".weight",
                                  "the last layer has " + std::to_string(in) +
                                      " outputs; the layout needs " + std::to_string(outputs));
    }
    return layers;
}

PolicyNetwork
PolicyNetwork::FromFile(const SafetensorsFile& file, const std::string& name)
{
    PolicyNetwork p;
    p.m_name = name;
    p.m_metadata = file.metadata;
    p.m_layout = PolicyLayout::FromMetadata(file.metadata, name);
    if (MetadataEntry(file.metadata, "architecture", name) != kPolicyArchitecture)
    {
        throw InputError::AtField(name,
                                  "__metadata__.architecture",
                                  "unknown architecture (this build reads " +
                                      std::string(kPolicyArchitecture) + ")");
    }
    if (MetadataEntry(file.metadata, "activation", name) != kPolicyActivation)
    {
        throw InputError::AtField(name,
                                  "__metadata__.activation",
                                  "unknown activation (this build reads " +
                                      std::string(kPolicyActivation) + ")");
    }
    p.m_actor = ReadNet(file, name, kActor, p.m_layout.StateSize(), p.m_layout.ActionCount(), true);
    p.m_critic = ReadNet(file, name, kCritic, p.m_layout.StateSize(), 1, false);
    for (const auto& [key, tensor] : file.tensors)
    {
        for (float v : file.GetFloats(key, name))
        {
            if (!std::isfinite(v))
            {
                throw InputError::AtField(name, key, "holds a value that is not finite");
            }
        }
    }
    return p;
}

PolicyNetwork
PolicyNetwork::Load(const std::string& path)
{
    return FromFile(SafetensorsFile::Load(path), path);
}

PolicyNetwork
PolicyNetwork::Random(const PolicyLayout& layout,
                      const std::vector<std::uint32_t>& hidden,
                      std::uint64_t seed)
{
    PolicyNetwork p;
    p.m_name = "random policy";
    p.m_layout = layout;
    p.m_metadata = layout.ToMetadata();
    p.m_metadata["architecture"] = kPolicyArchitecture;
    p.m_metadata["activation"] = kPolicyActivation;
    DeterministicRandom rng(seed);
    auto make = [&](std::size_t outputs) {
        std::vector<Dense> net;
        std::vector<std::uint32_t> sizes = hidden;
        sizes.push_back(static_cast<std::uint32_t>(outputs));
        std::uint32_t in = static_cast<std::uint32_t>(layout.StateSize());
        for (std::uint32_t out : sizes)
        {
            Dense d;
            d.in = in;
            d.out = out;
            double bound = 1.0 / std::sqrt(static_cast<double>(in));
            d.weight.resize(static_cast<std::size_t>(in) * out);
            d.bias.resize(out);
            for (float& w : d.weight)
            {
                w = static_cast<float>(rng.Uniform(-bound, bound));
            }
            for (float& b : d.bias)
            {
                b = static_cast<float>(rng.Uniform(-bound, bound));
            }
            net.push_back(std::move(d));
            in = out;
        }
        return net;
    };
    p.m_actor = make(layout.ActionCount());
    p.m_critic = make(1);
    return p;
}

SafetensorsFile
PolicyNetwork::ToFile(const std::map<std::string, std::string>& extra) const
{
    SafetensorsFile file;
    file.metadata = m_metadata;
    for (const auto& [key, value] : extra)
    {
        file.metadata[key] = value;
    }
    for (const auto& [key, value] : m_layout.ToMetadata())
    {
        file.metadata[key] = value;
    }
    auto put = [&file](const std::string& net, const std::vector<Dense>& layers) {
        for (std::size_t i = 0; i < layers.size(); ++i)
        {
            std::string prefix = net + "." + std::to_string(i) + ".";
            file.tensors[prefix + "weight"] =
                SafeTensor::FromFloat({layers[i].out, layers[i].in}, layers[i].weight.data());
            file.tensors[prefix + "bias"] =
                SafeTensor::FromFloat({layers[i].out}, layers[i].bias.data());
        }
    };
    put(kActor, m_actor);
    put(kCritic, m_critic);
    return file;
}

std::vector<float>
PolicyNetwork::Run(const std::vector<Dense>& net, const std::vector<float>& x)
{
    std::vector<float> a = x;
    for (std::size_t l = 0; l < net.size(); ++l)
    {
        const Dense& d = net[l];
        if (a.size() != d.in)
        {
            throw std::invalid_argument("policy: input of " + std::to_string(a.size()) +
                                        " values for a layer of " + std::to_string(d.in));
        }
        std::vector<float> y(d.out);
        for (std::uint32_t o = 0; o < d.out; ++o)
        {
            double sum = d.bias[o];
            const float* w = &d.weight[static_cast<std::size_t>(o) * d.in];
            for (std::uint32_t i = 0; i < d.in; ++i)
            {
                sum += static_cast<double>(w[i]) * a[i];
            }
            bool hidden = l + 1 < net.size();
            y[o] = static_cast<float>(hidden && sum < 0 ? 0.0 : sum);
        }
        a = std::move(y);
    }
    return a;
}

const PolicyLayout&
PolicyNetwork::Layout() const
{
    return m_layout;
}

const std::map<std::string, std::string>&
PolicyNetwork::Metadata() const
{
    return m_metadata;
}

const std::string&
PolicyNetwork::Name() const
{
    return m_name;
}

bool
PolicyNetwork::HasCritic() const
{
    return !m_critic.empty();
}

std::vector<float>
PolicyNetwork::Logits(const std::vector<float>& state) const
{
    return Run(m_actor, state);
}

float
PolicyNetwork::Value(const std::vector<float>& state) const
{
    if (m_critic.empty())
    {
        throw std::logic_error("policy " + m_name + " has no critic");
    }
    return Run(m_critic, state)[0];
}

std::uint32_t
PolicyNetwork::Greedy(const std::vector<float>& state, const std::vector<std::uint8_t>& mask) const
{
    std::vector<float> logits = Logits(state);
    std::uint32_t best = 0;
    bool found = false;
    for (std::uint32_t a = 0; a < logits.size() && a < mask.size(); ++a)
    {
        if (mask[a] && (!found || logits[a] > logits[best]))
        {
            best = a;
            found = true;
        }
    }
    if (!found)
    {
        throw std::logic_error("policy " + m_name + ": no valid action");
    }
    return best;
}

} // namespace ns3
