// Scene cuts: the detector against an independent measure on the shared splice, the frame
// hierarchy they change, x264 keeping anchors there, what they bring to the interpolation, and
// the cut list of a chunk's layer 1 (round trip, older versions without it, damaged lists).
#include "bitstream/chunk-coding.h"
#include "bitstream/neural-stream.h"
#include "interp/scene-cuts.h"
#include "metrics/psnr.h"
#include "test-support.h"
#include "tiny-model.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace lvc
{
namespace
{

constexpr const char* kSplice = "videos/h264/LS_SVA_D.264"; // shots of 1..20 frames
constexpr const char* kForeman = "videos/y4m/foreman_cif_60f.y4m";

std::vector<Frame>
SpliceFrames(int count, int width = 0, int height = 0)
{
    ReadOptions read;
    read.fps = 25; // the raw stream carries no timing
    read.width = width;
    read.height = height;
    return test::ReadFrames(test::Shared(kSplice), count, read);
}

Frame
Flat(std::uint8_t luma)
{
    Frame f(32, 16);
    std::fill(f.Plane(Frame::kPlaneY), f.Plane(Frame::kPlaneY) + f.PlaneSize(0), luma);
    return f;
}

TEST(SceneCuts, HistogramDistanceRunsFromSameToDisjoint)
{
    const Frame black = Flat(0);
    const Frame white = Flat(255);
    EXPECT_DOUBLE_EQ(LumaHistogramDistance(black, black), 0);
    EXPECT_DOUBLE_EQ(LumaHistogramDistance(black, white), 2);
    EXPECT_THROW(LumaHistogramDistance(black, Frame(16, 16)), std::invalid_argument);
    EXPECT_EQ(SceneCuts({black, black, white, white, black}), (std::vector<int>{2, 4}));
}

TEST(SceneCuts, FindTheShotChangesOfTheSpliceAndNoneInOneShot)
{
    // Independent measure: consecutive frames of one shot are within ~25 dB of each other
    // (PSNR-Y); across a shot change of this splice, ~12 dB.
    std::vector<Frame> frames = SpliceFrames(60);
    const std::vector<int> cuts = SceneCuts(frames);
    std::vector<int> by_psnr;
    for (std::size_t t = 1; t < frames.size(); ++t)
    {
        if (PsnrY_db(frames[t - 1], frames[t]) < 18)
        {
            by_psnr.push_back(static_cast<int>(t));
        }
    }
    EXPECT_GE(by_psnr.size(), 10U);
    EXPECT_EQ(cuts, by_psnr);
    EXPECT_TRUE(SceneCuts(test::ReadFrames(test::Shared(kForeman), 60)).empty());
}

TEST(FrameHierarchy, ScenecutsAreAnchorsAndRestartTheGroup)
{
    FrameHierarchy h = FrameHierarchy::Of(20, 8, {5, 7});
    EXPECT_EQ(h.anchors, (std::vector<int>{0, 5, 7, 15, 19}));
    EXPECT_EQ(h.b_frames, (std::vector<int>{1, 2, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18}));
    EXPECT_EQ(h.past[4], 1); // frame 6: between the cuts 5 and 7
    EXPECT_EQ(h.future[4], 2);
    EXPECT_EQ(h.past[5], 2); // frame 8: after the cut at 7, the next anchor 8 frames on
    EXPECT_EQ(h.future[5], 3);
    EXPECT_EQ(FrameHierarchy::Of(20, 8, {19}).anchors, (std::vector<int>{0, 8, 16, 19}));
    EXPECT_EQ(FrameHierarchy::Of(20, 8).anchors, FrameHierarchy::Of(20, 8, {}).anchors);
    EXPECT_THROW(FrameHierarchy::Of(20, 8, {7, 5}), std::invalid_argument);
    EXPECT_THROW(FrameHierarchy::Of(20, 8, {0}), std::invalid_argument);
    EXPECT_THROW(FrameHierarchy::Of(20, 8, {20}), std::invalid_argument);
}

TEST(SceneCuts, AnchorsAtCutsMakeTheInterpolationWork)
{
    // 17 frames of the splice, anchors the source frames themselves (no coding): x264 keeps the
    // anchors asked for, and B frames interpolated within their own shot are far closer to the
    // source than B frames interpolated across a shot change.
    std::vector<Frame> frames = SpliceFrames(17);
    const std::vector<int> cuts = SceneCuts(frames);
    ASSERT_FALSE(cuts.empty());
    auto mean_b_psnr = [&frames](const FrameHierarchy& h, const std::vector<int>& anchors) {
        AnchorMotionOptions options;
        options.gop_frames = 8;
        options.anchors = anchors;
        std::vector<AnchorMotion> motion = AnchorMotionOf(frames, options);
        CheckMotionMatches(h, motion);
        std::vector<AnchorMotion> b_motion;
        std::vector<Frame> anchor_frames;
        for (int b : h.b_frames)
        {
            b_motion.push_back(motion[b]);
        }
        for (int a : h.anchors)
        {
            anchor_frames.push_back(frames[a]);
        }
        std::vector<Frame> b = InterpolateBFrames(h, b_motion, anchor_frames);
        double sum = 0;
        for (std::size_t i = 0; i < b.size(); ++i)
        {
            sum += PsnrY_db(frames[h.b_frames[i]], b[i]);
        }
        return sum / static_cast<double>(b.size());
    };
    const FrameHierarchy with_cuts = FrameHierarchy::Of(17, 8, cuts);
    const FrameHierarchy regular = FrameHierarchy::Of(17, 8);
    const double cut_db = mean_b_psnr(with_cuts, with_cuts.anchors);
    const double regular_db = mean_b_psnr(regular, {});
    EXPECT_GT(cut_db, regular_db + 3) << cut_db << " dB against " << regular_db;
}

/// A 17-frame chunk of the splice at 96x64 coded with the tiny model.
struct SpliceChunk
{
    BitstreamHeader header;
    CodedChunk coded;
};

SpliceChunk
CodeSplice(NeuralCodec& codec, double threshold)
{
    SpliceChunk chunk;
    BitstreamHeader& h = chunk.header;
    h = test::OneChunkHeader(codec, 96, 64, 17);
    NeuralCodingOptions options;
    options.scene_cut_threshold = threshold;
    ApplyCodingOptions(options, h);
    chunk.coded = EncodeNeuralChunk(codec, SpliceFrames(17, 96, 64), h, options);
    return chunk;
}

TEST(SceneCuts, ChunkWithCutsDecodesFromTheFileAsInMemory)
{
    NeuralCodec codec(test::TinyWeights(), 1);
    SpliceChunk chunk = CodeSplice(codec, 0.5);
    const ChunkCodes& codes = chunk.coded.codes;
    ASSERT_FALSE(codes.scene_cuts.empty());
    for (int cut : codes.scene_cuts)
    {
        EXPECT_NE(std::find(codes.hierarchy.anchors.begin(), codes.hierarchy.anchors.end(), cut),
                  codes.hierarchy.anchors.end());
    }
    std::string path = test::ScratchPath("cuts.lvc");
    WriteBitstream(path, chunk.header, {chunk.coded.payload});
    BitstreamReader reader = BitstreamReader::Open(path);
    EXPECT_EQ(reader.Header().version, BitstreamHeader::kVersion);
    std::vector<std::vector<std::uint8_t>> payloads;
    for (int j = 1; j <= chunk.header.layers; ++j)
    {
        payloads.push_back(reader.LayerPayload(0, j));
    }
    const CodeShape shape = codec.CodeShapeFor(96, 64);
    ChunkCodes parsed = ParseChunk(payloads, 17, reader.Header(), shape);
    EXPECT_EQ(parsed.scene_cuts, codes.scene_cuts);
    EXPECT_EQ(parsed.hierarchy.anchors, codes.hierarchy.anchors);
    std::vector<Frame> from_file;
    DecodeBitstream(codec, reader, chunk.header.layers, 3, [&](std::uint32_t, const auto& f) {
        from_file = f;
    });
    EXPECT_EQ(from_file, ReconstructChunk(codec, codes, 96, 64, 3));

    // Without cut detection: the regular hierarchy and an empty list (2 bytes).
    SpliceChunk regular = CodeSplice(codec, 0);
    EXPECT_TRUE(regular.coded.codes.scene_cuts.empty());
    EXPECT_EQ(regular.coded.codes.hierarchy.anchors, (std::vector<int>{0, 8, 16}));
    EXPECT_EQ(regular.coded.payload.layers[0][0], 0);
    EXPECT_EQ(regular.coded.payload.layers[0][1], 0);
}

TEST(SceneCuts, VersionThreeLayersHaveNoListAndDamagedListsAreClearErrors)
{
    NeuralCodec codec(test::TinyWeights(), 1);
    SpliceChunk regular = CodeSplice(codec, 0);
    const CodeShape shape = codec.CodeShapeFor(96, 64);
    std::vector<std::vector<std::uint8_t>> payloads = regular.coded.payload.layers;
    // Version 3: layer 1 is the same without the (empty) list.
    BitstreamHeader v3 = regular.header;
    v3.version = 3;
    std::vector<std::vector<std::uint8_t>> v3_payloads = payloads;
    v3_payloads[0].erase(v3_payloads[0].begin(), v3_payloads[0].begin() + 2);
    ChunkCodes parsed = ParseChunk(v3_payloads, 17, v3, shape);
    EXPECT_EQ(parsed.anchor_codes, regular.coded.codes.anchor_codes);
    EXPECT_EQ(parsed.b_codes, regular.coded.codes.b_codes);

    auto parse_error = [&](std::vector<std::uint8_t> first) {
        std::vector<std::vector<std::uint8_t>> bad = payloads;
        bad[0] = std::move(first);
        try
        {
            ParseChunk(bad, 17, regular.header, shape);
        }
        catch (const std::runtime_error& e)
        {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::vector<std::uint8_t> first = payloads[0];
    first[0] = 0xFF; // 255 cuts: more than the payload holds or the chunk has frames
    EXPECT_NE(parse_error(first).find("scene"), std::string::npos) << parse_error(first);
    // Two cuts, 9 then 3: not increasing.
    std::vector<std::uint8_t> decreasing = {2, 0, 9, 0, 3, 0};
    decreasing.insert(decreasing.end(), payloads[0].begin() + 2, payloads[0].end());
    EXPECT_NE(parse_error(decreasing).find("scene cut 3"), std::string::npos)
        << parse_error(decreasing);
    // A cut at frame 17 of a 17-frame chunk.
    std::vector<std::uint8_t> outside = {1, 0, 17, 0};
    outside.insert(outside.end(), payloads[0].begin() + 2, payloads[0].end());
    EXPECT_NE(parse_error(outside).find("scene cut 17"), std::string::npos) << parse_error(outside);
    EXPECT_NE(parse_error({1}).find("scene"), std::string::npos);
}

} // namespace
} // namespace lvc
