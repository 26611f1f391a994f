// A chunk's layer payloads <-> what they hold: the frame hierarchy, the B frames' motion, the
// anchors' and B frames' codes (torch-free: the reader, the fuzzers and the coder share it).
#ifndef LVC_BITSTREAM_CHUNK_CODES_H
#define LVC_BITSTREAM_CHUNK_CODES_H

#include "bitstream/bitstream-format.h"
#include "bitstream/chunk-layers.h"
#include "interp/frame-hierarchy.h"

#include <cstdint>
#include <vector>

namespace lvc
{

/**
 * \brief What layers 1..k of a chunk hold, decoded from their bytes.
 *
 * Layer j's payload is the entropy-coded layer-j codes (chunk-layers.h) of every anchor, then of
 * every B frame when f <= j <= e (f = b_error_first_layer, e = b_error_layers: a B frame's error
 * code i is in layer f + i - 1); with a GOP (header.gop_frames >= 2) layer 1 starts with, from
 * version 4 on, the scene cuts (u16 count, then u16 display index of each, increasing), then u32
 * motion bytes and the B frames' motion (interp/motion-coder.h). Frame t is decoded as: an
 * anchor, from its codes 1..k (single-shot decoder at the exit); a B frame, interpolated from its
 * two decoded anchors with its vectors, plus its decoded error codes of layers f..min(k, e).
 */
struct ChunkCodes
{
    FrameHierarchy hierarchy;
    std::vector<int> scene_cuts;        ///< frames that start a new shot (anchors)
    std::vector<AnchorMotion> b_motion; ///< per B frame, as the decoder has it
    std::size_t motion_bytes = 0;       ///< with its 4-byte length
    std::vector<FrameCodes> anchor_codes;
    std::vector<FrameCodes> b_codes; ///< per B frame, its error codes (may be empty)
    int b_error_first_layer = 1;     ///< the layer of every B frame's first error code

    /// Layers the anchors have (the prefix decoded).
    int Layers() const;
};

/// How the neural codec codes chunks (lvc encode and lvc profile --codec neural).
struct NeuralCodingOptions
{
    int gop_frames = 8;      ///< 0: every frame a key frame; 2..17: anchors every gop_frames
    int b_error_layers = -1; ///< last layer that also codes the B frames' errors; -1: K
    int motion_crf = 36;     ///< x264's CRF for the vectors (36: fewer bytes, same quality as 30)
    /// First layer with B frames' errors; -1: kDefaultFirstErrorLayer, or the last error layer
    /// when that is lower.
    int b_error_first_layer = -1;
    /// An anchor at every frame whose luma histogram differs from the previous frame's by more
    /// than this (interp/scene-cuts.h, 0..2); 0: no scene cuts, anchors every gop_frames only.
    double scene_cut_threshold = 0.5;

    /// From 3 on, layers 1..2 hold only the anchors and the motion (a base of interpolation
    /// alone) and no error is coded against anchors of one or two layers, whose codes the next
    /// layers' better interpolation would make obsolete: on held-out CIF clips 3 gives the best
    /// quality at K for ~30 % fewer bits than 1 (codec-lib/README.md).
    static constexpr int kDefaultFirstErrorLayer = 3;
};

/**
 * Sets header.gop_frames, b_error_layers and b_error_first_layer (header.layers set before);
 * ns3::InputError naming the option when a value is impossible.
 */
void ApplyCodingOptions(const NeuralCodingOptions& options, BitstreamHeader& header);

/// The anchors and B frames of a chunk of `frames` frames under `header`'s gop_frames.
FrameHierarchy ChunkHierarchy(const BitstreamHeader& header,
                              std::uint32_t frames,
                              const std::vector<int>& scene_cuts = {});

/// Whether layer 1 of a chunk starts with the scene-cut list (a GOP and version >= 4).
bool HasSceneCutList(const BitstreamHeader& header);

/// The scene-cut list as layer 1 carries it (u16 count, u16 per cut).
std::vector<std::uint8_t> SceneCutSection(const std::vector<int>& scene_cuts);

/// Layer payloads from the codes (`motion_section`: layer 1's leading cut list and motion
/// bytes, if any).
std::vector<std::vector<std::uint8_t>> ChunkPayloads(
    const ChunkCodes& codes,
    const std::vector<std::uint8_t>& motion_section);

/**
 * Parses payloads 1..k of a chunk of `frames` frames (std::runtime_error when the motion
 * section does not fit the payload or does not decode).
 */
ChunkCodes ParseChunk(const std::vector<std::vector<std::uint8_t>>& payloads,
                      std::uint32_t frames,
                      const BitstreamHeader& header,
                      const CodeShape& shape);

/// The codes of layers 1..k of `codes` (as ParseChunk gives them from payloads 1..k).
ChunkCodes PrefixOf(const ChunkCodes& codes, int k);

} // namespace lvc

#endif // LVC_BITSTREAM_CHUNK_CODES_H
