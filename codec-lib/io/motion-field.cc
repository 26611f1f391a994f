#include "io/motion-field.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace lvc
{

MotionField
MotionField::Zero(int width, int height, int block_size_px)
{
    if (width <= 0 || height <= 0 || block_size_px <= 0)
    {
        throw std::invalid_argument("a motion field needs a positive size and block size");
    }
    MotionField field;
    field.width = width;
    field.height = height;
    field.block_size_px = block_size_px;
    field.cols = (width + block_size_px - 1) / block_size_px;
    field.rows = (height + block_size_px - 1) / block_size_px;
    std::size_t blocks = static_cast<std::size_t>(field.cols) * field.rows;
    field.dx_px.assign(blocks, 0.0f);
    field.dy_px.assign(blocks, 0.0f);
    field.valid.assign(blocks, 0);
    return field;
}

std::size_t
MotionField::BlockIndex(int x_px, int y_px) const
{
    int col = std::clamp(x_px / block_size_px, 0, cols - 1);
    int row = std::clamp(y_px / block_size_px, 0, rows - 1);
    return static_cast<std::size_t>(row) * cols + col;
}

std::size_t
MotionField::ValidBlockCount() const
{
    return static_cast<std::size_t>(std::count(valid.begin(), valid.end(), 1));
}

void
MotionField::Fill(double x0, double y0, double x1, double y1, float dx, float dy)
{
    // Block (c, r) has its centre at ((c + 0.5) * B, (r + 0.5) * B).
    auto first = [this](double v) { return static_cast<int>(std::ceil(v / block_size_px - 0.5)); };
    auto last = [this](double v) {
        return static_cast<int>(std::ceil(v / block_size_px - 0.5)) - 1;
    };
    int c0 = std::max(0, first(x0));
    int c1 = std::min(cols - 1, last(x1));
    int r0 = std::max(0, first(y0));
    int r1 = std::min(rows - 1, last(y1));
    for (int r = r0; r <= r1; ++r)
    {
        for (int c = c0; c <= c1; ++c)
        {
            std::size_t i = static_cast<std::size_t>(r) * cols + c;
            dx_px[i] = dx;
            dy_px[i] = dy;
            valid[i] = 1;
        }
    }
}

namespace
{

/// One sample warped with a vector of `dx_q` / kScale and `dy_q` / kScale pixels: bilinear with
/// integer weights, coordinates clamped to the plane, rounded half up. Equal to the real-valued
/// bilinear rounded to the nearest integer. kScale: a power of two (4: luma, 8: chroma).
template <int kScale>
inline std::uint8_t
WarpSample(const std::uint8_t* ref, int width, int height, int x, int y, int dx_q, int dy_q)
{
    const int sx_q = std::clamp(x * kScale + dx_q, 0, (width - 1) * kScale);
    const int sy_q = std::clamp(y * kScale + dy_q, 0, (height - 1) * kScale);
    const int x0 = sx_q / kScale; // non-negative: a shift
    const int y0 = sy_q / kScale;
    const int fx = sx_q % kScale;
    const int fy = sy_q % kScale;
    const int x1 = std::min(x0 + 1, width - 1);
    const int y1 = std::min(y0 + 1, height - 1);
    const std::uint8_t* row0 = ref + static_cast<std::size_t>(y0) * width;
    const std::uint8_t* row1 = ref + static_cast<std::size_t>(y1) * width;
    const int sum = (kScale - fy) * ((kScale - fx) * row0[x0] + fx * row0[x1]) +
                    fy * ((kScale - fx) * row1[x0] + fx * row1[x1]);
    return static_cast<std::uint8_t>((sum + kScale * kScale / 2) / (kScale * kScale));
}

/// The vector of a block in 1/(4 x subsampling) plane pixels, when it is a whole number of
/// quarter luma pixels (H.264's precision); false otherwise.
bool
QuarterPelVector(float d_px, int& d_q)
{
    const double q = static_cast<double>(d_px) * 4;
    d_q = static_cast<int>(std::lround(q));
    return std::abs(q - d_q) < 1e-6;
}

/// Real-valued bilinear warp of one sample (vectors that are not whole quarter pixels).
std::uint8_t
WarpSampleReal(const std::uint8_t* ref, int width, int height, int x, int y, double dx, double dy)
{
    const double sx = std::clamp(x + dx, 0.0, width - 1.0);
    const double sy = std::clamp(y + dy, 0.0, height - 1.0);
    const int x0 = static_cast<int>(sx);
    const int y0 = static_cast<int>(sy);
    const int x1 = std::min(x0 + 1, width - 1);
    const int y1 = std::min(y0 + 1, height - 1);
    const double fx = sx - x0;
    const double fy = sy - y0;
    const std::uint8_t* row0 = ref + static_cast<std::size_t>(y0) * width;
    const std::uint8_t* row1 = ref + static_cast<std::size_t>(y1) * width;
    const double top = row0[x0] + fx * (row0[x1] - row0[x0]);
    const double bottom = row1[x0] + fx * (row1[x1] - row1[x0]);
    return static_cast<std::uint8_t>(
        std::lround(std::clamp(top + fy * (bottom - top), 0.0, 255.0)));
}

/// Quarter luma pixels are 1/kScale of this plane's pixels (kScale = 4 x subsampling). Block by
/// block: one vector, one set of bilinear weights; no clamping where the block's source lies
/// inside the plane.
template <int kScale>
void
WarpPlane(const std::uint8_t* ref,
          std::uint8_t* out,
          int width,
          int height,
          const MotionField& field)
{
    constexpr int subsampling = kScale / 4;
    constexpr int kShift = kScale == 4 ? 2 : 3;
    const int side = std::max(1, field.block_size_px / subsampling); // block side, plane pixels
    for (int y_begin = 0; y_begin < height; y_begin += side)
    {
        const int y_end = std::min(y_begin + side, height);
        const int row = std::min(y_begin * subsampling / field.block_size_px, field.rows - 1);
        for (int x_begin = 0; x_begin < width; x_begin += side)
        {
            const int x_end = std::min(x_begin + side, width);
            const std::size_t block =
                static_cast<std::size_t>(row) * field.cols +
                std::min(x_begin * subsampling / field.block_size_px, field.cols - 1);
            int dx_q = 0;
            int dy_q = 0;
            if (!QuarterPelVector(field.dx_px[block], dx_q) ||
                !QuarterPelVector(field.dy_px[block], dy_q))
            {
                for (int y = y_begin; y < y_end; ++y)
                {
                    for (int x = x_begin; x < x_end; ++x)
                    {
                        out[static_cast<std::size_t>(y) * width + x] =
                            WarpSampleReal(ref,
                                           width,
                                           height,
                                           x,
                                           y,
                                           static_cast<double>(field.dx_px[block]) / subsampling,
                                           static_cast<double>(field.dy_px[block]) / subsampling);
                    }
                }
                continue;
            }
            const int ix = dx_q >> kShift; // floor
            const int iy = dy_q >> kShift;
            const int fx = dx_q & (kScale - 1);
            const int fy = dy_q & (kScale - 1);
            const bool inside =
                x_begin + ix >= 0 && x_end + ix < width && y_begin + iy >= 0 && y_end + iy < height;
            if (!inside)
            {
                for (int y = y_begin; y < y_end; ++y)
                {
                    for (int x = x_begin; x < x_end; ++x)
                    {
                        out[static_cast<std::size_t>(y) * width + x] =
                            WarpSample<kScale>(ref, width, height, x, y, dx_q, dy_q);
                    }
                }
                continue;
            }
            const int w00 = (kScale - fx) * (kScale - fy);
            const int w01 = fx * (kScale - fy);
            const int w10 = (kScale - fx) * fy;
            const int w11 = fx * fy;
            for (int y = y_begin; y < y_end; ++y)
            {
                const std::uint8_t* row0 = ref + static_cast<std::size_t>(y + iy) * width + ix;
                const std::uint8_t* row1 = row0 + width;
                std::uint8_t* o = out + static_cast<std::size_t>(y) * width;
                for (int x = x_begin; x < x_end; ++x)
                {
                    const int sum =
                        w00 * row0[x] + w01 * row0[x + 1] + w10 * row1[x] + w11 * row1[x + 1];
                    o[x] = static_cast<std::uint8_t>((sum + kScale * kScale / 2) >> (2 * kShift));
                }
            }
        }
    }
}

} // namespace

Frame
WarpFrame(const Frame& reference, const MotionField& field)
{
    if (reference.Width() != field.width || reference.Height() != field.height)
    {
        throw std::invalid_argument("the motion field's size differs from the reference frame's");
    }
    Frame out(reference.Width(), reference.Height(), reference.Matrix());
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        (p == Frame::kPlaneY ? WarpPlane<4> : WarpPlane<8>)(reference.Plane(p),
                                                            out.Plane(p),
                                                            reference.PlaneWidth(p),
                                                            reference.PlaneHeight(p),
                                                            field);
    }
    return out;
}

} // namespace lvc
