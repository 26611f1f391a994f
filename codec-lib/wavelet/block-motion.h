// The motion of a predicted picture: 32x32 tree blocks split as a quadtree down to 8x8 blocks,
// each leaf predicted from the past reference, the future one, or both (averaged), with
// quarter-sample vectors; and the overlapped block motion compensation it drives.
#ifndef LVC_WAVELET_BLOCK_MOTION_H
#define LVC_WAVELET_BLOCK_MOTION_H

#include "wavelet/float-plane.h"
#include "wavelet/qpel-plane.h"

#include <array>
#include <cstdint>
#include <vector>

namespace lvc
{

enum class PredictionMode : std::uint8_t
{
    kPast = 0,
    kFuture = 1,
    kBoth = 2,
};

struct MotionVector
{
    int x = 0; ///< quarter samples
    int y = 0;

    bool operator==(const MotionVector& o) const
    {
        return x == o.x && y == o.y;
    }
};

/// The motion of one 8x8 block.
struct BlockMotion
{
    PredictionMode mode = PredictionMode::kPast;
    std::array<MotionVector, 2> mv{}; ///< into the past and the future reference

    bool Uses(int ref) const
    {
        return mode == PredictionMode::kBoth || static_cast<int>(mode) == ref;
    }

    /// Same mode and the same vectors for the references it uses.
    bool operator==(const BlockMotion& o) const
    {
        return mode == o.mode && (!Uses(0) || mv[0] == o.mv[0]) && (!Uses(1) || mv[1] == o.mv[1]);
    }
};

/**
 * \brief The motion field of one predicted picture on its 8x8 grid (blocks cover the picture;
 * the last row and column may stick out), with the quadtree partition it was coded with: each
 * 32x32 tree block is a leaf or four 16x16 nodes, each a leaf or four 8x8 leaves. A node that
 * reaches beyond the grid is always split.
 */
struct MotionGrid
{
    static constexpr int kBlock = 8;
    static constexpr int kTreeBlocks = 4; ///< 8x8 blocks per side of a tree block (32x32)
    static constexpr int kMaxVector_qpel = 4 * (QpelPlane::kPad - 16);

    int width = 0; ///< of the picture (luma)
    int height = 0;
    int cols = 0; ///< 8x8 blocks
    int rows = 0;
    bool bidirectional = false; ///< a future reference exists
    std::vector<BlockMotion> blocks;
    /// Per 8x8 block: the side, in blocks (1, 2 or 4), of the leaf that holds it.
    std::vector<std::uint8_t> leaf_blocks;

    MotionGrid() = default;
    MotionGrid(int w, int h, bool has_future);

    int TreeCols() const
    {
        return (cols + kTreeBlocks - 1) / kTreeBlocks;
    }

    int TreeRows() const
    {
        return (rows + kTreeBlocks - 1) / kTreeBlocks;
    }

    BlockMotion& At(int bx, int by)
    {
        return blocks[static_cast<std::size_t>(by) * cols + bx];
    }

    const BlockMotion& At(int bx, int by) const
    {
        return blocks[static_cast<std::size_t>(by) * cols + bx];
    }

    /// Sets the leaf of side `size` (blocks) at (bx, by): its motion and its size in every block.
    void SetLeaf(int bx, int by, int size, const BlockMotion& motion);

    /// Share of the prediction taken from each reference (both: half each), over all blocks.
    std::array<double, 2> ReferenceShares() const;
};

/// The three planes of a picture as floats (Y, U, V at 4:2:0).
using FloatPicture = std::array<FloatPlane, 3>;

/// A reference picture ready for motion compensation: luma at quarter samples, chroma as is.
struct Reference
{
    QpelPlane luma;
    int chroma_pad; ///< samples of edge replication around u and v
    FloatPlane u;
    FloatPlane v;

    /// `pad`: luma padding (QpelPlane), enough for the vectors that point into this picture.
    explicit Reference(const FloatPicture& picture, int pad = QpelPlane::kPad);
};

/// The luma padding a reference needs for the vectors of `grids` that point into reference
/// `ref` (0: past, 1: future) of each grid.
int PaddingFor(const std::vector<std::pair<const MotionGrid*, int>>& uses);

/**
 * Overlapped block motion compensation: every sample is the sum of the predictions of the
 * (up to) four blocks whose windows (twice the block size, raised cosine, a partition of unity)
 * cover it; luma from quarter-sample planes, chroma bilinear at eighth samples with the luma
 * vectors halved. `future` may be null when no block uses it.
 */
FloatPicture PredictPicture(const MotionGrid& motion,
                            const Reference* past,
                            const Reference* future);

} // namespace lvc

#endif // LVC_WAVELET_BLOCK_MOTION_H
