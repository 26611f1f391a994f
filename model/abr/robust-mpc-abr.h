#ifndef LAYERED_VIDEO_ROBUST_MPC_ABR_H
#define LAYERED_VIDEO_ROBUST_MPC_ABR_H

#include "abr-algorithm.h"

#include <vector>

namespace ns3
{

/**
 * \brief RobustMPC (Yin, Jindal, Sekar, Sinopoli, "A Control-Theoretic Approach for Dynamic
 * Adaptive Video Streaming over HTTP", SIGCOMM 2015), as in Pensieve's baseline.
 *
 * Throughput forecast: harmonic mean of the last 5 downloads divided by (1 + the largest
 * relative forecast error of the last 5). Over a horizon of 5 chunks it enumerates every level
 * sequence, simulates the buffer (download time = bytes / forecast; stall when it exceeds the
 * buffer; + p per chunk) and scores it with the session's own QoE weights and utilities; the
 * first level of the best sequence is fetched. On layered content a level is a whole prefix.
 */
class RobustMpcAbr : public AbrAlgorithm
{
  public:
    static constexpr std::uint32_t kDefaultHorizon = 5;
    static constexpr std::size_t kThroughputWindow = 5;

    explicit RobustMpcAbr(std::uint32_t horizon = kDefaultHorizon);

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;
    void Reset() override;
    void OnDownload(const AbrContext& context) override;

    /// The forecast the next decision uses.
    double RobustForecast_bps(const AbrContext& context) const;
    /**
     * Best first level for chunks [first, first + horizon) from a buffer level, the previous
     * level and a forecast; `best_qoe` receives the best sequence's score.
     */
    std::uint32_t Plan(const AbrContext& context,
                       std::uint32_t first,
                       double buffer_s,
                       std::uint32_t previous_level,
                       double forecast_bps,
                       double* best_qoe = nullptr) const;

  private:
    std::uint32_t m_horizon;
    std::vector<double> m_errors; ///< relative forecast errors of past downloads
    double m_last_forecast_bps = 0;
};

} // namespace ns3

#endif // LAYERED_VIDEO_ROBUST_MPC_ABR_H
