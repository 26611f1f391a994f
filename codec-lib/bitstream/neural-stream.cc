#include "bitstream/neural-stream.h"

#include "bitstream/chunk-layers.h"
#include "io/chunk-reader.h"
#include "io/video-reader.h"

#include "ns3/input-error.h"

namespace lvc
{

using ns3::InputError;

std::vector<CodeShape>
ChunkCodeShapes(const NeuralCodec& codec, const BitstreamHeader& header, std::uint32_t frames)
{
    return std::vector<CodeShape>(frames, codec.CodeShapeFor(header.width, header.height));
}

EncodedVideo
EncodeVideo(NeuralCodec& codec, const EncodeRequest& request)
{
    VideoReader reader(request.video_path, request.read);
    ChunkReader chunks(reader, request.chunk_duration_s);
    EncodedVideo video;
    BitstreamHeader& h = video.header;
    h.weights_sha256 = codec.WeightsSha256();
    h.width = reader.Info().width;
    h.height = reader.Info().height;
    h.fps = reader.Info().fps;
    h.frames_per_chunk = static_cast<std::uint32_t>(chunks.FramesPerChunk());
    if (h.frames_per_chunk > BitstreamHeader::kMaxFramesPerChunk)
    {
        throw InputError("--chunk-s: " + std::to_string(h.frames_per_chunk) +
                         " frames per chunk; a bitstream holds at most " +
                         std::to_string(BitstreamHeader::kMaxFramesPerChunk));
    }
    h.layers = codec.Config().iterations;
    h.code_channels = codec.Config().code_channels;
    ApplyCodingOptions(request.coding, h);
    std::vector<Frame> frames;
    while (chunks.Next(frames))
    {
        CodedChunk coded = EncodeNeuralChunk(codec, frames, h, request.coding);
        h.frames += coded.payload.frames;
        video.scene_cuts += coded.codes.scene_cuts.size();
        if (request.progress)
        {
            std::string line = "chunk " + std::to_string(video.chunks.size()) + ": " +
                               std::to_string(frames.size()) + " frames, layer bytes";
            for (const auto& layer : coded.payload.layers)
            {
                line += " " + std::to_string(layer.size());
            }
            request.progress(line);
        }
        video.chunks.push_back(std::move(coded.payload));
    }
    h.chunks = static_cast<std::uint32_t>(video.chunks.size());
    return video;
}

void
CheckBitstreamMatchesWeights(const BitstreamReader& reader, const NeuralCodec& codec)
{
    const BitstreamHeader& h = reader.Header();
    if (h.weights_sha256 != codec.WeightsSha256())
    {
        throw InputError::AtField(reader.Name(),
                                  "weights_sha256",
                                  "made with weights " + h.weights_sha256 + ", not with " +
                                      codec.WeightsPath() + " (" + codec.WeightsSha256() + ")");
    }
    if (h.layers != codec.Config().iterations || h.code_channels != codec.Config().code_channels)
    {
        throw InputError::AtField(reader.Name(),
                                  "layers",
                                  "K or code channels differ from the weights'");
    }
}

void
DecodeBitstream(NeuralCodec& codec,
                const BitstreamReader& reader,
                int layers,
                int exit,
                const std::function<void(std::uint32_t, const std::vector<Frame>&)>& sink)
{
    CheckBitstreamMatchesWeights(reader, codec);
    const BitstreamHeader& h = reader.Header();
    if (layers < 1 || layers > h.layers)
    {
        throw InputError("--layers: 1.." + std::to_string(h.layers) + ", not " +
                         std::to_string(layers));
    }
    for (std::uint32_t c = 0; c < h.chunks; ++c)
    {
        std::vector<std::vector<std::uint8_t>> payloads;
        for (int j = 1; j <= layers; ++j)
        {
            payloads.push_back(reader.LayerPayload(c, j));
        }
        ChunkCodes codes;
        try
        {
            codes = ParseChunk(payloads,
                               reader.ChunkFrames(c),
                               h,
                               codec.CodeShapeFor(h.width, h.height));
        }
        catch (const std::runtime_error& error)
        {
            throw InputError::AtField(reader.Name(), "chunk " + std::to_string(c), error.what());
        }
        sink(c, ReconstructChunk(codec, codes, h.width, h.height, exit));
    }
}

} // namespace lvc
