#ifndef LAYERED_VIDEO_STREAMING_ENV_H
#define LAYERED_VIDEO_STREAMING_ENV_H

#include "policy-layout.h"
#include "policy-state.h"

#include "ns3/chunk-simulator.h"
#include "ns3/compute-capacity.h"
#include "ns3/qoe.h"

#include <memory>
#include <vector>

namespace ns3
{

class BandwidthTrace;
class VideoProfile;

/**
 * \brief The reinforcement-learning environment: one streaming session of the chunk-level
 * simulator, stepped one policy decision at a time.
 *
 * It drives the same StreamingSession (buffer, decode model, QoE) with the same download model
 * (TraceDownloads) as RunChunkSession, and asks for an action exactly where LearnedAbr::Decide
 * would be called with a choice to make (ForcedDecision settles the others), with the state
 * encoded from the same context; so a policy scores the same here and in abr-sim (a test checks
 * it).
 *
 * Reward of a step: (QoeSoFar increment - offset x chunks newly fetched) / gap, with offset and
 * gap from QualityScale. An episode's rewards therefore sum to (QoE - chunks x offset) / gap:
 * the session's QoE up to a constant and a positive scale, so maximising one maximises the
 * other. Taking the offset off leaves a base-layer fetch worth about 0 and the best level about
 * 1, so that discounting (gamma < 1) does not reward fetching new chunks early for their own
 * sake over upgrading buffered ones, and a second of stall costs mu / gap (about 1).
 */
class StreamingEnv
{
  public:
    StreamingEnv(const VideoProfile& profile,
                 const QoeModel& qoe,
                 const PolicyLayout& layout,
                 const ChunkSimConfig& config);
    ~StreamingEnv();
    StreamingEnv(const StreamingEnv&) = delete;
    StreamingEnv& operator=(const StreamingEnv&) = delete;

    /// Starts an episode on a trace (which must outlive it) and runs to the first decision.
    void Reset(const BandwidthTrace& trace, ComputeCapacity capacity, double trace_offset_s);
    bool Done() const;
    /// The state and the action mask at the current decision (valid while !Done()).
    const std::vector<float>& State() const;
    const std::vector<std::uint8_t>& Mask() const;
    /// Takes a valid action and runs to the next decision or the end; returns the reward.
    double Step(std::uint32_t action);

    /// The episode's return so far (the sum of its rewards).
    double Return() const;
    /// The session's QoE terms (complete once Done()).
    QoeSummary Summary() const;
    const PolicyLayout& Layout() const;
    const QualityScale& Scale() const;

  private:
    class ScriptedAbr;

    AbrContext DecisionContext();
    void Execute(const AbrDecision& decision);
    void RunToDecision();
    /// The reward since the last decision (QoE increment, scaled), booked into the return.
    double Settle();

    const VideoProfile& m_profile;
    const QoeModel& m_qoe;
    PolicyLayout m_layout;
    ChunkSimConfig m_config;
    QualityScale m_scale;
    std::unique_ptr<ScriptedAbr> m_abr;
    ComputeCapacity m_capacity;
    const BandwidthTrace* m_trace = nullptr;
    std::unique_ptr<TraceDownloads> m_downloads;
    std::unique_ptr<StreamingSession> m_session;
    std::vector<double> m_capacities; ///< the session's history + the capacity now
    double m_now_s = 0;
    bool m_done = true;
    double m_phi = 0;            ///< QoeSoFar at the last decision
    std::uint32_t m_fetched = 0; ///< chunks fetched by then
    double m_return = 0;
    std::vector<float> m_state;
    std::vector<std::uint8_t> m_mask;
};

} // namespace ns3

#endif // LAYERED_VIDEO_STREAMING_ENV_H
