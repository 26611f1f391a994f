// The neural codec's motion side information (interp/motion-coder.*): x264's vectors of the B
// frames round-trip exactly and compactly, uniform motion costs almost nothing, damaged data is
// detected, never a crash.
#include "interp/anchor-motion.h"
#include "interp/frame-hierarchy.h"
#include "interp/motion-coder.h"
#include "test-support.h"

#include <gtest/gtest.h>
#include <random>

namespace lvc
{
namespace
{

constexpr const char* kForeman = "videos/y4m/foreman_cif_60f.y4m";

/// x264's motion of the B frames of the first `frames` frames of foreman.
std::vector<AnchorMotion>
ForemanMotion(const FrameHierarchy& h, int crf = 36)
{
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kForeman), h.Frames());
    AnchorMotionOptions options;
    options.gop_frames = 8;
    options.crf = crf;
    std::vector<AnchorMotion> motion = AnchorMotionOf(frames, options);
    std::vector<AnchorMotion> b;
    for (int t : h.b_frames)
    {
        b.push_back(motion[t]);
    }
    return b;
}

void
ExpectSameField(const MotionField& a, const MotionField& b, const std::string& what)
{
    ASSERT_EQ(a.valid.size(), b.valid.size()) << what;
    for (std::size_t i = 0; i < a.valid.size(); ++i)
    {
        ASSERT_EQ(a.valid[i] != 0, b.valid[i] != 0) << what << " block " << i;
        if (a.valid[i] != 0)
        {
            ASSERT_EQ(a.dx_px[i], b.dx_px[i]) << what << " block " << i;
            ASSERT_EQ(a.dy_px[i], b.dy_px[i]) << what << " block " << i;
        }
    }
}

TEST(MotionCoder, X264MotionRoundTripsExactlyAndCompactly)
{
    const FrameHierarchy h = FrameHierarchy::Of(17, 8);
    for (int crf : {24, 36})
    {
        std::vector<AnchorMotion> motion = ForemanMotion(h, crf);
        std::vector<std::uint8_t> bytes = EncodeMotion(h, motion);
        std::vector<AnchorMotion> decoded = DecodeMotion(bytes.data(), bytes.size(), h, 352, 288);
        ASSERT_EQ(decoded.size(), motion.size());
        std::uint64_t x264_b_bytes = 0;
        std::size_t vectors = 0;
        for (std::size_t b = 0; b < motion.size(); ++b)
        {
            // H.264's vectors are quarter pixels: exact.
            ExpectSameField(motion[b].past, decoded[b].past, "past of B " + std::to_string(b));
            ExpectSameField(motion[b].future,
                            decoded[b].future,
                            "future of B " + std::to_string(b));
            EXPECT_EQ(decoded[b].past_anchor, h.anchors[h.past[b]]);
            EXPECT_EQ(decoded[b].future_anchor, h.anchors[h.future[b]]);
            x264_b_bytes += motion[b].x264_bytes;
            vectors += motion[b].past.ValidBlockCount() + motion[b].future.ValidBlockCount();
        }
        // Far below a plain listing of the vectors (two 16-bit components per valid 4x4 block),
        // and of the order of x264's whole B frames (vectors, modes and its residual).
        EXPECT_LT(bytes.size() * 20, vectors * 4) << "crf " << crf;
        EXPECT_LT(bytes.size(), 2 * x264_b_bytes) << "crf " << crf;
    }
}

TEST(MotionCoder, UniformMotionCostsAlmostNothing)
{
    const FrameHierarchy h = FrameHierarchy::Of(9, 8);
    std::vector<AnchorMotion> motion(h.b_frames.size());
    for (std::size_t b = 0; b < motion.size(); ++b)
    {
        const int t = h.b_frames[b];
        motion[b].past = MotionField::Zero(352, 288);
        motion[b].future = MotionField::Zero(352, 288);
        // A pan: t pixels back in the past anchor, 8 - t ahead in the future one.
        motion[b].past.Fill(0, 0, 352, 288, static_cast<float>(-t), 0.5f);
        motion[b].future.Fill(0, 0, 352, 288, static_cast<float>(8 - t), -0.5f * (8 - t) / t);
    }
    std::vector<std::uint8_t> bytes = EncodeMotion(h, motion);
    EXPECT_LT(bytes.size(), 64U) << "7 B frames of 12,672 blocks with one vector each";
    std::vector<AnchorMotion> decoded = DecodeMotion(bytes.data(), bytes.size(), h, 352, 288);
    EXPECT_EQ(decoded[3].future.dx_px[5000], 4.0f);
    EXPECT_EQ(decoded[0].past.dy_px[0], 0.5f);
}

TEST(MotionCoder, DamagedDataIsDetectedNeverACrash)
{
    const FrameHierarchy h = FrameHierarchy::Of(9, 8);
    std::vector<std::uint8_t> good = EncodeMotion(h, ForemanMotion(h));
    std::vector<std::uint8_t> cut(good.begin(), good.begin() + good.size() / 2);
    EXPECT_THROW(DecodeMotion(cut.data(), cut.size(), h, 352, 288), std::runtime_error);
    EXPECT_THROW(DecodeMotion(nullptr, 0, h, 352, 288), std::runtime_error);
    std::mt19937 rng(7);
    int decoded = 0;
    for (int trial = 0; trial < 200; ++trial)
    {
        std::vector<std::uint8_t> bytes = good;
        for (int flips = 0; flips < 4; ++flips)
        {
            bytes[rng() % bytes.size()] ^= static_cast<std::uint8_t>(1U << (rng() % 8));
        }
        try
        {
            DecodeMotion(bytes.data(), bytes.size(), h, 352, 288);
            ++decoded;
        }
        catch (const std::runtime_error&)
        {
        }
    }
    // A flipped bit derails the arithmetic decoder, and the sentinel after the motion tells
    // (a flip in the coder's last flush bytes may be harmless).
    EXPECT_LE(decoded, 10);
}

} // namespace
} // namespace lvc
