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

void
WriteFileWhole(const std::string& path, const std::string& text)
{
    const std::string partial = path + ".partial";
    std::error_code error;
    {
        std::ofstream out(partial, std::ios::binary);
        out << text;
        out.close();
        if (!out)
        {
            std::filesystem::remove(partial, error);
            throw InputError::InFile(path, "cannot write the file");
        }
    }
    std::filesystem::rename(partial, path, error);
    if (error)
    {
        std::filesystem::remove(partial, error);
        throw InputError::InFile(path, "cannot write the file (" + error.message() + ")");
    }
}

} // namespace ns3
