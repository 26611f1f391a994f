#include "interp/motion-coder.h"

#include "entropy/binary-arithmetic-coder.h"
#include "interp/motion-bit-coder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace lvc
{

namespace
{

constexpr int kQuarter = 4; ///< vector units per pixel
/// Coded after the motion with p = 1/2: a decoder that reads anything else was given data cut
/// short or damaged (the coder drops trailing zero bytes, so a length alone cannot tell).
constexpr std::uint32_t kSentinel = 0xB3D1;
constexpr int kSentinelBits = 16;

struct Vector
{
    int x = 0;
    int y = 0;

    bool operator==(const Vector& o) const
    {
        return x == o.x && y == o.y;
    }
};

/**
 * One field's blocks as a quadtree per 16x16 macroblock (H.264's partitions: most macroblocks
 * move as one), each leaf's vector predicted from the blocks coded before it.
 */
class FieldCoder
{
  public:
    FieldCoder(MotionBitCoder& coder,
               MotionModels& models,
               MotionField& field,
               std::vector<Vector>& q)
        : m_coder(coder),
          m_m(models),
          m_f(field),
          m_q(q),
          m_coded(field.valid.size(), 0)
    {
    }

    /**
     * Codes the future field knowing the past one of the same frame: under uniform motion a
     * block's future vector is its past vector times -future_distance / past_distance (H.264's
     * temporal direct mode makes them so), the predictor tried first.
     */
    void SetPartner(const MotionField* past, const std::vector<Vector>* q_past, double scale)
    {
        m_partner = past;
        m_partner_q = q_past;
        m_scale = scale;
    }

    void Run()
    {
        constexpr int kMacroblock = 4; // blocks of 4 pixels
        for (int row = 0; row < m_f.rows; row += kMacroblock)
        {
            for (int col = 0; col < m_f.cols; col += kMacroblock)
            {
                Node(col, row, kMacroblock, 0);
            }
        }
    }

  private:
    bool Inside(int col, int row) const
    {
        return col >= 0 && row >= 0 && col < m_f.cols && row < m_f.rows;
    }

    std::size_t Index(int col, int row) const
    {
        return static_cast<std::size_t>(row) * m_f.cols + col;
    }

    /// A block coded before, and valid: its vector.
    bool Known(int col, int row, Vector& v) const
    {
        if (!Inside(col, row) || m_coded[Index(col, row)] == 0)
        {
            return false;
        }
        v = m_q[Index(col, row)];
        return m_f.valid[Index(col, row)] != 0;
    }

    bool Uniform(int col, int row, int size) const
    {
        const std::size_t first = Index(col, row);
        for (int r = row; r < row + size && r < m_f.rows; ++r)
        {
            for (int c = col; c < col + size && c < m_f.cols; ++c)
            {
                const std::size_t i = Index(c, r);
                if (m_f.valid[i] != m_f.valid[first] ||
                    (m_f.valid[i] != 0 && !(m_q[i] == m_q[first])))
                {
                    return false;
                }
            }
        }
        return true;
    }

    void Node(int col, int row, int size, int level)
    {
        if (!Inside(col, row))
        {
            return;
        }
        if (size > 1)
        {
            const int split = m_coder.Encoding() && !Uniform(col, row, size) ? 1 : 0;
            if (m_coder.Code(m_m.split[level], split) == 1)
            {
                const int half = size / 2;
                Node(col, row, half, level + 1);
                Node(col + half, row, half, level + 1);
                Node(col, row + half, half, level + 1);
                Node(col + half, row + half, half, level + 1);
                return;
            }
        }
        Leaf(col, row, size);
    }

    void Leaf(int col, int row, int size)
    {
        const std::size_t i = Index(col, row);
        Vector left;
        Vector upper;
        Vector upper_right;
        const bool has_left = Known(col - 1, row, left);
        const bool has_upper = Known(col, row - 1, upper);
        const bool has_upper_right = Known(col + size, row - 1, upper_right);
        const bool has_mirror = m_partner != nullptr && m_partner->valid[i] != 0;
        const int valid_context = (has_left ? 1 : 0) + (has_upper ? 2 : 0) + (has_mirror ? 4 : 0);
        const int valid = m_coder.Code(m_m.valid[valid_context], m_f.valid[i] != 0 ? 1 : 0);
        Vector v = valid != 0 ? m_q[i] : Vector{};
        if (valid != 0)
        {
            bool done = false;
            if (has_mirror)
            {
                const Vector mirror = Mirror(i);
                const int context = has_left && m_partner->valid[Index(col - 1, row)] != 0 &&
                                            left == Mirror(Index(col - 1, row))
                                        ? 1
                                        : 0;
                if (m_coder.Code(m_m.mirror[context], v == mirror ? 1 : 0) == 1)
                {
                    v = mirror;
                    done = true;
                }
            }
            if (has_left)
            {
                const int context = has_upper && upper == left ? 1 : 0;
                if (m_coder.Code(m_m.same_left[context], v == left ? 1 : 0) == 1)
                {
                    v = left;
                    done = true;
                }
            }
            if (!done && has_upper && !(has_left && upper == left))
            {
                if (m_coder.Code(m_m.same_upper, v == upper ? 1 : 0) == 1)
                {
                    v = upper;
                    done = true;
                }
            }
            if (!done)
            {
                const Vector p =
                    Predictor(has_left, left, has_upper, upper, has_upper_right, upper_right);
                const int dx = m_coder.CodeValue(m_m, 0, v.x - p.x);
                const int dy = m_coder.CodeValue(m_m, 1, v.y - p.y);
                v = Vector{p.x + dx, p.y + dy};
            }
        }
        Fill(col, row, size, valid, v);
    }

    Vector Mirror(std::size_t i) const
    {
        const Vector& p = (*m_partner_q)[i];
        return Vector{static_cast<int>(std::lround(p.x * m_scale)),
                      static_cast<int>(std::lround(p.y * m_scale))};
    }

    void Fill(int col, int row, int size, int valid, const Vector& v)
    {
        for (int r = row; r < row + size && r < m_f.rows; ++r)
        {
            for (int c = col; c < col + size && c < m_f.cols; ++c)
            {
                const std::size_t j = Index(c, r);
                m_f.valid[j] = static_cast<std::uint8_t>(valid);
                m_q[j] = v;
                m_coded[j] = 1;
            }
        }
    }

    /// H.264's: the median of left, upper and upper-right when all three are known, else the
    /// first known of left, upper, upper-right, else zero.
    static Vector Predictor(bool has_left,
                            const Vector& left,
                            bool has_upper,
                            const Vector& upper,
                            bool has_upper_right,
                            const Vector& upper_right)
    {
        if (has_left && has_upper && has_upper_right)
        {
            auto median = [](int a, int b, int c) {
                return std::max(std::min(a, b), std::min(std::max(a, b), c));
            };
            return Vector{median(left.x, upper.x, upper_right.x),
                          median(left.y, upper.y, upper_right.y)};
        }
        if (has_left)
        {
            return left;
        }
        if (has_upper)
        {
            return upper;
        }
        return has_upper_right ? upper_right : Vector{};
    }

    MotionBitCoder& m_coder;
    MotionModels& m_m;
    MotionField& m_f;
    std::vector<Vector>& m_q;
    std::vector<std::uint8_t> m_coded;
    const MotionField* m_partner = nullptr;
    const std::vector<Vector>* m_partner_q = nullptr;
    double m_scale = 0;
};

/// -future_distance / past_distance of B frame i.
double
MirrorScale(const FrameHierarchy& h, std::size_t i)
{
    const int t = h.b_frames[i];
    return -static_cast<double>(h.anchors[h.future[i]] - t) / (t - h.anchors[h.past[i]]);
}

std::vector<Vector>
Quantized(const MotionField& f)
{
    std::vector<Vector> q(f.valid.size());
    for (std::size_t i = 0; i < q.size(); ++i)
    {
        if (f.valid[i] != 0)
        {
            q[i] = Vector{static_cast<int>(std::lround(f.dx_px[i] * kQuarter)),
                          static_cast<int>(std::lround(f.dy_px[i] * kQuarter))};
        }
    }
    return q;
}

void
StoreVectors(const std::vector<Vector>& q, MotionField& f)
{
    for (std::size_t i = 0; i < q.size(); ++i)
    {
        f.dx_px[i] = static_cast<float>(q[i].x) / kQuarter;
        f.dy_px[i] = static_cast<float>(q[i].y) / kQuarter;
    }
}

} // namespace

std::vector<std::uint8_t>
EncodeMotion(const FrameHierarchy& hierarchy, const std::vector<AnchorMotion>& b_motion)
{
    if (b_motion.size() != hierarchy.b_frames.size())
    {
        throw std::invalid_argument("encode motion: one motion per B frame");
    }
    BinaryArithmeticEncoder encoder;
    MotionBitCoder coder(&encoder);
    std::array<MotionModels, 2> models{};
    for (std::size_t b = 0; b < b_motion.size(); ++b)
    {
        MotionField past = b_motion[b].past;
        MotionField future = b_motion[b].future;
        std::vector<Vector> q_past = Quantized(past);
        std::vector<Vector> q_future = Quantized(future);
        FieldCoder(coder, models[0], past, q_past).Run();
        FieldCoder future_coder(coder, models[1], future, q_future);
        future_coder.SetPartner(&past, &q_past, MirrorScale(hierarchy, b));
        future_coder.Run();
    }
    for (int i = kSentinelBits - 1; i >= 0; --i)
    {
        encoder.Encode(static_cast<int>((kSentinel >> i) & 1U), kProbabilityOne / 2);
    }
    return encoder.Finish();
}

std::vector<AnchorMotion>
DecodeMotion(const std::uint8_t* data,
             std::size_t size,
             const FrameHierarchy& hierarchy,
             int width,
             int height)
{
    BinaryArithmeticDecoder decoder(data, size);
    MotionBitCoder coder(&decoder);
    std::array<MotionModels, 2> models{};
    std::vector<AnchorMotion> out(hierarchy.b_frames.size());
    for (std::size_t b = 0; b < out.size(); ++b)
    {
        AnchorMotion& m = out[b];
        m.past_anchor = hierarchy.anchors[hierarchy.past[b]];
        m.future_anchor = hierarchy.anchors[hierarchy.future[b]];
        m.past = MotionField::Zero(width, height);
        m.future = MotionField::Zero(width, height);
        std::vector<Vector> q_past(m.past.valid.size());
        std::vector<Vector> q_future(m.future.valid.size());
        FieldCoder(coder, models[0], m.past, q_past).Run();
        FieldCoder future_coder(coder, models[1], m.future, q_future);
        future_coder.SetPartner(&m.past, &q_past, MirrorScale(hierarchy, b));
        future_coder.Run();
        StoreVectors(q_past, m.past);
        StoreVectors(q_future, m.future);
    }
    std::uint32_t sentinel = 0;
    for (int i = 0; i < kSentinelBits; ++i)
    {
        sentinel =
            (sentinel << 1) | static_cast<std::uint32_t>(decoder.Decode(kProbabilityOne / 2));
    }
    if (sentinel != kSentinel)
    {
        throw std::runtime_error("motion data cut short or damaged");
    }
    return out;
}

} // namespace lvc
