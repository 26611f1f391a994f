// Frames as the network sees them: 4:2:0 as 6 channels at half resolution, padded to /16.
#ifndef LVC_NN_FRAME_TENSOR_H
#define LVC_NN_FRAME_TENSOR_H

#include "io/frame.h"

#include <torch/types.h>
#include <vector>

namespace lvc
{

/// The next multiple of 16 (the code grid's cell) at or above `size`.
int PaddedSide(int size);

/**
 * A frame as [6, H'/2, W'/2] float: the four luma phases (pixel unshuffle by 2), then U and V,
 * each sample s as s / 255 - 0.5. H', W' are the sides padded to multiples of 16 by repeating
 * the last row and column.
 */
torch::Tensor FrameToTensor(const Frame& frame);
/// Frames of one size stacked: [N, 6, H'/2, W'/2].
torch::Tensor FramesToTensor(const std::vector<Frame>& frames);

/// The inverse: rounds, clamps to 0..255 and crops to width x height.
Frame TensorToFrame(const torch::Tensor& picture, int width, int height);

} // namespace lvc

#endif // LVC_NN_FRAME_TENSOR_H
