#include "output-folder.h"

#include "input-error.h"

#include <filesystem>
#include <fstream>

namespace ns3
{

void
CheckOutputFolder(const std::string& option, const std::string& path)
{
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error || !std::filesystem::is_directory(path))
    {
        throw InputError(option + ": " + path + ": cannot be made a folder" +
                         (error ? " (" + error.message() + ")" : ""));
    }
    const std::filesystem::path probe = std::filesystem::path(path) / ".write-test";
    const bool writable = static_cast<bool>(std::ofstream(probe));
    std::filesystem::remove(probe, error);
    if (!writable)
    {
        throw InputError(option + ": " + path + ": not writable");
    }
}

} // namespace ns3
