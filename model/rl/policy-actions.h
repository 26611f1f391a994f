#ifndef LAYERED_VIDEO_POLICY_ACTIONS_H
#define LAYERED_VIDEO_POLICY_ACTIONS_H

#include "policy-layout.h"

#include "ns3/abr-algorithm.h"

#include <optional>
#include <vector>

namespace ns3
{

/// The voluntary wait: Pensieve's and Grad's DRAIN_BUFFER_SLEEP_TIME (500 ms).
constexpr double kPolicyWait_s = 0.5;

/// Window slot 0: the first buffered chunk that has not started decoding (chunks from it on are
/// slots 1, 2, ...; a slot past the newest fetched chunk is empty).
std::uint32_t FirstWindowChunk(const AbrContext& context);

/**
 * Which of the layout's actions are valid now (1) or masked (0):
 * - next chunk at level k: there is a next chunk and it fits under the buffer cap;
 * - one more layer for window slot u: the slot holds an upgradable chunk (held, not decoding,
 *   below the top level) and the layer can still arrive before the chunk's decode deadline at
 *   the fastest throughput of the recent downloads, one measured RTT included (so the mask
 *   drops only upgrades that cannot make it; which of the rest to risk is the policy's call);
 * - wait: while playback is running (waiting then changes the state; waiting before startup or
 *   in a stall only adds penalty), and always once every chunk is fetched, where it means stop.
 */
std::vector<std::uint8_t> ActionMask(const AbrContext& context, const PolicyLayout& layout);

/// The request an action stands for (the action must be valid).
AbrDecision DecisionFor(const AbrContext& context,
                        const PolicyLayout& layout,
                        std::uint32_t action);

/**
 * The decision when the policy has no choice: no valid action (wait for room under the cap, or
 * done), or exactly one (taken; a lone wait forced by the cap waits until there is room).
 * Empty when the policy must choose. The trainer's environment and LearnedAbr both use it, so
 * that they ask the policy at the same moments.
 */
std::optional<AbrDecision> ForcedDecision(const AbrContext& context,
                                          const PolicyLayout& layout,
                                          const std::vector<std::uint8_t>& mask);

} // namespace ns3

#endif // LAYERED_VIDEO_POLICY_ACTIONS_H
