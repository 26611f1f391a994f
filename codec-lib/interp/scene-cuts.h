// Scene cuts: frames that start a new shot, where interpolating from the frame before is useless
// and the hierarchical coder places an anchor instead.
#ifndef LVC_INTERP_SCENE_CUTS_H
#define LVC_INTERP_SCENE_CUTS_H

#include "io/frame.h"

#include <vector>

namespace lvc
{

struct SceneCutOptions
{
    /// A cut where the luma histograms of two consecutive frames differ by more than this
    /// (L1 distance of the normalized 64-bin histograms, 0..2). Motion and lighting within a
    /// shot keep it under ~0.3 on the shared clips; the shot changes of the LS_SVA_D splice give
    /// 0.6 and more (codec-lib/README.md).
    double histogram_distance = 0.5;
};

/// L1 distance of the two frames' normalized 64-bin luma histograms (0: same histogram, 2:
/// disjoint). std::invalid_argument when the sizes differ.
double LumaHistogramDistance(const Frame& a, const Frame& b);

/// Display indices t >= 1 (increasing) of the frames that start a new shot.
std::vector<int> SceneCuts(const std::vector<Frame>& frames, const SceneCutOptions& options = {});

} // namespace lvc

#endif // LVC_INTERP_SCENE_CUTS_H
