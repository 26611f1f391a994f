// libFuzzer target: compute-capacity CSV. Bad input must end in InputError.
#include "ns3/compute-capacity.h"
#include "ns3/input-error.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try
    {
        ns3::ComputeCapacity c = ns3::ComputeCapacity::Parse(text, "fuzz.csv");
        double v = c.GetCapacity(12.5);
        if (!(v > 0 && v <= 1) || !(c.GetDuration_s() > 0))
        {
            std::abort();
        }
    }
    catch (const ns3::InputError&)
    {
    }
    return 0;
}
