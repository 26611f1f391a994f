#include "metrics/bjontegaard.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

/// The integral of a cubic from a to b.
double
IntegrateCubic(const std::vector<double>& c, double a, double b)
{
    auto primitive = [&](double x) {
        return c[0] * x + c[1] * x * x / 2 + c[2] * x * x * x / 3 + c[3] * x * x * x * x / 4;
    };
    return primitive(b) - primitive(a);
}

void
CheckCurve(const std::vector<RdPoint>& curve, const char* which)
{
    if (curve.size() < 4)
    {
        throw std::invalid_argument(std::string("Bjontegaard: the ") + which +
                                    " curve needs at least 4 points");
    }
    for (const RdPoint& p : curve)
    {
        if (!(p.rate > 0) || !std::isfinite(p.rate) || !std::isfinite(p.psnr_db))
        {
            throw std::invalid_argument(std::string("Bjontegaard: the ") + which +
                                        " curve has a rate <= 0 or a value that is not finite");
        }
    }
}

/// Mean difference fit_test(x) - fit_ref(x) over the common range of x, y = f(x) per curve.
double
MeanDifference(const std::vector<double>& x_ref,
               const std::vector<double>& y_ref,
               const std::vector<double>& x_test,
               const std::vector<double>& y_test)
{
    const double lo = std::max(*std::min_element(x_ref.begin(), x_ref.end()),
                               *std::min_element(x_test.begin(), x_test.end()));
    const double hi = std::min(*std::max_element(x_ref.begin(), x_ref.end()),
                               *std::max_element(x_test.begin(), x_test.end()));
    if (!(hi > lo))
    {
        throw std::invalid_argument("Bjontegaard: the two curves do not overlap");
    }
    const std::vector<double> c_ref = FitCubic(x_ref, y_ref);
    const std::vector<double> c_test = FitCubic(x_test, y_test);
    return (IntegrateCubic(c_test, lo, hi) - IntegrateCubic(c_ref, lo, hi)) / (hi - lo);
}

} // namespace

std::vector<double>
FitCubic(const std::vector<double>& x, const std::vector<double>& y)
{
    if (x.size() != y.size() || x.size() < 4)
    {
        throw std::invalid_argument("cubic fit: at least 4 points of (x, y) expected");
    }
    // Normal equations in a centred, scaled variable t = (x - m) / s (well conditioned), then
    // the polynomial re-expanded in x.
    double m = 0;
    for (double v : x)
    {
        m += v;
    }
    m /= static_cast<double>(x.size());
    double s = 0;
    for (double v : x)
    {
        s = std::max(s, std::fabs(v - m));
    }
    if (!(s > 0))
    {
        throw std::invalid_argument("cubic fit: the points share one x");
    }
    std::array<std::array<double, 5>, 4> a{}; // augmented 4x4 system
    for (std::size_t i = 0; i < x.size(); ++i)
    {
        const double t = (x[i] - m) / s;
        std::array<double, 4> powers{1, t, t * t, t * t * t};
        for (int r = 0; r < 4; ++r)
        {
            for (int c = 0; c < 4; ++c)
            {
                a[r][c] += powers[r] * powers[c];
            }
            a[r][4] += powers[r] * y[i];
        }
    }
    for (int col = 0; col < 4; ++col)
    {
        int pivot = col;
        for (int r = col + 1; r < 4; ++r)
        {
            if (std::fabs(a[r][col]) > std::fabs(a[pivot][col]))
            {
                pivot = r;
            }
        }
        std::swap(a[col], a[pivot]);
        if (std::fabs(a[col][col]) < 1e-12)
        {
            throw std::invalid_argument("cubic fit: fewer than 4 distinct x");
        }
        for (int r = 0; r < 4; ++r)
        {
            if (r == col)
            {
                continue;
            }
            const double f = a[r][col] / a[col][col];
            for (int c = col; c < 5; ++c)
            {
                a[r][c] -= f * a[col][c];
            }
        }
    }
    std::array<double, 4> b{};
    for (int r = 0; r < 4; ++r)
    {
        b[r] = a[r][4] / a[r][r];
    }
    // y = sum b_k ((x - m) / s)^k, expanded in powers of x.
    std::vector<double> c(4, 0);
    const double binomial[4][4] = {{1, 0, 0, 0}, {1, 1, 0, 0}, {1, 2, 1, 0}, {1, 3, 3, 1}};
    for (int k = 0; k < 4; ++k)
    {
        const double scale = b[k] / std::pow(s, k);
        for (int j = 0; j <= k; ++j)
        {
            // (x - m)^k = sum_j C(k, j) x^j (-m)^(k - j)
            c[static_cast<std::size_t>(j)] += scale * binomial[k][j] * std::pow(-m, k - j);
        }
    }
    return c;
}

double
BdRate(const std::vector<RdPoint>& reference, const std::vector<RdPoint>& test)
{
    CheckCurve(reference, "reference");
    CheckCurve(test, "test");
    auto split = [](const std::vector<RdPoint>& curve,
                    std::vector<double>& psnr,
                    std::vector<double>& log_rate) {
        for (const RdPoint& p : curve)
        {
            psnr.push_back(p.psnr_db);
            log_rate.push_back(std::log10(p.rate));
        }
    };
    std::vector<double> p_ref, r_ref, p_test, r_test;
    split(reference, p_ref, r_ref);
    split(test, p_test, r_test);
    return std::pow(10.0, MeanDifference(p_ref, r_ref, p_test, r_test)) - 1.0;
}

double
BdPsnr(const std::vector<RdPoint>& reference, const std::vector<RdPoint>& test)
{
    CheckCurve(reference, "reference");
    CheckCurve(test, "test");
    auto split = [](const std::vector<RdPoint>& curve,
                    std::vector<double>& log_rate,
                    std::vector<double>& psnr) {
        for (const RdPoint& p : curve)
        {
            log_rate.push_back(std::log10(p.rate));
            psnr.push_back(p.psnr_db);
        }
    };
    std::vector<double> r_ref, p_ref, r_test, p_test;
    split(reference, r_ref, p_ref);
    split(test, r_test, p_test);
    return MeanDifference(r_ref, p_ref, r_test, p_test);
}

} // namespace lvc
