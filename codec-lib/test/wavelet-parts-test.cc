// The wavelet codec's parts on their own: the CDF 9/7 transform against JPEG 2000's published
// filters, the embedded coder's round trip and embedding, the motion syntax's round trip, the
// overlapped motion compensation, the prediction structure and its distortion weights.
#include "test/test-support.h"
#include "wavelet/block-motion.h"
#include "wavelet/cdf97.h"
#include "wavelet/embedded-coder.h"
#include "wavelet/gop-structure.h"
#include "wavelet/motion-search.h"
#include "wavelet/motion-syntax.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>

namespace lvc
{
namespace
{

FloatPlane
LumaOf(const Frame& f, float offset = 0)
{
    FloatPlane p(f.Width(), f.Height());
    for (std::size_t i = 0; i < p.samples.size(); ++i)
    {
        p.samples[i] = static_cast<float>(f.Plane(0)[i]) - offset;
    }
    return p;
}

double
MaxAbsDifference(const FloatPlane& a, const FloatPlane& b)
{
    double m = 0;
    for (std::size_t i = 0; i < a.samples.size(); ++i)
    {
        m = std::max(m, static_cast<double>(std::fabs(a.samples[i] - b.samples[i])));
    }
    return m;
}

TEST(Cdf97, InverseUndoesForwardOnOddAndEvenSizes)
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> value(-128, 127);
    for (auto [w, h] : {std::pair{64, 48}, {37, 23}, {2, 9}, {1, 5}})
    {
        FloatPlane p(w, h);
        for (float& v : p.samples)
        {
            v = value(rng);
        }
        FloatPlane q = p;
        const int levels = LevelsFor(w, h, 1, 6);
        ForwardCdf97(q, levels);
        InverseCdf97(q, levels);
        EXPECT_LT(MaxAbsDifference(p, q), 2e-3) << w << "x" << h;
    }
}

TEST(Cdf97, ConstantPicturesHaveNoDetails)
{
    FloatPlane p(40, 30, 17.0F);
    ForwardCdf97(p, 3);
    for (const Subband& b : SubbandsOf(40, 30, 3))
    {
        for (int y = 0; y < b.height; ++y)
        {
            for (int x = 0; x < b.width; ++x)
            {
                const float v = p.At(b.x0 + x, b.y0 + y);
                if (b.orientation == Orientation::kLL)
                {
                    EXPECT_NEAR(v, 17.0F, 1e-3); // low-pass DC gain 1 per level (JPEG 2000)
                }
                else
                {
                    EXPECT_NEAR(v, 0.0F, 1e-3);
                }
            }
        }
    }
}

TEST(Cdf97, SynthesisGainsMatchJpeg2000sPublishedFilters)
{
    // The 9/7 synthesis filters as JPEG 2000 normalises them (analysis low-pass DC gain 1,
    // high-pass Nyquist gain 2): low-pass 7 taps, high-pass 9 taps. The 2-D gain of a level-1
    // band is the product of the 1-D L2 norms.
    const double g0[] = {-0.091271763114,
                         -0.057543526229,
                         0.591271763114,
                         1.115087052457,
                         0.591271763114,
                         -0.057543526229,
                         -0.091271763114};
    const double g1[] = {0.026748757411,
                         0.016864118443,
                         -0.078223266529,
                         -0.266864118443,
                         0.602949018236,
                         -0.266864118443,
                         -0.078223266529,
                         0.016864118443,
                         0.026748757411};
    double low = 0;
    double high = 0;
    for (double v : g0)
    {
        low += v * v;
    }
    for (double v : g1)
    {
        high += v * v;
    }
    low = std::sqrt(low);
    high = std::sqrt(high);
    EXPECT_NEAR(SynthesisGain(1, Orientation::kLL), low * low, 1e-4);
    EXPECT_NEAR(SynthesisGain(1, Orientation::kHL), low * high, 1e-4);
    EXPECT_NEAR(SynthesisGain(1, Orientation::kHH), high * high, 1e-4);
}

TEST(Cdf97, SubbandsTileThePlane)
{
    for (auto [w, h, levels] : {std::tuple{352, 288, 5}, {33, 17, 3}, {8, 2, 2}})
    {
        long area = 0;
        for (const Subband& b : SubbandsOf(w, h, levels))
        {
            area += static_cast<long>(b.width) * b.height;
            EXPECT_LE(b.x0 + b.width, w);
            EXPECT_LE(b.y0 + b.height, h);
        }
        EXPECT_EQ(area, static_cast<long>(w) * h);
    }
}

/// Coefficients of two real pictures (a key and a residual-like difference), coded unit by
/// unit; a decoder fed the recorded bytes must reconstruct exactly what the encoder holds.
TEST(EmbeddedCoder, EveryPrefixOfUnitsDecodesToTheEncodersCoefficientsAndErrorFalls)
{
    ReadOptions half;
    half.width = 176;
    half.height = 144;
    const std::vector<Frame> frames =
        test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 2, half);
    std::vector<CodedImageSpec> specs;
    std::vector<FloatPlane> coefficients;
    FloatPlane key = LumaOf(frames[0], 128);
    FloatPlane diff = LumaOf(frames[1]);
    const FloatPlane first = LumaOf(frames[0]);
    for (std::size_t i = 0; i < diff.samples.size(); ++i)
    {
        diff.samples[i] -= first.samples[i];
    }
    const std::vector<FloatPlane> pictures{key, diff};
    for (std::size_t i = 0; i < pictures.size(); ++i)
    {
        const int levels = LevelsFor(176, 144, 8, 6);
        specs.push_back(CodedImageSpec{176, 144, levels, false, i == 0, i == 0 ? 2.0F : 1.0F});
        FloatPlane c = pictures[i];
        ForwardCdf97(c, levels);
        coefficients.push_back(c);
    }
    EmbeddedCoder encoder(specs, 0.25F);
    encoder.Quantise(coefficients);
    SymbolCoder recorder;
    std::vector<std::size_t> boundaries{0};
    for (std::size_t u = 0; u < encoder.UnitCount(); ++u)
    {
        encoder.CodeUnit(u, recorder);
        boundaries.push_back(recorder.Count());
    }
    EXPECT_GT(encoder.TopPlane(), 8);
    // Check a few cut points: the decoder's coefficients equal the encoder's at that point.
    double previous_error = 1e300;
    for (std::size_t cut :
         {encoder.UnitCount() / 4, encoder.UnitCount() / 2, 3 * encoder.UnitCount() / 4})
    {
        EmbeddedCoder partial(specs, 0.25F);
        partial.Quantise(coefficients);
        SymbolCoder again;
        for (std::size_t u = 0; u < cut; ++u)
        {
            partial.CodeUnit(u, again);
        }
        const std::vector<std::uint8_t> bytes = recorder.Write(0, boundaries[cut]);
        // The recorded cost predicts the bytes (range coder: within a few bytes).
        EXPECT_NEAR(static_cast<double>(bytes.size()),
                    again.CostBits() / 8,
                    8 + 0.002 * bytes.size());
        BinaryArithmeticDecoder arithmetic(bytes.data(), bytes.size());
        SymbolCoder io(&arithmetic);
        EmbeddedCoder decoder(specs, 0.25F);
        decoder.SetTopPlane(encoder.TopPlane());
        for (std::size_t u = 0; u < cut; ++u)
        {
            decoder.CodeUnit(u, io);
        }
        const std::vector<FloatPlane> expected = partial.Dequantise();
        const std::vector<FloatPlane> got = decoder.Dequantise();
        double error = 0;
        for (std::size_t i = 0; i < got.size(); ++i)
        {
            EXPECT_EQ(got[i].samples, expected[i].samples) << "cut " << cut << " image " << i;
            for (std::size_t k = 0; k < got[i].samples.size(); ++k)
            {
                const double d = got[i].samples[k] - coefficients[i].samples[k];
                error += d * d;
            }
        }
        EXPECT_LT(error, previous_error) << "more units must reduce the error (cut " << cut << ")";
        previous_error = error;
    }
}

