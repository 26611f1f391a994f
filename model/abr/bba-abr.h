#ifndef LAYERED_VIDEO_BBA_ABR_H
#define LAYERED_VIDEO_BBA_ABR_H

#include "abr-algorithm.h"

namespace ns3
{

/**
 * \brief BBA-0 (Huang et al., "A Buffer-Based Approach to Rate Adaptation", SIGCOMM 2014).
 *
 * The rate map f(B) is R_min below the reservoir r, R_max above r + cushion, and linear in
 * between. With the previous rate R_prev and its neighbours R+ (next higher) and R- (next lower):
 * B < r -> R_min; B >= r + cu -> R_max; f(B) >= R+ -> the highest rate below f(B);
 * f(B) <= R- -> the lowest rate above f(B); otherwise R_prev (the paper's Algorithm 1).
 * Defaults r = 5 s, cu = 10 s, as in Pensieve's BBA baseline (the paper's 90 s / 126 s suit its
 * 240 s buffer).
 */
class BbaAbr : public AbrAlgorithm
{
  public:
    static constexpr double kDefaultReservoir_s = 5;
    static constexpr double kDefaultCushion_s = 10;

    explicit BbaAbr(double reservoir_s = kDefaultReservoir_s, double cushion_s = kDefaultCushion_s);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;
    void Reset() override;

    /// BBA-0's choice for a buffer level and the previous level (1..L).
    std::uint32_t ChooseLevel(const VideoProfile& profile,
                              double buffer_s,
                              std::uint32_t previous_level) const;
    /// The rate map f(B).
    double RateMap_bps(const VideoProfile& profile, double buffer_s) const;

  private:
    double m_reservoir_s;
    double m_cushion_s;
    std::uint32_t m_previous = 0;
};

} // namespace ns3

#endif // LAYERED_VIDEO_BBA_ABR_H
