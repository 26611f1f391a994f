#include "wavelet/cdf97.h"

#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace lvc
{

namespace
{

// Lifting coefficients of the CDF 9/7 wavelet (Daubechies and Sweldens 1998; JPEG 2000 Part 1).
constexpr float kAlpha = -1.586134342059924F;
constexpr float kBeta = -0.052980118572961F;
constexpr float kGamma = 0.882911075530934F;
constexpr float kDelta = 0.443506852043971F;
constexpr float kScale = 1.230174104914001F;

/// One lifting step on the interleaved signal: x[i] += c (x[i-1] + x[i+1]) for i of the given
/// parity, with whole-sample symmetric extension (x[-1] = x[1], x[n] = x[n-2]).
void
Lift(float* x, int n, int parity, float c)
{
    for (int i = parity; i < n; i += 2)
    {
        const float left = i > 0 ? x[i - 1] : x[1];
        const float right = i + 1 < n ? x[i + 1] : x[i - 1];
        x[i] += c * (left + right);
    }
}

/// Analysis of one line of n >= 2 samples: lows to out[0..ceil(n/2)), highs after them.
void
Analyse(float* x, int n, float* out)
{
    Lift(x, n, 1, kAlpha);
    Lift(x, n, 0, kBeta);
    Lift(x, n, 1, kGamma);
    Lift(x, n, 0, kDelta);
    const int lows = (n + 1) / 2;
    for (int i = 0; i < n; ++i)
    {
        if (i % 2 == 0)
        {
            out[i / 2] = x[i] / kScale;
        }
        else
        {
            out[lows + i / 2] = x[i] * kScale;
        }
    }
}

/// Synthesis: the inverse of Analyse (in: lows then highs; out: the interleaved signal).
void
Synthesise(const float* in, int n, float* x)
{
    const int lows = (n + 1) / 2;
    for (int i = 0; i < n; ++i)
    {
        x[i] = i % 2 == 0 ? in[i / 2] * kScale : in[lows + i / 2] / kScale;
    }
    Lift(x, n, 0, -kDelta);
    Lift(x, n, 1, -kGamma);
    Lift(x, n, 0, -kBeta);
    Lift(x, n, 1, -kAlpha);
}

/// Applies a line transform to the rows and then the columns (forward) of the top-left
/// w x h region, or to the columns and then the rows (inverse).
void
TransformRegion(FloatPlane& plane, int w, int h, bool forward)
{
    std::vector<float> line(static_cast<std::size_t>(std::max(w, h)));
    std::vector<float> out(line.size());
    auto rows = [&]() {
        if (w < 2)
        {
            return;
        }
        for (int y = 0; y < h; ++y)
        {
            float* row = plane.Row(y);
            if (forward)
            {
                std::copy(row, row + w, line.begin());
                Analyse(line.data(), w, row);
            }
            else
            {
                std::copy(row, row + w, out.begin());
                Synthesise(out.data(), w, row);
            }
        }
    };
    // Columns: the same lifting steps applied to whole rows at once (every column in step,
    // the inner loops vectorise), then the rows reordered (lows on top), or the reverse.
    auto columns = [&]() {
        if (h < 2)
        {
            return;
        }
        auto row = [&](int y) { return plane.Row(y); };
        auto lift = [&](int parity, float c) {
            for (int y = parity; y < h; y += 2)
            {
                const float* above = row(y > 0 ? y - 1 : 1);
                const float* below = row(y + 1 < h ? y + 1 : y - 1);
                float* r = row(y);
                for (int x = 0; x < w; ++x)
                {
                    r[x] += c * (above[x] + below[x]);
                }
            }
        };
        // The rows of a parity multiplied or divided by K (as Analyse and Synthesise do).
        auto scale = [&](int parity, bool divide) {
            for (int y = parity; y < h; y += 2)
            {
                float* r = row(y);
                for (int x = 0; x < w; ++x)
                {
                    r[x] = divide ? r[x] / kScale : r[x] * kScale;
                }
            }
        };
        std::vector<float> region(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
        const int lows = (h + 1) / 2;
        if (forward)
        {
            lift(1, kAlpha);
            lift(0, kBeta);
            lift(1, kGamma);
            lift(0, kDelta);
            scale(0, true);
            scale(1, false);
            for (int y = 0; y < h; ++y)
            {
                const int to = y % 2 == 0 ? y / 2 : lows + y / 2;
                std::copy(row(y), row(y) + w, region.begin() + static_cast<std::ptrdiff_t>(to) * w);
            }
            for (int y = 0; y < h; ++y)
            {
                std::copy(region.begin() + static_cast<std::ptrdiff_t>(y) * w,
                          region.begin() + static_cast<std::ptrdiff_t>(y + 1) * w,
                          row(y));
            }
        }
        else
        {
            for (int y = 0; y < h; ++y)
            {
                const int from = y % 2 == 0 ? y / 2 : lows + y / 2;
                std::copy(row(from),
                          row(from) + w,
                          region.begin() + static_cast<std::ptrdiff_t>(y) * w);
            }
            for (int y = 0; y < h; ++y)
            {
                std::copy(region.begin() + static_cast<std::ptrdiff_t>(y) * w,
                          region.begin() + static_cast<std::ptrdiff_t>(y + 1) * w,
                          row(y));
            }
            scale(0, false);
            scale(1, true);
            lift(0, -kDelta);
            lift(1, -kGamma);
            lift(0, -kBeta);
            lift(1, -kAlpha);
        }
    };
    if (forward)
    {
        rows();
        columns();
    }
    else
    {
        columns();
        rows();
    }
}

void
CheckLevels(const FloatPlane& plane, int levels)
{
    if (levels < 0 || plane.width < 1 || plane.height < 1 ||
        plane.samples.size() != static_cast<std::size_t>(plane.width) * plane.height)
    {
        throw std::invalid_argument("wavelet transform: bad plane or level count");
    }
}

} // namespace

std::vector<Subband>
SubbandsOf(int width, int height, int levels)
{
    std::vector<int> w{width};
    std::vector<int> h{height};
    for (int l = 0; l < levels; ++l)
    {
        w.push_back((w.back() + 1) / 2);
        h.push_back((h.back() + 1) / 2);
    }
    std::vector<Subband> bands;
    bands.push_back(Subband{levels, Orientation::kLL, 0, 0, w[levels], h[levels]});
    for (int l = levels; l >= 1; --l)
    {
        const int lw = w[l];
        const int lh = h[l];
        const int hw = w[l - 1] - lw;
        const int hh = h[l - 1] - lh;
        const std::array<Subband, 3> details{Subband{l, Orientation::kHL, lw, 0, hw, lh},
                                             Subband{l, Orientation::kLH, 0, lh, lw, hh},
                                             Subband{l, Orientation::kHH, lw, lh, hw, hh}};
        for (const Subband& b : details)
        {
            if (b.width > 0 && b.height > 0)
            {
                bands.push_back(b);
            }
        }
    }
    return bands;
}

int
LevelsFor(int width, int height, int min_side, int cap)
{
    int levels = 0;
    while (levels < cap && (width + 1) / 2 >= min_side && (height + 1) / 2 >= min_side)
    {
        width = (width + 1) / 2;
        height = (height + 1) / 2;
        ++levels;
    }
    return levels;
}

void
ForwardCdf97(FloatPlane& plane, int levels)
{
    CheckLevels(plane, levels);
    int w = plane.width;
    int h = plane.height;
    for (int l = 0; l < levels; ++l)
    {
        TransformRegion(plane, w, h, true);
        w = (w + 1) / 2;
        h = (h + 1) / 2;
    }
}

void
InverseCdf97(FloatPlane& plane, int levels)
{
    CheckLevels(plane, levels);
    std::vector<std::pair<int, int>> sizes{{plane.width, plane.height}};
    for (int l = 1; l < levels; ++l)
    {
        sizes.emplace_back((sizes.back().first + 1) / 2, (sizes.back().second + 1) / 2);
    }
    for (int l = levels - 1; l >= 0; --l)
    {
        TransformRegion(plane, sizes[l].first, sizes[l].second, false);
    }
}

double
SynthesisGain(int level, Orientation orientation)
{
    static std::mutex mutex;
    static std::map<std::pair<int, int>, double> cache;
    const std::pair<int, int> key{level, static_cast<int>(orientation)};
    std::lock_guard<std::mutex> lock(mutex);
    auto found = cache.find(key);
    if (found != cache.end())
    {
        return found->second;
    }
    if (level < 1 || level > 12)
    {
        throw std::invalid_argument("wavelet transform: no synthesis gain for that level");
    }
    const int side = 16 << level;
    FloatPlane plane(side, side);
    for (const Subband& b : SubbandsOf(side, side, level))
    {
        if (b.level == level && b.orientation == orientation)
        {
            plane.At(b.x0 + b.width / 2, b.y0 + b.height / 2) = 1.0F;
        }
    }
    InverseCdf97(plane, level);
    double energy = 0;
    for (float v : plane.samples)
    {
        energy += static_cast<double>(v) * v;
    }
    const double gain = std::sqrt(energy);
    cache.emplace(key, gain);
    return gain;
}

} // namespace lvc
