#include "bitstream/chunk-codes.h"

#include "interp/motion-coder.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace lvc
{

namespace
{

std::vector<FrameCodes>
Prefix(const std::vector<FrameCodes>& codes, int k)
{
    std::vector<FrameCodes> out;
    out.reserve(codes.size());
    for (const FrameCodes& c : codes)
    {
        out.emplace_back(c.begin(), c.begin() + std::min<std::size_t>(k, c.size()));
    }
    return out;
}

std::uint32_t
GetU32(const std::uint8_t* p)
{
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

bool
HasMotionSection(const BitstreamHeader& header)
{
    return header.gop_frames >= 2;
}

/// Anchors then B frames with codes: the order of the pictures in every payload.
std::vector<FrameCodes>
PictureCodes(const ChunkCodes& codes)
{
    std::vector<FrameCodes> pictures = codes.anchor_codes;
    pictures.insert(pictures.end(), codes.b_codes.begin(), codes.b_codes.end());
    return pictures;
}

/// Per picture of PictureCodes, the layer of its first code.
std::vector<int>
FirstLayers(std::size_t anchors, std::size_t b_frames, int b_error_first_layer)
{
    std::vector<int> first(anchors, 1);
    first.insert(first.end(), b_frames, b_error_first_layer);
    return first;
}

} // namespace

void
ApplyCodingOptions(const NeuralCodingOptions& options, BitstreamHeader& h)
{
    using ns3::InputError;
    if (options.gop_frames == 1 || options.gop_frames < 0 ||
        options.gop_frames > BitstreamHeader::kMaxGopFrames)
    {
        throw InputError("--gop: 0 (intra) or 2.." +
                         std::to_string(BitstreamHeader::kMaxGopFrames) + ", not " +
                         std::to_string(options.gop_frames));
    }
    if (h.layers < 1 || h.layers > BitstreamHeader::kMaxLayers)
    {
        throw std::invalid_argument("coding options: the header's layer count first");
    }
    if (options.b_error_layers < -1 || options.b_error_layers > h.layers)
    {
        throw InputError("--b-error-layers: 0.." + std::to_string(h.layers) +
                         " (or -1: all), not " + std::to_string(options.b_error_layers));
    }
    const int last_error_layer = options.b_error_layers < 0 ? h.layers : options.b_error_layers;
    const int first_error_layer =
        options.b_error_first_layer == -1
            ? std::max(1, std::min(NeuralCodingOptions::kDefaultFirstErrorLayer, last_error_layer))
            : options.b_error_first_layer;
    if (first_error_layer < 1 || (last_error_layer > 0 && first_error_layer > last_error_layer))
    {
        throw InputError("--b-error-first-layer: 1.." +
                         std::to_string(std::max(1, last_error_layer)) +
                         " (at most the last error layer; -1: the default), not " +
                         std::to_string(options.b_error_first_layer));
    }
    if (options.motion_crf < 0 || options.motion_crf > 51)
    {
        throw InputError("--motion-crf: 0..51, not " + std::to_string(options.motion_crf));
    }
    h.gop_frames = options.gop_frames;
    h.b_error_layers = options.gop_frames == 0 ? 0 : last_error_layer;
    h.b_error_first_layer = h.b_error_layers == 0 ? 1 : first_error_layer;
}

int
ChunkCodes::Layers() const
{
    return anchor_codes.empty() ? 0 : static_cast<int>(anchor_codes[0].size());
}

FrameHierarchy
ChunkHierarchy(const BitstreamHeader& header, std::uint32_t frames)
{
    return FrameHierarchy::Of(static_cast<int>(frames), header.gop_frames);
}

std::vector<std::vector<std::uint8_t>>
ChunkPayloads(const ChunkCodes& codes, const std::vector<std::uint8_t>& motion_section)
{
    std::vector<std::vector<std::uint8_t>> payloads = EncodeChunkLayers(
        PictureCodes(codes),
        {},
        FirstLayers(codes.anchor_codes.size(), codes.b_codes.size(), codes.b_error_first_layer));
    payloads.at(0).insert(payloads[0].begin(), motion_section.begin(), motion_section.end());
    return payloads;
}

ChunkCodes
ParseChunk(const std::vector<std::vector<std::uint8_t>>& payloads,
           std::uint32_t frames,
           const BitstreamHeader& header,
           const CodeShape& shape)
{
    if (payloads.empty())
    {
        throw std::invalid_argument("parse chunk: no layer");
    }
    ChunkCodes codes;
    codes.hierarchy = ChunkHierarchy(header, frames);
    codes.b_error_first_layer = header.b_error_first_layer;
    const FrameHierarchy& h = codes.hierarchy;
    std::vector<std::vector<std::uint8_t>> code_payloads = payloads;
    if (HasMotionSection(header))
    {
        std::vector<std::uint8_t>& first = code_payloads[0];
        if (first.size() < 4 || GetU32(first.data()) > first.size() - 4)
        {
            throw std::runtime_error("layer 1: the motion section does not fit the payload");
        }
        const std::size_t motion_size = GetU32(first.data());
        if (!h.b_frames.empty())
        {
            codes.b_motion =
                DecodeMotion(first.data() + 4, motion_size, h, header.width, header.height);
        }
        else if (motion_size != 0)
        {
            throw std::runtime_error("layer 1: motion for a chunk without B frames");
        }
        codes.motion_bytes = 4 + motion_size;
        first.erase(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(4 + motion_size));
    }
    const std::size_t b_with_codes = header.BErrorIterations() > 0 ? h.b_frames.size() : 0;
    std::vector<int> counts(h.anchors.size(), header.layers);
    counts.insert(counts.end(), b_with_codes, header.BErrorIterations());
    std::vector<FrameCodes> pictures =
        DecodeChunkLayers(code_payloads,
                          std::vector<CodeShape>(counts.size(), shape),
                          {},
                          counts,
                          FirstLayers(h.anchors.size(), b_with_codes, header.b_error_first_layer));
    codes.anchor_codes.assign(pictures.begin(), pictures.begin() + h.anchors.size());
    codes.b_codes.assign(pictures.begin() + h.anchors.size(), pictures.end());
    return codes;
}

ChunkCodes
PrefixOf(const ChunkCodes& codes, int k)
{
    ChunkCodes out = codes;
    out.anchor_codes = Prefix(codes.anchor_codes, k);
    out.b_codes = Prefix(codes.b_codes, std::max(0, k - codes.b_error_first_layer + 1));
    return out;
}

} // namespace lvc
