#ifndef LAYERED_VIDEO_OFFLINE_OPTIMAL_H
#define LAYERED_VIDEO_OFFLINE_OPTIMAL_H

#include "chunk-simulator.h"

#include "ns3/qoe.h"

#include <vector>

namespace ns3
{

class BandwidthTrace;
class ComputeCapacity;
class VideoProfile;

struct OptimalResult
{
    double qoe = 0;                    ///< exact QoE of the best schedule found
    std::vector<std::uint32_t> levels; ///< its level per chunk
    QoeSummary summary;                ///< its QoE terms
    std::size_t states = 0;            ///< DP states kept, all stages together
    double dp_qoe = 0; ///< the DP's own value of the schedule (== qoe up to rounding)
};

/**
 * \brief The best QoE reachable on a trace known in advance, by dynamic programming.
 *
 * Stage i holds the player states after chunk i's download: (time, end of the buffered
 * playback, end of chunk i's decode, last level and exit) with the QoE collected so far. A
 * transition fetches chunk i+1 at one level, with the simulator's own rules: the cap wait, the
 * download time from the trace (TraceDownloads), just-in-time decoding through the shared
 * DecodeModel (exit choice and decode time) once the decoder is done with chunk i, the stall
 * when the chunk is not decoded by its play time, and the QoE model's terms.
 *
 * Pruning: within a stage and a (level, exit), a state is dropped when another is no later,
 * has at least as much buffered playback and at least as much QoE (it can wait and do anything
 * the dropped one does; when decoding cannot keep pace, a state whose decoder is behind is
 * dropped only for one whose decoder is not); states in the same time_step_s x buffer_step_s
 * cell (and decoder-lead cell) keep only the best (the discretisation). The best schedule is then
 * replayed through a StreamingSession, so the reported QoE is exactly what the simulator gives that
 * schedule: an achievable value, and finer cells can only find better ones.
 *
 * Layered content: the schedule fetches each chunk's final prefix in one request, in order. With
 * the whole trace known this loses nothing: an upgrade fetched later could have been fetched
 * with its chunk (every layer of chunk n is due before chunk n+1's; with agreeable release times
 * and deadlines, earliest-deadline-first, i.e. chunk order, is optimal), and it costs one more
 * RTT. Startup threshold 0 only (playback starts with the first chunk).
 */
class OfflineOptimal
{
  public:
    static constexpr double kDefaultStep_s = 0.05;
    /// The states the DP may keep (56 bytes each: 1.1 GB). Their number grows with the square
    /// of the session's length (each stage spans the times its chunk can arrive at), so a long
    /// session is refused with an error rather than allowed to exhaust the memory.
    static constexpr std::size_t kDefaultMaxStates = 20000000;

    OfflineOptimal(const VideoProfile& profile,
                   const BandwidthTrace& trace,
                   const ComputeCapacity& capacity,
                   const QoeModel& qoe,
                   ChunkSimConfig config,
                   double time_step_s = kDefaultStep_s,
                   double buffer_step_s = kDefaultStep_s);

    /// Solve throws InputError once the DP holds more than this many states.
    void SetMaxStates(std::size_t max_states);

    OptimalResult Solve() const;

  private:
    const VideoProfile& m_profile;
    const BandwidthTrace& m_trace;
    const ComputeCapacity& m_capacity;
    const QoeModel& m_qoe;
    ChunkSimConfig m_config;
    double m_time_step_s;
    double m_buffer_step_s;
    std::size_t m_max_states = kDefaultMaxStates;
};

} // namespace ns3

#endif // LAYERED_VIDEO_OFFLINE_OPTIMAL_H
