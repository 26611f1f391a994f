// libFuzzer target: codec-lib's layered bitstream reader and the entropy decoder behind it. Bad
// input must end in InputError; every payload of a file that reads must decode to codes that
// re-encode and decode to themselves.
#include "bitstream/bitstream-format.h"
#include "bitstream/chunk-layers.h"

#include "ns3/input-error.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace
{
/// Bits decoded per input at most (keeps every run short).
constexpr std::size_t kMaxBits = 1U << 20;

/// The CRCs stop most mutations at the reader, so the entropy decoder is also fed directly:
/// the first 4 bytes pick a small code geometry, the rest is split into layer payloads.
void
FuzzEntropyDecoder(const std::uint8_t* data, std::size_t size)
{
    if (size < 4)
    {
        return;
    }
    lvc::CodeShape shape{1 + data[0] % 8, 1 + data[1] % 8, 1 + data[2] % 8};
    const int frames = 1 + data[3] % 4;
    const int layers = 1 + (data[3] / 4) % 4;
    std::vector<std::vector<std::uint8_t>> payloads(layers);
    std::size_t share = (size - 4) / layers;
    for (int j = 0; j < layers; ++j)
    {
        const std::uint8_t* begin = data + 4 + j * share;
        payloads[j].assign(begin, j + 1 == layers ? data + size : begin + share);
    }
    std::vector<lvc::CodeShape> shapes(frames, shape);
    std::vector<lvc::FrameCodes> codes = lvc::DecodeChunkLayers(payloads, shapes);
    if (lvc::DecodeChunkLayers(lvc::EncodeChunkLayers(codes), shapes) != codes)
    {
        std::abort();
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzEntropyDecoder(data, size);
    try
    {
        lvc::BitstreamReader reader(std::vector<std::uint8_t>(data, data + size), "fuzz.lvc");
        const lvc::BitstreamHeader& h = reader.Header();
        lvc::CodeShape shape{h.code_channels, (h.height + 15) / 16, (h.width + 15) / 16};
        std::size_t bits = 0;
        for (std::uint32_t c = 0; c < h.chunks; ++c)
        {
            bits += shape.Size() * reader.ChunkFrames(c) * h.layers;
            if (bits > kMaxBits)
            {
                break;
            }
            std::vector<std::vector<std::uint8_t>> payloads;
            for (int j = 1; j <= h.layers; ++j)
            {
                payloads.push_back(reader.LayerPayload(c, j));
            }
            std::vector<lvc::CodeShape> shapes(reader.ChunkFrames(c), shape);
            std::vector<lvc::FrameCodes> codes = lvc::DecodeChunkLayers(payloads, shapes);
            std::vector<std::vector<std::uint8_t>> again = lvc::EncodeChunkLayers(codes);
            if (lvc::DecodeChunkLayers(again, shapes) != codes)
            {
                std::abort();
            }
        }
    }
    catch (const ns3::InputError&)
    {
    }
    return 0;
}
