// libFuzzer target: codec-lib's layered bitstream reader, the chunk parser (scene-cut list,
// motion section and the anchors' and B frames' codes) and the entropy decoder behind it. Bad input
// must end in InputError (the reader) or std::runtime_error (a motion section); the codes of every
// chunk that parses must re-encode and parse to themselves.
#include "bitstream/bitstream-format.h"
#include "bitstream/chunk-codes.h"
#include "bitstream/chunk-layers.h"
#include "interp/motion-coder.h"

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
    // Pictures whose codes start in a later layer (B frames' errors from layer f): bits 3..6 of
    // the first byte say which pictures start in layer 2.
    std::vector<int> first(frames, 1);
    std::vector<int> counts(frames, layers);
    for (int f = 0; f < frames && layers > 1; ++f)
    {
        if ((data[0] >> (3 + f)) & 1)
        {
            first[f] = 2;
            counts[f] = layers - 1;
        }
    }
    codes = lvc::DecodeChunkLayers(payloads, shapes, {}, counts, first);
    if (lvc::DecodeChunkLayers(lvc::EncodeChunkLayers(codes, {}, first),
                               shapes,
                               {},
                               counts,
                               first) != codes)
    {
        std::abort();
    }
}

/// Layer 1's scene-cut list and motion section for `codes`, as the encoder writes them.
std::vector<std::uint8_t>
MotionSection(const lvc::BitstreamHeader& h, const lvc::ChunkCodes& codes)
{
    std::vector<std::uint8_t> section;
    if (h.gop_frames < 2)
    {
        return section;
    }
    if (lvc::HasSceneCutList(h))
    {
        section = lvc::SceneCutSection(codes.scene_cuts);
    }
    std::vector<std::uint8_t> motion;
    if (!codes.hierarchy.b_frames.empty())
    {
        motion = lvc::EncodeMotion(codes.hierarchy, codes.b_motion);
    }
    for (int i = 0; i < 4; ++i)
    {
        section.push_back(static_cast<std::uint8_t>(motion.size() >> (8 * i)));
    }
    section.insert(section.end(), motion.begin(), motion.end());
    return section;
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
            lvc::ChunkCodes codes;
            try
            {
                codes = lvc::ParseChunk(payloads, reader.ChunkFrames(c), h, shape);
            }
            catch (const std::runtime_error&) // a cut list or motion section that does not decode
            {
                continue;
            }
            lvc::ChunkCodes again =
                lvc::ParseChunk(lvc::ChunkPayloads(codes, MotionSection(h, codes)),
                                reader.ChunkFrames(c),
                                h,
                                shape);
            if (again.anchor_codes != codes.anchor_codes || again.b_codes != codes.b_codes ||
                again.scene_cuts != codes.scene_cuts)
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