TEST(EmbeddedCoder, AllUnitsReachTheQuantiserStep)
{
    // Coding every unit leaves each coefficient within one step of its value (in the weighted
    // domain: step / scale in the coefficient's own).
    FloatPlane p(32, 32);
    std::mt19937 rng(3);
    std::normal_distribution<float> value(0, 20);
    for (float& v : p.samples)
    {
        v = value(rng);
    }
    const FloatPlane source = p;
    ForwardCdf97(p, 2);
    std::vector<CodedImageSpec> specs{CodedImageSpec{32, 32, 2, false, true, 1.0F}};
    EmbeddedCoder coder(specs, 0.25F);
    coder.Quantise({p});
    SymbolCoder recorder;
    for (std::size_t u = 0; u < coder.UnitCount(); ++u)
    {
        coder.CodeUnit(u, recorder);
    }
    FloatPlane back = coder.Dequantise()[0];
    for (const Subband& b : SubbandsOf(32, 32, 2))
    {
        const double unit = 0.25 / SynthesisGain(b.level, b.orientation);
        for (int y = 0; y < b.height; ++y)
        {
            for (int x = 0; x < b.width; ++x)
            {
                EXPECT_LE(std::fabs(back.At(b.x0 + x, b.y0 + y) - p.At(b.x0 + x, b.y0 + y)),
                          unit + 1e-5);
            }
        }
    }
    InverseCdf97(back, 2);
    EXPECT_LT(MaxAbsDifference(back, source), 1.0);
}

