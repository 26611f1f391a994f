#include "restore/restoration-data.h"

#include "io/video-reader.h"
#include "metrics/psnr.h"

#include "ns3/input-error.h"

#include <algorithm>

namespace lvc
{

namespace
{

/// Codes one chunk, decodes every prefix and keeps some frames of each.
void
AddChunk(const std::vector<Frame>& chunk,
         const RestorationDataOptions& options,
         std::mt19937_64& rng,
         std::vector<Frame>& originals,
         std::vector<std::pair<std::size_t, std::pair<Frame, float>>>& kept)
{
    const std::size_t base = originals.size();
    originals.insert(originals.end(), chunk.begin(), chunk.end());
    const EncodedWaveletChunk coded = EncodeWaveletChunk(chunk, options.coding);
    WaveletChunkDecoder decoder(chunk[0].Width(),
                                chunk[0].Height(),
                                static_cast<int>(chunk.size()),
                                options.coding.gop_frames <= 1 ? 0 : options.coding.gop_frames);
    std::vector<std::size_t> order(chunk.size());
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        order[i] = i;
    }
    for (const auto& layer : coded.layers)
    {
        decoder.DecodeLayer(layer);
        const std::vector<Frame> frames = decoder.Reconstruct();
        const std::vector<float> hints = decoder.NoiseHints();
        std::shuffle(order.begin(), order.end(), rng);
        const std::size_t keep =
            std::min<std::size_t>(order.size(),
                                  static_cast<std::size_t>(options.frames_per_prefix));
        for (std::size_t i = 0; i < keep; ++i)
        {
            kept.push_back({base + order[i], {frames[order[i]], hints[order[i]]}});
        }
    }
}

} // namespace

RestorationData::RestorationData(const std::vector<TrainingSource>& sources,
                                 const RestorationDataOptions& options,
                                 const std::function<void(const std::string&)>& progress)
{
    std::mt19937_64 rng(options.seed);
    std::vector<std::pair<std::size_t, std::pair<Frame, float>>> kept;
    for (const TrainingSource& source : sources)
    {
        VideoReader reader(source.path, source.read);
        if (reader.Info().width < options.min_side || reader.Info().height < options.min_side)
        {
            continue;
        }
        const int chunks = source.max_frames == 1 ? 1 : options.chunks_per_source;
        const int frames_per_chunk = source.max_frames == 1 ? 1 : options.chunk_frames;
        int coded = 0;
        Frame frame;
        std::vector<Frame> chunk;
        while (coded < chunks && reader.Read(frame))
        {
            chunk.push_back(frame);
            if (static_cast<int>(chunk.size()) == frames_per_chunk)
            {
                AddChunk(chunk, options, rng, m_originals, kept);
                chunk.clear();
                ++coded;
            }
        }
        if (!chunk.empty() && coded < chunks)
        {
            AddChunk(chunk, options, rng, m_originals, kept);
            ++coded;
        }
        if (progress)
        {
            progress(source.path + ": " + std::to_string(coded) + " chunks at " +
                     std::to_string(reader.Info().width) + "x" +
                     std::to_string(reader.Info().height));
        }
    }
    if (kept.empty())
    {
        throw ns3::InputError("restoration data: no source of at least " +
                              std::to_string(options.min_side) + " pixels each way");
    }
    for (auto& [index, sample] : kept)
    {
        m_samples.push_back(Sample{std::move(sample.first), index, sample.second});
    }
}

std::size_t
RestorationData::Size() const
{
    return m_samples.size();
}

RestorationBatch
RestorationData::SamplePatches(std::mt19937_64& rng, int count, int side) const
{
    RestorationBatch batch;
    for (int i = 0; i < count; ++i)
    {
        const Sample& s = m_samples[rng() % m_samples.size()];
        const Frame& original = m_originals[s.original];
        const int w = std::min(side, original.Width() & ~1);
        const int h = std::min(side, original.Height() & ~1);
        const int crop = std::min(w, h);
        const int x0 =
            2 *
            static_cast<int>(rng() % static_cast<std::uint64_t>((original.Width() - crop) / 2 + 1));
        const int y0 = 2 * static_cast<int>(rng() % static_cast<std::uint64_t>(
                                                        (original.Height() - crop) / 2 + 1));
        const bool flip_x = (rng() & 1) != 0;
        const bool flip_y = (rng() & 1) != 0;
        batch.decoded.push_back(CropFlip(s.decoded, x0, y0, crop, flip_x, flip_y));
        batch.original.push_back(CropFlip(original, x0, y0, crop, flip_x, flip_y));
        batch.hints.push_back(s.hint);
    }
    return batch;
}

double
RestorationData::PlainPsnrY_db() const
{
    double sum = 0;
    for (const Sample& s : m_samples)
    {
        sum += PsnrY_db(m_originals[s.original], s.decoded);
    }
    return sum / static_cast<double>(m_samples.size());
}

} // namespace lvc
