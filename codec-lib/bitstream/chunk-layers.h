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
 * Payload j codes layer j of every picture of the chunk that has one: picture f's codes fill
 * payloads first_layers[f] .. first_layers[f] + codes[f].size() - 1 (1-based; `first_layers`
 * empty: every picture from payload 1; a B frame's error layers may start later and be fewer).
 * A code's contexts may use the same picture's code in payload j - 1 (which a decoder of payload
 * j has), so payloads 1..k decode without the others.
 */
std::vector<std::vector<std::uint8_t>> EncodeChunkLayers(const std::vector<FrameCodes>& codes,
                                                         const CodeContextOptions& options = {},
                                                         const std::vector<int>& first_layers = {});

/**
 * Decodes payloads 1..k (k = payloads.size()): per picture its codes in payloads first..min(k,
 * first + count - 1); `layer_counts` empty: every picture has every layer; `first_layers` empty:
 * every picture starts in payload 1.
 */
std::vector<FrameCodes> DecodeChunkLayers(const std::vector<std::vector<std::uint8_t>>& payloads,
                                          const std::vector<CodeShape>& shapes,
                                          const CodeContextOptions& options = {},
                                          const std::vector<int>& layer_counts = {},
                                          const std::vector<int>& first_layers = {});

} // namespace lvc

#endif // LVC_BITSTREAM_CHUNK_LAYERS_H
