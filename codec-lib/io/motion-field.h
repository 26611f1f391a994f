// Dense per-block motion of a frame relative to its past reference, and the warp it drives.
#ifndef LVC_IO_MOTION_FIELD_H
#define LVC_IO_MOTION_FIELD_H

#include "io/frame.h"

#include <cstdint>
#include <vector>

namespace lvc
{

/**
 * \brief Block motion vectors of one frame as a dense grid (from H.264's `export_mvs`).
 *
 * A pixel p of the frame is predicted from the reference at p + (dx, dy) of its block. Only
 * vectors that point into the past (source -1, list 0) are kept; blocks without one (intra,
 * skipped by the bitstream or predicted only from the future) are invalid and carry zero motion.
 * The vectors point into the frame's reference picture, which is not always frame t-1 (B-frame
 * structures, non-reference frames): for H.264 the reader records how many frames back the
 * nearest past reference picture is (list 0's default first entry; a stream with several
 * reference frames may point some blocks further back).
 */
struct MotionField
{
    static constexpr int kDefaultBlockSize_px = 4; ///< H.264's smallest partition

    int width = 0;  ///< of the frame, pixels
    int height = 0; ///< of the frame, pixels
    int block_size_px = kDefaultBlockSize_px;
    int cols = 0;
    int rows = 0;
    std::vector<float> dx_px; ///< per block, row-major
    std::vector<float> dy_px;
    std::vector<std::uint8_t> valid; ///< 1 where a past-pointing vector covers the block
    /// The reference is frame t - reference_offset (display order); 0: unknown.
    int reference_offset = 0;

    /// A field of zero motion, every block invalid.
    static MotionField Zero(int width, int height, int block_size_px = kDefaultBlockSize_px);

    std::size_t BlockIndex(int x_px, int y_px) const;
    std::size_t ValidBlockCount() const;

    /// Sets every block whose centre lies in the rectangle [x0, x1) x [y0, y1) (pixels).
    void Fill(double x0, double y0, double x1, double y1, float dx, float dy);
};

/**
 * Motion-compensated prediction: out(p) = reference(p + d(p)), bilinear, coordinates clamped to
 * the picture; chroma uses half the vector. Throws std::invalid_argument when sizes differ.
 */
Frame WarpFrame(const Frame& reference, const MotionField& field);

} // namespace lvc

#endif // LVC_IO_MOTION_FIELD_H
