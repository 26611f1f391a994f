#include "wavelet/motion-syntax.h"

#include "wavelet/motion-search.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace lvc
{

int
CodeSignedValue(SymbolCoder& io,
                AdaptiveBitModel& zero,
                AdaptiveBitModel& sign,
                std::array<AdaptiveBitModel, MotionSyntaxModels::kMaxPrefix>& prefix,
                std::array<AdaptiveBitModel, MotionSyntaxModels::kMaxPrefix>& suffix,
                int value)
{
    if (io.Code(zero, value == 0 ? 1 : 0) == 1)
    {
        return 0;
    }
    const int negative = io.Code(sign, value < 0 ? 1 : 0);
    const auto magnitude = static_cast<std::uint32_t>(std::abs(value));
    int length = 0;
    if (io.Encoding())
    {
        while ((magnitude >> (length + 1)) != 0)
        {
            ++length;
        }
    }
    int n = 0;
    while (true)
    {
        if (n >= MotionSyntaxModels::kMaxPrefix)
        {
            throw std::runtime_error("a coded value out of range");
        }
        if (io.Code(prefix[static_cast<std::size_t>(n)], n < length ? 1 : 0) == 0)
        {
            break;
        }
        ++n;
    }
    std::uint32_t out = 1;
    for (int b = n - 1; b >= 0; --b)
    {
        const int bit =
            io.Code(suffix[static_cast<std::size_t>(b)], static_cast<int>((magnitude >> b) & 1U));
        out = (out << 1) | static_cast<std::uint32_t>(bit);
    }
    const int v = static_cast<int>(out);
    return negative ? -v : v;
}

MotionNeighbourhood::MotionNeighbourhood(const MotionGrid& grid)
    : m_grid(grid),
      m_coded(grid.blocks.size(), 0)
{
}

void
MotionNeighbourhood::MarkCoded(int bx, int by, int size, bool coded)
{
    for (int y = by; y < std::min(by + size, m_grid.rows); ++y)
    {
        for (int x = bx; x < std::min(bx + size, m_grid.cols); ++x)
        {
            m_coded[static_cast<std::size_t>(y) * m_grid.cols + x] = coded ? 1 : 0;
        }
    }
}

bool
MotionNeighbourhood::IsCoded(int bx, int by) const
{
    return bx >= 0 && by >= 0 && bx < m_grid.cols && by < m_grid.rows &&
           m_coded[static_cast<std::size_t>(by) * m_grid.cols + bx];
}

MotionVector
MotionNeighbourhood::Predictor(int bx, int by, int size, int r) const
{
    auto get = [&](int x, int y, MotionVector& v) -> bool {
        if (!IsCoded(x, y) || !m_grid.At(x, y).Uses(r))
        {
            return false;
        }
        v = m_grid.At(x, y).mv[static_cast<std::size_t>(r)];
        return true;
    };
    MotionVector found[3];
    int n = 0;
    if (get(bx - 1, by, found[n]))
    {
        ++n;
    }
    if (get(bx, by - 1, found[n]))
    {
        ++n;
    }
    if (get(bx + size, by - 1, found[n]) || get(bx - 1, by - 1, found[n]))
    {
        ++n;
    }
    if (n == 3)
    {
        return Median(found[0], found[1], found[2]);
    }
    return n == 0 ? MotionVector{} : found[0];
}

std::vector<BlockMotion>
MotionNeighbourhood::MergeCandidates(int bx, int by) const
{
    std::vector<BlockMotion> out;
    if (IsCoded(bx - 1, by))
    {
        out.push_back(m_grid.At(bx - 1, by));
    }
    if (IsCoded(bx, by - 1) && (out.empty() || !(out[0] == m_grid.At(bx, by - 1))))
    {
        out.push_back(m_grid.At(bx, by - 1));
    }
    return out;
}

int
MotionNeighbourhood::ModeCount(int bx, int by, PredictionMode mode) const
{
    return (IsCoded(bx - 1, by) && m_grid.At(bx - 1, by).mode == mode ? 1 : 0) +
           (IsCoded(bx, by - 1) && m_grid.At(bx, by - 1).mode == mode ? 1 : 0);
}

int
MotionNeighbourhood::SmallerNeighbours(int bx, int by, int size) const
{
    auto smaller = [&](int x, int y) {
        return IsCoded(x, y) &&
                       m_grid.leaf_blocks[static_cast<std::size_t>(y) * m_grid.cols + x] < size
                   ? 1
                   : 0;
    };
    return smaller(bx - 1, by) + smaller(bx, by - 1);
}

namespace
{

int
SizeIndex(int size)
{
    return size == 4 ? 0 : (size == 2 ? 1 : 2);
}

class MotionCoder
{
  public:
    MotionCoder(SymbolCoder& io, MotionSyntaxModels& m, MotionGrid& grid)
        : m_io(io),
          m_m(m),
          m_grid(grid),
          m_nb(grid)
    {
    }

    void Node(int bx, int by, int size)
    {
        if (bx >= m_grid.cols || by >= m_grid.rows)
        {
            return;
        }
        bool split = false;
        if (size > 1)
        {
            if (bx + size > m_grid.cols || by + size > m_grid.rows)
            {
                split = true;
            }
            else
            {
                const int want =
                    m_io.Encoding() && m_grid.leaf_blocks[Index(bx, by)] < size ? 1 : 0;
                const int ctx = SizeIndex(size) * 3 + m_nb.SmallerNeighbours(bx, by, size);
                split = m_io.Code(m_m.split[static_cast<std::size_t>(ctx)], want) == 1;
            }
        }
        if (split)
        {
            const int half = size / 2;
            Node(bx, by, half);
            Node(bx + half, by, half);
            Node(bx, by + half, half);
            Node(bx + half, by + half, half);
            return;
        }
        Leaf(bx, by, size);
    }

  private:
    std::size_t Index(int bx, int by) const
    {
        return static_cast<std::size_t>(by) * m_grid.cols + bx;
    }

    void Leaf(int bx, int by, int size)
    {
        BlockMotion b = m_io.Encoding() ? m_grid.At(bx, by) : BlockMotion{};
        const std::vector<BlockMotion> candidates = m_nb.MergeCandidates(bx, by);
        bool merged = false;
        if (!candidates.empty())
        {
            int which = -1;
            for (std::size_t i = 0; i < candidates.size() && m_io.Encoding(); ++i)
            {
                if (candidates[i] == b && which < 0)
                {
                    which = static_cast<int>(i);
                }
            }
            const int ctx = SizeIndex(size) * 2 + static_cast<int>(candidates.size()) - 1;
            merged = m_io.Code(m_m.merge[static_cast<std::size_t>(ctx)], which >= 0 ? 1 : 0) == 1;
            if (merged)
            {
                const int index =
                    candidates.size() > 1 ? m_io.Code(m_m.merge_index, which > 0 ? 1 : 0) : 0;
                b = candidates[static_cast<std::size_t>(index)];
            }
        }
        if (!merged)
        {
            if (m_grid.bidirectional)
            {
                const int both = m_io.Code(m_m.both[static_cast<std::size_t>(
                                               m_nb.ModeCount(bx, by, PredictionMode::kBoth))],
                                           b.mode == PredictionMode::kBoth ? 1 : 0);
                if (both)
                {
                    b.mode = PredictionMode::kBoth;
                }
                else
                {
                    const int future =
                        m_io.Code(m_m.future[static_cast<std::size_t>(
                                      m_nb.ModeCount(bx, by, PredictionMode::kFuture))],
                                  b.mode == PredictionMode::kFuture ? 1 : 0);
                    b.mode = future ? PredictionMode::kFuture : PredictionMode::kPast;
                }
            }
            else
            {
                b.mode = PredictionMode::kPast;
            }
            for (int r = 0; r < 2; ++r)
            {
                const auto ri = static_cast<std::size_t>(r);
                if (!b.Uses(r))
                {
                    b.mv[ri] = MotionVector{};
                    continue;
                }
                const MotionVector pred = m_nb.Predictor(bx, by, size, r);
                MotionVector& v = b.mv[ri];
                const int dx = CodeSignedValue(m_io,
                                               m_m.zero[ri][0],
                                               m_m.sign[ri][0],
                                               m_m.prefix[ri][0],
                                               m_m.suffix[ri][0],
                                               v.x - pred.x);
                const int dy = CodeSignedValue(m_io,
                                               m_m.zero[ri][1],
                                               m_m.sign[ri][1],
                                               m_m.prefix[ri][1],
                                               m_m.suffix[ri][1],
                                               v.y - pred.y);
                v = MotionVector{pred.x + dx, pred.y + dy};
                if (std::abs(v.x) > MotionGrid::kMaxVector_qpel ||
                    std::abs(v.y) > MotionGrid::kMaxVector_qpel)
                {
                    throw std::runtime_error("a motion vector out of range");
                }
            }
        }
        m_grid.SetLeaf(bx, by, size, b);
        m_nb.MarkCoded(bx, by, size, true);
    }

    SymbolCoder& m_io;
    MotionSyntaxModels& m_m;
    MotionGrid& m_grid;
    MotionNeighbourhood m_nb;
};

} // namespace

void
CodeMotion(SymbolCoder& io, MotionSyntaxModels& models, MotionGrid& grid)
{
    MotionCoder coder(io, models, grid);
    for (int ty = 0; ty < grid.TreeRows(); ++ty)
    {
        for (int tx = 0; tx < grid.TreeCols(); ++tx)
        {
            coder.Node(tx * MotionGrid::kTreeBlocks,
                       ty * MotionGrid::kTreeBlocks,
                       MotionGrid::kTreeBlocks);
        }
    }
}

} // namespace lvc
