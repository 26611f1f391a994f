#ifndef LAYERED_VIDEO_POLICY_EVALUATION_H
#define LAYERED_VIDEO_POLICY_EVALUATION_H

#include "training-set.h"

#include "ns3/chunk-simulator.h"
#include "ns3/qoe.h"

#include <memory>
#include <vector>

namespace ns3
{

class PolicyNetwork;
class VideoProfile;

/// QoE of a policy (or the optimum) over a set of episodes.
struct EvaluationResult
{
    std::vector<double> qoe; ///< per episode
    double mean_qoe = 0;
    std::uint64_t decisions = 0; ///< decisions that asked the policy
    double decision_time_s = 0;  ///< their wall time, state encoding included
};

/**
 * Runs LearnedAbr with `policy` greedily through the chunk-level simulator (RunChunkSession,
 * exactly as abr-sim does) on each episode.
 */
EvaluationResult EvaluatePolicy(std::shared_ptr<const PolicyNetwork> policy,
                                const VideoProfile& profile,
                                const QoeModel& qoe,
                                const ChunkSimConfig& sim,
                                const std::vector<BandwidthTrace>& traces,
                                const std::vector<EpisodeSpec>& episodes);

/// The offline optimum's QoE (model/sim/offline-optimal.h, cells of `step_s`) on each episode.
EvaluationResult OptimalQoe(const VideoProfile& profile,
                            const QoeModel& qoe,
                            const ChunkSimConfig& sim,
                            const std::vector<BandwidthTrace>& traces,
                            const std::vector<EpisodeSpec>& episodes,
                            double step_s);

} // namespace ns3

#endif // LAYERED_VIDEO_POLICY_EVALUATION_H
