// Entropy coding of one layer of a chunk: every frame's binary code of that layer, as one payload.
#ifndef LVC_ENTROPY_CODE_LAYER_CODER_H
#define LVC_ENTROPY_CODE_LAYER_CODER_H

#include "entropy/binary-code.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/**
 * Which already coded bits form a bit's context. Every context is a separate adaptive model per
 * channel (AdaptiveBitModel), started afresh for each payload so that a layer decodes from its
 * own bytes and the layers before it.
 */
struct CodeContextOptions
{
    bool spatial = true;        ///< the left and upper neighbours in the same channel
    bool cross_channel = true;  ///< the same position in the channel coded just before
    bool previous_layer = true; ///< the same position in the previous layer (layers 2..K)

    /// Context bits per channel.
    int ContextBits() const
    {
        return (spatial ? 3 : 0) + (cross_channel ? 1 : 0) + (previous_layer ? 1 : 0);
    }
};

/**
 * Codes `codes` (one per frame, in order) with an adaptive binary arithmetic coder. `previous`
 * holds the same frames' codes of the previous layer (same shapes; an empty code for a frame
 * that has none there), or is null for layer 1.
 * Throws std::invalid_argument when shapes disagree.
 */
std::vector<std::uint8_t> EncodeCodeLayer(const std::vector<BinaryCode>& codes,
                                          const std::vector<BinaryCode>* previous,
                                          const CodeContextOptions& options = {});

/// The inverse of EncodeCodeLayer: `shapes` are the frames' code shapes, in order.
std::vector<BinaryCode> DecodeCodeLayer(const std::uint8_t* data,
                                        std::size_t size,
                                        const std::vector<CodeShape>& shapes,
                                        const std::vector<BinaryCode>* previous,
                                        const CodeContextOptions& options = {});

/// sum over bits of -log2 p under the same adaptive models: the ideal size, in bits.
double CodeLayerInformation_bits(const std::vector<BinaryCode>& codes,
                                 const std::vector<BinaryCode>* previous,
                                 const CodeContextOptions& options = {});

} // namespace lvc

#endif // LVC_ENTROPY_CODE_LAYER_CODER_H
