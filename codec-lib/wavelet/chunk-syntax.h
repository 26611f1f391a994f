// What the encoder and the decoder of a wavelet chunk share: the coder's images of a chunk, the
// header of layer 1 and the varints of the layer payloads (wavelet-chunk.cc,
// wavelet-chunk-decoder.cc).
#ifndef LVC_WAVELET_CHUNK_SYNTAX_H
#define LVC_WAVELET_CHUNK_SYNTAX_H

#include "wavelet/block-motion.h"
#include "wavelet/embedded-coder.h"
#include "wavelet/gop-structure.h"
#include "wavelet/symbol-coder.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace lvc::chunk_syntax
{

/// Quantiser step at plane 0 (in units of weighted coefficients): far below any rate used.
constexpr float kStep = 0.25F;
/// Per-frame scale exponents are in 1/16 octaves.
constexpr double kExponentUnit = 16.0;
constexpr int kMaxExponent = 16 * 16;

/// The coder's images: Y, U, V of every frame in coding order.
std::vector<CodedImageSpec> ImageSpecs(const GopStructure& gop,
                                       int w,
                                       int h,
                                       const std::vector<int>& exponents);

/// What layer 1 says before the coefficients.
struct ChunkHeader
{
    std::vector<int> cuts;
    int top_plane = 0;
    ContextModel context_model = ContextModel::kAdaptive;
    std::vector<int> exponents;       ///< per frame in coding order
    std::map<int, MotionGrid> motion; ///< per predicted frame (display index)
    double motion_bits = 0;           ///< the motion's share (the encoder's estimate)
};

/// Codes (or decodes) the header; returns the GOP structure it implies.
GopStructure CodeHeader(SymbolCoder& io,
                        ChunkHeader& header,
                        int w,
                        int h,
                        int frames,
                        int gop_frames);

void AppendVarint(std::vector<std::uint8_t>& out, std::uint64_t v);
/// Reads a varint at `pos` (advanced past it); std::runtime_error when it runs out or overflows.
std::uint64_t ReadVarint(const std::vector<std::uint8_t>& in, std::size_t& pos);

} // namespace lvc::chunk_syntax

#endif // LVC_WAVELET_CHUNK_SYNTAX_H
