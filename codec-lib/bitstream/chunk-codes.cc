#include "bitstream/chunk-codes.h"

#include "interp/motion-coder.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <sstream>
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

std::uint32_t
GetU16(const std::uint8_t* p)
{
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8;
}

/// Reads the scene-cut list at the start of `first` and erases it (std::runtime_error when it
/// does not fit or is not an increasing list within the chunk).
std::vector<int>
TakeSceneCuts(std::vector<std::uint8_t>& first, std::uint32_t frames)
{
    if (first.size() < 2 || 2 + 2 * std::size_t{GetU16(first.data())} > first.size())
    {
        throw std::runtime_error("layer 1: the scene-cut list does not fit the payload");
    }
    const std::size_t count = GetU16(first.data());
    std::vector<int> cuts;
    for (std::size_t i = 0; i < count; ++i)
    {
        const int cut = static_cast<int>(GetU16(first.data() + 2 + 2 * i));
        if (cut < 1 || cut >= static_cast<int>(frames) || (!cuts.empty() && cut <= cuts.back()))
        {
            throw std::runtime_error("layer 1: scene cut " + std::to_string(cut) +
                                     " is not increasing within frames 1.." +
                                     std::to_string(frames - 1));
        }
        cuts.push_back(cut);
    }
    first.erase(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(2 + 2 * count));
    return cuts;
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
    if (!(options.scene_cut_threshold >= 0 && options.scene_cut_threshold <= 2))
    {
        std::ostringstream value;
        value << options.scene_cut_threshold;
        throw InputError("--scene-cut-threshold: 0 (no cuts) .. 2, not " + value.str());
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
ChunkHierarchy(const BitstreamHeader& header,
               std::uint32_t frames,
               const std::vector<int>& scene_cuts)
{
    return FrameHierarchy::Of(static_cast<int>(frames), header.gop_frames, scene_cuts);
}

bool
HasSceneCutList(const BitstreamHeader& header)
{
    return HasMotionSection(header) && header.version >= 4;
}

std::vector<std::uint8_t>
SceneCutSection(const std::vector<int>& scene_cuts)
{
    std::vector<std::uint8_t> out;
    auto put = [&out](std::size_t v) {
        if (v > 0xFFFF)
        {
            throw std::invalid_argument("scene-cut list: a value over 65535");
        }
        out.push_back(static_cast<std::uint8_t>(v));
        out.push_back(static_cast<std::uint8_t>(v >> 8));
    };
    put(scene_cuts.size());
    for (int cut : scene_cuts)
    {
        put(static_cast<std::size_t>(cut));
    }
    return out;
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
    std::vector<std::vector<std::uint8_t>> code_payloads = payloads;
    if (HasSceneCutList(header))
    {
        codes.scene_cuts = TakeSceneCuts(code_payloads[0], frames);
    }
    codes.hierarchy = ChunkHierarchy(header, frames, codes.scene_cuts);
    codes.b_error_first_layer = header.b_error_first_layer;
    const FrameHierarchy& h = codes.hierarchy;
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
