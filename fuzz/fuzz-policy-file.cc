// libFuzzer target: learned-ABR policy files (safetensors header, tensors, layout metadata).
// Bad input must end in InputError; a policy that loads must evaluate without crashing.
#include "ns3/input-error.h"
#include "ns3/policy-network.h"
#include "ns3/safetensors-file.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string bytes(reinterpret_cast<const char*>(data), size);
    try
    {
        ns3::SafetensorsFile file = ns3::SafetensorsFile::Parse(bytes, "fuzz.safetensors");
        ns3::PolicyNetwork policy = ns3::PolicyNetwork::FromFile(file, "fuzz.safetensors");
        std::vector<float> state(policy.Layout().StateSize(), 0.5F);
        std::vector<std::uint8_t> mask(policy.Layout().ActionCount(), 1);
        if (policy.Greedy(state, mask) >= mask.size())
        {
            std::abort();
        }
    }
    catch (const ns3::InputError&)
    {
    }
    return 0;
}
