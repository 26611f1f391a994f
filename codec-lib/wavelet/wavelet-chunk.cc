#include "wavelet/wavelet-chunk.h"

#include "interp/scene-cuts.h"
#include "metrics/psnr.h"
#include "wavelet/block-motion.h"
#include "wavelet/cdf97.h"
#include "wavelet/embedded-coder.h"
#include "wavelet/gop-structure.h"
#include "wavelet/motion-search.h"
#include "wavelet/motion-syntax.h"
#include "wavelet/symbol-coder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace lvc
{

namespace
{

/// Quantiser step at plane 0 (in units of weighted coefficients): far below any rate used.
constexpr float kStep = 0.25F;
/// Per-frame scale exponents are in 1/16 octaves.
constexpr double kExponentUnit = 16.0;
constexpr int kMaxExponent = 16 * 16;
constexpr int kMaxLevels = 6;
constexpr int kMinBandSide = 8;
constexpr double kMinLayerGrowth = 1.25;

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

FloatPicture
ToFloat(const Frame& f, float offset)
{
    FloatPicture p;
    for (int c = 0; c < 3; ++c)
    {
        FloatPlane& plane = p[static_cast<std::size_t>(c)];
        plane = FloatPlane(f.PlaneWidth(c), f.PlaneHeight(c));
        const std::uint8_t* src = f.Plane(c);
        for (std::size_t i = 0; i < plane.samples.size(); ++i)
        {
            plane.samples[i] = static_cast<float>(src[i]) - offset;
        }
    }
    return p;
}

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

/// The coder's images: Y, U, V of every frame in coding order.
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

/// What layer 1 says before the coefficients.
struct ChunkHeader
{
    std::vector<int> cuts;
    int top_plane = 0;
    ContextModel context_model = ContextModel::kAdaptive;
    std::vector<int> exponents;       ///< per frame in coding order
    std::map<int, MotionGrid> motion; ///< per predicted frame (display index)
    double motion_bits = 0;           ///< the motion's share (the encoder's estimate)
};

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

/// Codes (or decodes) the header; returns the GOP structure it implies.
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

void
CheckFrames(const std::vector<Frame>& frames)
{
    if (frames.empty())
    {
        throw std::invalid_argument("wavelet codec: a chunk without frames");
    }
    for (const Frame& f : frames)
    {
        if (!f.SameSize(frames[0]))
        {
            throw std::invalid_argument("wavelet codec: frames of different sizes");
        }
    }
}

/// Fills each layer's exit map: decodes every prefix, runs every network exit, and lets decoder
/// exit e use the best of network exits 1..e (1: none).
void
ChooseExits(const std::vector<Frame>& frames,
            const WaveletCodingOptions& options,
            FrameRestorer& restorer,
            std::vector<std::vector<std::uint8_t>>& layers,
            const std::vector<std::size_t>& map_positions)
{
    const int networks = WaveletExitCount(&restorer) - 1; // the network's exits in use
    WaveletChunkDecoder decoder(frames[0].Width(),
                                frames[0].Height(),
                                static_cast<int>(frames.size()),
                                options.gop_frames <= 1 ? 0 : options.gop_frames);
    for (std::size_t k = 0; k < layers.size(); ++k)
    {
        decoder.DecodeLayer(layers[k]);
        const std::vector<Frame> plain = decoder.Reconstruct();
        const std::vector<float> hints = decoder.NoiseHints();
        std::vector<double> psnr(static_cast<std::size_t>(networks) + 1, 0); // per network exit
        psnr[1] = MeanPsnrY_db(frames, plain);
        for (int n = 2; n <= networks; ++n)
        {
            psnr[static_cast<std::size_t>(n)] =
                MeanPsnrY_db(frames, restorer.Restore(plain, hints, n));
        }
        std::uint8_t map = 0;
        for (int e = 3; e <= networks + 1; ++e) // decoder exit e: network exits 1..e - 1
        {
            int best = 1;
            for (int n = 2; n <= e - 1; ++n)
            {
                if (psnr[static_cast<std::size_t>(n)] > psnr[static_cast<std::size_t>(best)])
                {
                    best = n;
                }
            }
            map = static_cast<std::uint8_t>(map | ((best - 1) << (2 * (e - 3))));
        }
        layers[k][map_positions[k]] = map;
    }
}

} // namespace

EncodedWaveletChunk
EncodeWaveletChunk(const std::vector<Frame>& frames,
                   const WaveletCodingOptions& options,
                   FrameRestorer* restorer)
{
    CheckFrames(frames);
    if (options.layer_bpp.empty())
    {
        throw std::invalid_argument("wavelet codec: no layer rates");
    }
    for (std::size_t j = 0; j < options.layer_bpp.size(); ++j)
    {
        if (!(options.layer_bpp[j] > 0) ||
            (j > 0 && options.layer_bpp[j] <= options.layer_bpp[j - 1]))
        {
            throw std::invalid_argument("wavelet codec: layer rates must be positive and increase");
        }
    }
    const int w = frames[0].Width();
    const int h = frames[0].Height();
    const int n = static_cast<int>(frames.size());
    ChunkHeader header;
    if (options.scene_cut_threshold > 0 && options.gop_frames > 1)
    {
        SceneCutOptions cut_options;
        cut_options.histogram_distance = options.scene_cut_threshold;
        header.cuts = SceneCuts(frames, cut_options);
    }
    const GopStructure gop = GopStructure::Of(n, options.gop_frames, header.cuts);

    // Originals as floats, and as references for the frames predicted from them.
    std::vector<FloatPicture> originals;
    for (const Frame& f : frames)
    {
        originals.push_back(ToFloat(f, 0));
    }
    std::map<int, std::unique_ptr<Reference>> refs;
    auto reference = [&](int f) -> const Reference* {
        if (f < 0)
        {
            return nullptr;
        }
        auto& r = refs[f];
        if (!r)
        {
            r = std::make_unique<Reference>(originals[static_cast<std::size_t>(f)]);
        }
        return r.get();
    };
    // Motion and open-loop residuals.
    std::vector<FloatPicture> residuals(static_cast<std::size_t>(n));
    std::vector<std::array<double, 2>> shares(static_cast<std::size_t>(n), {0, 0});
    MotionSearchOptions search;
    search.lambda = options.motion_lambda;
    for (int f : gop.coding_order)
    {
        const auto fi = static_cast<std::size_t>(f);
        if (gop.IsIntra(f))
        {
            residuals[fi] = ToFloat(frames[fi], 128);
            continue;
        }
        const Reference* past = reference(gop.past[fi]);
        const Reference* future = reference(gop.future[fi]);
        const SearchReference sp{&originals[static_cast<std::size_t>(gop.past[fi])][0],
                                 &past->luma};
        SearchReference sf;
        if (future != nullptr)
        {
            sf = SearchReference{&originals[static_cast<std::size_t>(gop.future[fi])][0],
                                 &future->luma};
        }
        MotionGrid grid = SearchMotion(originals[fi][0], sp, sf, search);
        const FloatPicture prediction = PredictPicture(grid, past, future);
        residuals[fi] = originals[fi];
        for (int c = 0; c < 3; ++c)
        {
            std::vector<float>& r = residuals[fi][static_cast<std::size_t>(c)].samples;
            const std::vector<float>& p = prediction[static_cast<std::size_t>(c)].samples;
            for (std::size_t i = 0; i < r.size(); ++i)
            {
                r[i] -= p[i];
            }
        }
        shares[fi] = grid.ReferenceShares();
        header.motion.emplace(f, std::move(grid));
    }
    refs.clear();
    // Distortion weights -> per-frame scale exponents.
    const std::vector<double> weights = DistortionWeights(gop, shares);
    for (int f : gop.coding_order)
    {
        const double e =
            0.5 * options.weight_exponent * std::log2(weights[static_cast<std::size_t>(f)]);
        header.exponents.push_back(std::clamp(static_cast<int>(std::lround(e * kExponentUnit)),
                                              -kMaxExponent,
                                              kMaxExponent));
    }
    // Transform and quantise.
    const std::vector<CodedImageSpec> specs = ImageSpecs(gop, w, h, header.exponents);
    std::vector<FloatPlane> coefficients;
    for (int f : gop.coding_order)
    {
        for (int c = 0; c < 3; ++c)
        {
            FloatPlane plane =
                std::move(residuals[static_cast<std::size_t>(f)][static_cast<std::size_t>(c)]);
            ForwardCdf97(plane, specs[coefficients.size()].levels);
            coefficients.push_back(std::move(plane));
        }
    }
    EmbeddedCoder coder(specs, kStep, options.context_model);
    coder.Quantise(coefficients);
    header.top_plane = coder.TopPlane();
    header.context_model = options.context_model;

    // Record the header, the motion and the units up to the top layer's rate.
    SymbolCoder recorder;
    CodeHeader(recorder, header, w, h, n, options.gop_frames);
    EncodedWaveletChunk out;
    out.motion_bits = header.motion_bits;
    out.scene_cuts = header.cuts;
    const double pixels = static_cast<double>(w) * h * n;
    // Each layer prefix's rate in bits. Layer 1 holds the motion and keeps at least a third of
    // its bits for coefficients; each later prefix has at least kMinLayerGrowth times the bits
    // of the one before (so that no layer is empty when motion raises layer 1).
    std::vector<double> targets;
    for (double bpp : options.layer_bpp)
    {
        targets.push_back(targets.empty()
                              ? std::max(bpp * pixels, 1.5 * recorder.CostBits())
                              : std::max(bpp * pixels, kMinLayerGrowth * targets.back()));
    }
    const double top_bits = targets.back();
    std::vector<std::size_t> symbols{recorder.Count()}; // at each unit boundary
    std::vector<double> costs{recorder.CostBits()};
    for (std::size_t u = 0; u < coder.UnitCount() && recorder.CostBits() <= top_bits; ++u)
    {
        coder.CodeUnit(u, recorder);
        symbols.push_back(recorder.Count());
        costs.push_back(recorder.CostBits());
    }
    // Cut: each layer ends at the last unit boundary within its rate, one unit at least.
    const std::size_t boundaries = costs.size();
    std::vector<std::size_t> ends;
    for (double target : targets)
    {
        std::size_t end = 0;
        while (end + 1 < boundaries && costs[end + 1] <= target)
        {
            ++end;
        }
        const std::size_t minimum = ends.empty() ? 1 : ends.back() + 1;
        end = std::min(std::max(end, minimum), boundaries - 1);
        ends.push_back(end);
    }
    std::size_t previous = 0;
    std::vector<std::size_t> map_positions;
    for (std::size_t j = 0; j < ends.size(); ++j)
    {
        std::vector<std::uint8_t> payload;
        const std::size_t units = ends[j] >= previous ? ends[j] - previous : 0;
        AppendVarint(payload, units);
        map_positions.push_back(payload.size());
        payload.push_back(0); // the exit map, filled in below
        const std::size_t begin = j == 0 ? 0 : symbols[previous];
        const std::vector<std::uint8_t> bytes =
            recorder.Write(begin, symbols[std::max(ends[j], previous)]);
        payload.insert(payload.end(), bytes.begin(), bytes.end());
        out.layers.push_back(std::move(payload));
        previous = std::max(ends[j], previous);
    }
    if (restorer != nullptr)
    {
        ChooseExits(frames, options, *restorer, out.layers, map_positions);
    }
    return out;
}

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
