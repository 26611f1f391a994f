#ifndef LAYERED_VIDEO_LAYERED_THROUGHPUT_ABR_H
#define LAYERED_VIDEO_LAYERED_THROUGHPUT_ABR_H

#include "layered-abr.h"
#include "throughput-abr.h"

namespace ns3
{

/**
 * \brief Layer-aware, throughput-aware ABR: each layer's bytes weighed against the quality it adds.
 *
 * Base layers to the buffer target (LayeredAbr). Then every single-layer upgrade of a buffered,
 * still upgradable chunk is a candidate if, at the estimated throughput, it arrives before its
 * chunk starts decoding and leaves at least the low watermark of buffer when it completes (so it
 * cannot starve the next base layer); the one adding the most QoE utility per byte wins. On
 * ladder content it falls back to the throughput-based ABR.
 */
class LayeredThroughputAbr : public LayeredAbr
{
  public:
    static constexpr double kDefaultLowWatermark_s = 6;

    explicit LayeredThroughputAbr(double buffer_target_s = kDefaultTarget_s,
                                  double low_watermark_s = kDefaultLowWatermark_s);

    std::string GetName() const override;

  protected:
    std::optional<AbrDecision> ChooseUpgrade(const AbrContext& context, double rate_bps) override;
    AbrAlgorithm& LadderFallback() override;

  private:
    double m_low_s;
    ThroughputAbr m_ladder_fallback;
};

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_THROUGHPUT_ABR_H
