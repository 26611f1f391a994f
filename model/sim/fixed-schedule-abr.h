#ifndef LAYERED_VIDEO_FIXED_SCHEDULE_ABR_H
#define LAYERED_VIDEO_FIXED_SCHEDULE_ABR_H

#include "ns3/abr-algorithm.h"

#include <vector>

namespace ns3
{

/// Fetches chunk i at levels[i], in order: replays a schedule (the offline optimum's).
class FixedScheduleAbr : public AbrAlgorithm
{
  public:
    explicit FixedScheduleAbr(std::vector<std::uint32_t> levels);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;

  private:
    std::vector<std::uint32_t> m_levels;
};

} // namespace ns3

#endif // LAYERED_VIDEO_FIXED_SCHEDULE_ABR_H
