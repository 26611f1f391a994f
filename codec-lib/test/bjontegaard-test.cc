// Bjontegaard's BD-rate and BD-PSNR on curves whose answers are computed by hand.
#include "metrics/bjontegaard.h"

#include <cmath>
#include <gtest/gtest.h>

namespace lvc
{
namespace
{

TEST(Bjontegaard, AConstantRateRatioIsTheBdRate)
{
    const std::vector<RdPoint> reference{{100, 30}, {200, 33}, {400, 35.5}, {800, 37}, {1600, 38}};
    std::vector<RdPoint> test;
    for (const RdPoint& p : reference)
    {
        test.push_back(RdPoint{p.rate * 0.8, p.psnr_db});
    }
    EXPECT_NEAR(BdRate(reference, test), -0.2, 1e-9);
    EXPECT_NEAR(BdRate(test, reference), 0.25, 1e-9);
}

TEST(Bjontegaard, AConstantPsnrShiftIsTheBdPsnr)
{
    const std::vector<RdPoint> reference{{100, 30}, {200, 33}, {400, 35.5}, {800, 37}};
    std::vector<RdPoint> test;
    for (const RdPoint& p : reference)
    {
        test.push_back(RdPoint{p.rate, p.psnr_db + 1.5});
    }
    EXPECT_NEAR(BdPsnr(reference, test), 1.5, 1e-9);
}

TEST(Bjontegaard, AWorkedExample)
{
    // Reference: log10(rate) = (P - 30) / 20 at P = 30, 32, 34, 36. Test: the same minus
    // 0.05 t^2 with t = (P - 30) / 2 (4 points: both cubics are exact). The mean of -0.05 t^2
    // over t in [0, 3] is -0.05 x 3 = -0.15, so BD-rate = 10^-0.15 - 1 = -29.205 %.
    std::vector<RdPoint> reference;
    std::vector<RdPoint> test;
    for (double p : {30.0, 32.0, 34.0, 36.0})
    {
        const double t = (p - 30) / 2;
        reference.push_back(RdPoint{std::pow(10.0, (p - 30) / 20), p});
        test.push_back(RdPoint{std::pow(10.0, (p - 30) / 20 - 0.05 * t * t), p});
    }
    EXPECT_NEAR(BdRate(reference, test), std::pow(10.0, -0.15) - 1, 1e-9);
    EXPECT_NEAR(BdRate(reference, test), -0.29205, 1e-5);
    // BD-PSNR of two straight lines 1 dB apart in PSNR over log-rate, on the overlap only.
    const std::vector<RdPoint> a{{1, 30}, {2, 31}, {4, 32}, {8, 33}};
    const std::vector<RdPoint> b{{2, 32}, {4, 33}, {8, 34}, {16, 35}};
    EXPECT_NEAR(BdPsnr(a, b), 1.0, 1e-9);
}

TEST(Bjontegaard, BadCurvesAreRefused)
{
    const std::vector<RdPoint> good{{1, 30}, {2, 31}, {4, 32}, {8, 33}};
    EXPECT_THROW(BdRate(good, {{1, 30}, {2, 31}, {4, 32}}), std::invalid_argument);
    EXPECT_THROW(BdRate(good, {{1, 30}, {0, 31}, {4, 32}, {8, 33}}), std::invalid_argument);
    EXPECT_THROW(BdRate(good, {{1, 40}, {2, 41}, {4, 42}, {8, 43}}),
                 std::invalid_argument); // no overlap
}

TEST(Bjontegaard, CubicFitIsExactThroughFourPoints)
{
    const std::vector<double> x{1, 2, 4, 7};
    std::vector<double> y;
    for (double v : x)
    {
        y.push_back(2 - 3 * v + 0.5 * v * v - 0.25 * v * v * v);
    }
    const std::vector<double> c = FitCubic(x, y);
    EXPECT_NEAR(c[0], 2, 1e-9);
    EXPECT_NEAR(c[1], -3, 1e-9);
    EXPECT_NEAR(c[2], 0.5, 1e-9);
    EXPECT_NEAR(c[3], -0.25, 1e-9);
}

} // namespace
} // namespace lvc
