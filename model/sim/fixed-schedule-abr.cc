#include "fixed-schedule-abr.h"

namespace ns3
{

FixedScheduleAbr::FixedScheduleAbr(std::vector<std::uint32_t> levels)
    : m_levels(std::move(levels))
{
}

std::string
FixedScheduleAbr::GetName() const
{
    return "fixed-schedule";
}

AbrDecision
FixedScheduleAbr::Decide(const AbrContext& context)
{
    std::uint32_t next = context.NextChunk();
    if (next >= context.ChunkCount())
    {
        return AbrDecision::Finished();
    }
    return AbrDecision::Fetch(next, m_levels.at(next));
}

} // namespace ns3
