// One chunk of the layered bitstream through the neural codec: frames to payloads (anchors,
// motion, B frames' error layers) and codes back to frames.
#ifndef LVC_BITSTREAM_CHUNK_CODING_H
#define LVC_BITSTREAM_CHUNK_CODING_H

#include "bitstream/chunk-codes.h"
#include "nn/neural-codec.h"

#include <vector>

namespace lvc
{

struct CodedChunk
{
    ChunkPayload payload;
    ChunkCodes codes;
};

/**
 * Codes one chunk as `header` says (gop_frames, b_error_first_layer..b_error_layers; K from the
 * codec): anchors with K layers, and one at every scene cut (interp/scene-cuts.h, threshold
 * options.scene_cut_threshold) when the header's version carries the cut list; the B frames'
 * motion from an x264 encode of the chunk (CRF options.motion_crf); each B frame's error code in
 * layer j coded toward the error of the interpolation from the anchors decoded with j layers (full
 * exit), so that layer j corrects what j anchor layers leave.
 */
CodedChunk EncodeNeuralChunk(NeuralCodec& codec,
                             const std::vector<Frame>& frames,
                             const BitstreamHeader& header,
                             const NeuralCodingOptions& options = {});

/// The chunk's frames in display order from `codes` at exit 1..3.
std::vector<Frame> ReconstructChunk(NeuralCodec& codec,
                                    const ChunkCodes& codes,
                                    int width,
                                    int height,
                                    int exit);

/// Every prefix k = 1..codes.Layers() at every exit: result[k - 1][exit - 1][frame], each
/// equal to ReconstructChunk on the prefix.
std::vector<std::vector<std::vector<Frame>>> ReconstructAllPrefixes(NeuralCodec& codec,
                                                                    const ChunkCodes& codes,
                                                                    int width,
                                                                    int height);

} // namespace lvc

#endif // LVC_BITSTREAM_CHUNK_CODING_H
