// A chunk's binary codes <-> one entropy-coded payload per layer.
#ifndef LVC_BITSTREAM_CHUNK_LAYERS_H
#define LVC_BITSTREAM_CHUNK_LAYERS_H

#include "entropy/code-layer-coder.h"

#include <cstdint>
#include <vector>

namespace lvc
{

/// Codes of one frame, layers 1..K (the same as nn/neural-codec.h's FrameCodes).
using FrameCodes = std::vector<BinaryCode>;

/**
 * Payload j codes layer j of every picture of the chunk that has one (pictures may carry fewer
 * layers than others: a B frame's error layers); its contexts may use layer j - 1 of the same
 * pictures (which a decoder of layer j has), so payloads 1..k decode without the others.
 */
std::vector<std::vector<std::uint8_t>> EncodeChunkLayers(const std::vector<FrameCodes>& codes,
                                                         const CodeContextOptions& options = {});

/**
 * Decodes payloads 1..k (k = payloads.size()): per picture its codes of layers 1..min(k, its
 * layer count); `layer_counts` empty: every picture has every layer.
 */
std::vector<FrameCodes> DecodeChunkLayers(const std::vector<std::vector<std::uint8_t>>& payloads,
                                          const std::vector<CodeShape>& shapes,
                                          const CodeContextOptions& options = {},
                                          const std::vector<int>& layer_counts = {});

} // namespace lvc

#endif // LVC_BITSTREAM_CHUNK_LAYERS_H
