#ifndef LAYERED_VIDEO_LAYERED_ABR_H
#define LAYERED_VIDEO_LAYERED_ABR_H

#include "abr-algorithm.h"

#include <optional>

namespace ns3
{

/**
 * \brief What the layer-aware ABRs share: base layers first, then upgrades.
 *
 * Below the buffer target the next chunk's base layer is fetched (without it nothing plays).
 * At or above it, the subclass may pick an upgrade (ChooseUpgrade) given the throughput
 * estimate (0.9 x the harmonic mean of the last 5 downloads); with none, the next base layer
 * is fetched if the cap leaves room, else the ABR waits for room. Ladder content has no layers
 * to add: there the subclass's classic counterpart decides (LadderFallback).
 */
class LayeredAbr : public AbrAlgorithm
{
  public:
    static constexpr double kDefaultTarget_s = 10;
    static constexpr double kSafety = 0.9;    ///< share of the estimate counted on
    static constexpr std::size_t kWindow = 5; ///< downloads in the throughput estimate

    explicit LayeredAbr(double buffer_target_s);

    AbrDecision Decide(const AbrContext& context) final;

  protected:
    /// An upgrade (chunk, level) to fetch now, if any is worth it.
    virtual std::optional<AbrDecision> ChooseUpgrade(const AbrContext& context,
                                                     double rate_bps) = 0;
    /// The classic ABR that decides for ladder content.
    virtual AbrAlgorithm& LadderFallback() = 0;

  private:
    double m_target_s;
};

/// Seconds to fetch `bits` at `rate_bps` (+infinity without an estimate).
double EstimatedFetch_s(double bits, double rate_bps);

/// A wait until the cap leaves room for the next chunk, or Done once every chunk is fetched.
AbrDecision WaitForRoom(const AbrContext& context);

} // namespace ns3

#endif // LAYERED_VIDEO_LAYERED_ABR_H
