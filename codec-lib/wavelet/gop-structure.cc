#include "wavelet/gop-structure.h"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <utility>

namespace lvc
{

GopStructure
GopStructure::Of(int frames, int gop_frames, const std::vector<int>& cuts)
{
    if (frames < 1 || gop_frames < 0 || gop_frames > kMaxGopFrames)
    {
        throw std::invalid_argument("GOP structure: bad frame count or GOP size");
    }
    for (std::size_t i = 0; i < cuts.size(); ++i)
    {
        if (cuts[i] < 1 || cuts[i] >= frames || (i > 0 && cuts[i] <= cuts[i - 1]))
        {
            throw std::invalid_argument("GOP structure: scene cuts must increase within the chunk");
        }
    }
    GopStructure g;
    g.frames = frames;
    g.past.assign(static_cast<std::size_t>(frames), -1);
    g.future.assign(static_cast<std::size_t>(frames), -1);
    g.key.assign(static_cast<std::size_t>(frames), 0);
    if (gop_frames <= 1)
    {
        for (int f = 0; f < frames; ++f)
        {
            g.coding_order.push_back(f);
            g.key[static_cast<std::size_t>(f)] = 1;
        }
        return g;
    }
    auto is_cut = [&](int f) { return std::binary_search(cuts.begin(), cuts.end(), f); };
    // Keys.
    std::vector<int> keys{0};
    while (keys.back() < frames - 1)
    {
        const int a = keys.back();
        int next = std::min(a + gop_frames, frames - 1);
        auto cut = std::upper_bound(cuts.begin(), cuts.end(), a);
        if (cut != cuts.end() && *cut < next)
        {
            next = *cut;
        }
        keys.push_back(next);
    }
    g.coding_order.push_back(0);
    for (int k : keys)
    {
        g.key[static_cast<std::size_t>(k)] = 1;
    }
    for (std::size_t k = 1; k < keys.size(); ++k)
    {
        const int a = keys[k - 1];
        const int b = keys[k];
        const bool b_is_cut = is_cut(b);
        if (!b_is_cut)
        {
            g.past[static_cast<std::size_t>(b)] = a;
        }
        g.coding_order.push_back(b);
        // Frames between a and b, the middle of each interval first (breadth first).
        std::deque<std::pair<int, int>> intervals{{a, b}};
        while (!intervals.empty())
        {
            const auto [lo, hi] = intervals.front();
            intervals.pop_front();
            if (hi - lo < 2)
            {
                continue;
            }
            const int m = (lo + hi) / 2;
            g.past[static_cast<std::size_t>(m)] = lo;
            g.future[static_cast<std::size_t>(m)] = hi == b && b_is_cut ? -1 : hi;
            g.coding_order.push_back(m);
            intervals.emplace_back(lo, m);
            intervals.emplace_back(m, hi);
        }
    }
    return g;
}

int
GopStructure::Span(int frame) const
{
    const auto f = static_cast<std::size_t>(frame);
    if (key[f])
    {
        return 0;
    }
    return future[f] >= 0 ? future[f] - past[f] : 2 * (frame - past[f]);
}

std::vector<double>
DistortionWeights(const GopStructure& gop, const std::vector<std::array<double, 2>>& shares)
{
    const auto n = static_cast<std::size_t>(gop.frames);
    if (shares.size() != n)
    {
        throw std::invalid_argument("distortion weights: one share pair per frame expected");
    }
    std::vector<double> weights(n, 0);
    std::vector<double> amplitude(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        const int f = gop.coding_order[i];
        std::fill(amplitude.begin(), amplitude.end(), 0.0);
        amplitude[static_cast<std::size_t>(f)] = 1;
        double sum = 1;
        for (std::size_t j = i + 1; j < n; ++j)
        {
            const auto d = static_cast<std::size_t>(gop.coding_order[j]);
            double a = 0;
            if (gop.past[d] >= 0)
            {
                a += shares[d][0] * amplitude[static_cast<std::size_t>(gop.past[d])];
            }
            if (gop.future[d] >= 0)
            {
                a += shares[d][1] * amplitude[static_cast<std::size_t>(gop.future[d])];
            }
            amplitude[d] = a;
            sum += a * a;
        }
        weights[static_cast<std::size_t>(f)] = sum;
    }
    return weights;
}

} // namespace lvc
