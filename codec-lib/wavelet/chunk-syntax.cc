#include "wavelet/chunk-syntax.h"

#include "wavelet/motion-syntax.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace lvc::chunk_syntax
{

namespace
{

constexpr int kMaxLevels = 6;
constexpr int kMinBandSide = 8;

int
LumaLevels(int w, int h)
{
    return LevelsFor(w, h, kMinBandSide, kMaxLevels);
}

int
ChromaLevels(int w, int h)
{
    return LevelsFor(w / 2, h / 2, kMinBandSide, kMaxLevels - 1);
}

struct HeaderModels
{
    AdaptiveBitModel bits;
    AdaptiveBitModel zero;
    AdaptiveBitModel sign;
    std::array<AdaptiveBitModel, MotionSyntaxModels::kMaxPrefix> prefix;
    std::array<AdaptiveBitModel, MotionSyntaxModels::kMaxPrefix> suffix;

    int Value(SymbolCoder& io, int v)
    {
        return CodeSignedValue(io, zero, sign, prefix, suffix, v);
    }
};

} // namespace

std::vector<CodedImageSpec>
ImageSpecs(const GopStructure& gop, int w, int h, const std::vector<int>& exponents)
{
    std::vector<CodedImageSpec> specs;
    for (std::size_t i = 0; i < gop.coding_order.size(); ++i)
    {
        const int f = gop.coding_order[i];
        const auto weight = static_cast<float>(std::exp2(exponents[i] / kExponentUnit));
        const bool intra = gop.IsIntra(f);
        specs.push_back(CodedImageSpec{w, h, LumaLevels(w, h), false, intra, weight});
        for (int c = 1; c < 3; ++c)
        {
            specs.push_back(CodedImageSpec{w / 2, h / 2, ChromaLevels(w, h), true, intra, weight});
        }
    }
    return specs;
}

GopStructure
CodeHeader(SymbolCoder& io, ChunkHeader& header, int w, int h, int frames, int gop_frames)
{
    HeaderModels m;
    const int cut_count = m.Value(io, static_cast<int>(header.cuts.size()));
    if (cut_count < 0 || cut_count >= frames)
    {
        throw std::runtime_error("scene cut count out of range");
    }
    header.cuts.resize(static_cast<std::size_t>(cut_count));
    int previous = 0;
    for (int& cut : header.cuts)
    {
        cut = previous + m.Value(io, cut - previous);
        previous = cut;
    }
    GopStructure gop;
    try
    {
        gop = GopStructure::Of(frames, gop_frames, header.cuts);
    }
    catch (const std::invalid_argument&)
    {
        throw std::runtime_error("scene cuts out of order or outside the chunk");
    }
    header.top_plane =
        static_cast<int>(io.CodeBits(m.bits, static_cast<std::uint32_t>(header.top_plane), 5));
    header.context_model = static_cast<ContextModel>(
        io.CodeBits(m.bits, static_cast<std::uint32_t>(header.context_model), 1));
    if (header.top_plane > EmbeddedCoder::kMaxTopPlane)
    {
        throw std::runtime_error("top bit plane out of range");
    }
    header.exponents.resize(static_cast<std::size_t>(frames));
    int last = 0;
    for (int& e : header.exponents)
    {
        e = last + m.Value(io, e - last);
        last = e;
        if (std::abs(e) > kMaxExponent)
        {
            throw std::runtime_error("a frame's weight out of range");
        }
    }
    MotionSyntaxModels motion_models;
    const double before_motion = io.CostBits();
    for (int f : gop.coding_order)
    {
        if (gop.IsIntra(f))
        {
            continue;
        }
        auto found = header.motion.find(f);
        if (found == header.motion.end())
        {
            found = header.motion
                        .emplace(f, MotionGrid(w, h, gop.future[static_cast<std::size_t>(f)] >= 0))
                        .first;
        }
        CodeMotion(io, motion_models, found->second);
    }
    header.motion_bits = io.CostBits() - before_motion;
    return gop;
}

void
AppendVarint(std::vector<std::uint8_t>& out, std::uint64_t v)
{
    do
    {
        std::uint8_t byte = v & 0x7FU;
        v >>= 7;
        out.push_back(static_cast<std::uint8_t>(byte | (v != 0 ? 0x80U : 0U)));
    } while (v != 0);
}

std::uint64_t
ReadVarint(const std::vector<std::uint8_t>& in, std::size_t& pos)
{
    std::uint64_t v = 0;
    for (int shift = 0; shift < 63; shift += 7)
    {
        if (pos >= in.size())
        {
            throw std::runtime_error("a layer cut short (unit count)");
        }
        const std::uint8_t byte = in[pos++];
        v |= static_cast<std::uint64_t>(byte & 0x7FU) << shift;
        if ((byte & 0x80U) == 0)
        {
            return v;
        }
    }
    throw std::runtime_error("a layer's unit count out of range");
}

} // namespace lvc::chunk_syntax
