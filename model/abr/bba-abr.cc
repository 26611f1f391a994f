#include "bba-abr.h"

#include "ns3/video-profile.h"

#include <algorithm>

namespace ns3
{

BbaAbr::BbaAbr(double reservoir_s, double cushion_s)
    : m_reservoir_s(reservoir_s),
      m_cushion_s(cushion_s)
{
}

std::string
BbaAbr::GetName() const
{
    return "bba";
}

void
BbaAbr::Reset()
{
    m_previous = 0;
}

double
BbaAbr::RateMap_bps(const VideoProfile& profile, double buffer_s) const
{
    double r_min = profile.NominalBitrate_bps(1);
    double r_max = profile.NominalBitrate_bps(profile.GetLevelCount());
    if (buffer_s <= m_reservoir_s)
    {
        return r_min;
    }
    if (buffer_s >= m_reservoir_s + m_cushion_s)
    {
        return r_max;
    }
    return r_min + (r_max - r_min) * (buffer_s - m_reservoir_s) / m_cushion_s;
}

std::uint32_t
BbaAbr::ChooseLevel(const VideoProfile& profile,
                    double buffer_s,
                    std::uint32_t previous_level) const
{
    std::uint32_t levels = profile.GetLevelCount();
    std::uint32_t prev = std::clamp<std::uint32_t>(previous_level, 1, levels);
    if (buffer_s <= m_reservoir_s)
    {
        return 1;
    }
    if (buffer_s >= m_reservoir_s + m_cushion_s)
    {
        return levels;
    }
    double f = RateMap_bps(profile, buffer_s);
    double rate_plus = profile.NominalBitrate_bps(std::min(prev + 1, levels));
    double rate_minus = profile.NominalBitrate_bps(std::max<std::uint32_t>(prev - 1, 1));
    if (f >= rate_plus)
    {
        std::uint32_t q = 1; // highest rate strictly below f(B)
        for (std::uint32_t i = 1; i <= levels; ++i)
        {
            if (profile.NominalBitrate_bps(i) < f)
            {
                q = i;
            }
        }
        return q;
    }
    if (f <= rate_minus)
    {
        for (std::uint32_t i = 1; i <= levels; ++i) // lowest rate strictly above f(B)
        {
            if (profile.NominalBitrate_bps(i) > f)
            {
                return i;
            }
        }
        return levels;
    }
    return prev;
}

AbrDecision
BbaAbr::Decide(const AbrContext& context)
{
    std::uint32_t next = context.NextChunk();
    if (next >= context.ChunkCount())
    {
        return AbrDecision::Finished();
    }
    m_previous =
        ChooseLevel(context.Profile(), context.BufferLevel_s(), m_previous == 0 ? 1 : m_previous);
    return AbrDecision::Fetch(next, m_previous);
}

} // namespace ns3
