#include "decode-model.h"

#include "ns3/compute-capacity.h"
#include "ns3/video-profile.h"

namespace ns3
{

namespace
{
constexpr double kMsPerS = 1000;
}

DecodeModel::DecodeModel(const VideoProfile& profile, const ComputeCapacity& capacity)
    : m_profile(profile),
      m_capacity(capacity)
{
}

bool
DecodeModel::IsInstant() const
{
    return m_profile.GetExitCount() == 0;
}

double
DecodeModel::Capacity(double t_s) const
{
    return m_capacity.GetCapacity(t_s);
}

double
DecodeModel::Duration_s(std::uint32_t chunk,
                        std::uint32_t level,
                        std::uint32_t exit,
                        double capacity) const
{
    if (IsInstant() || level == 0)
    {
        return 0;
    }
    return m_profile.Level(chunk, level).exits[exit].decode_ms / kMsPerS / capacity;
}

DecodePlan
DecodeModel::Sustainable(std::uint32_t chunk, std::uint32_t level, double at_s) const
{
    if (IsInstant())
    {
        return {};
    }
    double capacity = Capacity(at_s);
    double budget = m_profile.GetChunkDurationOf_s(chunk);
    std::uint32_t exits = m_profile.GetExitCount();
    for (std::uint32_t e = exits; e-- > 0;)
    {
        double d = Duration_s(chunk, level, e, capacity);
        if (d <= budget || e == 0)
        {
            return {e, d};
        }
    }
    return {};
}

DecodePlan
DecodeModel::Choose(std::uint32_t chunk,
                    std::uint32_t level,
                    double start_s,
                    double deadline_s) const
{
    if (IsInstant())
    {
        return {};
    }
    double capacity = Capacity(start_s);
    double budget = m_profile.GetChunkDurationOf_s(chunk);
    std::uint32_t exits = m_profile.GetExitCount();
    for (std::uint32_t e = exits; e-- > 0;)
    {
        double d = Duration_s(chunk, level, e, capacity);
        if (d <= budget && start_s + d <= deadline_s)
        {
            return {e, d};
        }
    }
    // Nothing is both sustainable and in time: the fastest exit shortens the stall most.
    std::uint32_t fastest = 0;
    double best = Duration_s(chunk, level, 0, capacity);
    for (std::uint32_t e = 1; e < exits; ++e)
    {
        double d = Duration_s(chunk, level, e, capacity);
        if (d < best)
        {
            best = d;
            fastest = e;
        }
    }
    return {fastest, best};
}

} // namespace ns3
