#include "common/cpu-name.h"

#include <fstream>

namespace lvc
{

std::string
CpuModelName()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
    {
        if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos)
        {
            return line.substr(line.find(':') + 2);
        }
    }
    return "unknown CPU";
}

} // namespace lvc
