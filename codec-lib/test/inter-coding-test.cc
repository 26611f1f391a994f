// Hierarchical (interpolation) coding of the neural codec: the frame hierarchy, chunks whose B
// frames are interpolated from their anchors (file decode == in-memory reconstruction, every
// prefix and exit), the B error layers, the training pictures made of interpolation errors, and
// clear errors for impossible options. The motion coder: motion-coder-test.cc.
#include "baseline/residual.h"
#include "bitstream/chunk-coding.h"
#include "bitstream/neural-stream.h"
#include "metrics/psnr.h"
#include "test-support.h"
#include "tiny-model.h"
#include "train/interpolation-errors.h"

#include "ns3/input-error.h"

#include <gtest/gtest.h>

namespace lvc
{
namespace
{

constexpr const char* kForeman = "videos/y4m/foreman_cif_60f.y4m";

TEST(FrameHierarchy, AnchorsEveryGopAndTheLastFrame)
{
    FrameHierarchy h = FrameHierarchy::Of(12, 8);
    EXPECT_EQ(h.anchors, (std::vector<int>{0, 8, 11}));
    EXPECT_EQ(h.b_frames, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 9, 10}));
    EXPECT_EQ(h.past, (std::vector<int>{0, 0, 0, 0, 0, 0, 0, 1, 1}));
    EXPECT_EQ(h.future, (std::vector<int>{1, 1, 1, 1, 1, 1, 1, 2, 2}));
    EXPECT_EQ(FrameHierarchy::Of(1, 8).anchors, std::vector<int>{0});
    EXPECT_EQ(FrameHierarchy::Of(2, 8).anchors, (std::vector<int>{0, 1}));
    EXPECT_EQ(FrameHierarchy::Of(17, 8).anchors, (std::vector<int>{0, 8, 16}));
    EXPECT_TRUE(FrameHierarchy::Of(5, 0).b_frames.empty()); // intra
    EXPECT_EQ(FrameHierarchy::Of(5, 0).anchors.size(), 5U);

    // x264 keeps that structure on a chunk whose length is not a multiple of the GOP.
    std::vector<Frame> frames = test::ReadFrames(test::Shared(kForeman), 12);
    AnchorMotionOptions options;
    options.gop_frames = 8;
    EXPECT_NO_THROW(CheckMotionMatches(h, AnchorMotionOf(frames, options)));
}

/// A chunk coded with the tiny model, and its bitstream.
struct InterChunk
{
    BitstreamHeader header;
    CodedChunk coded;
    std::vector<Frame> frames;
};

InterChunk
CodeTinyChunk(NeuralCodec& codec, int gop, int b_error_layers, int b_error_first_layer = 1)
{
    InterChunk chunk;
    ReadOptions read;
    read.width = 96;
    read.height = 64;
    chunk.frames = test::ReadFrames(test::Shared(test::kStreet), 7, read);
    BitstreamHeader& h = chunk.header;
    h = test::OneChunkHeader(codec, 96, 64, 7);
    NeuralCodingOptions options;
    options.gop_frames = gop;
    options.b_error_layers = b_error_layers;
    options.b_error_first_layer = b_error_first_layer;
    ApplyCodingOptions(options, h);
    chunk.coded = EncodeNeuralChunk(codec, chunk.frames, h);
    return chunk;
}

TEST(InterCoding, FileDecodesToTheInMemoryReconstructionAtEveryPrefixAndExit)
{
    NeuralCodec codec(test::TinyWeights(), 1);
    InterChunk chunk = CodeTinyChunk(codec, 4, 2); // anchors 0, 4, 6; B error layers 1..2
    const ChunkCodes& codes = chunk.coded.codes;
    EXPECT_EQ(codes.hierarchy.anchors, (std::vector<int>{0, 4, 6}));
    ASSERT_EQ(codes.b_codes.size(), 4U);
    EXPECT_EQ(codes.b_codes[0].size(), 2U);
    EXPECT_GT(codes.motion_bytes, 4U);

    std::string path = test::ScratchPath("inter.lvc");
    WriteBitstream(path, chunk.header, {chunk.coded.payload});
    BitstreamReader reader = BitstreamReader::Open(path);
    EXPECT_EQ(reader.Header().gop_frames, 4);
    EXPECT_EQ(reader.Header().b_error_layers, 2);
    auto all = ReconstructAllPrefixes(codec, codes, 96, 64);
    ASSERT_EQ(all.size(), 4U);
    for (int k = 1; k <= 4; ++k)
    {
        for (int exit : {1, 3})
        {
            std::vector<Frame> from_file;
            DecodeBitstream(codec,
                            reader,
                            k,
                            exit,
                            [&](std::uint32_t, const std::vector<Frame>& f) { from_file = f; });
            ASSERT_EQ(from_file.size(), 7U);
            EXPECT_EQ(from_file, all[k - 1][exit - 1]) << k << " layers, exit " << exit;
        }
    }
    // A B frame is its interpolation plus its decoded error layers (here 1..min(k, 2)).
    ChunkCodes two = PrefixOf(codes, 2);
    std::vector<Frame> anchors = codec.Decode(two.anchor_codes, 96, 64, 3);
    std::vector<Frame> errors = codec.Decode(two.b_codes, 96, 64, 3);
    Frame predicted = InterpolateBFrames(codes.hierarchy, codes.b_motion, anchors)[1];
    EXPECT_EQ(all[1][2][2], AddResidual(predicted, errors[1]));
}

