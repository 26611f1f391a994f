#include "wavelet/motion-search.h"

#include "wavelet/motion-syntax.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace lvc
{

namespace
{

constexpr int kCoarse = 4; ///< downsampling of the coarse search

FloatPlane
Downsample(const FloatPlane& p)
{
    FloatPlane out((p.width + kCoarse - 1) / kCoarse, (p.height + kCoarse - 1) / kCoarse);
    for (int y = 0; y < out.height; ++y)
    {
        for (int x = 0; x < out.width; ++x)
        {
            float sum = 0;
            int n = 0;
            for (int dy = 0; dy < kCoarse; ++dy)
            {
                for (int dx = 0; dx < kCoarse; ++dx)
                {
                    const int sx = x * kCoarse + dx;
                    const int sy = y * kCoarse + dy;
                    if (sx < p.width && sy < p.height)
                    {
                        sum += p.At(sx, sy);
                        ++n;
                    }
                }
            }
            out.At(x, y) = sum / static_cast<float>(n);
        }
    }
    return out;
}

struct Rect
{
    int x0;
    int y0;
    int w;
    int h;
};

double
Sad(const FloatPlane& t, const QpelPlane& r, const Rect& b, MotionVector mv)
{
    double sum = 0;
    for (int y = 0; y < b.h; ++y)
    {
        const float* tr = t.Row(b.y0 + y) + b.x0;
        const float* rr = r.Row(b.x0, b.y0 + y, mv.x, mv.y);
        float row = 0;
        for (int x = 0; x < b.w; ++x)
        {
            row += std::fabs(tr[x] - rr[x]);
        }
        sum += row;
    }
    return sum;
}

double
SadBoth(const FloatPlane& t,
        const QpelPlane& r0,
        const QpelPlane& r1,
        const Rect& b,
        MotionVector mv0,
        MotionVector mv1)
{
    double sum = 0;
    for (int y = 0; y < b.h; ++y)
    {
        const float* tr = t.Row(b.y0 + y) + b.x0;
        const float* a = r0.Row(b.x0, b.y0 + y, mv0.x, mv0.y);
        const float* c = r1.Row(b.x0, b.y0 + y, mv1.x, mv1.y);
        float row = 0;
        for (int x = 0; x < b.w; ++x)
        {
            row += std::fabs(tr[x] - 0.5F * (a[x] + c[x]));
        }
        sum += row;
    }
    return sum;
}

MotionVector
ClampVector(MotionVector v)
{
    const int m = MotionGrid::kMaxVector_qpel;
    return MotionVector{std::clamp(v.x, -m, m), std::clamp(v.y, -m, m)};
}

/// Searches one block against one reference; returns the best vector and its cost.
struct Found
{
    MotionVector mv;
    double sad = std::numeric_limits<double>::max();
    double cost = std::numeric_limits<double>::max();
};

class BlockSearch
{
  public:
    BlockSearch(const FloatPlane& target,
                const QpelPlane& ref,
                const Rect& block,
                MotionVector pred,
                double lambda)
        : m_target(target),
          m_ref(ref),
          m_block(block),
          m_pred(pred),
          m_lambda(lambda)
    {
    }

    void Try(MotionVector v)
    {
        v = ClampVector(v);
        const double sad = Sad(m_target, m_ref, m_block, v);
        const double cost =
            sad + m_lambda * VectorBits(MotionVector{v.x - m_pred.x, v.y - m_pred.y});
        if (cost < m_best.cost)
        {
            m_best = Found{v, sad, cost};
        }
    }

    /// Integer steps around the best (a small diamond until it stops moving), then the eight
    /// half- and quarter-sample neighbours.
    void Refine(int integer_steps)
    {
        for (int i = 0; i < integer_steps; ++i)
        {
            const MotionVector c = m_best.mv;
            for (const auto& [dx, dy] : {std::pair{4, 0}, {-4, 0}, {0, 4}, {0, -4}})
            {
                Try(MotionVector{c.x + dx, c.y + dy});
            }
            if (m_best.mv == c)
            {
                break;
            }
        }
        for (int step : {2, 1})
        {
            const MotionVector c = m_best.mv;
            for (int dy = -step; dy <= step; dy += step)
            {
                for (int dx = -step; dx <= step; dx += step)
                {
                    if (dx != 0 || dy != 0)
                    {
                        Try(MotionVector{c.x + dx, c.y + dy});
                    }
                }
            }
        }
    }

    const Found& Best() const
    {
        return m_best;
    }

  private:
    const FloatPlane& m_target;
    const QpelPlane& m_ref;
    Rect m_block;
    MotionVector m_pred;
    double m_lambda;
    Found m_best;
};

MotionVector
CoarseSearch(const FloatPlane& target, const FloatPlane& ref, const Rect& block, int range)
{
    const int bx = block.x0 / kCoarse;
    const int by = block.y0 / kCoarse;
    const int bw = std::max(1, (block.w + kCoarse - 1) / kCoarse);
    const int bh = std::max(1, (block.h + kCoarse - 1) / kCoarse);
    double best = std::numeric_limits<double>::max();
    MotionVector best_v;
    for (int dy = -range; dy <= range; ++dy)
    {
        for (int dx = -range; dx <= range; ++dx)
        {
            double sad = 0;
            for (int y = 0; y < bh && by + y < target.height; ++y)
            {
                const int ry = std::clamp(by + y + dy, 0, ref.height - 1);
                for (int x = 0; x < bw && bx + x < target.width; ++x)
                {
                    const int rx = std::clamp(bx + x + dx, 0, ref.width - 1);
                    sad += std::fabs(target.At(bx + x, by + y) - ref.At(rx, ry));
                }
            }
            // A slight preference for short vectors breaks ties on flat areas.
            sad += 0.01 * (std::abs(dx) + std::abs(dy));
            if (sad < best)
            {
                best = sad;
                best_v = MotionVector{dx * kCoarse * 4, dy * kCoarse * 4};
            }
        }
    }
    return best_v;
}

} // namespace

double
VectorBits(MotionVector d)
{
    auto component = [](int v) -> double {
        if (v == 0)
        {
            return 1;
        }
        const int a = std::abs(v);
        int log = 0;
        while ((a >> (log + 1)) != 0)
        {
            ++log;
        }
        return 2.0 * log + 3;
    };
    return component(d.x) + component(d.y);
}

MotionVector
Median(MotionVector a, MotionVector b, MotionVector c)
{
    auto med = [](int x, int y, int z) {
        return std::max(std::min(x, y), std::min(std::max(x, y), z));
    };
    return MotionVector{med(a.x, b.x, c.x), med(a.y, b.y, c.y)};
}

namespace
{

/// The quadtree search over one picture, in the syntax's order.
class TreeSearch
{
  public:
    TreeSearch(const FloatPlane& target,
               const SearchReference& past,
               const SearchReference& future,
               const MotionSearchOptions& options,
               MotionGrid& grid)
        : m_target(target),
          m_refs{past, future},
          m_lambda(options.lambda),
          m_grid(grid),
          m_nb(grid),
          m_nrefs(future.luma != nullptr ? 2 : 1)
    {
        // A coarse full search per 16x16 block and reference: the starting points.
        const FloatPlane coarse_target = Downsample(target);
        const int range = std::min(options.range_px, MotionGrid::kMaxVector_qpel / 4) / kCoarse;
        m_coarse_cols = (grid.cols + 1) / 2;
        const int coarse_rows = (grid.rows + 1) / 2;
        for (int r = 0; r < m_nrefs; ++r)
        {
            const FloatPlane coarse_ref = Downsample(*m_refs[static_cast<std::size_t>(r)].luma);
            auto& starts = m_coarse[static_cast<std::size_t>(r)];
            for (int y = 0; y < coarse_rows; ++y)
            {
                for (int x = 0; x < m_coarse_cols; ++x)
                {
                    starts.push_back(
                        CoarseSearch(coarse_target, coarse_ref, BlockRect(2 * x, 2 * y, 2), range));
                }
            }
        }
    }

    /// Searches the node of `size` blocks at (bx, by), leaves the best choice in the grid and
    /// returns its cost.
    double Node(int bx, int by, int size)
    {
        if (bx >= m_grid.cols || by >= m_grid.rows)
        {
            return 0;
        }
        const bool must_split = size > 1 && (bx + size > m_grid.cols || by + size > m_grid.rows);
        double leaf_cost = std::numeric_limits<double>::max();
        BlockMotion leaf;
        if (!must_split)
        {
            leaf_cost = BestLeaf(bx, by, size, leaf) + (size > 1 ? m_lambda : 0);
        }
        if (size == 1)
        {
            Apply(bx, by, size, leaf);
            return leaf_cost;
        }
        // The children, searched in place; overwritten when the leaf is cheaper.
        const int half = size / 2;
        double split_cost = must_split ? 0 : m_lambda;
        split_cost += Node(bx, by, half);
        split_cost += Node(bx + half, by, half);
        split_cost += Node(bx, by + half, half);
        split_cost += Node(bx + half, by + half, half);
        if (split_cost < leaf_cost)
        {
            return split_cost;
        }
        Apply(bx, by, size, leaf);
        return leaf_cost;
    }

  private:
    Rect BlockRect(int bx, int by, int size) const
    {
        const int x0 = bx * MotionGrid::kBlock;
        const int y0 = by * MotionGrid::kBlock;
        return Rect{x0,
                    y0,
                    std::min(size * MotionGrid::kBlock, m_target.width - x0),
                    std::min(size * MotionGrid::kBlock, m_target.height - y0)};
    }

    void Apply(int bx, int by, int size, const BlockMotion& motion)
    {
        m_grid.SetLeaf(bx, by, size, motion);
        m_nb.MarkCoded(bx, by, size, true);
    }

    double PredictionSad(const Rect& rect, const BlockMotion& b) const
    {
        if (b.mode == PredictionMode::kBoth)
        {
            return SadBoth(m_target, *m_refs[0].qpel, *m_refs[1].qpel, rect, b.mv[0], b.mv[1]);
        }
        const int r = static_cast<int>(b.mode);
        return Sad(m_target,
                   *m_refs[static_cast<std::size_t>(r)].qpel,
                   rect,
                   b.mv[static_cast<std::size_t>(r)]);
    }

    double BestLeaf(int bx, int by, int size, BlockMotion& out)
    {
        const Rect rect = BlockRect(bx, by, size);
        const std::vector<BlockMotion> candidates = m_nb.MergeCandidates(bx, by);
        const double merge_flag = candidates.empty() ? 0 : 1;
        double best = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < candidates.size(); ++i)
        {
            const double cost = PredictionSad(rect, candidates[i]) +
                                m_lambda * (1 + (candidates.size() > 1 ? 1 : 0));
            if (cost < best)
            {
                best = cost;
                out = candidates[i];
            }
        }
        std::array<Found, 2> found;
        std::array<MotionVector, 2> preds{};
        for (int r = 0; r < m_nrefs; ++r)
        {
            const auto ri = static_cast<std::size_t>(r);
            preds[ri] = m_nb.Predictor(bx, by, size, r);
            BlockSearch search(m_target, *m_refs[ri].qpel, rect, preds[ri], m_lambda);
            search.Try(MotionVector{});
            search.Try(preds[ri]);
            for (const BlockMotion& c : candidates)
            {
                if (c.Uses(r))
                {
                    search.Try(c.mv[ri]);
                }
            }
            // Coarse starts of the 16x16 blocks this node covers (or lies in).
            const int cx0 = bx / 2;
            const int cy0 = by / 2;
            const int span = std::max(1, size / 2);
            for (int cy = cy0; cy < cy0 + span; ++cy)
            {
                for (int cx = cx0; cx < cx0 + span; ++cx)
                {
                    if (cx < m_coarse_cols &&
                        static_cast<std::size_t>(cy * m_coarse_cols + cx) < m_coarse[ri].size())
                    {
                        search.Try(m_coarse[ri][static_cast<std::size_t>(cy * m_coarse_cols + cx)]);
                    }
                }
            }
            const MotionVector start = search.Best().mv;
            search.Try(MotionVector{(start.x + 2) & ~3, (start.y + 2) & ~3});
            search.Refine(size > 1 ? 16 : 4);
            found[ri] = search.Best();
        }
        const double mode_bits_past = m_nrefs == 2 ? 2 : 0;
        auto consider = [&](double cost, const BlockMotion& b) {
            if (cost < best)
            {
                best = cost;
                out = b;
            }
        };
        BlockMotion b;
        b.mode = PredictionMode::kPast;
        b.mv = {found[0].mv, MotionVector{}};
        consider(found[0].cost + m_lambda * (merge_flag + mode_bits_past), b);
        if (m_nrefs == 2)
        {
            b.mode = PredictionMode::kFuture;
            b.mv = {MotionVector{}, found[1].mv};
            consider(found[1].cost + m_lambda * (merge_flag + 2), b);
            b.mode = PredictionMode::kBoth;
            b.mv = {found[0].mv, found[1].mv};
            const double bits =
                VectorBits(MotionVector{found[0].mv.x - preds[0].x, found[0].mv.y - preds[0].y}) +
                VectorBits(MotionVector{found[1].mv.x - preds[1].x, found[1].mv.y - preds[1].y});
            consider(PredictionSad(rect, b) + m_lambda * (merge_flag + 1 + bits), b);
        }
        return best;
    }

    const FloatPlane& m_target;
    std::array<SearchReference, 2> m_refs;
    double m_lambda;
    MotionGrid& m_grid;
    MotionNeighbourhood m_nb;
    int m_nrefs;
    int m_coarse_cols = 0;
    std::array<std::vector<MotionVector>, 2> m_coarse;
};

} // namespace

MotionGrid
SearchMotion(const FloatPlane& target,
             const SearchReference& past,
             const SearchReference& future,
             const MotionSearchOptions& options)
{
    MotionGrid grid(target.width, target.height, future.luma != nullptr);
    TreeSearch search(target, past, future, options, grid);
    for (int ty = 0; ty < grid.TreeRows(); ++ty)
    {
        for (int tx = 0; tx < grid.TreeCols(); ++tx)
        {
            search.Node(tx * MotionGrid::kTreeBlocks,
                        ty * MotionGrid::kTreeBlocks,
                        MotionGrid::kTreeBlocks);
        }
    }
    return grid;
}

} // namespace lvc
