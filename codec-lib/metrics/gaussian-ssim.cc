// Separable filtering: each of the five local moments (x, y, x^2, y^2, xy) is filtered along
// rows, then along columns, over valid positions only (as Wang et al.'s reference code does with
// filter2(..., 'valid'), without its optional downsampling of large images).
#include "metrics/gaussian-ssim.h"

#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

// Samples are centred before squaring so that float keeps the variances exact enough: the
// moments of x - 128 have the same variance and covariance, and the mean is shifted back.
constexpr float kCentre = 128.0f;
constexpr int kMoments = 5;

} // namespace

std::array<float, kSsimWindow>
GaussianWindow1d()
{
    std::array<float, kSsimWindow> window{};
    double sum = 0;
    double weights[kSsimWindow];
    for (int i = 0; i < kSsimWindow; ++i)
    {
        double d = i - kSsimWindow / 2;
        weights[i] = std::exp(-d * d / (2 * kSsimSigma * kSsimSigma));
        sum += weights[i];
    }
    for (int i = 0; i < kSsimWindow; ++i)
    {
        window[i] = static_cast<float>(weights[i] / sum);
    }
    return window;
}

SsimTerms
GaussianSsimTerms(const float* a, const float* b, int width, int height)
{
    if (width < kSsimWindow || height < kSsimWindow)
    {
        throw std::invalid_argument("SSIM needs a plane of at least 11x11 samples");
    }
    const std::array<float, kSsimWindow> w = GaussianWindow1d();
    const int out_width = width - kSsimWindow + 1;
    const int out_height = height - kSsimWindow + 1;
    const std::size_t row_size = static_cast<std::size_t>(out_width);

    // Row-filtered moments of every input row.
    std::vector<float> rows(static_cast<std::size_t>(kMoments) * height * row_size, 0.0f);
    std::vector<float> x(width), y(width), xx(width), yy(width), xy(width);
    for (int r = 0; r < height; ++r)
    {
        const float* ar = a + static_cast<std::size_t>(r) * width;
        const float* br = b + static_cast<std::size_t>(r) * width;
        for (int i = 0; i < width; ++i)
        {
            x[i] = ar[i] - kCentre;
            y[i] = br[i] - kCentre;
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        const float* sources[kMoments] = {x.data(), y.data(), xx.data(), yy.data(), xy.data()};
        for (int m = 0; m < kMoments; ++m)
        {
            float* out = rows.data() + (static_cast<std::size_t>(m) * height + r) * row_size;
            const float* in = sources[m];
            for (int k = 0; k < kSsimWindow; ++k)
            {
                const float wk = w[k];
                for (int i = 0; i < out_width; ++i)
                {
                    out[i] += wk * in[i + k];
                }
            }
        }
    }

    const float c1 = static_cast<float>((kSsimK1 * kSsimPeak) * (kSsimK1 * kSsimPeak));
    const float c2 = static_cast<float>((kSsimK2 * kSsimPeak) * (kSsimK2 * kSsimPeak));
    std::vector<float> moments(static_cast<std::size_t>(kMoments) * row_size);
    double ssim_sum = 0;
    double cs_sum = 0;
    for (int r = 0; r < out_height; ++r)
    {
        // Column filtering of the window rows r .. r + 10.
        std::fill(moments.begin(), moments.end(), 0.0f);
        for (int m = 0; m < kMoments; ++m)
        {
            float* out = moments.data() + m * row_size;
            for (int k = 0; k < kSsimWindow; ++k)
            {
                const float wk = w[k];
                const float* in =
                    rows.data() + (static_cast<std::size_t>(m) * height + r + k) * row_size;
                for (int i = 0; i < out_width; ++i)
                {
                    out[i] += wk * in[i];
                }
            }
        }
        const float* mx = moments.data();
        const float* my = mx + row_size;
        const float* mxx = my + row_size;
        const float* myy = mxx + row_size;
        const float* mxy = myy + row_size;
        double row_ssim = 0;
        double row_cs = 0;
        for (int i = 0; i < out_width; ++i)
        {
            float var_x = mxx[i] - mx[i] * mx[i];
            float var_y = myy[i] - my[i] * my[i];
            float cov = mxy[i] - mx[i] * my[i];
            float mu_x = mx[i] + kCentre;
            float mu_y = my[i] + kCentre;
            float cs = (2 * cov + c2) / (var_x + var_y + c2);
            float l = (2 * mu_x * mu_y + c1) / (mu_x * mu_x + mu_y * mu_y + c1);
            row_ssim += l * cs;
            row_cs += cs;
        }
        ssim_sum += row_ssim;
        cs_sum += row_cs;
    }
    double positions = static_cast<double>(out_width) * out_height;
    return SsimTerms{ssim_sum / positions, cs_sum / positions};
}

std::vector<float>
ToFloatPlane(const std::uint8_t* samples, int width, int height)
{
    return std::vector<float>(samples, samples + static_cast<std::size_t>(width) * height);
}

} // namespace lvc