MotionGrid
RandomGrid(int w, int h, bool bidirectional, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    MotionGrid grid(w, h, bidirectional);
    std::uniform_int_distribution<int> vec(-70, 70);
    std::uniform_int_distribution<int> pick(0, 9);
    // Quadtree leaves: 32x32 where the tree block fits and a draw says so, else 16x16 or 8x8.
    for (int by = 0; by < grid.rows; by += 4)
    {
        for (int bx = 0; bx < grid.cols; bx += 4)
        {
            for (int sy = by; sy < std::min(by + 4, grid.rows); sy += 2)
            {
                for (int sx = bx; sx < std::min(bx + 4, grid.cols); sx += 2)
                {
                    for (int y = sy; y < std::min(sy + 2, grid.rows); ++y)
                    {
                        for (int x = sx; x < std::min(sx + 2, grid.cols); ++x)
                        {
                            BlockMotion b;
                            b.mode = bidirectional ? static_cast<PredictionMode>(pick(rng) % 3)
                                                   : PredictionMode::kPast;
                            b.mv = {MotionVector{vec(rng), vec(rng)},
                                    MotionVector{vec(rng), vec(rng)}};
                            if (pick(rng) < 3 && x > 0)
                            {
                                b = grid.At(x - 1, y); // a run that the merge mode codes
                            }
                            grid.SetLeaf(x, y, 1, b);
                        }
                    }
                    if (pick(rng) < 5 && sx + 2 <= grid.cols && sy + 2 <= grid.rows)
                    {
                        grid.SetLeaf(sx, sy, 2, grid.At(sx, sy));
                    }
                }
            }
            if (pick(rng) < 2 && bx + 4 <= grid.cols && by + 4 <= grid.rows)
            {
                grid.SetLeaf(bx, by, 4, grid.At(bx, by));
            }
        }
    }
    return grid;
}

TEST(MotionSyntax, GridsRoundTripThroughTheCoder)
{
    for (auto [w, h, bi] : {std::tuple{176, 144, true}, {200, 90, false}, {16, 8, true}})
    {
        MotionGrid grid = RandomGrid(w, h, bi, static_cast<std::uint32_t>(w + h));
        MotionSyntaxModels models;
        SymbolCoder recorder;
        MotionGrid coded = grid;
        CodeMotion(recorder, models, coded);
        const std::vector<std::uint8_t> bytes = recorder.Write(0, recorder.Count());
        BinaryArithmeticDecoder arithmetic(bytes.data(), bytes.size());
        SymbolCoder io(&arithmetic);
        MotionSyntaxModels decoder_models;
        MotionGrid decoded(w, h, bi);
        CodeMotion(io, decoder_models, decoded);
        ASSERT_EQ(decoded.blocks.size(), grid.blocks.size());
        for (std::size_t i = 0; i < grid.blocks.size(); ++i)
        {
            EXPECT_TRUE(decoded.blocks[i] == grid.blocks[i]) << w << "x" << h << " block " << i;
            EXPECT_EQ(decoded.leaf_blocks[i], grid.leaf_blocks[i])
                << w << "x" << h << " block " << i;
        }
    }
}

TEST(MotionSyntax, GarbageIsAnErrorOrAGridNeverACrash)
{
    std::mt19937 rng(11);
    for (int trial = 0; trial < 50; ++trial)
    {
        std::vector<std::uint8_t> bytes(64);
        for (auto& b : bytes)
        {
            b = static_cast<std::uint8_t>(rng());
        }
        BinaryArithmeticDecoder arithmetic(bytes.data(), bytes.size());
        SymbolCoder io(&arithmetic);
        MotionSyntaxModels models;
        MotionGrid grid(64, 48, true);
        try
        {
            CodeMotion(io, models, grid);
            for (const BlockMotion& b : grid.blocks)
            {
                EXPECT_LE(std::abs(b.mv[0].x), MotionGrid::kMaxVector_qpel);
            }
        }
        catch (const std::runtime_error&)
        {
        }
    }
}

