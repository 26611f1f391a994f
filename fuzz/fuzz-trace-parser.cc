// libFuzzer target: bandwidth-trace text in every format. Bad input must end in InputError.
#include "ns3/bandwidth-trace.h"
#include "ns3/input-error.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    // The first byte picks the format (auto-detection included); the rest is the file.
    auto format = static_cast<ns3::TraceFormat>(data[0] % 6);
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    try
    {
        ns3::BandwidthTrace trace = ns3::BandwidthTrace::Parse(text, "fuzz", format);
        // A trace that loads must answer queries sanely.
        double end = trace.DeliveryEnd_s(0.5, 1e6);
        if (!(trace.GetDuration_s() > 0) || !(trace.GetMeanRate_bps() > 0) || !(end >= 0.5) ||
            std::isnan(end))
        {
            std::abort();
        }
    }
    catch (const ns3::InputError&)
    {
    }
    return 0;
}
