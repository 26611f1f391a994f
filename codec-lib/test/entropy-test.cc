// The binary arithmetic coder and the context-modelled code-layer coder: exact round trips and
// sizes against the entropy bound.
#include "entropy/adaptive-bit-model.h"
#include "entropy/binary-arithmetic-coder.h"
#include "entropy/code-layer-coder.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>

namespace lvc
{
namespace
{

double
BinaryEntropy_bits(double p)
{
    return -p * std::log2(p) - (1 - p) * std::log2(1 - p);
}

TEST(ArithmeticCoder, RoundTripsRandomBitsAtAnyProbability)
{
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::uint32_t> probability(0, kProbabilityOne + 10);
    std::vector<int> bits;
    std::vector<std::uint32_t> p1s;
    BinaryArithmeticEncoder encoder;
    for (int i = 0; i < 200000; ++i)
    {
        // Probabilities out of range are clamped; bits are drawn against the model sometimes.
        std::uint32_t p1 = i % 3 == 0 ? (i % 2 ? 1U : 65535U) : probability(rng);
        int bit = static_cast<int>(rng() & 1);
        encoder.Encode(bit, p1);
        bits.push_back(bit);
        p1s.push_back(p1);
    }
    std::vector<std::uint8_t> bytes = encoder.Finish();
    BinaryArithmeticDecoder decoder(bytes.data(), bytes.size());
    for (std::size_t i = 0; i < bits.size(); ++i)
    {
        ASSERT_EQ(decoder.Decode(p1s[i]), bits[i]) << "bit " << i;
    }
}

TEST(ArithmeticCoder, EmptyAndTinyStreams)
{
    BinaryArithmeticEncoder empty;
    EXPECT_TRUE(empty.Finish().empty());
    for (int bit : {0, 1})
    {
        BinaryArithmeticEncoder one;
        one.Encode(bit, 30000);
        std::vector<std::uint8_t> bytes = one.Finish();
        EXPECT_LE(bytes.size(), 4U);
        BinaryArithmeticDecoder decoder(bytes.data(), bytes.size());
        EXPECT_EQ(decoder.Decode(30000), bit);
    }
}

// An i.i.d. source of known p, coded once with p given and once with the adaptive model:
// both within 1 % of n H(p).
TEST(ArithmeticCoder, IidSourceWithinOnePercentOfEntropy)
{
    const int n = 400000;
    for (double p : {0.02, 0.1, 0.3, 0.5})
    {
        std::mt19937_64 rng(static_cast<std::uint64_t>(p * 1000));
        std::bernoulli_distribution draw(p);
        std::vector<int> bits(n);
        int ones = 0;
        for (int& b : bits)
        {
            b = draw(rng);
            ones += b;
        }
        // The bound of the sample actually drawn (its empirical entropy) and of the source.
        double bound_bits = n * BinaryEntropy_bits(p);
        auto known_p1 = static_cast<std::uint32_t>(std::lround(p * kProbabilityOne));
        BinaryArithmeticEncoder known;
        BinaryArithmeticEncoder adaptive;
        AdaptiveBitModel model;
        for (int b : bits)
        {
            known.Encode(b, known_p1);
            adaptive.Encode(b, model.P1());
            model.Update(b);
        }
        std::vector<std::uint8_t> known_bytes = known.Finish();
        std::vector<std::uint8_t> adaptive_bytes = adaptive.Finish();
        double empirical_bits = n * BinaryEntropy_bits(static_cast<double>(ones) / n);
        EXPECT_LT(known_bytes.size() * 8.0, bound_bits * 1.01) << "p " << p;
        EXPECT_GT(known_bytes.size() * 8.0, bound_bits * 0.98) << "p " << p;
        EXPECT_LT(adaptive_bytes.size() * 8.0, empirical_bits * 1.01) << "p " << p;
        EXPECT_LT(adaptive_bytes.size() * 8.0, bound_bits * 1.01) << "p " << p;
        BinaryArithmeticDecoder decoder(adaptive_bytes.data(), adaptive_bytes.size());
        AdaptiveBitModel again;
        for (int i = 0; i < n; ++i)
        {
            int b = decoder.Decode(again.P1());
            ASSERT_EQ(b, bits[i]);
            again.Update(b);
        }
    }
}

BinaryCode
RandomCode(const CodeShape& shape, std::mt19937& rng, double p1)
{
    BinaryCode code = BinaryCode::Zero(shape);
    std::bernoulli_distribution draw(p1);
    for (auto& b : code.bits)
    {
        b = draw(rng);
    }
    return code;
}

/// Codes whose bits copy their left neighbour with probability `stay`, and the previous layer's
/// bit with probability `follow`: structure that only the contexts can exploit.
std::vector<BinaryCode>
CorrelatedCodes(int frames,
                const CodeShape& shape,
                std::mt19937& rng,
                double stay,
                const std::vector<BinaryCode>* previous = nullptr,
                double follow = 0)
{
    std::vector<BinaryCode> codes;
    std::bernoulli_distribution keep(stay);
    std::bernoulli_distribution copy(follow);
    for (int f = 0; f < frames; ++f)
    {
        BinaryCode code = RandomCode(shape, rng, 0.5);
        for (int c = 0; c < shape.channels; ++c)
        {
            for (int y = 0; y < shape.rows; ++y)
            {
                for (int x = 0; x < shape.cols; ++x)
                {
                    std::uint8_t& b = code.bits[code.Index(c, y, x)];
                    if (previous && copy(rng))
                    {
                        b = (*previous)[f].At(c, y, x);
                    }
                    else if (x > 0 && keep(rng))
                    {
                        b = code.At(c, y, x - 1);
                    }
                }
            }
        }
        codes.push_back(code);
    }
    return codes;
}

std::vector<CodeShape>
ShapesOf(const std::vector<BinaryCode>& codes)
{
    std::vector<CodeShape> shapes;
    for (const BinaryCode& c : codes)
    {
        shapes.push_back(c.shape);
    }
    return shapes;
}

TEST(CodeLayerCoder, RoundTripsEveryContextChoice)
{
    std::mt19937 rng(3);
    CodeShape shape{8, 5, 7};
    std::vector<BinaryCode> first = CorrelatedCodes(4, shape, rng, 0.8);
    std::vector<BinaryCode> second = CorrelatedCodes(4, shape, rng, 0.6, &first, 0.5);
    second.push_back(RandomCode(CodeShape{8, 2, 3}, rng, 0.5)); // another size in the chunk
    first.push_back(RandomCode(CodeShape{8, 2, 3}, rng, 0.5));
    for (int mask = 0; mask < 8; ++mask)
    {
        CodeContextOptions options{(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0};
        std::vector<std::uint8_t> bytes = EncodeCodeLayer(second, &first, options);
        EXPECT_EQ(DecodeCodeLayer(bytes.data(), bytes.size(), ShapesOf(second), &first, options),
                  second)
            << "mask " << mask;
        std::vector<std::uint8_t> base = EncodeCodeLayer(first, nullptr, options);
        EXPECT_EQ(DecodeCodeLayer(base.data(), base.size(), ShapesOf(first), nullptr, options),
                  first);
    }
}

TEST(CodeLayerCoder, ContextsFindSpatialAndInterLayerStructure)
{
    std::mt19937 rng(11);
    CodeShape shape{16, 18, 22};
    std::vector<BinaryCode> first = CorrelatedCodes(10, shape, rng, 0.9);
    std::vector<BinaryCode> second = CorrelatedCodes(10, shape, rng, 0.0, &first, 0.8);
    const double raw_bits = 10.0 * shape.Size();
    CodeContextOptions none{false, false, false};
    // Without contexts the layers cost about one bit per bit; each context finds its structure.
    EXPECT_GT(EncodeCodeLayer(first, nullptr, none).size() * 8.0, 0.98 * raw_bits);
    EXPECT_LT(EncodeCodeLayer(first, nullptr, {}).size() * 8.0, 0.6 * raw_bits);
    EXPECT_GT(EncodeCodeLayer(second, &first, none).size() * 8.0, 0.98 * raw_bits);
    EXPECT_LT(EncodeCodeLayer(second, &first, {}).size() * 8.0, 0.75 * raw_bits);
    // The real size is within 1 % (plus the flush) of the models' own information content.
    double information = CodeLayerInformation_bits(second, &first, {});
    EXPECT_NEAR(EncodeCodeLayer(second, &first, {}).size() * 8.0,
                information,
                0.01 * information + 40);
    // Random codes do not grow by more than the models' learning cost.
    std::vector<BinaryCode> noise;
    for (int f = 0; f < 10; ++f)
    {
        noise.push_back(RandomCode(shape, rng, 0.5));
    }
    EXPECT_LT(EncodeCodeLayer(noise, nullptr, {}).size() * 8.0, 1.03 * raw_bits);
}

TEST(CodeLayerCoder, RejectsMismatchedShapes)
{
    std::mt19937 rng(5);
    std::vector<BinaryCode> a{RandomCode(CodeShape{2, 3, 3}, rng, 0.5)};
    std::vector<BinaryCode> b{RandomCode(CodeShape{2, 3, 4}, rng, 0.5)};
    EXPECT_THROW(EncodeCodeLayer(a, &b), std::invalid_argument);
    a[0].bits.pop_back();
    EXPECT_THROW(EncodeCodeLayer(a, nullptr), std::invalid_argument);
}

} // namespace
} // namespace lvc
