#ifndef LAYERED_VIDEO_QOE_H
#define LAYERED_VIDEO_QOE_H

#include <cstdint>
#include <limits>
#include <string>

namespace ns3
{

class VideoProfile;
class PlaybackBuffer;

/// The quality term q(.) of the QoE.
enum class QoeMetric
{
    BitrateLinear, ///< Mbit/s of the level's nominal bitrate (Pensieve's QoE_lin, MPC)
    BitrateLog,    ///< ln(bitrate / lowest bitrate) (Pensieve's QoE_log)
    Psnr,          ///< decoded PSNR in dB at the exit played (Swift)
    Ssim,          ///< decoded SSIM at the exit played (Swift)
};

QoeMetric ParseQoeMetric(const std::string& name); ///< "linear", "log", "psnr", "ssim"
std::string QoeMetricName(QoeMetric metric);

/// Weights; NaN means "derive from the profile" as documented at QoeModel.
struct QoeParams
{
    QoeMetric metric = QoeMetric::BitrateLinear;
    double rebuffer_per_s = std::numeric_limits<double>::quiet_NaN();
    double smoothness = 1.0;
    double startup_per_s = std::numeric_limits<double>::quiet_NaN();
};

/// The QoE terms of one session.
struct QoeSummary
{
    double qoe = 0;     ///< utility - rebuffer - smoothness - startup penalties
    double utility = 0; ///< sum of q over played chunks
    double rebuffer_penalty = 0;
    double smoothness_penalty = 0;
    double startup_penalty = 0;
    double normalized_qoe = 0; ///< qoe / best possible qoe (Swift's normalisation)
    double startup_delay_s = 0;
    double stall_s = 0;
    std::uint32_t stall_count = 0;
    std::uint32_t switches = 0;
    std::uint32_t chunks_played = 0;
    double mean_level = 0;
    double mean_bitrate_bps = 0; ///< nominal bitrate of the played levels
    double mean_psnr_db = 0;     ///< NaN when the profile has no quality
    double mean_ssim = 0;
    std::uint64_t bytes = 0;
    std::uint64_t wasted_bytes = 0;
    std::uint32_t upgrades = 0;
};

/**
 * \brief QoE = sum q(chunk) - mu * rebuffer_s - lambda * sum |q(n+1) - q(n)| - mu_s * startup_s.
 *
 * Defaults follow Pensieve's constants, derived so that they reproduce them on Pensieve's own
 * ladder (300..4300 kbit/s): mu = the top level's utility over the lowest's, i.e. one second of
 * stall costs as much as playing the best level instead of the worst (4.3 for linear bitrate in
 * Mbit/s, ln(4300/300) = 2.66 for log); lambda = 1. For PSNR/SSIM, mu = the mean gap between the
 * top and the lowest level at the deepest exit (the same rule). Startup counts like rebuffering
 * (Pensieve counts the first chunk's download as rebuffering) unless startup_per_s is given.
 */
class QoeModel
{
  public:
    QoeModel(const VideoProfile& profile, QoeParams params);

    QoeMetric GetMetric() const;
    double GetRebufferPenalty() const;
    double GetSmoothnessPenalty() const;
    double GetStartupPenalty() const;

    /// q of a chunk played at `level` through decoder `exit` (ignored without exits).
    double Utility(std::uint32_t chunk, std::uint32_t level, std::uint32_t exit) const;
    /// q with the deepest exit (the quality of the level itself).
    double LevelUtility(std::uint32_t chunk, std::uint32_t level) const;
    /// QoE of every chunk at the top level, deepest exit, no stall (the normaliser).
    double BestPossible() const;
    /// The terms of a session that has played (some of) its chunks.
    QoeSummary Evaluate(const PlaybackBuffer& buffer) const;

  private:
    const VideoProfile& m_profile;
    QoeParams m_params;
    double m_lowest_bps;
};

} // namespace ns3

#endif // LAYERED_VIDEO_QOE_H
