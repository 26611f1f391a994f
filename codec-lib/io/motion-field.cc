#include "io/motion-field.h"

#include <algorithm>
#include <cmath>
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

void
WarpPlane(const std::uint8_t* ref,
          std::uint8_t* out,
          int width,
          int height,
          int subsampling,
          const MotionField& field)
{
    for (int y = 0; y < height; ++y)
    {
        for (int x = 0; x < width; ++x)
        {
            std::size_t block = field.BlockIndex(x * subsampling, y * subsampling);
            double sx = x + field.dx_px[block] / subsampling;
            double sy = y + field.dy_px[block] / subsampling;
            sx = std::clamp(sx, 0.0, width - 1.0);
            sy = std::clamp(sy, 0.0, height - 1.0);
            int x0 = static_cast<int>(sx);
            int y0 = static_cast<int>(sy);
            int x1 = std::min(x0 + 1, width - 1);
            int y1 = std::min(y0 + 1, height - 1);
            double fx = sx - x0;
            double fy = sy - y0;
            const std::uint8_t* row0 = ref + static_cast<std::size_t>(y0) * width;
            const std::uint8_t* row1 = ref + static_cast<std::size_t>(y1) * width;
            double top = row0[x0] + fx * (row0[x1] - row0[x0]);
            double bottom = row1[x0] + fx * (row1[x1] - row1[x0]);
            double value = top + fy * (bottom - top);
            out[static_cast<std::size_t>(y) * width + x] =
                static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0, 255.0)));
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
        int subsampling = p == Frame::kPlaneY ? 1 : 2;
        WarpPlane(reference.Plane(p),
                  out.Plane(p),
                  reference.PlaneWidth(p),
                  reference.PlaneHeight(p),
                  subsampling,
                  field);
    }
    return out;
}

} // namespace lvc
