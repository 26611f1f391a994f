// One picture through OpenJPEG: a JPEG 2000 codestream with quality layers, and its decoding
// with a layer limit.
#ifndef LVC_BASELINE_JPEG2000_CODER_H
#define LVC_BASELINE_JPEG2000_CODER_H

#include "io/frame.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/// A picture's codestream and the bytes of each quality layer in it.
struct Jpeg2000Picture
{
    std::vector<std::uint8_t> codestream;
    /// Per layer: its tile-part's bytes; layer 1 also holds the main header and the end marker.
    std::vector<std::size_t> layer_bytes;
};

/**
 * Encodes a frame (Y, U, V as three components, chroma subsampled by 2 each way, 8 bits) with
 * the irreversible 9/7 wavelet, `resolutions` resolution levels, LRCP progression and one
 * tile-part per quality layer, the layers cut at the cumulative rates `layer_bpp` (bits per
 * luma pixel, increasing) by OpenJPEG's rate-distortion allocation. std::runtime_error when
 * OpenJPEG fails or the codestream does not hold one tile-part per layer.
 */
Jpeg2000Picture EncodeJpeg2000(const Frame& frame,
                               const std::vector<double>& layer_bpp,
                               int resolutions);

/// Decodes quality layers 1..layers of a codestream (std::runtime_error when it does not decode
/// to a frame of that size).
Frame DecodeJpeg2000(const std::vector<std::uint8_t>& codestream,
                     int layers,
                     int width,
                     int height);

} // namespace lvc

#endif // LVC_BASELINE_JPEG2000_CODER_H
