#include "train/interpolation-errors.h"

#include "baseline/residual.h"
#include "interp/frame-hierarchy.h"
#include "io/video-reader.h"

#include <algorithm>

namespace lvc
{

std::vector<Frame>
InterpolationErrorFrames(const TrainingSource& source,
                         const InterpolationErrorOptions& options,
                         const AnchorCoder& code_anchor)
{
    std::vector<Frame> errors;
    if (source.max_frames == 1) // a picture
    {
        return errors;
    }
    ReadOptions read = source.read;
    {
        VideoReader probe(source.path, read);
        int width = probe.Info().width;
        int height = probe.Info().height;
        while (width > options.max_width)
        {
            width /= 2;
            height /= 2;
        }
        if (width != probe.Info().width)
        {
            read.width = EvenRound(width);
            read.height = EvenRound(height);
        }
    }
    VideoReader reader(source.path, read);
    const int group_frames = options.gop_frames + 1; // both anchors
    for (int group = 0; group < options.groups; ++group)
    {
        std::vector<Frame> frames;
        Frame frame;
        // Consecutive groups share their boundary anchor in a chunk; here each group stands
        // alone, so the next one starts after this one's last frame.
        while (static_cast<int>(frames.size()) < group_frames && reader.Read(frame))
        {
            frames.push_back(frame);
        }
        if (static_cast<int>(frames.size()) < group_frames)
        {
            break;
        }
        AnchorMotionOptions motion_options;
        motion_options.gop_frames = options.gop_frames;
        const FrameHierarchy hierarchy = FrameHierarchy::Of(group_frames, options.gop_frames);
        std::vector<AnchorMotion> motion = AnchorMotionOf(frames, motion_options);
        CheckMotionMatches(hierarchy, motion);
        std::vector<Frame> anchors;
        for (int a : hierarchy.anchors)
        {
            anchors.push_back(code_anchor(frames[a], group));
        }
        std::vector<AnchorMotion> b_motion;
        for (int b : hierarchy.b_frames)
        {
            b_motion.push_back(motion[b]);
        }
        std::vector<Frame> predicted = InterpolateBFrames(hierarchy, b_motion, anchors);
        for (std::size_t i = 0; i < predicted.size(); ++i)
        {
            errors.push_back(MakeResidual(frames[hierarchy.b_frames[i]], predicted[i]));
        }
    }
    return errors;
}

} // namespace lvc