TEST(InterCoding, ErrorsFromLayerTwoLeaveLayerOneToAnchorsAndMotion)
{
    NeuralCodec codec(test::TinyWeights(), 1);
    InterChunk none = CodeTinyChunk(codec, 4, 0);
    InterChunk late = CodeTinyChunk(codec, 4, 3, 2); // B error codes in layers 2..3
    const ChunkCodes& codes = late.coded.codes;
    ASSERT_EQ(codes.b_codes.size(), 4U);
    EXPECT_EQ(codes.b_codes[0].size(), 2U);
    // Layer 1 is interpolation alone: the same bytes as without error layers; layer 4 holds
    // the anchors alone either way.
    EXPECT_EQ(late.coded.payload.layers[0], none.coded.payload.layers[0]);
    EXPECT_EQ(late.coded.payload.layers[3], none.coded.payload.layers[3]);
    EXPECT_GT(late.coded.payload.layers[1].size(), none.coded.payload.layers[1].size());

    std::string path = test::ScratchPath("inter-late.lvc");
    WriteBitstream(path, late.header, {late.coded.payload});
    BitstreamReader reader = BitstreamReader::Open(path);
    EXPECT_EQ(reader.Header().b_error_first_layer, 2);
    auto all = ReconstructAllPrefixes(codec, codes, 96, 64);
    auto interpolated = ReconstructAllPrefixes(codec, none.coded.codes, 96, 64);
    for (int k = 1; k <= 4; ++k)
    {
        std::vector<Frame> from_file;
        DecodeBitstream(codec, reader, k, 3, [&](std::uint32_t, const std::vector<Frame>& f) {
            from_file = f;
        });
        EXPECT_EQ(from_file, all[k - 1][2]) << k << " layers";
        EXPECT_EQ(all[k - 1][2][0], interpolated[k - 1][2][0]) << "an anchor, " << k << " layers";
        EXPECT_EQ(all[k - 1][2][2] == interpolated[k - 1][2][2], k == 1) << k << " layers";
    }
    // With layers 1..3 a B frame is the interpolation from 3-layer anchors plus its error
    // codes of layers 2..3 (the server decoder's 2 iterations on them).
    ChunkCodes three = PrefixOf(codes, 3);
    ASSERT_EQ(three.b_codes[0].size(), 2U);
    EXPECT_EQ(PrefixOf(codes, 1).b_codes[0].size(), 0U);
    std::vector<Frame> anchors = codec.Decode(three.anchor_codes, 96, 64, 3);
    std::vector<Frame> errors = codec.Decode(three.b_codes, 96, 64, 3);
    Frame predicted = InterpolateBFrames(codes.hierarchy, codes.b_motion, anchors)[1];
    EXPECT_EQ(all[2][2][2], AddResidual(predicted, errors[1]));
}

TEST(InterCoding, ErrorLayersAddBytesOnlyToTheirLayers)
{
    NeuralCodec codec(test::TinyWeights(), 1);
    InterChunk none = CodeTinyChunk(codec, 4, 0);
    InterChunk two = CodeTinyChunk(codec, 4, 2);
    InterChunk intra = CodeTinyChunk(codec, 0, 0);
    const auto& a = none.coded.payload.layers;
    const auto& b = two.coded.payload.layers;
    EXPECT_TRUE(none.coded.codes.b_codes.empty());
    // Layers 3..4 hold the anchors' codes alone either way: the same bytes.
    EXPECT_EQ(a[2], b[2]);
    EXPECT_EQ(a[3], b[3]);
    EXPECT_GT(b[1].size(), a[1].size());
    // Three anchors instead of seven key frames: fewer bytes in every layer after the first.
    for (int j = 1; j < 4; ++j)
    {
        EXPECT_LT(a[j].size(), intra.coded.payload.layers[j].size()) << "layer " << j + 1;
    }
    // The anchors are the same pictures coded the same way as those key frames.
    EXPECT_EQ(none.coded.codes.anchor_codes[1], intra.coded.codes.anchor_codes[4]);
}

