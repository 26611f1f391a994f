// The layered bitstream file: a header naming the weights and the geometry, a chunk table, and
// every layer of every chunk as its own byte range (so that any prefix of layers decodes).
#ifndef LVC_BITSTREAM_BITSTREAM_FORMAT_H
#define LVC_BITSTREAM_BITSTREAM_FORMAT_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lvc
{

/**
 * \brief What a bitstream says of the video and of the codec that made it.
 *
 * Layout (little-endian): "LVCB", u16 version, u16 header size, 32-byte SHA-256 of the weights
 * file, u32 width, u32 height, f64 fps, u32 frames, u32 frames per chunk, u32 chunks,
 * u16 layers (K), u16 code channels, [version >= 2: u16 GOP frames, u16 B error layers,]
 * [version >= 3: u16 first B error layer,] [version >= 5: u16 codec,] u32 CRC-32 of the header's
 * previous bytes. Then the
 * chunk table: per chunk u32 frames and per layer u32 bytes, u32 CRC-32 of those bytes; then the
 * table's CRC-32; then the payloads, chunk by chunk, layer by layer. The frame hierarchy and the
 * payloads' contents: bitstream/chunk-codes.h (from version 4 on, with a GOP, layer 1 of each chunk
 * starts with its scene cuts). The wavelet codec's payloads: wavelet/wavelet-chunk.h. Versions 1
 * (intra only, 76-byte header), 2 (B error layers from layer 1, 80 bytes), 3 (no scene cuts) and
 * 4 (82 bytes, the residual GRU codec only) are still read.
 */
struct BitstreamHeader
{
    static constexpr std::uint16_t kVersion = 5;
    static constexpr std::size_t kSize = 84;
    static constexpr std::size_t kSizeVersion1 = 76;
    static constexpr std::size_t kSizeVersion2 = 80;
    static constexpr std::size_t kSizeVersion4 = 82; ///< versions 3 and 4
    static constexpr int kMaxGopFrames = 17;
    static constexpr int kMaxWaveletGopFrames = 64;

    /// Which codec made the payloads (version 5 on; older files are all kResidualGru).
    enum class Codec : std::uint16_t
    {
        kResidualGru = 0, ///< the conv-GRU codec: binary codes, bitstream/chunk-codes.h
        kWavelet = 1,     ///< the wavelet codec: wavelet/wavelet-chunk.h
    };
    static constexpr int kMaxSide = 8192;
    static constexpr int kMaxLayers = 16;
    static constexpr std::uint32_t kMaxFramesPerChunk = 10000;

    Codec codec = Codec::kResidualGru;
    /// 64 lowercase hex digits: the weights the payloads need (the wavelet codec: its learned
    /// parts' weights; 64 zeros when it uses none).
    std::string weights_sha256;
    int width = 0;
    int height = 0;
    double fps = 0;
    std::uint32_t frames = 0;
    std::uint32_t frames_per_chunk = 0;
    std::uint32_t chunks = 0;
    int layers = 0;
    int code_channels = 0; ///< the residual GRU codec's; 0 for the wavelet codec
    /// Anchors every gop_frames frames of a chunk, B frames interpolated between (2..17; the
    /// wavelet codec: keys every gop_frames frames, 2..64); 0: every frame coded as a key frame
    /// (intra).
    int gop_frames = 0;
    /// Layers b_error_first_layer..b_error_layers also code each B frame's interpolation
    /// error (0..K; 0: none).
    int b_error_layers = 0;
    /// The first layer with B frames' errors (1..b_error_layers; 1 when there are none): from 2
    /// on, layer 1 holds only the anchors and the motion, the cheapest base.
    int b_error_first_layer = 1;

    /// Error layers each B frame has (b_error_first_layer..b_error_layers).
    int BErrorIterations() const
    {
        return b_error_layers == 0 ? 0 : b_error_layers - b_error_first_layer + 1;
    }

    /// Bytes of this header as written (kSize, or kSizeVersion1 for a version-1 file read).
    std::size_t Size() const
    {
        return version == 1   ? kSizeVersion1
               : version == 2 ? kSizeVersion2
               : version <= 4 ? kSizeVersion4
                              : kSize;
    }

    std::uint16_t version = kVersion;
};

/// One chunk: its frame count and the entropy-coded payload of each layer 1..K.
struct ChunkPayload
{
    std::uint32_t frames = 0;
    std::vector<std::vector<std::uint8_t>> layers;
};

/// Bytes of the chunk-table entry of one chunk with `layers` layers.
std::size_t ChunkTableEntrySize(int layers);

/// The whole file; std::invalid_argument when the chunks do not match the header.
std::vector<std::uint8_t> SerializeBitstream(const BitstreamHeader& header,
                                             const std::vector<ChunkPayload>& chunks);

/// Writes SerializeBitstream's bytes (ns3::InputError naming `path` when it cannot).
void WriteBitstream(const std::string& path,
                    const BitstreamHeader& header,
                    const std::vector<ChunkPayload>& chunks);

/**
 * \brief Reads a bitstream held in memory: the header and table when constructed, each layer's
 * payload on request. Every inconsistency (magic, version, CRCs, sizes, a file cut short) is an
 * ns3::InputError naming the file and the field or chunk and layer.
 */
class BitstreamReader
{
  public:
    BitstreamReader(std::vector<std::uint8_t> bytes, std::string name);
    static BitstreamReader Open(const std::string& path);

    const BitstreamHeader& Header() const;
    /// Frames of chunk `chunk` (0-based).
    std::uint32_t ChunkFrames(std::uint32_t chunk) const;
    /// Bytes of layer `layer` (1-based) of a chunk.
    std::uint32_t LayerBytes(std::uint32_t chunk, int layer) const;
    /// The payload of layer `layer` (1-based), after checking its CRC.
    std::vector<std::uint8_t> LayerPayload(std::uint32_t chunk, int layer) const;
    const std::string& Name() const;

  private:
    struct Range
    {
        std::size_t offset;
        std::uint32_t bytes;
        std::uint32_t crc;
    };

    std::vector<std::uint8_t> m_bytes;
    std::string m_name;
    BitstreamHeader m_header;
    std::vector<std::uint32_t> m_chunk_frames;
    std::vector<std::vector<Range>> m_ranges;
};

/// CRC-32 (IEEE) of bytes.
std::uint32_t Crc32(const std::uint8_t* data, std::size_t size);

} // namespace lvc

#endif // LVC_BITSTREAM_BITSTREAM_FORMAT_H
