#include "qoe.h"

#include "ns3/input-error.h"
#include "ns3/playback-buffer.h"
#include "ns3/video-profile.h"

#include <cmath>
#include <limits>

namespace ns3
{

namespace
{
constexpr double kBpsPerMbps = 1e6;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

QoeMetric
ParseQoeMetric(const std::string& name)
{
    if (name == "linear")
    {
        return QoeMetric::BitrateLinear;
    }
    if (name == "log")
    {
        return QoeMetric::BitrateLog;
    }
    if (name == "psnr")
    {
        return QoeMetric::Psnr;
    }
    if (name == "ssim")
    {
        return QoeMetric::Ssim;
    }
    throw InputError::AtField("qoe", name, "unknown metric; use linear, log, psnr or ssim");
}

std::string
QoeMetricName(QoeMetric metric)
{
    switch (metric)
    {
    case QoeMetric::BitrateLinear:
        return "linear";
    case QoeMetric::BitrateLog:
        return "log";
    case QoeMetric::Psnr:
        return "psnr";
    case QoeMetric::Ssim:
        return "ssim";
    }
    return "linear";
}

QoeModel::QoeModel(const VideoProfile& profile, QoeParams params)
    : m_profile(profile),
      m_params(params),
      m_lowest_bps(profile.NominalBitrate_bps(1))
{
    bool quality = params.metric == QoeMetric::Psnr || params.metric == QoeMetric::Ssim;
    if (quality && !profile.HasQuality())
    {
        throw InputError::AtField(profile.GetVideo().name,
                                  "qoe",
                                  "the profile has no decoded quality; use a bitrate QoE");
    }
    if (std::isnan(m_params.rebuffer_per_s))
    {
        std::uint32_t top = profile.GetLevelCount();
        double gap = 0;
        for (std::uint32_t c = 0; c < profile.GetChunkCount(); ++c)
        {
            gap += LevelUtility(c, top) - (quality ? LevelUtility(c, 1) : 0.0);
        }
        gap /= profile.GetChunkCount();
        m_params.rebuffer_per_s = gap > 0 ? gap : 1.0;
    }
    if (std::isnan(m_params.startup_per_s))
    {
        m_params.startup_per_s = m_params.rebuffer_per_s;
    }
    if (m_params.rebuffer_per_s < 0 || m_params.smoothness < 0 || m_params.startup_per_s < 0)
    {
        throw InputError::AtField("qoe", "weights", "must be >= 0");
    }
}

QoeMetric
QoeModel::GetMetric() const
{
    return m_params.metric;
}

double
QoeModel::GetRebufferPenalty() const
{
    return m_params.rebuffer_per_s;
}

double
QoeModel::GetSmoothnessPenalty() const
{
    return m_params.smoothness;
}

double
QoeModel::GetStartupPenalty() const
{
    return m_params.startup_per_s;
}

double
QoeModel::Utility(std::uint32_t chunk, std::uint32_t level, std::uint32_t exit) const
{
    switch (m_params.metric)
    {
    case QoeMetric::BitrateLinear:
        return m_profile.NominalBitrate_bps(level) / kBpsPerMbps;
    case QoeMetric::BitrateLog:
        return std::log(m_profile.NominalBitrate_bps(level) / m_lowest_bps);
    case QoeMetric::Psnr:
    case QoeMetric::Ssim: {
        const LayerInfo& layer = m_profile.Level(chunk, level);
        bool psnr = m_params.metric == QoeMetric::Psnr;
        if (layer.exits.empty())
        {
            return psnr ? layer.psnr_db : layer.ssim;
        }
        const ExitInfo& e = layer.exits[exit];
        return psnr ? e.psnr_db : e.ssim;
    }
    }
    return 0;
}

double
QoeModel::LevelUtility(std::uint32_t chunk, std::uint32_t level) const
{
    std::uint32_t exits = m_profile.GetExitCount();
    return Utility(chunk, level, exits > 0 ? exits - 1 : 0);
}

double
QoeModel::BestPossible() const
{
    std::uint32_t top = m_profile.GetLevelCount();
    double best = 0;
    for (std::uint32_t c = 0; c < m_profile.GetChunkCount(); ++c)
    {
        best += LevelUtility(c, top);
        if (c > 0)
        {
            best -= m_params.smoothness * std::abs(LevelUtility(c, top) - LevelUtility(c - 1, top));
        }
    }
    return best;
}

QoeSummary
QoeModel::Evaluate(const PlaybackBuffer& buffer) const
{
    QoeSummary s;
    double previous = 0;
    std::uint32_t previous_level = 0;
    double psnr_sum = 0;
    double ssim_sum = 0;
    double level_sum = 0;
    double bitrate_sum = 0;
    for (std::uint32_t i = 0; i < buffer.GetChunkCount(); ++i)
    {
        const ChunkRecord& c = buffer.GetChunk(i);
        s.bytes += c.bytes;
        s.wasted_bytes += c.wasted_bytes;
        s.upgrades += c.upgrades;
        if (c.play_start_s < 0)
        {
            continue;
        }
        double q = Utility(i, c.decoded_level, c.exit);
        s.utility += q;
        if (s.chunks_played > 0)
        {
            s.smoothness_penalty += m_params.smoothness * std::abs(q - previous);
            s.switches += c.decoded_level != previous_level ? 1 : 0;
        }
        previous = q;
        previous_level = c.decoded_level;
        ++s.chunks_played;
        level_sum += c.decoded_level;
        bitrate_sum += m_profile.NominalBitrate_bps(c.decoded_level);
        if (m_profile.HasQuality())
        {
            const LayerInfo& layer = m_profile.Level(i, c.decoded_level);
            psnr_sum += layer.exits.empty() ? layer.psnr_db : layer.exits[c.exit].psnr_db;
            ssim_sum += layer.exits.empty() ? layer.ssim : layer.exits[c.exit].ssim;
        }
    }
    // A stall still going on when the session ends (a failed session, an outage longer than it)
    // counts as far as it went.
    const double ongoing_s = buffer.GetOngoingStall_s();
    s.stall_s = buffer.GetStallTime_s() + ongoing_s;
    s.stall_count = buffer.GetStallCount() + (ongoing_s > 0 ? 1 : 0);
    s.startup_delay_s = buffer.HasStarted() ? buffer.GetStartupDelay_s() : 0.0;
    s.rebuffer_penalty = m_params.rebuffer_per_s * s.stall_s;
    s.startup_penalty = m_params.startup_per_s * s.startup_delay_s;
    s.qoe = s.utility - s.rebuffer_penalty - s.smoothness_penalty - s.startup_penalty;
    double best = BestPossible();
    s.normalized_qoe = best != 0 ? s.qoe / best : kNaN;
    double n = s.chunks_played > 0 ? s.chunks_played : kNaN;
    s.mean_level = level_sum / n;
    s.mean_bitrate_bps = bitrate_sum / n;
    s.mean_psnr_db = m_profile.HasQuality() ? psnr_sum / n : kNaN;
    s.mean_ssim = m_profile.HasQuality() ? ssim_sum / n : kNaN;
    return s;
}

} // namespace ns3
