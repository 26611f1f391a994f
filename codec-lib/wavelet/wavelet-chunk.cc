#include "wavelet/wavelet-chunk.h"

#include "interp/scene-cuts.h"
#include "metrics/psnr.h"
#include "wavelet/cdf97.h"
#include "wavelet/chunk-syntax.h"
#include "wavelet/motion-search.h"
#include "wavelet/motion-syntax.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace lvc
{

namespace
{

using namespace chunk_syntax;

constexpr double kMinLayerGrowth = 1.25;

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

} // namespace lvc
