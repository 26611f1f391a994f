#ifndef LAYERED_VIDEO_POLICY_LAYOUT_H
#define LAYERED_VIDEO_POLICY_LAYOUT_H

#include <cstdint>
#include <map>
#include <string>

namespace ns3
{

class VideoProfile;

/**
 * \brief The shape of what a learned ABR policy sees (its state vector) and does (its actions),
 * fixed by the content it was trained for. Stored in the policy file's metadata; a policy only
 * runs on profiles of the same kind, level count and exit count.
 *
 * State (every entry a float, in this order; normalisations in policy-state.h):
 *   1. per past download, oldest first, `history` each (zeros before the first):
 *      throughput, download time, compute capacity at the decision that sent it;
 *   2. kScalarCount scalars: buffer level, room under the cap, chunks left, quality of the
 *      newest chunk, playing flag, RTT estimate;
 *   3. the next chunk's quality matrix: per level k = 1..levels, the bytes of layers 1..k (a
 *      ladder: of representation k) and, per decoder exit, the decoded quality and the decode
 *      time at the current capacity;
 *   4. per window slot (the `window` soonest buffered chunks that have not started decoding):
 *      present flag, level held, time to its decode deadline, and per level k the bytes still
 *      missing to reach k (0 when held) and, per exit, the decoded quality of level k.
 *
 * Actions: [0, levels): fetch the next chunk at level k+1 (layered: its layers 1..k+1 in one
 * request, as Grad's action space); [levels, levels + window): one more layer for window slot
 * u; then, with `wait_action`, wait kWait_s (or stop fetching once every chunk is fetched).
 */
struct PolicyLayout
{
    static constexpr int kFormatVersion = 1;
    /// Past downloads in the state: Pensieve's S_LEN is 8; the issue asks for the last 10.
    static constexpr std::uint32_t kDefaultHistory = 10;
    static constexpr std::uint32_t kScalarCount = 6;
    /// Values per past download: throughput, download time, compute capacity.
    static constexpr std::uint32_t kHistoryRows = 3;
    /// Values per window slot before its per-level rows: present, level held, time to deadline.
    static constexpr std::uint32_t kSlotHeader = 3;

    std::uint32_t levels = 0;
    /// Decoder exits in the quality matrix (1 for a profile without exits: the level's quality).
    std::uint32_t exits = 1;
    bool layered = false;
    std::uint32_t history = kDefaultHistory;
    /// Buffered chunks the policy can upgrade (0: a ladder policy, Pensieve's action space).
    std::uint32_t window = 0;
    bool wait_action = false;

    /// The layout for a profile: its kind, levels and exits; window and wait as given.
    static PolicyLayout ForProfile(const VideoProfile& profile,
                                   std::uint32_t window,
                                   bool wait_action);

    std::size_t StateSize() const;
    std::size_t ActionCount() const;
    std::size_t NextChunkRowSize() const; ///< bytes, then (quality, decode time) per exit
    std::size_t SlotSize() const;
    std::uint32_t FirstUpgradeAction() const;
    std::uint32_t WaitAction() const; ///< == ActionCount() - 1 when wait_action

    /// The layout as `__metadata__` entries (format, version, every field, sizes).
    std::map<std::string, std::string> ToMetadata() const;
    /// Reads a layout from metadata; InputError naming the file and the entry when it cannot.
    static PolicyLayout FromMetadata(const std::map<std::string, std::string>& metadata,
                                     const std::string& file);
    /// Throws InputError naming the file and the entry when the profile does not fit the layout.
    void CheckProfile(const VideoProfile& profile, const std::string& file) const;
};

/// The `format` entry of a policy file's metadata.
constexpr const char* kPolicyFormatName = "layered-video-abr-policy";

} // namespace ns3

#endif // LAYERED_VIDEO_POLICY_LAYOUT_H
