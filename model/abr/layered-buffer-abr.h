#ifndef LAYERED_VIDEO_LAYERED_BUFFER_ABR_H
#define LAYERED_VIDEO_LAYERED_BUFFER_ABR_H

#include "bba-abr.h"

namespace ns3
{

/**
 * \brief Layer-aware, buffer-first ABR for layered content.
 *
 * Below the buffer target it fetches the next chunk's base layer. At or above it, it upgrades
 * (by one layer) the buffered chunk that plays soonest and whose next layer, at the estimated
 * throughput (harmonic mean of the last 5 downloads, one RTT-sized share included in it),
 * arrives before that chunk starts decoding; when no upgrade can complete in time it fetches the
 * next base layer if the cap leaves room, else waits. On ladder content (no layers to add) it
 * falls back to BBA-0, its buffer-based counterpart.
 */
class LayeredBufferAbr : public AbrAlgorithm
{
  public:
    static constexpr double kDefaultTarget_s = 10;
    static constexpr double kSafety = 0.9;    ///< share of the estimate counted on
    static constexpr std::size_t kWindow = 5; ///< downloads in the throughput estimate

    explicit LayeredBufferAbr(double buffer_target_s = kDefaultTarget_s);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;
    void Reset() override;

  private:
    double m_target_s;
    BbaAbr m_ladder_fallback;
};

/// Seconds to fetch `bits` at `rate_bps` (+infinity without an estimate).
double EstimatedFetch_s(double bits, double rate_bps);

/// A wait until the cap leaves room for the next chunk, or Done once every chunk is fetched.
AbrDecision WaitForRoom(const AbrContext& context);

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_BUFFER_ABR_H
