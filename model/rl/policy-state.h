#ifndef LAYERED_VIDEO_POLICY_STATE_H
#define LAYERED_VIDEO_POLICY_STATE_H

#include "policy-layout.h"

#include <vector>

namespace ns3
{

class AbrContext;
class QoeModel;
class VideoProfile;

/// Seconds are divided by this: Pensieve's BUFFER_NORM_FACTOR (10 s).
constexpr double kStateTimeScale_s = 10;

/**
 * \brief How quality values are scaled in the state and in the reward: q' = (q - offset) / gap,
 * with offset the mean quality of level 1 (deepest exit) over the profile's chunks and gap the
 * mean quality of the top level over level 1 (for bitrate QoE: the top nominal bitrate over the
 * lowest). Profile-relative, so one normalisation serves bitrate, PSNR and SSIM QoE; a second
 * of stall costs mu / gap (1 with the default weights, Pensieve's rule).
 */
struct QualityScale
{
    double offset = 0;
    double gap = 1;

    static QualityScale For(const VideoProfile& profile, const QoeModel& qoe);
    double Normalize(double quality) const;
};

/**
 * The state vector of PolicyLayout (its order and contents are documented there), from the
 * context an ABR decides from. Normalisations: times / kStateTimeScale_s; throughputs / the top
 * level's nominal bitrate; bytes / the top level's nominal bytes per chunk; qualities by
 * QualityScale; decode times / the chunk's duration; counts / their maximum.
 * The context's profile must fit the layout (PolicyLayout::CheckProfile).
 */
std::vector<float> EncodeState(const AbrContext& context,
                               const PolicyLayout& layout,
                               const QualityScale& scale);

} // namespace ns3

#endif // LAYERED_VIDEO_POLICY_STATE_H