TEST(InterCoding, ImpossibleOptionsAreClearErrors)
{
    BitstreamHeader h;
    h.layers = 6;
    auto message = [&](int gop, int e, int crf) {
        try
        {
            ApplyCodingOptions(NeuralCodingOptions{gop, e, crf}, h);
        }
        catch (const ns3::InputError& error)
        {
            return std::string(error.what());
        }
        return std::string();
    };
    EXPECT_NE(message(1, -1, 36).find("--gop: 0 (intra) or 2..17, not 1"), std::string::npos);
    EXPECT_NE(message(18, -1, 36).find("--gop"), std::string::npos);
    EXPECT_NE(message(8, 7, 36).find("--b-error-layers: 0..6"), std::string::npos);
    EXPECT_NE(message(8, -1, 60).find("--motion-crf"), std::string::npos);
    auto first_message = [&](int e, int first) {
        try
        {
            ApplyCodingOptions(NeuralCodingOptions{8, e, 36, first}, h);
        }
        catch (const ns3::InputError& error)
        {
            return std::string(error.what());
        }
        return std::string();
    };
    EXPECT_NE(first_message(3, 4).find("--b-error-first-layer: 1..3"), std::string::npos);
    EXPECT_NE(first_message(-1, 0).find("--b-error-first-layer: 1..6"), std::string::npos);
    EXPECT_NE(first_message(-1, -2).find("--b-error-first-layer: 1..6"), std::string::npos);
    EXPECT_EQ(first_message(0, 2), ""); // no error layers: the first is moot
    EXPECT_EQ(h.b_error_first_layer, 1);
    EXPECT_EQ(first_message(-1, 2), "");
    EXPECT_EQ(h.b_error_first_layer, 2);
    EXPECT_EQ(first_message(-1, -1), ""); // the default: 3
    EXPECT_EQ(h.b_error_first_layer, 3);
    EXPECT_EQ(first_message(2, -1), ""); // the default, down to the last error layer
    EXPECT_EQ(h.b_error_first_layer, 2);
    EXPECT_EQ(message(8, -1, 36), "");
    EXPECT_EQ(h.b_error_layers, 6);
    EXPECT_EQ(message(0, -1, 36), "");
    EXPECT_EQ(h.b_error_layers, 0); // intra: no B frames

    std::string out;
    std::string err;
    EXPECT_EQ(test::RunLvcForTest({"encode",
                                   test::Shared(test::kStreet),
                                   "--codec",
                                   "neural-gru",
                                   "--gop",
                                   "1",
                                   "--weights",
                                   test::TinyWeights(),
                                   "-o",
                                   test::ScratchPath("gop1.lvc")},
                                  &out,
                                  &err),
              2);
    EXPECT_NE(err.find("--gop: 0 (intra) or 2..17, not 1"), std::string::npos) << err;
}

TEST(InterCoding, MotionSectionThatDoesNotFitIsAnError)
{
    NeuralCodec codec(test::TinyWeights(), 1);
    InterChunk chunk = CodeTinyChunk(codec, 4, 0);
    std::vector<std::vector<std::uint8_t>> payloads = chunk.coded.payload.layers;
    payloads[0][3] = 0x7f; // the motion length now exceeds the payload
    EXPECT_THROW(ParseChunk(payloads, 7, chunk.header, codec.CodeShapeFor(96, 64)),
                 std::runtime_error);
    payloads[0].resize(2);
    EXPECT_THROW(ParseChunk(payloads, 7, chunk.header, codec.CodeShapeFor(96, 64)),
                 std::runtime_error);
}

TEST(InterpolationErrors, TrainingPicturesAreWhatTheInterpolationMisses)
{
    TrainingSource source;
    source.path = test::Shared(test::kStreet);
    InterpolationErrorOptions options;
    options.gop_frames = 4;
    options.groups = 2;
    int anchors_coded = 0;
    std::vector<Frame> errors =
        InterpolationErrorFrames(source, options, [&](const Frame& anchor, int) {
            ++anchors_coded;
            return anchor; // perfect anchors: the error is the interpolation's own
        });
    ASSERT_EQ(errors.size(), 6U); // 2 groups of 3 B frames
    EXPECT_EQ(anchors_coded, 4);
    // Mid-grey where the interpolation is right: the mean stays near 128 and most samples near it.
    double sum = 0;
    std::size_t near = 0;
    const Frame& e = errors[1];
    for (std::size_t i = 0; i < e.PlaneSize(0); ++i)
    {
        sum += e.Plane(0)[i];
        near += std::abs(e.Plane(0)[i] - kResidualOffset) <= 8 ? 1 : 0;
    }
    EXPECT_NEAR(sum / e.PlaneSize(0), kResidualOffset, 4.0);
    EXPECT_GT(near, e.PlaneSize(0) / 2);
    TrainingSource picture = source;
    picture.max_frames = 1;
    EXPECT_TRUE(
        InterpolationErrorFrames(picture, options, [](const Frame& f, int) { return f; }).empty());
}

} // namespace
} // namespace lvc
