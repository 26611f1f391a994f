#ifndef LAYERED_VIDEO_DECODE_MODEL_H
#define LAYERED_VIDEO_DECODE_MODEL_H

#include <cstdint>

namespace ns3
{

class VideoProfile;
class ComputeCapacity;

/// What the decoder does with one chunk: which exit, and for how long.
struct DecodePlan
{
    std::uint32_t exit = 0; ///< 0-based, shallowest first; 0 for profiles without exits
    double duration_s = 0;
};

/**
 * \brief How long a chunk takes to decode on the client, and at which exit.
 *
 * Decode time = the profile's decode_ms for (layers held, exit) / the compute capacity at the
 * time decoding starts. Profiles without exits decode instantly.
 *
 * Exit policy (Swift's early exits, "decoding keeps up with playback"): among the exits whose
 * decode time does not exceed the chunk's duration (so the decoder keeps pace), take the
 * deepest one that also finishes by the chunk's play time; when none finishes in time, take
 * the fastest (the shallowest) so that the stall is as short as it can be.
 */
class DecodeModel
{
  public:
    DecodeModel(const VideoProfile& profile, const ComputeCapacity& capacity);

    bool IsInstant() const;
    double Capacity(double t_s) const;
    /// Decode time of a chunk held at `level` through `exit`, at a given capacity.
    double Duration_s(std::uint32_t chunk,
                      std::uint32_t level,
                      std::uint32_t exit,
                      double capacity) const;
    /**
     * The plan for a chunk whose decoding starts at start_s and should end by deadline_s
     * (+infinity when nothing plays until it is decoded, as at startup).
     */
    DecodePlan Choose(std::uint32_t chunk,
                      std::uint32_t level,
                      double start_s,
                      double deadline_s) const;
    /// The deepest exit that keeps pace with playback at capacity(at_s), and its time.
    DecodePlan Sustainable(std::uint32_t chunk, std::uint32_t level, double at_s) const;

  private:
    const VideoProfile& m_profile;
    const ComputeCapacity& m_capacity;
};

} // namespace ns3

#endif // LAYERED_VIDEO_DECODE_MODEL_H
