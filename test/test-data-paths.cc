#include "test-data-paths.h"

#include <cstdlib>
#include <filesystem>

namespace ns3
{
namespace layered_video_test
{

std::string
SourceDir()
{
    return std::filesystem::path(__FILE__).parent_path().parent_path().string();
}

std::string
SharedDir()
{
    const char* env = std::getenv("LAYERED_VIDEO_SHARED_DIR");
    if (env && *env)
    {
        return env;
    }
#ifdef LAYERED_VIDEO_SHARED_DIR
    return LAYERED_VIDEO_SHARED_DIR;
#else
    return SourceDir() + "/../shared";
#endif
}

std::string
ProjectProfile(const std::string& name)
{
    return SourceDir() + "/traces/profiles/" + name;
}

std::string
SharedPath(const std::string& relative)
{
    return SharedDir() + "/" + relative;
}

std::string
EnvivioProfile()
{
    return SharedPath("profiles/pensieve-envivio");
}

std::string
PensieveTrace(const std::string& name)
{
    return SharedPath("traces/pensieve-test/" + name);
}

} // namespace layered_video_test
} // namespace ns3
