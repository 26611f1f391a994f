#ifndef LAYERED_VIDEO_LAYERED_BUFFER_ABR_H
#define LAYERED_VIDEO_LAYERED_BUFFER_ABR_H

#include "bba-abr.h"
#include "layered-abr.h"

namespace ns3
{

/**
 * \brief Layer-aware, buffer-first ABR for layered content.
 *
 * Base layers to the buffer target (LayeredAbr), then one more layer for the buffered chunk that
 * plays soonest and whose next layer, at the estimated throughput, arrives before that chunk
 * starts decoding. On ladder content it falls back to BBA-0, its buffer-based counterpart.
 */
class LayeredBufferAbr : public LayeredAbr
{
  public:
    explicit LayeredBufferAbr(double buffer_target_s = kDefaultTarget_s);

    std::string GetName() const override;
    void Reset() override;

  protected:
    std::optional<AbrDecision> ChooseUpgrade(const AbrContext& context, double rate_bps) override;
    AbrAlgorithm& LadderFallback() override;

  private:
    BbaAbr m_ladder_fallback;
};

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_BUFFER_ABR_H