TEST(Obmc, UniformMotionShiftsThePictureAndZeroMotionCopiesIt)
{
    const Frame frame = test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 1)[0];
    FloatPicture picture;
    for (int c = 0; c < 3; ++c)
    {
        picture[static_cast<std::size_t>(c)] =
            FloatPlane(frame.PlaneWidth(c), frame.PlaneHeight(c));
        for (std::size_t i = 0; i < picture[static_cast<std::size_t>(c)].samples.size(); ++i)
        {
            picture[static_cast<std::size_t>(c)].samples[i] = frame.Plane(c)[i];
        }
    }
    const Reference ref(picture);
    MotionGrid grid(frame.Width(), frame.Height(), false);
    FloatPicture same = PredictPicture(grid, &ref, nullptr);
    EXPECT_LT(MaxAbsDifference(same[0], picture[0]), 1e-3);
    EXPECT_LT(MaxAbsDifference(same[1], picture[1]), 1e-3);
    // Every block moved by (+3, -2) whole samples: the windows sum to one, so the prediction is
    // the shifted picture wherever the shift stays inside it.
    for (BlockMotion& b : grid.blocks)
    {
        b.mv[0] = MotionVector{12, -8};
    }
    FloatPicture shifted = PredictPicture(grid, &ref, nullptr);
    double worst = 0;
    for (int y = 2; y < frame.Height(); ++y)
    {
        for (int x = 0; x + 3 < frame.Width(); ++x)
        {
            worst = std::max(
                worst,
                static_cast<double>(std::fabs(shifted[0].At(x, y) - picture[0].At(x + 3, y - 2))));
        }
    }
    EXPECT_LT(worst, 1e-3);
}

TEST(MotionSearch, FindsAKnownSubSampleShift)
{
    const std::vector<Frame> frames =
        test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 1);
    const FloatPlane source = LumaOf(frames[0]);
    // The target is the source moved by (-5.25, +2.5) samples: its content at x comes from x
    // + 5.25.
    FloatPicture ref_picture{source,
                             FloatPlane(source.width / 2, source.height / 2),
                             FloatPlane(source.width / 2, source.height / 2)};
    const Reference ref(ref_picture);
    FloatPlane target(source.width, source.height);
    for (int y = 0; y < source.height; ++y)
    {
        for (int x = 0; x < source.width; ++x)
        {
            target.At(x, y) = ref.luma.At(x, y, 21, -10);
        }
    }
    MotionSearchOptions options;
    const MotionGrid grid =
        SearchMotion(target, SearchReference{&source, &ref.luma}, SearchReference{}, options);
    int exact = 0;
    for (int by = 1; by + 1 < grid.rows; ++by)
    {
        for (int bx = 1; bx + 1 < grid.cols; ++bx)
        {
            exact += grid.At(bx, by).mv[0] == MotionVector{21, -10} ? 1 : 0;
        }
    }
    EXPECT_GT(exact, (grid.rows - 2) * (grid.cols - 2) * 9 / 10);
}

TEST(GopStructure, KeysHierarchyAndCuts)
{
    const GopStructure g = GopStructure::Of(9, 4);
    EXPECT_EQ(g.coding_order, (std::vector<int>{0, 4, 2, 1, 3, 8, 6, 5, 7}));
    EXPECT_TRUE(g.IsIntra(0));
    EXPECT_EQ(g.past[4], 0);
    EXPECT_EQ(g.future[4], -1);
    EXPECT_EQ(g.past[3], 2);
    EXPECT_EQ(g.future[3], 4);
    // A cut at 6: a picture there; 5 (before it) has no future reference.
    const GopStructure c = GopStructure::Of(9, 4, {6});
    EXPECT_EQ(c.coding_order, (std::vector<int>{0, 4, 2, 1, 3, 6, 5, 8, 7}));
    EXPECT_TRUE(c.IsIntra(6));
    EXPECT_EQ(c.past[5], 4);
    EXPECT_EQ(c.future[5], -1);
    EXPECT_EQ(c.past[8], 6);
    const GopStructure intra = GopStructure::Of(3, 0);
    EXPECT_TRUE(intra.IsIntra(0) && intra.IsIntra(1) && intra.IsIntra(2));
    EXPECT_THROW(GopStructure::Of(9, 4, {9}), std::invalid_argument);
    EXPECT_THROW(GopStructure::Of(9, 4, {5, 3}), std::invalid_argument);
}

TEST(GopStructure, DistortionWeightsOfASmallHierarchyComputedByHand)
{
    // 0 (picture), 2 (from 0), 1 (half from 0, half from 2). An error e in frame 0 reaches 2
    // as e and 1 as e/2 + e/2 = e: weight 3. Frame 2's reaches 1 as e/2: 1 + 1/4.
    const GopStructure g = GopStructure::Of(3, 2);
    const std::vector<double> w = DistortionWeights(g, {{0, 0}, {0.5, 0.5}, {1, 0}});
    EXPECT_DOUBLE_EQ(w[0], 3.0);
    EXPECT_DOUBLE_EQ(w[2], 1.25);
    EXPECT_DOUBLE_EQ(w[1], 1.0);
}

} // namespace
} // namespace lvc
