#ifndef LAYERED_VIDEO_LAYERED_THROUGHPUT_ABR_H
#define LAYERED_VIDEO_LAYERED_THROUGHPUT_ABR_H

#include "throughput-abr.h"

namespace ns3
{

/**
 * \brief Layer-aware, throughput-aware ABR: each layer's bytes weighed against the quality it adds.
 *
 * Below the buffer target it fetches the next chunk's base layer (without it nothing plays).
 * Otherwise every single-layer step is a candidate: the next layer of each buffered chunk that
 * is still upgradable, and the base layer of the next chunk. An upgrade counts only if, at the
 * estimated throughput (0.9 x harmonic mean of the last 5 downloads), it arrives before its
 * chunk starts decoding and leaves at least the low watermark of buffer when it completes (so it
 * cannot starve the next base layer). Among those, the one adding the most QoE utility per byte
 * wins; with none, the next base layer if the cap leaves room, else a wait. On ladder content it
 * falls back to the throughput-based ABR.
 */
class LayeredThroughputAbr : public AbrAlgorithm
{
  public:
    static constexpr double kDefaultTarget_s = 10;
    static constexpr double kDefaultLowWatermark_s = 6;
    static constexpr double kSafety = 0.9;
    static constexpr std::size_t kWindow = 5;

    explicit LayeredThroughputAbr(double buffer_target_s = kDefaultTarget_s,
                                  double low_watermark_s = kDefaultLowWatermark_s);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;

  private:
    double m_target_s;
    double m_low_s;
    ThroughputAbr m_ladder_fallback;
};

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_THROUGHPUT_ABR_H
