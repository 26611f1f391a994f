// Videos to layered bitstream files (bitstream/bitstream-format.h, codec kWavelet) and back,
// through the wavelet codec.
#ifndef LVC_WAVELET_WAVELET_STREAM_H
#define LVC_WAVELET_WAVELET_STREAM_H

#include "bitstream/bitstream-format.h"
#include "io/frame.h"
#include "io/read-options.h"
#include "wavelet/frame-restorer.h"
#include "wavelet/wavelet-chunk.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lvc
{

struct WaveletEncodeRequest
{
    std::string video_path;
    ReadOptions read;
    double chunk_duration_s = 2;
    WaveletCodingOptions coding;
    /// The restoration network the exit maps are decided with (its weights' SHA-256 goes into
    /// the header); null: no exit maps, exit 1 only.
    FrameRestorer* restorer = nullptr;
    std::function<void(const std::string&)> progress; ///< may be empty
};

struct WaveletStream
{
    BitstreamHeader header;
    std::vector<ChunkPayload> chunks;
    std::size_t scene_cuts = 0; ///< over all chunks
};

/// The header fields the wavelet codec writes for a video (everything but the frame counts);
/// `restorer` may be null (weights SHA-256: 64 zeros).
BitstreamHeader WaveletHeader(int width,
                              int height,
                              double fps,
                              const WaveletCodingOptions& coding,
                              const FrameRestorer* restorer);

/// Checks the coding options (std::invalid_argument naming the option: --gop, --layer-bpp,
/// --motion-lambda, --scene-cut-threshold).
void CheckWaveletOptions(const WaveletCodingOptions& coding);

/// Reads the video chunk by chunk and codes every chunk (ns3::InputError for bad input).
WaveletStream EncodeWaveletVideo(const WaveletEncodeRequest& request);

/**
 * Decodes layers 1..`layers` of every chunk of a wavelet bitstream at exit `exit` (1: the plain
 * reconstruction; 2..: `restorer`'s, which must then be given); each chunk's frames go to `sink`
 * in order. A payload that does not decode is an ns3::InputError naming the file, the chunk and
 * the layer.
 */
void DecodeWaveletBitstream(
    const BitstreamReader& reader,
    int layers,
    int exit,
    FrameRestorer* restorer,
    const std::function<void(std::uint32_t chunk, const std::vector<Frame>&)>& sink);

} // namespace lvc

#endif // LVC_WAVELET_WAVELET_STREAM_H
