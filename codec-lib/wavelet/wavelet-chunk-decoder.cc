// The decoder of a wavelet chunk: layers 1..k decoded in turn, frames rebuilt at an exit.
#include "wavelet/cdf97.h"
#include "wavelet/chunk-syntax.h"
#include "wavelet/motion-syntax.h"
#include "wavelet/wavelet-chunk.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lvc
{

namespace
{

using namespace chunk_syntax;

/// Fills every frame `rebuilt` says no to with the blend of the nearest rebuilt frames before
/// and after it, weighted by distance (the chunk's first and last frames are rebuilt: keys).
template <typename Rebuilt>
void
BlendSkipped(std::vector<Frame>& frames, Rebuilt rebuilt)
{
    const int n = static_cast<int>(frames.size());
    for (int f = 0; f < n; ++f)
    {
        if (rebuilt(f))
        {
            continue;
        }
        int a = f - 1;
        while (a > 0 && !rebuilt(a))
        {
            --a;
        }
        int b = f + 1;
        while (b < n - 1 && !rebuilt(b))
        {
            ++b;
        }
        const float wb = static_cast<float>(f - a) / static_cast<float>(b - a);
        Frame blend(frames[static_cast<std::size_t>(a)].Width(),
                    frames[static_cast<std::size_t>(a)].Height());
        for (int c = 0; c < Frame::kPlaneCount; ++c)
        {
            const std::uint8_t* pa = frames[static_cast<std::size_t>(a)].Plane(c);
            const std::uint8_t* pb = frames[static_cast<std::size_t>(b)].Plane(c);
            std::uint8_t* dst = blend.Plane(c);
            for (std::size_t i = 0; i < blend.PlaneSize(c); ++i)
            {
                dst[i] = static_cast<std::uint8_t>(
                    std::lround(pa[i] + wb * (static_cast<float>(pb[i]) - pa[i])));
            }
        }
        frames[static_cast<std::size_t>(f)] = std::move(blend);
    }
}

/// Rounds and clips to 8 bits; `picture` keeps the rounded values (the decoder's references).
Frame
ToFrame(FloatPicture& picture)
{
    Frame f(picture[0].width, picture[0].height);
    for (int c = 0; c < 3; ++c)
    {
        FloatPlane& plane = picture[static_cast<std::size_t>(c)];
        std::uint8_t* dst = f.Plane(c);
        for (std::size_t i = 0; i < plane.samples.size(); ++i)
        {
            const float v = std::clamp(std::nearbyint(plane.samples[i]), 0.0F, 255.0F);
            plane.samples[i] = v;
            dst[i] = static_cast<std::uint8_t>(v);
        }
    }
    return f;
}

} // namespace

struct WaveletChunkDecoder::State
{
    int width;
    int height;
    int frames;
    int gop_frames;
    int layers = 0;
    std::uint8_t exit_map = 0; ///< the last layer's
    ChunkHeader header;
    GopStructure gop;
    std::unique_ptr<EmbeddedCoder> coder;
};

WaveletChunkDecoder::WaveletChunkDecoder(int width, int height, int frames, int gop_frames)
    : m_state(std::make_unique<State>())
{
    if (width < 2 || height < 2 || width % 2 || height % 2 || frames < 1 || gop_frames < 0 ||
        gop_frames > GopStructure::kMaxGopFrames)
    {
        throw std::invalid_argument("wavelet decoder: impossible chunk geometry");
    }
    m_state->width = width;
    m_state->height = height;
    m_state->frames = frames;
    m_state->gop_frames = gop_frames;
}

WaveletChunkDecoder::~WaveletChunkDecoder() = default;

int
WaveletChunkDecoder::LayersDecoded() const
{
    return m_state->layers;
}

const std::vector<int>&
WaveletChunkDecoder::SceneCuts() const
{
    return m_state->header.cuts;
}

void
WaveletChunkDecoder::DecodeLayer(const std::vector<std::uint8_t>& payload)
{
    State& s = *m_state;
    std::size_t pos = 0;
    const std::uint64_t units = ReadVarint(payload, pos);
    if (pos >= payload.size())
    {
        throw std::runtime_error("a layer cut short (exit map)");
    }
    const std::uint8_t map = payload[pos++];
    for (int e = 3; e <= kMaxWaveletExits; ++e)
    {
        // Exit e may run network exits 1..e - 1.
        if (((map >> (2 * (e - 3))) & 3U) > static_cast<unsigned>(e - 2))
        {
            throw std::runtime_error("an exit map that sends an exit deeper than itself");
        }
    }
    BinaryArithmeticDecoder decoder(payload.data() + pos, payload.size() - pos);
    SymbolCoder io(&decoder);
    if (s.layers == 0)
    {
        s.gop = CodeHeader(io, s.header, s.width, s.height, s.frames, s.gop_frames);
        s.coder = std::make_unique<EmbeddedCoder>(
            ImageSpecs(s.gop, s.width, s.height, s.header.exponents),
            kStep,
            s.header.context_model);
        s.coder->SetTopPlane(s.header.top_plane);
    }
    if (units > s.coder->UnitCount() - s.coder->UnitsCoded())
    {
        throw std::runtime_error("a layer holds more coding units than the chunk has");
    }
    const std::size_t end = s.coder->UnitsCoded() + static_cast<std::size_t>(units);
    for (std::size_t u = s.coder->UnitsCoded(); u < end; ++u)
    {
        s.coder->CodeUnit(u, io);
    }
    ++s.layers;
    s.exit_map = map;
}

int
WaveletChunkDecoder::NetworkExitFor(int exit) const
{
    if (exit < 1 || exit > kMaxWaveletExits)
    {
        throw std::invalid_argument("wavelet decoder: exit out of range");
    }
    return exit <= 2 ? 1 : 1 + static_cast<int>((m_state->exit_map >> (2 * (exit - 3))) & 3U);
}

int
WaveletExitCount(const FrameRestorer* restorer)
{
    return restorer == nullptr ? 2 : std::min(1 + restorer->ExitCount(), kMaxWaveletExits);
}

std::vector<Frame>
DecodeAtExit(const WaveletChunkDecoder& decoder, FrameRestorer* restorer, int exit)
{
    if (exit < 1 || exit > WaveletExitCount(restorer))
    {
        throw std::invalid_argument("wavelet decoder: exit out of range");
    }
    if (exit == 1)
    {
        return decoder.Reconstruct(true);
    }
    const int network_exit = decoder.NetworkExitFor(exit);
    std::vector<Frame> frames = decoder.Reconstruct();
    return network_exit > 1 ? restorer->Restore(frames, decoder.NoiseHints(), network_exit)
                            : frames;
}

std::vector<float>
WaveletChunkDecoder::NoiseHints() const
{
    const State& s = *m_state;
    if (s.layers == 0)
    {
        throw std::logic_error("wavelet decoder: no layer decoded");
    }
    std::vector<float> hints(static_cast<std::size_t>(s.frames));
    const double plane = s.coder->LastCodedPlane() + std::log2(kStep);
    for (std::size_t i = 0; i < s.gop.coding_order.size(); ++i)
    {
        hints[static_cast<std::size_t>(s.gop.coding_order[i])] =
            static_cast<float>(plane - s.header.exponents[i] / kExponentUnit);
    }
    return hints;
}

std::vector<Frame>
WaveletChunkDecoder::Reconstruct(bool temporal_skip) const
{
    const State& s = *m_state;
    if (s.layers == 0)
    {
        throw std::logic_error("wavelet decoder: no layer decoded");
    }
    std::vector<FloatPlane> coefficients = s.coder->Dequantise();
    const std::vector<CodedImageSpec> specs =
        ImageSpecs(s.gop, s.width, s.height, s.header.exponents);
    std::vector<FloatPicture> decoded(static_cast<std::size_t>(s.frames));
    std::vector<Frame> out(static_cast<std::size_t>(s.frames));
    std::map<int, std::unique_ptr<Reference>> refs;
    // Each reference padded only as far as the vectors into it reach.
    std::map<int, std::vector<std::pair<const MotionGrid*, int>>> uses;
    for (const auto& [frame, grid] : s.header.motion)
    {
        const auto fi = static_cast<std::size_t>(frame);
        if (s.gop.past[fi] >= 0)
        {
            uses[s.gop.past[fi]].emplace_back(&grid, 0);
        }
        if (s.gop.future[fi] >= 0)
        {
            uses[s.gop.future[fi]].emplace_back(&grid, 1);
        }
    }
    auto reference = [&](int f) -> const Reference* {
        if (f < 0)
        {
            return nullptr;
        }
        auto& r = refs[f];
        if (!r)
        {
            r = std::make_unique<Reference>(decoded[static_cast<std::size_t>(f)],
                                            PaddingFor(uses[f]));
        }
        return r.get();
    };
    // The temporal skip rebuilds the keys and the frames whose references lie kSkipSpan or more
    // apart (never a reference of a frame it rebuilds), and blends the others.
    auto rebuilt = [&](int f) {
        return !temporal_skip || s.gop.Span(f) == 0 || s.gop.Span(f) >= kSkipSpan;
    };
    for (std::size_t i = 0; i < s.gop.coding_order.size(); ++i)
    {
        const int f = s.gop.coding_order[i];
        const auto fi = static_cast<std::size_t>(f);
        if (!rebuilt(f))
        {
            continue;
        }
        FloatPicture picture;
        for (int c = 0; c < 3; ++c)
        {
            FloatPlane& plane = coefficients[i * 3 + static_cast<std::size_t>(c)];
            InverseCdf97(plane, specs[i * 3 + static_cast<std::size_t>(c)].levels);
            picture[static_cast<std::size_t>(c)] = std::move(plane);
        }
        if (s.gop.IsIntra(f))
        {
            for (FloatPlane& plane : picture)
            {
                for (float& v : plane.samples)
                {
                    v += 128.0F;
                }
            }
        }
        else
        {
            const FloatPicture prediction = PredictPicture(s.header.motion.at(f),
                                                           reference(s.gop.past[fi]),
                                                           reference(s.gop.future[fi]));
            for (int c = 0; c < 3; ++c)
            {
                std::vector<float>& r = picture[static_cast<std::size_t>(c)].samples;
                const std::vector<float>& p = prediction[static_cast<std::size_t>(c)].samples;
                for (std::size_t k = 0; k < r.size(); ++k)
                {
                    r[k] += p[k];
                }
            }
        }
        out[fi] = ToFrame(picture);
        decoded[fi] = std::move(picture);
    }
    if (temporal_skip)
    {
        BlendSkipped(out, [&](int f) { return rebuilt(f); });
    }
    return out;
}

} // namespace lvc
