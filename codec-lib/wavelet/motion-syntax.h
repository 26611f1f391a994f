// How the wavelet codec codes a predicted picture's motion (in layer 1): per 32x32 tree block a
// quadtree of split flags down to 8x8 leaves; per leaf a merge flag (its motion is that of its
// left or upper neighbour) or its prediction mode and its vectors' differences from the median
// of its coded neighbours; every decision in an adaptive context.
#ifndef LVC_WAVELET_MOTION_SYNTAX_H
#define LVC_WAVELET_MOTION_SYNTAX_H

#include "entropy/adaptive-bit-model.h"
#include "wavelet/block-motion.h"
#include "wavelet/symbol-coder.h"

#include <array>
#include <vector>

namespace lvc
{

/// Every adaptive model of the motion syntax (carried from one picture to the next).
struct MotionSyntaxModels
{
    static constexpr int kMaxPrefix = 16;

    std::array<AdaptiveBitModel, 6> split; ///< by node size (32, 16) and smaller neighbours
    std::array<AdaptiveBitModel, 6> merge; ///< by leaf size and candidate count
    AdaptiveBitModel merge_index;
    std::array<AdaptiveBitModel, 3> both;
    std::array<AdaptiveBitModel, 3> future;
    /// Per reference and component: zero flag, sign, Exp-Golomb prefix and suffix bits.
    std::array<std::array<AdaptiveBitModel, 2>, 2> zero;
    std::array<std::array<AdaptiveBitModel, 2>, 2> sign;
    std::array<std::array<std::array<AdaptiveBitModel, kMaxPrefix>, 2>, 2> prefix;
    std::array<std::array<std::array<AdaptiveBitModel, kMaxPrefix>, 2>, 2> suffix;
};

/// A signed value: zero flag, sign, then |v| >= 1 as Exp-Golomb with adaptive bits. Throws
/// std::runtime_error when a decoded prefix exceeds the models' range.
int CodeSignedValue(SymbolCoder& io,
                    AdaptiveBitModel& zero,
                    AdaptiveBitModel& sign,
                    std::array<AdaptiveBitModel, MotionSyntaxModels::kMaxPrefix>& prefix,
                    std::array<AdaptiveBitModel, MotionSyntaxModels::kMaxPrefix>& suffix,
                    int value);

/**
 * \brief What a leaf's coding depends on: which blocks of the grid are coded so far (in the
 * syntax's order), the vector predictors and the merge candidates. The search uses the same
 * rules, so that its rate estimates follow the syntax.
 */
class MotionNeighbourhood
{
  public:
    explicit MotionNeighbourhood(const MotionGrid& grid);

    void MarkCoded(int bx, int by, int size, bool coded);
    bool IsCoded(int bx, int by) const;
    /// The median of the left, upper and upper-right (else upper-left) coded blocks that use
    /// reference r; with fewer than three of them the first one found; with none, zero.
    MotionVector Predictor(int bx, int by, int size, int r) const;
    /// The motion of the coded left and upper neighbours, without repeats (0..2 entries).
    std::vector<BlockMotion> MergeCandidates(int bx, int by) const;
    /// How many of the left and upper coded neighbours use `mode` (0..2).
    int ModeCount(int bx, int by, PredictionMode mode) const;
    /// How many of the left and upper coded neighbours lie in leaves smaller than `size`.
    int SmallerNeighbours(int bx, int by, int size) const;

  private:
    const MotionGrid& m_grid;
    std::vector<std::uint8_t> m_coded;
};

/**
 * Codes `grid` (encoding) or fills it (decoding: `grid` must have its geometry and
 * bidirectional flag set). Throws std::runtime_error when decoded data are not motion of that
 * geometry (a vector beyond MotionGrid::kMaxVector_qpel).
 */
void CodeMotion(SymbolCoder& io, MotionSyntaxModels& models, MotionGrid& grid);

} // namespace lvc

#endif // LVC_WAVELET_MOTION_SYNTAX_H
