// Metrics against values computed by hand and against direct (unoptimised) implementations.
#include "metrics/gaussian-ssim.h"
#include "metrics/ms-ssim.h"
#include "metrics/psnr.h"
#include "metrics/quality.h"
#include "metrics/ssim.h"
#include "test/test-support.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <vector>

namespace lvc
{
namespace
{

Frame
Uniform(int width, int height, std::uint8_t y, std::uint8_t u = 128, std::uint8_t v = 128)
{
    Frame f(width, height);
    std::fill(f.Plane(0), f.Plane(0) + f.PlaneSize(0), y);
    std::fill(f.Plane(1), f.Plane(1) + f.PlaneSize(1), u);
    std::fill(f.Plane(2), f.Plane(2) + f.PlaneSize(2), v);
    return f;
}

/// Deterministic "noise": a distortion that is neither uniform nor aligned with any window.
Frame
Distort(const Frame& f, int amplitude)
{
    Frame out = f;
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        std::uint8_t* s = out.Plane(p);
        for (std::size_t i = 0; i < out.PlaneSize(p); ++i)
        {
            int noise = static_cast<int>((i * 2654435761u) >> 7) % (2 * amplitude + 1) - amplitude;
            s[i] = static_cast<std::uint8_t>(std::clamp(s[i] + noise, 0, 255));
        }
    }
    return out;
}

/// SSIM terms straight from the definition: every window, the 2-D Gaussian, doubles.
SsimTerms
DirectSsim(const std::vector<double>& a, const std::vector<double>& b, int width, int height)
{
    const int n = kSsimWindow;
    double weights[kSsimWindow][kSsimWindow];
    double sum = 0;
    for (int i = 0; i < n; ++i)
    {
        for (int j = 0; j < n; ++j)
        {
            double di = i - n / 2;
            double dj = j - n / 2;
            weights[i][j] = std::exp(-(di * di + dj * dj) / (2 * 1.5 * 1.5));
            sum += weights[i][j];
        }
    }
    const double c1 = std::pow(0.01 * 255, 2);
    const double c2 = std::pow(0.03 * 255, 2);
    SsimTerms total;
    int positions = 0;
    for (int y = 0; y + n <= height; ++y)
    {
        for (int x = 0; x + n <= width; ++x)
        {
            double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
            for (int i = 0; i < n; ++i)
            {
                for (int j = 0; j < n; ++j)
                {
                    double w = weights[i][j] / sum;
                    double va = a[(y + i) * width + x + j];
                    double vb = b[(y + i) * width + x + j];
                    mx += w * va;
                    my += w * vb;
                    sxx += w * va * va;
                    syy += w * vb * vb;
                    sxy += w * va * vb;
                }
            }
            double vx = sxx - mx * mx, vy = syy - my * my, cov = sxy - mx * my;
            double cs = (2 * cov + c2) / (vx + vy + c2);
            double l = (2 * mx * my + c1) / (mx * mx + my * my + c1);
            total.ssim += l * cs;
            total.contrast_structure += cs;
            ++positions;
        }
    }
    total.ssim /= positions;
    total.contrast_structure /= positions;
    return total;
}

std::vector<double>
LumaAsDouble(const Frame& f)
{
    return std::vector<double>(f.Plane(0), f.Plane(0) + f.PlaneSize(0));
}

Frame
RealCrop(int width, int height)
{
    ReadOptions options;
    options.crop = CropRect{96, 64, width, height};
    return test::ReadFrames(test::Shared("videos/y4m/foreman_cif_60f.y4m"), 1, options)[0];
}

TEST(Psnr, HandComputedValues)
{
    // MSE 1 on luma: 10 log10(255^2) = 48.1308 dB.
    EXPECT_NEAR(PsnrY_db(Uniform(16, 16, 100), Uniform(16, 16, 101)), 48.130804, 1e-6);
    // Half the luma samples off by 2: MSE 2 -> 45.1205 dB.
    Frame a = Uniform(16, 16, 100);
    Frame b = a;
    std::fill(b.Plane(0), b.Plane(0) + 128, 102);
    EXPECT_NEAR(PsnrY_db(a, b), 10 * std::log10(65025.0 / 2), 1e-9);
    // Y off by 1 (256 samples), U and V off by 4 (64 each): MSE (256 + 2 * 64 * 16) / 384 = 6.
    EXPECT_NEAR(PsnrYuv_db(Uniform(16, 16, 100, 128, 128), Uniform(16, 16, 101, 132, 124)),
                10 * std::log10(65025.0 / 6),
                1e-9);
    EXPECT_EQ(PsnrY_db(a, a), kMaxPsnr_db);
    EXPECT_EQ(PsnrRgb_db(a, a), kMaxPsnr_db);
}

TEST(Ssim, UniformPicturesGiveTheLuminanceTermOnly)
{
    // No variance: SSIM = (2 mu_x mu_y + C1) / (mu_x^2 + mu_y^2 + C1), C1 = (0.01 * 255)^2.
    const double c1 = 6.5025;
    double expected = (2 * 100.0 * 110 + c1) / (100.0 * 100 + 110.0 * 110 + c1);
    EXPECT_NEAR(SsimY(Uniform(32, 32, 100), Uniform(32, 32, 110)), expected, 5e-6); // float sums
    EXPECT_NEAR(expected, 0.995476, 1e-6);
    Frame real = RealCrop(64, 48);
    EXPECT_NEAR(SsimY(real, real), 1.0, 1e-6);
}

TEST(Ssim, SeparableImplementationMatchesTheDefinition)
{
    Frame a = RealCrop(48, 40);
    Frame b = Distort(a, 12);
    SsimTerms direct = DirectSsim(LumaAsDouble(a), LumaAsDouble(b), 48, 40);
    EXPECT_NEAR(SsimY(a, b), direct.ssim, 2e-5);
    EXPECT_LT(direct.ssim, 0.95); // a real distortion, so agreement is not trivial
}

TEST(Ssim, TooSmallPlanesAreRejected)
{
    EXPECT_THROW(SsimY(Uniform(10, 10, 1), Uniform(10, 10, 2)), std::invalid_argument);
}

TEST(MsSsim, MatchesTheDefinitionScaleByScale)
{
    Frame a = RealCrop(192, 176);
    Frame b = Distort(a, 10);
    const double weights[5] = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
    std::vector<double> x = LumaAsDouble(a);
    std::vector<double> y = LumaAsDouble(b);
    int w = 192;
    int h = 176;
    double expected = 1;
    for (int s = 0; s < 5; ++s)
    {
        SsimTerms t = DirectSsim(x, y, w, h);
        expected *= std::pow(s < 4 ? t.contrast_structure : t.ssim, weights[s]);
        std::vector<double> dx(static_cast<std::size_t>(w / 2) * (h / 2));
        std::vector<double> dy(dx.size());
        for (int r = 0; r < h / 2; ++r)
        {
            for (int c = 0; c < w / 2; ++c)
            {
                auto avg = [&](const std::vector<double>& v) {
                    return (v[2 * r * w + 2 * c] + v[2 * r * w + 2 * c + 1] +
                            v[(2 * r + 1) * w + 2 * c] + v[(2 * r + 1) * w + 2 * c + 1]) /
                           4;
                };
                dx[r * (w / 2) + c] = avg(x);
                dy[r * (w / 2) + c] = avg(y);
            }
        }
        x = dx;
        y = dy;
        w /= 2;
        h /= 2;
    }
    double ssim = 0;
    EXPECT_NEAR(MsSsimY(a, b, &ssim), expected, 2e-5);
    EXPECT_NEAR(ssim, SsimY(a, b), 1e-12);
    EXPECT_NEAR(MsSsimY(a, a), 1.0, 1e-6);
    EXPECT_GT(MsSsimY(a, Distort(a, 3)), MsSsimY(a, b));
}

TEST(Quality, SequenceMeanIsTheMeanOfFramesWhateverTheThreads)
{
    std::vector<Frame> source =
        test::ReadFrames(test::Shared("videos/y4m/street_384x216_54f.y4m"), 4);
    std::vector<Frame> distorted;
    for (std::size_t i = 0; i < source.size(); ++i)
    {
        distorted.push_back(Distort(source[i], 2 + 3 * static_cast<int>(i)));
    }
    QualityOptions one;
    QualityOptions two;
    two.threads = 2;
    Quality q1 = MeasureSequence(source, distorted, one);
    Quality q2 = MeasureSequence(source, distorted, two);
    double psnr_sum = 0;
    for (std::size_t i = 0; i < source.size(); ++i)
    {
        psnr_sum += PsnrY_db(source[i], distorted[i]);
    }
    EXPECT_NEAR(q1.psnr_db, psnr_sum / source.size(), 1e-12);
    EXPECT_EQ(q1.psnr_db, q2.psnr_db);
    EXPECT_EQ(q1.ssim, q2.ssim);
    EXPECT_EQ(q1.ms_ssim, q2.ms_ssim);
    EXPECT_THROW(MeasureSequence(source, {}, one), std::invalid_argument);
    EXPECT_EQ(ParsePsnrSpace("rgb"), PsnrSpace::kRgb);
    EXPECT_THROW(ParsePsnrSpace("luma"), std::invalid_argument);
}

} // namespace
} // namespace lvc
