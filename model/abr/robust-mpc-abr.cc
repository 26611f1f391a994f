#include "robust-mpc-abr.h"

#include "ns3/qoe.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{

namespace
{
constexpr double kBitsPerByte = 8;

/// Depth-first enumeration of level sequences with the buffer simulated along the way.
struct Search
{
    const VideoProfile& profile;
    const QoeModel& qoe;
    std::uint32_t first;
    std::uint32_t depth;
    double forecast_bps;
    double best = -std::numeric_limits<double>::infinity();
    std::uint32_t best_first = 1;

    void Explore(std::uint32_t step,
                 double buffer_s,
                 double previous_utility,
                 double score,
                 std::uint32_t first_level)
    {
        if (step == depth)
        {
            if (score > best)
            {
                best = score;
                best_first = first_level;
            }
            return;
        }
        std::uint32_t chunk = first + step;
        for (std::uint32_t q = 1; q <= profile.GetLevelCount(); ++q)
        {
            double download_s = profile.LevelBytes(chunk, q) * kBitsPerByte / forecast_bps;
            double stall_s = std::max(download_s - buffer_s, 0.0);
            double next_buffer_s =
                std::max(buffer_s - download_s, 0.0) + profile.GetChunkDurationOf_s(chunk);
            double u = qoe.LevelUtility(chunk, q);
            double gain = u - qoe.GetRebufferPenalty() * stall_s -
                          (std::isnan(previous_utility)
                               ? 0.0
                               : qoe.GetSmoothnessPenalty() * std::abs(u - previous_utility));
            Explore(step + 1, next_buffer_s, u, score + gain, step == 0 ? q : first_level);
        }
    }
};
} // namespace

RobustMpcAbr::RobustMpcAbr(std::uint32_t horizon)
    : m_horizon(horizon)
{
}

std::string
RobustMpcAbr::GetName() const
{
    return "robust-mpc";
}

void
RobustMpcAbr::Reset()
{
    m_errors.clear();
    m_last_forecast_bps = 0;
}

void
RobustMpcAbr::OnDownload(const AbrContext& context)
{
    const DownloadRecord& last = context.Downloads().back();
    double actual = last.Throughput_bps();
    if (m_last_forecast_bps > 0 && actual > 0)
    {
        m_errors.push_back(std::abs(m_last_forecast_bps - actual) / actual);
    }
    // The forecast that this download's outcome is compared with next time.
    m_last_forecast_bps = context.HarmonicMeanThroughput_bps(kThroughputWindow);
}

double
RobustMpcAbr::RobustForecast_bps(const AbrContext& context) const
{
    double harmonic = context.HarmonicMeanThroughput_bps(kThroughputWindow);
    double max_error = 0;
    std::size_t n = std::min<std::size_t>(m_errors.size(), kThroughputWindow);
    for (std::size_t i = m_errors.size() - n; i < m_errors.size(); ++i)
    {
        max_error = std::max(max_error, m_errors[i]);
    }
    return harmonic / (1 + max_error);
}

std::uint32_t
RobustMpcAbr::Plan(const AbrContext& context,
                   std::uint32_t first,
                   double buffer_s,
                   std::uint32_t previous_level,
                   double forecast_bps,
                   double* best_qoe) const
{
    const VideoProfile& profile = context.Profile();
    std::uint32_t depth = std::min(m_horizon, profile.GetChunkCount() - first);
    Search search{profile, context.Qoe(), first, depth, forecast_bps};
    double previous_utility = previous_level == 0 || first == 0
                                  ? std::numeric_limits<double>::quiet_NaN()
                                  : context.Qoe().LevelUtility(first - 1, previous_level);
    search.Explore(0, buffer_s, previous_utility, 0.0, 1);
    if (best_qoe)
    {
        *best_qoe = search.best;
    }
    return search.best_first;
}

AbrDecision
RobustMpcAbr::Decide(const AbrContext& context)
{
    std::uint32_t next = context.NextChunk();
    if (next >= context.ChunkCount())
    {
        return AbrDecision::Finished();
    }
    double forecast_bps = RobustForecast_bps(context);
    if (!(forecast_bps > 0))
    {
        return AbrDecision::Fetch(next, 1); // nothing measured yet
    }
    return AbrDecision::Fetch(
        next,
        Plan(context, next, context.BufferLevel_s(), context.LastFetchedLevel(), forecast_bps));
}

} // namespace ns3
