#include "policy-evaluation.h"

#include "ns3/learned-abr.h"
#include "ns3/offline-optimal.h"

#include <numeric>

namespace ns3
{

namespace
{
double
Mean(const std::vector<double>& v)
{
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / v.size();
}
} // namespace

EvaluationResult
EvaluatePolicy(std::shared_ptr<const PolicyNetwork> policy,
               const VideoProfile& profile,
               const QoeModel& qoe,
               const ChunkSimConfig& sim,
               const std::vector<BandwidthTrace>& traces,
               const std::vector<EpisodeSpec>& episodes)
{
    EvaluationResult result;
    LearnedAbr abr(std::move(policy));
    for (const EpisodeSpec& e : episodes)
    {
        ChunkSimConfig config = sim;
        config.trace_offset_s = e.offset_s;
        StreamingSession session(profile, abr, e.capacity, qoe, config.session);
        RunChunkSession(session, traces[e.trace], config);
        result.qoe.push_back(session.Summary().qoe);
    }
    result.mean_qoe = Mean(result.qoe);
    result.decisions = abr.GetPolicyDecisions();
    result.decision_time_s = abr.GetPolicyTime_s();
    return result;
}

EvaluationResult
OptimalQoe(const VideoProfile& profile,
           const QoeModel& qoe,
           const ChunkSimConfig& sim,
           const std::vector<BandwidthTrace>& traces,
           const std::vector<EpisodeSpec>& episodes,
           double step_s)
{
    EvaluationResult result;
    for (const EpisodeSpec& e : episodes)
    {
        ChunkSimConfig config = sim;
        config.trace_offset_s = e.offset_s;
        OfflineOptimal optimal(profile, traces[e.trace], e.capacity, qoe, config, step_s, step_s);
        result.qoe.push_back(optimal.Solve().qoe);
    }
    result.mean_qoe = Mean(result.qoe);
    return result;
}

} // namespace ns3
