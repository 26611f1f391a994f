// Videos to layered bitstream files and back, through the neural codec and the entropy coder.
#ifndef LVC_BITSTREAM_NEURAL_STREAM_H
#define LVC_BITSTREAM_NEURAL_STREAM_H

#include "bitstream/bitstream-format.h"
#include "bitstream/chunk-coding.h"
#include "entropy/code-layer-coder.h"
#include "io/frame.h"
#include "io/read-options.h"
#include "nn/neural-codec.h"

#include <functional>
#include <string>
#include <vector>

namespace lvc
{

/// The code shapes of `frames` frames of a video's size.
std::vector<CodeShape> ChunkCodeShapes(const NeuralCodec& codec,
                                       const BitstreamHeader& header,
                                       std::uint32_t frames);

struct EncodeRequest
{
    std::string video_path;
    ReadOptions read;
    double chunk_duration_s = 2;
    NeuralCodingOptions coding;
    std::function<void(const std::string&)> progress; ///< may be empty
};

struct EncodedVideo
{
    BitstreamHeader header;
    std::vector<ChunkPayload> chunks;
    std::size_t scene_cuts = 0; ///< anchors placed at scene cuts, over all chunks
};

/// Reads the video chunk by chunk and codes every chunk (ns3::InputError for bad input, an
/// impossible GOP or error-layer count included).
EncodedVideo EncodeVideo(NeuralCodec& codec, const EncodeRequest& request);

/// ns3::InputError naming the bitstream when it was made with other weights or another K/C.
void CheckBitstreamMatchesWeights(const BitstreamReader& reader, const NeuralCodec& codec);

/**
 * Decodes layers 1..`layers` of every chunk at exit `exit` (1..3); each chunk's frames go to
 * `sink` in order. Checks the weights first, each payload's CRC as it is read.
 */
void DecodeBitstream(
    NeuralCodec& codec,
    const BitstreamReader& reader,
    int layers,
    int exit,
    const std::function<void(std::uint32_t chunk, const std::vector<Frame>&)>& sink);

} // namespace lvc

#endif // LVC_BITSTREAM_NEURAL_STREAM_H
