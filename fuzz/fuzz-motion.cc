// libFuzzer target: the motion side information's decoder (interp/motion-coder.h). Any input is
// motion or a std::runtime_error; motion that decodes re-encodes and decodes to itself.
#include "interp/motion-coder.h"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace
{

bool
SameFields(const lvc::MotionField& a, const lvc::MotionField& b)
{
    return a.valid == b.valid && a.dx_px == b.dx_px && a.dy_px == b.dy_px;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 4)
    {
        return 0;
    }
    // The first 4 bytes pick a small geometry and hierarchy; the rest is the motion data.
    const int width = 16 * (1 + data[0] % 8) - 2 * (data[3] % 2);
    const int height = 16 * (1 + data[1] % 8);
    const int frames = 3 + data[2] % 15;
    const int gop = 2 + data[3] / 2 % 16;
    // The top 3 bits of the fourth byte, when not 0, place a scene cut (an extra anchor).
    std::vector<int> cuts;
    if (data[3] >> 5)
    {
        cuts.push_back(1 + (data[3] >> 5) % (frames - 1));
    }
    const lvc::FrameHierarchy h = lvc::FrameHierarchy::Of(frames, gop, cuts);
    std::vector<lvc::AnchorMotion> motion;
    try
    {
        motion = lvc::DecodeMotion(data + 4, size - 4, h, width, height);
    }
    catch (const std::runtime_error&)
    {
        return 0;
    }
    std::vector<std::uint8_t> again = lvc::EncodeMotion(h, motion);
    std::vector<lvc::AnchorMotion> back =
        lvc::DecodeMotion(again.data(), again.size(), h, width, height);
    for (std::size_t b = 0; b < motion.size(); ++b)
    {
        if (!SameFields(motion[b].past, back[b].past) ||
            !SameFields(motion[b].future, back[b].future))
        {
            std::abort();
        }
    }
    return 0;
}
