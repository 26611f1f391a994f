// libFuzzer target: the wavelet codec's chunk decoder (layer 1's header, scene cuts, weights and
// motion; the embedded coder's units of every layer; the reconstruction). The first 4 bytes pick
// a small geometry; then each layer is a 2-byte little-endian length and that many bytes (cut at
// the end of the input). Bad input must end in std::runtime_error, never a crash, a hang or
// unbounded memory.
#include "wavelet/wavelet-chunk.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 4)
    {
        return 0;
    }
    const int width = 2 * (1 + data[0] % 40);
    const int height = 2 * (1 + data[1] % 30);
    const int frames = 1 + data[2] % 9;
    const int gop = (data[3] & 1) ? 0 : 2 + (data[3] >> 1) % 8;
    const int layers = 1 + (data[3] >> 4) % 4;
    std::vector<std::vector<std::uint8_t>> payloads;
    std::size_t at = 4;
    for (int j = 0; j < layers && at + 2 <= size; ++j)
    {
        const std::size_t length =
            std::min<std::size_t>(data[at] | (data[at + 1] << 8), size - at - 2);
        payloads.emplace_back(data + at + 2, data + at + 2 + length);
        at += 2 + length;
    }
    if (payloads.empty())
    {
        return 0; // nothing to decode (Reconstruct needs a layer)
    }
    try
    {
        lvc::WaveletChunkDecoder decoder(width, height, frames, gop);
        for (const auto& payload : payloads)
        {
            decoder.DecodeLayer(payload);
        }
        if (decoder.Reconstruct().size() != static_cast<std::size_t>(frames))
        {
            __builtin_trap();
        }
    }
    catch (const std::runtime_error&)
    {
    }
    return 0;
}
