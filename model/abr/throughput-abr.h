#ifndef LAYERED_VIDEO_THROUGHPUT_ABR_H
#define LAYERED_VIDEO_THROUGHPUT_ABR_H

#include "abr-algorithm.h"

namespace ns3
{

/**
 * \brief Rate-based ABR: the highest level under a safety share of the harmonic-mean throughput.
 *
 * The estimate is the harmonic mean of the last 5 downloads (as Pensieve's and MPC's rate-based
 * baselines); the level is the highest whose nominal bitrate is at most 0.9 times it (Sabre's
 * ThroughputRule safety factor). The first chunk is fetched at the lowest level. On layered
 * content the level is a whole prefix of layers.
 */
class ThroughputAbr : public AbrAlgorithm
{
  public:
    static constexpr std::size_t kDefaultWindow = 5;
    static constexpr double kDefaultSafety = 0.9;

    explicit ThroughputAbr(std::size_t window = kDefaultWindow, double safety = kDefaultSafety);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;

  private:
    std::size_t m_window;
    double m_safety;
};

} // namespace ns3

#endif // LAYERED_VIDEO_THROUGHPUT_ABR_H
