#include "offline-optimal.h"

#include "fixed-schedule-abr.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/compute-capacity.h"
#include "ns3/decode-model.h"
#include "ns3/input-error.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace ns3
{

namespace
{
constexpr double kCapSlack_s = 1e-9;

struct State
{
    double t_s;          ///< when the chunk's download ended
    double end_s;        ///< when the buffered playback ends if nothing more arrives
    double decode_end_s; ///< when the decoder is done with this chunk
    double value;        ///< QoE collected so far
    double utility;      ///< q of the last chunk (for the smoothness term)
    std::uint32_t level;
    std::uint32_t exit;
    std::uint32_t parent; ///< index in the previous stage
};

/// (time cell, buffer cell) and (level, exit, lead cell), packed: cells < 2^32, exits < 2^8.
using CellKey = std::pair<std::uint64_t, std::uint64_t>;

struct CellKeyHash
{
    std::size_t operator()(const CellKey& key) const
    {
        std::uint64_t h =
            (key.first ^ (key.second * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
};

/**
 * Keeps, per (level, exit), the states that no earlier state dominates. A dominates B when A is
 * no later and V_A - mu * max(0, E_B - E_A) >= V_B (E: end of the buffered playback, V: QoE so
 * far). A can follow B's fetches from then on, each ending no later; a second of buffered
 * playback less can cost it at most one second of stall, i.e. mu. With decoder exits a late
 * chunk may lose quality instead, which mu does not bound: then only E_A >= E_B counts
 * (`stall_rate` = 0 turns the exchange off).
 *
 * The decoder's backlog: the next chunk's decode starts no earlier than this one's ends. A state
 * whose decode ends at least `lead_cap_s` before its buffered playback does (lead E - D >=
 * lead_cap_s) cannot delay the next decode that way, and all such states are alike there; a
 * backlogged one (lead < lead_cap_s) can only be dominated by one that is not, and is otherwise
 * kept, in a cell of its own lead.
 */
std::vector<State>
Prune(std::vector<State> states,
      double time_step_s,
      double buffer_step_s,
      double stall_rate,
      double lead_cap_s)
{
    auto backlogged = [lead_cap_s](const State& s) {
        return s.end_s - s.decode_end_s < lead_cap_s;
    };
    auto cell = [](double value_s, double step_s) {
        double index = std::floor(std::max(value_s, 0.0) / step_s);
        return static_cast<std::uint64_t>(std::min(index, 4294967295.0));
    };
    // Cells first: one state per (level, exit, time cell, buffer cell, lead cell).
    std::unordered_map<CellKey, std::size_t, CellKeyHash> cells;
    std::vector<State> kept;
    for (const State& s : states)
    {
        std::uint64_t lead_cell =
            backlogged(s) ? 1 + cell(s.end_s - s.decode_end_s, buffer_step_s) : 0;
        CellKey key = {cell(s.t_s, time_step_s) << 32 | cell(s.end_s - s.t_s, buffer_step_s),
                       static_cast<std::uint64_t>(s.level) << 40 |
                           static_cast<std::uint64_t>(s.exit) << 32 | lead_cell};
        auto [it, inserted] = cells.emplace(key, kept.size());
        if (inserted)
        {
            kept.push_back(s);
        }
        else if (s.value > kept[it->second].value)
        {
            kept[it->second] = s;
        }
    }
    std::sort(kept.begin(), kept.end(), [](const State& a, const State& b) {
        if (a.level != b.level || a.exit != b.exit)
        {
            return a.level != b.level ? a.level < b.level : a.exit < b.exit;
        }
        if (a.t_s != b.t_s)
        {
            return a.t_s < b.t_s;
        }
        return a.end_s != b.end_s ? a.end_s > b.end_s : a.value > b.value;
    });
    std::vector<State> front;
    // Over the earlier states of a group: `later` maps E to the best V among states ending at
    // least that late (values fall as E grows); `sooner` maps E to the best V + mu E among states
    // ending no later (it grows with E).
    std::map<double, double> later;
    std::map<double, double> sooner;
    std::size_t group_begin = 0;
    for (std::size_t k = 0; k < kept.size(); ++k)
    {
        const State& s = kept[k];
        if (k == group_begin || s.level != kept[group_begin].level ||
            s.exit != kept[group_begin].exit)
        {
            group_begin = k;
            later.clear();
            sooner.clear();
        }
        auto it = later.lower_bound(s.end_s);
        if (it != later.end() && it->second >= s.value)
        {
            continue;
        }
        if (stall_rate > 0)
        {
            auto below = sooner.lower_bound(s.end_s);
            if (below != sooner.begin() &&
                std::prev(below)->second - stall_rate * s.end_s >= s.value)
            {
                continue;
            }
        }
        front.push_back(s);
        if (backlogged(s))
        {
            continue; // it dominates none of the later states: their lead may be longer
        }
        auto [pos, inserted] = later.emplace(s.end_s, s.value);
        if (!inserted)
        {
            pos->second = std::max(pos->second, s.value);
        }
        while (pos != later.begin() && std::prev(pos)->second <= pos->second)
        {
            later.erase(std::prev(pos));
        }
        double w = s.value + stall_rate * s.end_s;
        auto [spos, sinserted] = sooner.emplace(s.end_s, w);
        if (!sinserted)
        {
            spos->second = std::max(spos->second, w);
        }
        for (auto next = std::next(spos); next != sooner.end() && next->second <= spos->second;)
        {
            next = sooner.erase(next);
        }
    }
    return front;
}
} // namespace

OfflineOptimal::OfflineOptimal(const VideoProfile& profile,
                               const BandwidthTrace& trace,
                               const ComputeCapacity& capacity,
                               const QoeModel& qoe,
                               ChunkSimConfig config,
                               double time_step_s,
                               double buffer_step_s)
    : m_profile(profile),
      m_trace(trace),
      m_capacity(capacity),
      m_qoe(qoe),
      m_config(config),
      m_time_step_s(time_step_s),
      m_buffer_step_s(buffer_step_s)
{
    if (!(time_step_s > 0) || !(buffer_step_s > 0))
    {
        throw InputError::AtField("offline optimal", "step", "must be > 0");
    }
    if (config.session.buffer.startup_threshold_s != 0)
    {
        throw InputError::AtField("offline optimal", "startup threshold", "only 0 is supported");
    }
}

void
OfflineOptimal::SetMaxStates(std::size_t max_states)
{
    m_max_states = max_states;
}

OptimalResult
OfflineOptimal::Solve() const
{
    DecodeModel decoder(m_profile, m_capacity);
    TraceDownloads downloads(m_trace, m_config);
    const std::uint32_t chunks = m_profile.GetChunkCount();
    const std::uint32_t levels = m_profile.GetLevelCount();
    const double cap_s = m_config.session.limits.buffer_cap_s;
    const double kNever = std::numeric_limits<double>::infinity();
    const double stall_rate = decoder.IsInstant() ? m_qoe.GetRebufferPenalty() : 0.0;
    double min_capacity = 1;
    for (std::size_t k = 0; k < m_capacity.GetStepCount(); ++k)
    {
        min_capacity = std::min(min_capacity, m_capacity.GetStepValue(k));
    }
    // How long before its play time a chunk's decode can start: the next chunk's sustainable
    // decode time, at most its duration, or the shallowest exit's at the lowest capacity.
    auto lead_cap_s = [&](std::uint32_t next) {
        if (decoder.IsInstant() || next >= chunks)
        {
            return 0.0;
        }
        double cap_s = m_profile.GetChunkDurationOf_s(next);
        for (std::uint32_t q = 1; q <= levels; ++q)
        {
            cap_s = std::max(cap_s, decoder.Duration_s(next, q, 0, min_capacity));
        }
        return cap_s;
    };

    std::vector<std::vector<State>> stages(chunks);
    OptimalResult result;
    for (std::uint32_t i = 0; i < chunks; ++i)
    {
        const double dur_s = m_profile.GetChunkDurationOf_s(i);
        std::vector<State> candidates;
        std::size_t parents = i == 0 ? 1 : stages[i - 1].size();
        for (std::size_t p = 0; p < parents; ++p)
        {
            State from = i == 0 ? State{} : stages[i - 1][p];
            double t_s = from.t_s;
            double buffer_s = std::max(from.end_s - t_s, 0.0);
            if (i > 0 && buffer_s + dur_s - cap_s > kCapSlack_s)
            {
                t_s += buffer_s + dur_s - cap_s; // the session turns the fetch into this wait
            }
            for (std::uint32_t q = 1; q <= levels; ++q)
            {
                double arrive_s = downloads.End_s(t_s, m_profile.LevelBytes(i, q));
                if (!std::isfinite(arrive_s))
                {
                    continue;
                }
                State s{};
                s.t_s = arrive_s;
                s.level = q;
                s.parent = static_cast<std::uint32_t>(p);
                double penalty;
                if (i == 0)
                {
                    DecodePlan plan = decoder.Choose(0, q, arrive_s, kNever);
                    double play_s = arrive_s + plan.duration_s;
                    s.exit = plan.exit;
                    s.decode_end_s = play_s;
                    s.end_s = play_s + dur_s;
                    penalty = m_qoe.GetStartupPenalty() * play_s;
                }
                else
                {
                    // Just-in-time decoding, as PlaybackBuffer does it, once the decoder is
                    // done with the previous chunk.
                    double play_s = from.end_s;
                    double ready_s = std::max(arrive_s, from.decode_end_s);
                    DecodePlan sustainable =
                        decoder.Sustainable(i, q, std::max(ready_s, play_s - dur_s));
                    double start_s = std::max(ready_s, play_s - sustainable.duration_s);
                    DecodePlan plan = decoder.Choose(i, q, start_s, play_s);
                    double stall_s = std::max(start_s + plan.duration_s - play_s, 0.0);
                    s.exit = plan.exit;
                    s.decode_end_s = start_s + plan.duration_s;
                    s.end_s = play_s + stall_s + dur_s;
                    penalty = m_qoe.GetRebufferPenalty() * stall_s;
                }
                s.utility = m_qoe.Utility(i, q, s.exit);
                double smooth =
                    i == 0 ? 0.0
                           : m_qoe.GetSmoothnessPenalty() * std::abs(s.utility - from.utility);
                s.value = from.value + s.utility - smooth - penalty;
                candidates.push_back(s);
            }
        }
        stages[i] = Prune(std::move(candidates),
                          m_time_step_s,
                          m_buffer_step_s,
                          stall_rate,
                          lead_cap_s(i + 1));
        result.states += stages[i].size();
        if (result.states > m_max_states)
        {
            throw InputError::AtField(
                "offline optimal",
                "states",
                "more than " + std::to_string(m_max_states) + " after chunk " +
                    std::to_string(i + 1) + " of " + std::to_string(chunks) +
                    " (the DP's table grows with the square of the session's length): use fewer "
                    "chunks or a larger --optimal-step-s");
        }
        if (stages[i].empty())
        {
            throw std::runtime_error("offline optimal: no schedule completes on trace " +
                                     m_trace.GetName());
        }
    }
    const std::vector<State>& last = stages[chunks - 1];
    std::size_t best = 0;
    for (std::size_t k = 1; k < last.size(); ++k)
    {
        if (last[k].value > last[best].value)
        {
            best = k;
        }
    }
    result.dp_qoe = last[best].value;
    result.levels.assign(chunks, 0);
    std::size_t k = best;
    for (std::uint32_t i = chunks; i-- > 0;)
    {
        result.levels[i] = stages[i][k].level;
        k = stages[i][k].parent;
    }
    // The schedule's exact QoE: replayed through the session the simulator runs.
    FixedScheduleAbr schedule(result.levels);
    StreamingSession session(m_profile, schedule, m_capacity, m_qoe, m_config.session);
    RunChunkSession(session, m_trace, m_config);
    result.summary = session.Summary();
    result.qoe = result.summary.qoe;
    return result;
}

} // namespace ns3
