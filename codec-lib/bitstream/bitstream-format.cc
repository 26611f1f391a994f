#include "bitstream/bitstream-format.h"

#include "weights/safetensors.h"

#include "ns3/input-error.h"

extern "C"
{
#include <libavutil/crc.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace lvc
{

using ns3::InputError;

namespace
{

constexpr char kMagic[4] = {'L', 'V', 'C', 'B'};

class ByteWriter
{
  public:
    explicit ByteWriter(std::vector<std::uint8_t>& out)
        : m_out(out)
    {
    }

    void U16(std::uint32_t v)
    {
        for (int i = 0; i < 2; ++i)
        {
            m_out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
        }
    }

    void U32(std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
        {
            m_out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
        }
    }

    void F64(double v)
    {
        std::uint64_t bits;
        std::memcpy(&bits, &v, 8);
        for (int i = 0; i < 8; ++i)
        {
            m_out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
        }
    }

  private:
    std::vector<std::uint8_t>& m_out;
};

/// Little-endian reads from a range whose bounds the caller has checked.
std::uint32_t
Get(const std::uint8_t* p, int bytes)
{
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
    {
        v = (v << 8) | p[i];
    }
    return v;
}

std::string
ToHex(const std::uint8_t* digest)
{
    static const char* kHex = "0123456789abcdef";
    std::string hex;
    for (int i = 0; i < 32; ++i)
    {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 15];
    }
    return hex;
}

void
FromHex(const std::string& hex, std::uint8_t* digest)
{
    if (hex.size() != 64)
    {
        throw std::invalid_argument("bitstream: the weights' SHA-256 must be 64 hex digits");
    }
    for (int i = 0; i < 32; ++i)
    {
        digest[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    }
}

} // namespace

std::uint32_t
Crc32(const std::uint8_t* data, std::size_t size)
{
    const AVCRC* table = av_crc_get_table(AV_CRC_32_IEEE_LE);
    return av_crc(table, 0xFFFFFFFFU, data, size) ^ 0xFFFFFFFFU;
}

std::size_t
ChunkTableEntrySize(int layers)
{
    return 4 + 8 * static_cast<std::size_t>(layers);
}

std::vector<std::uint8_t>
SerializeBitstream(const BitstreamHeader& h, const std::vector<ChunkPayload>& chunks)
{
    if (chunks.size() != h.chunks)
    {
        throw std::invalid_argument("bitstream: chunk count differs from the header's");
    }
    std::vector<std::uint8_t> out(kMagic, kMagic + 4);
    ByteWriter w(out);
    w.U16(BitstreamHeader::kVersion);
    w.U16(BitstreamHeader::kSize);
    std::uint8_t digest[32];
    FromHex(h.weights_sha256, digest);
    out.insert(out.end(), digest, digest + 32);
    w.U32(h.width);
    w.U32(h.height);
    w.F64(h.fps);
    w.U32(h.frames);
    w.U32(h.frames_per_chunk);
    w.U32(h.chunks);
    w.U16(h.layers);
    w.U16(h.code_channels);
    w.U16(h.gop_frames);
    w.U16(h.b_error_layers);
    w.U16(h.b_error_first_layer);
    w.U16(static_cast<std::uint32_t>(h.codec));
    w.U32(Crc32(out.data(), out.size()));
    std::size_t table_start = out.size();
    std::uint64_t frames = 0;
    for (const ChunkPayload& c : chunks)
    {
        if (static_cast<int>(c.layers.size()) != h.layers)
        {
            throw std::invalid_argument("bitstream: a chunk has another layer count");
        }
        frames += c.frames;
        w.U32(c.frames);
        for (const std::vector<std::uint8_t>& layer : c.layers)
        {
            w.U32(static_cast<std::uint32_t>(layer.size()));
            w.U32(Crc32(layer.data(), layer.size()));
        }
    }
    if (frames != h.frames)
    {
        throw std::invalid_argument("bitstream: the chunks' frames do not add up to the header's");
    }
    w.U32(Crc32(out.data() + table_start, out.size() - table_start));
    for (const ChunkPayload& c : chunks)
    {
        for (const std::vector<std::uint8_t>& layer : c.layers)
        {
            out.insert(out.end(), layer.begin(), layer.end());
        }
    }
    return out;
}

void
WriteBitstream(const std::string& path,
               const BitstreamHeader& header,
               const std::vector<ChunkPayload>& chunks)
{
    std::vector<std::uint8_t> bytes = SerializeBitstream(header, chunks);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out)
    {
        throw InputError::InFile(path, "cannot write the bitstream");
    }
}

BitstreamReader::BitstreamReader(std::vector<std::uint8_t> bytes, std::string name)
    : m_bytes(std::move(bytes)),
      m_name(std::move(name))
{
    const std::uint8_t* p = m_bytes.data();
    const std::size_t size = m_bytes.size();
    if (size < 8 || std::memcmp(p, kMagic, 4) != 0)
    {
        throw InputError::InFile(m_name, "not an lvc bitstream (no LVCB magic)");
    }
    std::uint32_t version = Get(p + 4, 2);
    if (version < 1 || version > BitstreamHeader::kVersion)
    {
        throw InputError::AtField(m_name,
                                  "version",
                                  "bitstream version " + std::to_string(version) +
                                      "; this build reads versions 1.." +
                                      std::to_string(BitstreamHeader::kVersion));
    }
    BitstreamHeader& h = m_header;
    h.version = static_cast<std::uint16_t>(version);
    const std::size_t header_size = h.Size();
    if (Get(p + 6, 2) != header_size || size < header_size)
    {
        throw InputError::AtField(m_name, "header", "truncated or of another size");
    }
    if (Crc32(p, header_size - 4) != Get(p + header_size - 4, 4))
    {
        throw InputError::AtField(m_name, "header", "CRC mismatch: the header is corrupted");
    }
    h.weights_sha256 = ToHex(p + 8);
    h.width = static_cast<int>(Get(p + 40, 4));
    h.height = static_cast<int>(Get(p + 44, 4));
    std::uint64_t fps_bits = Get(p + 48, 4) | static_cast<std::uint64_t>(Get(p + 52, 4)) << 32;
    std::memcpy(&h.fps, &fps_bits, 8);
    h.frames = Get(p + 56, 4);
    h.frames_per_chunk = Get(p + 60, 4);
    h.chunks = Get(p + 64, 4);
    h.layers = static_cast<int>(Get(p + 68, 2));
    h.code_channels = static_cast<int>(Get(p + 70, 2));
    if (version >= 2)
    {
        h.gop_frames = static_cast<int>(Get(p + 72, 2));
        h.b_error_layers = static_cast<int>(Get(p + 74, 2));
    }
    if (version >= 3)
    {
        h.b_error_first_layer = static_cast<int>(Get(p + 76, 2));
    }
    if (version >= 5)
    {
        const std::uint32_t codec = Get(p + 78, 2);
        if (codec > static_cast<std::uint32_t>(BitstreamHeader::Codec::kWavelet))
        {
            throw InputError::AtField(m_name, "codec", "unknown codec " + std::to_string(codec));
        }
        h.codec = static_cast<BitstreamHeader::Codec>(codec);
    }
    auto bad = [&](const std::string& field, const std::string& what) {
        return InputError::AtField(m_name, field, what);
    };
    if (h.width < 2 || h.height < 2 || h.width > BitstreamHeader::kMaxSide ||
        h.height > BitstreamHeader::kMaxSide || h.width % 2 || h.height % 2)
    {
        throw bad("width/height",
                  "not even sizes in 2.." + std::to_string(BitstreamHeader::kMaxSide));
    }
    if (!(h.fps > 0 && h.fps < 1000))
    {
        throw bad("fps", "not a frame rate");
    }
    if (h.codec == BitstreamHeader::Codec::kWavelet)
    {
        if (h.layers < 1 || h.layers > BitstreamHeader::kMaxLayers || h.code_channels != 0)
        {
            throw bad("layers/code_channels", "out of range (wavelet codec: no code channels)");
        }
        if (h.gop_frames == 1 || h.gop_frames > BitstreamHeader::kMaxWaveletGopFrames ||
            h.b_error_layers != 0 || h.b_error_first_layer != 1)
        {
            throw bad("gop_frames/b_error_layers",
                      "wavelet codec: a GOP of 0 (intra) or 2.." +
                          std::to_string(BitstreamHeader::kMaxWaveletGopFrames) +
                          " frames, no B error layers");
        }
    }
    else
    {
        if (h.layers < 1 || h.layers > BitstreamHeader::kMaxLayers || h.code_channels < 1 ||
            h.code_channels > 256)
        {
            throw bad("layers/code_channels", "out of range");
        }
        if (h.gop_frames == 1 || h.gop_frames > BitstreamHeader::kMaxGopFrames ||
            h.b_error_layers > h.layers || (h.gop_frames == 0 && h.b_error_layers != 0))
        {
            throw bad("gop_frames/b_error_layers",
                      "a GOP of 0 (intra) or 2.." + std::to_string(BitstreamHeader::kMaxGopFrames) +
                          " frames and 0..K error layers (0 when intra)");
        }
        if (h.b_error_first_layer < 1 || h.b_error_first_layer > std::max(1, h.b_error_layers))
        {
            throw bad("b_error_first_layer", "not in 1..b_error_layers (1 without error layers)");
        }
    }
    if (h.frames == 0 || h.frames_per_chunk == 0 || h.chunks == 0 ||
        h.frames_per_chunk > BitstreamHeader::kMaxFramesPerChunk ||
        h.chunks != (std::uint64_t{h.frames} + h.frames_per_chunk - 1) / h.frames_per_chunk)
    {
        throw bad("chunk layout",
                  "frames, frames per chunk (at most " +
                      std::to_string(BitstreamHeader::kMaxFramesPerChunk) +
                      ") and chunks disagree");
    }
    const std::size_t table_start = header_size;
    const std::size_t table_bytes =
        static_cast<std::size_t>(h.chunks) * ChunkTableEntrySize(h.layers);
    if (size < table_start + table_bytes + 4)
    {
        throw bad("chunk table", "truncated: the file ends inside the chunk table");
    }
    if (Crc32(p + table_start, table_bytes) != Get(p + table_start + table_bytes, 4))
    {
        throw bad("chunk table", "CRC mismatch: the table is corrupted");
    }
    std::size_t offset = table_start + table_bytes + 4;
    const std::uint8_t* entry = p + table_start;
    std::uint64_t frames = 0;
    for (std::uint32_t c = 0; c < h.chunks; ++c)
    {
        std::uint32_t chunk_frames = Get(entry, 4);
        entry += 4;
        bool last = c + 1 == h.chunks;
        if (chunk_frames == 0 || chunk_frames > h.frames_per_chunk ||
            (!last && chunk_frames != h.frames_per_chunk))
        {
            throw bad("chunk " + std::to_string(c), "frame count does not fit the chunk layout");
        }
        frames += chunk_frames;
        m_chunk_frames.push_back(chunk_frames);
        std::vector<Range> ranges;
        for (int j = 0; j < h.layers; ++j, entry += 8)
        {
            ranges.push_back(Range{offset, Get(entry, 4), Get(entry + 4, 4)});
            offset += ranges.back().bytes;
        }
        m_ranges.push_back(std::move(ranges));
    }
    if (frames != h.frames)
    {
        throw bad("chunk table", "chunk frames do not add up to the header's frame count");
    }
    if (offset > size)
    {
        throw InputError::InFile(m_name,
                                 "truncated: the layers need " + std::to_string(offset) +
                                     " bytes, the file has " + std::to_string(size));
    }
    if (offset < size)
    {
        throw InputError::InFile(m_name,
                                 std::to_string(size - offset) + " bytes after the last layer");
    }
}

BitstreamReader
BitstreamReader::Open(const std::string& path)
{
    return BitstreamReader(ReadFileBytes(path), path);
}

const BitstreamHeader&
BitstreamReader::Header() const
{
    return m_header;
}

const std::string&
BitstreamReader::Name() const
{
    return m_name;
}

std::uint32_t
BitstreamReader::ChunkFrames(std::uint32_t chunk) const
{
    return m_chunk_frames.at(chunk);
}

std::uint32_t
BitstreamReader::LayerBytes(std::uint32_t chunk, int layer) const
{
    return m_ranges.at(chunk).at(layer - 1).bytes;
}

std::vector<std::uint8_t>
BitstreamReader::LayerPayload(std::uint32_t chunk, int layer) const
{
    const Range& r = m_ranges.at(chunk).at(layer - 1);
    const std::uint8_t* begin = m_bytes.data() + r.offset;
    if (Crc32(begin, r.bytes) != r.crc)
    {
        throw InputError::AtField(m_name,
                                  "chunk " + std::to_string(chunk) + " layer " +
                                      std::to_string(layer),
                                  "CRC mismatch: the payload is corrupted");
    }
    return std::vector<std::uint8_t>(begin, begin + r.bytes);
}

} // namespace lvc
