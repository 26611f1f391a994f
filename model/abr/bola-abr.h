#ifndef LAYERED_VIDEO_BOLA_ABR_H
#define LAYERED_VIDEO_BOLA_ABR_H

#include "abr-algorithm.h"

#include <vector>

namespace ns3
{

/**
 * \brief BOLA-BASIC (Spiteri, Urgaonkar, Sitaraman, "BOLA: Near-Optimal Bitrate Adaptation for
 * Online Videos", INFOCOM 2016), in the form Sabre implements it.
 *
 * Utilities v_m = ln(S_m / S_1) of the nominal bitrates; V·p = (B_max - p) / (v_M + γp) with
 * B_max the buffer cap and p the chunk duration; the next chunk's level maximises
 * (V·p (v_m + γp) - B) / S_m. When every score is negative (B > B_max - p) BOLA waits until it
 * is not. Default γp = 5 (Sabre's).
 */
class BolaAbr : public AbrAlgorithm
{
  public:
    static constexpr double kDefaultGammaP = 5;

    explicit BolaAbr(double gamma_p = kDefaultGammaP);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;

    /// V·p for a profile and a buffer cap.
    double Vp(const VideoProfile& profile, double buffer_cap_s) const;
    /// The level BOLA picks at buffer level buffer_s (it may be a wait: see Decide).
    std::uint32_t ChooseLevel(const VideoProfile& profile,
                              double buffer_cap_s,
                              double buffer_s) const;
    /// The score (V·p (v_m + γp) - B) / S_m of level m.
    double Score(const VideoProfile& profile,
                 double buffer_cap_s,
                 double buffer_s,
                 std::uint32_t level) const;

  protected:
    /// BOLA's decision for the next chunk: a level, or a wait when every score is negative.
    AbrDecision DecideNext(const AbrContext& context) const;

  private:
    double m_gamma_p;
};

} // namespace ns3

#endif // LAYERED_VIDEO_BOLA_ABR_H
