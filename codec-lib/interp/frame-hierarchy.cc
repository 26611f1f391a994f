#include "interp/frame-hierarchy.h"

#include "interp/interpolation.h"

#include <stdexcept>
#include <string>

namespace lvc
{

FrameHierarchy
FrameHierarchy::Of(int frames, int gop_frames, const std::vector<int>& cuts)
{
    if (frames < 0)
    {
        throw std::invalid_argument("frame hierarchy: negative frame count");
    }
    for (std::size_t i = 0; i < cuts.size(); ++i)
    {
        if (cuts[i] < 1 || cuts[i] >= frames || (i > 0 && cuts[i] <= cuts[i - 1]))
        {
            throw std::invalid_argument("frame hierarchy: scene cuts must increase within 1.." +
                                        std::to_string(frames - 1));
        }
    }
    FrameHierarchy h;
    const int g = gop_frames < 2 ? 1 : gop_frames;
    auto next_cut = cuts.begin();
    int next_anchor = 0;
    for (int t = 0; t < frames; ++t)
    {
        if (next_cut != cuts.end() && *next_cut == t)
        {
            next_anchor = t;
            ++next_cut;
        }
        if (t == next_anchor || t == frames - 1)
        {
            next_anchor = t + g;
            h.anchors.push_back(t);
        }
        else
        {
            h.b_frames.push_back(t);
            h.past.push_back(static_cast<int>(h.anchors.size()) - 1);
            h.future.push_back(static_cast<int>(h.anchors.size()));
        }
    }
    return h;
}

int
FrameHierarchy::Frames() const
{
    return static_cast<int>(anchors.size() + b_frames.size());
}

void
CheckMotionMatches(const FrameHierarchy& hierarchy, const std::vector<AnchorMotion>& motion)
{
    if (static_cast<int>(motion.size()) != hierarchy.Frames())
    {
        throw std::runtime_error("frame hierarchy: motion of " + std::to_string(motion.size()) +
                                 " frames for " + std::to_string(hierarchy.Frames()));
    }
    for (std::size_t i = 0; i < hierarchy.b_frames.size(); ++i)
    {
        const AnchorMotion& m = motion[hierarchy.b_frames[i]];
        if (m.is_anchor || m.past_anchor != hierarchy.anchors[hierarchy.past[i]] ||
            m.future_anchor != hierarchy.anchors[hierarchy.future[i]])
        {
            throw std::runtime_error("frame hierarchy: x264 did not keep the anchor structure at "
                                     "frame " +
                                     std::to_string(hierarchy.b_frames[i]));
        }
    }
}

std::vector<Frame>
InterpolateBFrames(const FrameHierarchy& hierarchy,
                   const std::vector<AnchorMotion>& b_motion,
                   const std::vector<Frame>& anchors)
{
    if (anchors.size() != hierarchy.anchors.size() || b_motion.size() != hierarchy.b_frames.size())
    {
        throw std::invalid_argument("interpolate B frames: anchors or motion do not match");
    }
    std::vector<Frame> out;
    out.reserve(hierarchy.b_frames.size());
    for (std::size_t i = 0; i < hierarchy.b_frames.size(); ++i)
    {
        const int p = hierarchy.past[i];
        const int f = hierarchy.future[i];
        out.push_back(InterpolateFrame(anchors[p],
                                       anchors[f],
                                       b_motion[i],
                                       hierarchy.b_frames[i],
                                       hierarchy.anchors[p],
                                       hierarchy.anchors[f]));
    }
    return out;
}

std::vector<Frame>
InDisplayOrder(const FrameHierarchy& hierarchy,
               std::vector<Frame> anchors,
               std::vector<Frame> b_frames)
{
    if (anchors.size() != hierarchy.anchors.size() || b_frames.size() != hierarchy.b_frames.size())
    {
        throw std::invalid_argument("display order: frames do not match the hierarchy");
    }
    std::vector<Frame> out(hierarchy.Frames());
    for (std::size_t i = 0; i < anchors.size(); ++i)
    {
        out[hierarchy.anchors[i]] = std::move(anchors[i]);
    }
    for (std::size_t i = 0; i < b_frames.size(); ++i)
    {
        out[hierarchy.b_frames[i]] = std::move(b_frames[i]);
    }
    return out;
}

} // namespace lvc
