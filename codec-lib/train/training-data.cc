#include "train/training-data.h"

#include "io/video-reader.h"

#include "ns3/input-error.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace lvc
{

namespace
{

constexpr int kExtraVideoFrameStep = 8;
constexpr int kExtraVideoMaxFrames = 60;
constexpr int kPictureMaxWidth = 1280;

bool
IsPicture(const std::string& path)
{
    for (const char* ext : {".jpg", ".jpeg", ".png", ".webp"})
    {
        std::size_t n = std::strlen(ext);
        if (path.size() > n && path.compare(path.size() - n, n, ext) == 0)
        {
            return true;
        }
    }
    return false;
}

} // namespace

Frame
CropFlip(const Frame& source, int x0, int y0, int side, bool flip_x, bool flip_y)
{
    Frame out(side, side, source.Matrix());
    for (int p = 0; p < Frame::kPlaneCount; ++p)
    {
        int sub = p == Frame::kPlaneY ? 1 : 2;
        int n = side / sub;
        int sx = x0 / sub;
        int sy = y0 / sub;
        const std::uint8_t* in = source.Plane(p);
        std::uint8_t* dst = out.Plane(p);
        int stride = source.PlaneWidth(p);
        for (int y = 0; y < n; ++y)
        {
            const std::uint8_t* row =
                in + static_cast<std::size_t>(sy + (flip_y ? n - 1 - y : y)) * stride + sx;
            for (int x = 0; x < n; ++x)
            {
                dst[y * n + x] = row[flip_x ? n - 1 - x : x];
            }
        }
    }
    return out;
}

const std::vector<SharedClip>&
SharedClipSplit()
{
    static const std::vector<SharedClip> kSplit = {
        {"videos/h264/test_cif_I_CABAC_slice.264", true, "Foreman"},
        {"videos/y4m/foreman_cif_60f.y4m", true, "Foreman (decoded from the CIF stream)"},
        {"videos/h264/CVPCMNL1_SVA_C.264", true, "Mobile & Calendar"},
        {"videos/y4m/mobile_cif_30f.y4m", true, "Mobile & Calendar (decoded from its stream)"},
        {"videos/h264/LS_SVA_D.264", true, "spliced Foreman, Mobile and others"},
        {"videos/h264/VID_1280x720_cabac_temporal_direct.264", false, "flower"},
        {"videos/h264/VID_1920x1080_cabac_temporal_direct.264", false, "street"},
        {"videos/y4m/street_384x216_54f.y4m", false, "street (downscaled from the 1080p stream)"},
        {"videos/h264/Adobe_PDF_sample_a_1024x768_50Frms.264", false, "screen content"},
    };
    return kSplit;
}

std::vector<TrainingSource>
DefaultTrainingSources(const std::string& shared_dir, const std::string& extra_list)
{
    std::vector<TrainingSource> sources;
    for (const SharedClip& clip : SharedClipSplit())
    {
        if (clip.held_out)
        {
            continue;
        }
        TrainingSource native;
        native.path = shared_dir + "/" + clip.path;
        native.read.fps = 25; // raw streams without timing; the rate does not matter here
        native.frame_step = 3;
        native.max_frames = 40;
        sources.push_back(native);
        VideoReader probe(native.path, native.read);
        if (probe.Info().width >= 640)
        {
            TrainingSource half = native;
            half.read.width = EvenRound(probe.Info().width / 2.0);
            half.read.height = EvenRound(probe.Info().height / 2.0);
            half.frame_step = 5;
            sources.push_back(half);
        }
    }
    if (!extra_list.empty())
    {
        std::ifstream in(extra_list);
        if (!in)
        {
            throw ns3::InputError::InFile(extra_list, "cannot read the list of training files");
        }
        std::string line;
        while (std::getline(in, line))
        {
            if (line.empty() || line[0] == '#')
            {
                continue;
            }
            TrainingSource extra;
            extra.path = line;
            extra.read.fps = 25;
            if (IsPicture(line))
            {
                extra.max_frames = 1;
                VideoReader probe(line, extra.read);
                if (probe.Info().width > kPictureMaxWidth)
                {
                    extra.read.width = kPictureMaxWidth;
                    extra.read.height = EvenRound(static_cast<double>(probe.Info().height) *
                                                  kPictureMaxWidth / probe.Info().width);
                }
            }
            else
            {
                extra.frame_step = kExtraVideoFrameStep;
                extra.max_frames = kExtraVideoMaxFrames;
            }
            sources.push_back(extra);
        }
    }
    return sources;
}

TrainingFrames::TrainingFrames(const std::vector<TrainingSource>& sources,
                               int min_side,
                               const std::function<void(const std::string&)>& progress)
{
    for (const TrainingSource& source : sources)
    {
        VideoReader reader(source.path, source.read);
        if (reader.Info().width < min_side || reader.Info().height < min_side)
        {
            continue;
        }
        Frame frame;
        std::int64_t index = 0;
        int kept = 0;
        while ((source.max_frames == 0 || kept < source.max_frames) && reader.Read(frame))
        {
            if (index++ % source.frame_step == 0)
            {
                m_frames.push_back(frame);
                ++kept;
            }
        }
        if (progress)
        {
            progress(source.path + ": " + std::to_string(kept) + " frames at " +
                     std::to_string(reader.Info().width) + "x" +
                     std::to_string(reader.Info().height));
        }
    }
    if (m_frames.empty())
    {
        throw ns3::InputError("training data: no frame of at least " + std::to_string(min_side) +
                              " pixels each way");
    }
}

TrainingFrames::TrainingFrames(std::vector<Frame> frames)
    : m_frames(std::move(frames))
{
}

std::size_t
TrainingFrames::Size() const
{
    return m_frames.size();
}

std::size_t
TrainingFrames::Pixels() const
{
    std::size_t n = 0;
    for (const Frame& f : m_frames)
    {
        n += static_cast<std::size_t>(f.Width()) * f.Height();
    }
    return n;
}

void
TrainingFrames::AddErrorFrames(std::vector<Frame> errors, double fraction, int min_side)
{
    if (!(fraction >= 0 && fraction <= 1))
    {
        throw std::invalid_argument("training data: the error fraction must be in 0..1");
    }
    for (Frame& f : errors)
    {
        if (f.Width() >= min_side && f.Height() >= min_side)
        {
            m_errors.push_back(std::move(f));
        }
    }
    m_error_fraction = fraction;
}

std::size_t
TrainingFrames::ErrorFrameCount() const
{
    return m_errors.size();
}

std::vector<Frame>
TrainingFrames::SamplePatches(std::mt19937_64& rng, int count, int side) const
{
    std::vector<Frame> patches;
    patches.reserve(count);
    for (int i = 0; i < count; ++i)
    {
        // The extra draw happens only with error pictures, so older runs keep their batches.
        const bool error =
            !m_errors.empty() && static_cast<double>(rng() % 1000000) < m_error_fraction * 1000000;
        const std::vector<Frame>& pool = error ? m_errors : m_frames;
        const Frame& f = pool[rng() % pool.size()];
        int x = static_cast<int>(rng() % ((f.Width() - side) / 2 + 1)) * 2;
        int y = static_cast<int>(rng() % ((f.Height() - side) / 2 + 1)) * 2;
        std::uint64_t flips = rng();
        patches.push_back(CropFlip(f, x, y, side, flips & 1, flips & 2));
    }
    return patches;
}

} // namespace lvc
