#include "wavelet/wavelet-stream.h"

#include "io/chunk-reader.h"
#include "io/video-reader.h"
#include "wavelet/gop-structure.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace lvc
{

using ns3::InputError;

void
CheckWaveletOptions(const WaveletCodingOptions& coding)
{
    if (coding.gop_frames < 0 || coding.gop_frames == 1 ||
        coding.gop_frames > BitstreamHeader::kMaxWaveletGopFrames)
    {
        throw std::invalid_argument("--gop: 0 (intra) or 2.." +
                                    std::to_string(BitstreamHeader::kMaxWaveletGopFrames) +
                                    ", not " + std::to_string(coding.gop_frames));
    }
    if (coding.layer_bpp.empty() ||
        static_cast<int>(coding.layer_bpp.size()) > BitstreamHeader::kMaxLayers)
    {
        throw std::invalid_argument("--layer-bpp: 1.." +
                                    std::to_string(BitstreamHeader::kMaxLayers) +
                                    " cumulative rates, one per layer");
    }
    for (std::size_t j = 0; j < coding.layer_bpp.size(); ++j)
    {
        const double bpp = coding.layer_bpp[j];
        if (!(std::isfinite(bpp) && bpp > 0 && bpp <= 24) ||
            (j > 0 && bpp <= coding.layer_bpp[j - 1]))
        {
            throw std::invalid_argument(
                "--layer-bpp: cumulative rates in (0, 24] bits per pixel that "
                "increase from layer to layer");
        }
    }
    if (!(std::isfinite(coding.motion_lambda) && coding.motion_lambda >= 0 &&
          coding.motion_lambda <= 1e6))
    {
        throw std::invalid_argument("--motion-lambda: a number in 0..1e6");
    }
    if (!(std::isfinite(coding.weight_exponent) && coding.weight_exponent >= 0 &&
          coding.weight_exponent <= 4))
    {
        throw std::invalid_argument("--weight-exponent: a number in 0..4");
    }
    if (!(coding.scene_cut_threshold >= 0 && coding.scene_cut_threshold <= 2))
    {
        std::ostringstream value;
        value << coding.scene_cut_threshold;
        throw std::invalid_argument("--scene-cut-threshold: 0 (no cuts) .. 2, not " + value.str());
    }
}

BitstreamHeader
WaveletHeader(int width,
              int height,
              double fps,
              const WaveletCodingOptions& coding,
              const FrameRestorer* restorer)
{
    BitstreamHeader h;
    h.codec = BitstreamHeader::Codec::kWavelet;
    h.weights_sha256 = restorer != nullptr ? restorer->WeightsSha256() : std::string(64, '0');
    h.width = width;
    h.height = height;
    h.fps = fps;
    h.layers = static_cast<int>(coding.layer_bpp.size());
    h.code_channels = 0;
    h.gop_frames = coding.gop_frames <= 1 ? 0 : coding.gop_frames;
    h.b_error_layers = 0;
    h.b_error_first_layer = 1;
    return h;
}

WaveletStream
EncodeWaveletVideo(const WaveletEncodeRequest& request)
{
    try
    {
        CheckWaveletOptions(request.coding);
    }
    catch (const std::invalid_argument& e)
    {
        throw InputError(e.what());
    }
    VideoReader reader(request.video_path, request.read);
    ChunkReader chunks(reader, request.chunk_duration_s);
    WaveletStream stream;
    BitstreamHeader& h = stream.header;
    h = WaveletHeader(reader.Info().width,
                      reader.Info().height,
                      reader.Info().fps,
                      request.coding,
                      request.restorer);
    h.frames_per_chunk = static_cast<std::uint32_t>(chunks.FramesPerChunk());
    if (h.frames_per_chunk > BitstreamHeader::kMaxFramesPerChunk)
    {
        throw InputError("--chunk-s: " + std::to_string(h.frames_per_chunk) +
                         " frames per chunk; a bitstream holds at most " +
                         std::to_string(BitstreamHeader::kMaxFramesPerChunk));
    }
    std::vector<Frame> frames;
    while (chunks.Next(frames))
    {
        EncodedWaveletChunk coded = EncodeWaveletChunk(frames, request.coding, request.restorer);
        ChunkPayload payload;
        payload.frames = static_cast<std::uint32_t>(frames.size());
        payload.layers = std::move(coded.layers);
        h.frames += payload.frames;
        stream.scene_cuts += coded.scene_cuts.size();
        if (request.progress)
        {
            std::string line = "chunk " + std::to_string(stream.chunks.size()) + ": " +
                               std::to_string(frames.size()) + " frames, layer bytes";
            for (const auto& layer : payload.layers)
            {
                line += " " + std::to_string(layer.size());
            }
            request.progress(line);
        }
        stream.chunks.push_back(std::move(payload));
    }
    h.chunks = static_cast<std::uint32_t>(stream.chunks.size());
    return stream;
}

void
DecodeWaveletBitstream(
    const BitstreamReader& reader,
    int layers,
    int exit,
    FrameRestorer* restorer,
    const std::function<void(std::uint32_t chunk, const std::vector<Frame>&)>& sink)
{
    const BitstreamHeader& h = reader.Header();
    if (h.codec != BitstreamHeader::Codec::kWavelet)
    {
        throw InputError::AtField(reader.Name(), "codec", "not a wavelet codec bitstream");
    }
    if (layers < 1 || layers > h.layers)
    {
        throw InputError("--layers: " + std::to_string(layers) + " but " + reader.Name() +
                         " has layers 1.." + std::to_string(h.layers));
    }
    const bool has_maps = h.weights_sha256 != std::string(64, '0');
    const int exits = has_maps ? WaveletExitCount(restorer) : 2;
    if (exit < 1 || exit > exits)
    {
        throw InputError("--exit: 1.." + std::to_string(exits) +
                         (has_maps
                              ? (restorer != nullptr ? "" : " without restoration weights")
                              : " (" + reader.Name() + " was made without restoration weights)"));
    }
    if (exit > 2 && restorer->WeightsSha256() != h.weights_sha256)
    {
        throw InputError::AtField(reader.Name(),
                                  "weights_sha256",
                                  "made with restoration weights " + h.weights_sha256 +
                                      ", not with " + restorer->WeightsPath() + " (" +
                                      restorer->WeightsSha256() + ")");
    }
    for (std::uint32_t c = 0; c < h.chunks; ++c)
    {
        WaveletChunkDecoder decoder(h.width,
                                    h.height,
                                    static_cast<int>(reader.ChunkFrames(c)),
                                    h.gop_frames);
        for (int j = 1; j <= layers; ++j)
        {
            const std::vector<std::uint8_t> payload = reader.LayerPayload(c, j);
            try
            {
                decoder.DecodeLayer(payload);
            }
            catch (const std::runtime_error& e)
            {
                throw InputError::AtField(reader.Name(),
                                          "chunk " + std::to_string(c) + " layer " +
                                              std::to_string(j),
                                          std::string("does not decode: ") + e.what());
            }
        }
        sink(c, DecodeAtExit(decoder, restorer, exit));
    }
}

} // namespace lvc
