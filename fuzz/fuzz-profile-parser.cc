// libFuzzer target: video-profile JSON (v1 and Sabre manifests). Bad input must end in
// InputError; a profile that loads must write and read back to the same JSON.
#include "ns3/input-error.h"
#include "ns3/video-profile.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try
    {
        ns3::VideoProfile profile = ns3::VideoProfile::ParseJson(text, "fuzz.json");
        for (std::uint32_t c = 0; c < profile.GetChunkCount(); ++c)
        {
            if (profile.LevelBytes(c, profile.GetLevelCount()) == 0)
            {
                std::abort();
            }
        }
        if (profile.HasQuality())
        {
            std::string json = profile.ToJson();
            if (ns3::VideoProfile::ParseJson(json, "again.json").ToJson() != json)
            {
                std::abort();
            }
        }
    }
    catch (const ns3::InputError&)
    {
    }
    return 0;
}
