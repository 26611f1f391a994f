#include "baseline/jpeg2000-layered-codec.h"

#include "baseline/jpeg2000-coder.h"

#include <algorithm>
#include <openjpeg.h>
#include <stdexcept>

namespace lvc
{

namespace
{

/// Resolution levels that fit a picture (OpenJPEG needs the smallest one at least 1 sample).
int
ResolutionsFor(const Frame& frame, int wanted)
{
    int levels = 1;
    int side = std::min(frame.Width(), frame.Height()) / 2; // the chroma planes
    while (levels < wanted && side >= 2)
    {
        side /= 2;
        ++levels;
    }
    return levels;
}

} // namespace

Jpeg2000LayeredCodec::Jpeg2000LayeredCodec(const Jpeg2000LayeredOptions& options)
    : m_options(options)
{
    if (options.layer_bpp.empty() || options.layer_bpp.size() > 16)
    {
        throw std::invalid_argument("1..16 layers");
    }
    for (std::size_t j = 0; j < options.layer_bpp.size(); ++j)
    {
        if (!(options.layer_bpp[j] > 0 && options.layer_bpp[j] < 12) ||
            (j > 0 && options.layer_bpp[j] <= options.layer_bpp[j - 1]))
        {
            throw std::invalid_argument(
                "layer rates must be in (0, 12) bits per pixel and increase");
        }
    }
}

std::string
Jpeg2000LayeredCodec::Name() const
{
    return "jpeg2000-layered";
}

bool
Jpeg2000LayeredCodec::IsLayered() const
{
    return true;
}

void
Jpeg2000LayeredCodec::Prepare(const StreamInfo&, double)
{
}

std::size_t
Jpeg2000LayeredCodec::LevelCount() const
{
    return m_options.layer_bpp.size();
}

nlohmann::ordered_json
Jpeg2000LayeredCodec::Settings() const
{
    nlohmann::ordered_json json;
    json["encoder"] = std::string("OpenJPEG ") + opj_version();
    json["coding"] = "every frame a picture: irreversible 9/7 wavelet, LRCP progression, one "
                     "tile-part per quality layer, rate-distortion layer allocation, Y U V as "
                     "three components (4:2:0, no colour transform)";
    json["resolutions"] = m_options.resolutions;
    json["layer_bpp"] = m_options.layer_bpp;
    json["layer_bpp_are"] = "cumulative target bits per pixel of quality layers 1..k of each frame";
    json["bytes"] = "layer j: the j-th tile-part of every frame of the chunk; layer 1 also each "
                    "codestream's main header and end marker";
    return json;
}

std::vector<ns3::LayerInfo>
Jpeg2000LayeredCodec::CodeChunk(const std::vector<Frame>& frames,
                                const ChunkContext&,
                                const ReconstructionSink& sink)
{
    const std::size_t k_max = m_options.layer_bpp.size();
    std::vector<Jpeg2000Picture> pictures;
    for (const Frame& f : frames)
    {
        pictures.push_back(
            EncodeJpeg2000(f, m_options.layer_bpp, ResolutionsFor(f, m_options.resolutions)));
    }
    std::vector<ns3::LayerInfo> layers;
    for (std::size_t k = 1; k <= k_max; ++k)
    {
        ns3::LayerInfo layer;
        std::vector<Frame> decoded;
        for (std::size_t i = 0; i < frames.size(); ++i)
        {
            layer.bytes += pictures[i].layer_bytes[k - 1];
            decoded.push_back(DecodeJpeg2000(pictures[i].codestream,
                                             static_cast<int>(k),
                                             frames[i].Width(),
                                             frames[i].Height()));
        }
        const Quality q = MeasureSequence(frames, decoded, m_options.quality);
        layer.psnr_db = q.psnr_db;
        layer.ssim = q.ssim;
        layer.ms_ssim = q.ms_ssim;
        if (sink)
        {
            sink(k, decoded);
        }
        layers.push_back(layer);
    }
    return layers;
}

} // namespace lvc
