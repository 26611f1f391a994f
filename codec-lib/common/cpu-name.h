// The machine's CPU, as profiles and benchmarks record it beside their timings.
#ifndef LVC_COMMON_CPU_NAME_H
#define LVC_COMMON_CPU_NAME_H

#include <string>

namespace lvc
{

/// The CPU's model name (/proc/cpuinfo), or "unknown CPU".
std::string CpuModelName();

} // namespace lvc

#endif // LVC_COMMON_CPU_NAME_H
