// lvc info / metrics / motion / scene-cuts / convert: look at videos, compare them, write them out.
#include "interp/scene-cuts.h"
#include "io/motion-field.h"
#include "io/video-reader.h"
#include "io/video-writer.h"
#include "metrics/ms-ssim.h"
#include "metrics/psnr.h"
#include "metrics/ssim.h"
#include "tools/commands.h"

#include "ns3/input-error.h"

#include <deque>
#include <iomanip>
#include <memory>

namespace lvc
{

using ns3::InputError;

namespace
{

void
RunInfo(const Console& console, const VideoOptions& video)
{
    VideoReader reader(video.path, ToReadOptions(video));
    const StreamInfo& info = reader.Info();
    Frame frame;
    while (reader.Read(frame))
    {
    }
    console.out << "file:          " << info.path << "\n"
                << "container:     " << info.container << "\n"
                << "codec:         " << info.codec << "\n"
                << "source:        " << info.source_width << "x" << info.source_height << " "
                << info.source_pixel_format << (info.source_full_range ? " (full range)" : "")
                << "\n"
                << "frames read:   " << reader.FramesRead() << " at " << info.width << "x"
                << info.height << "\n"
                << "fps:           " << info.fps << " (" << info.fps_origin << ")\n"
                << "duration:      " << reader.FramesRead() / info.fps << " s\n";
    if (reader.RejectedPackets() > 0)
    {
        console.out << "rejected packets: " << reader.RejectedPackets() << "\n";
    }
}

struct MetricsArgs
{
    VideoOptions reference;
    std::string test;
    bool per_frame = false;
};

void
RunMetrics(const Console& console, const MetricsArgs& args)
{
    ReadOptions read = ToReadOptions(args.reference);
    VideoReader reference(args.reference.path, read);
    ReadOptions test_read = read;
    test_read.width = reference.Info().width;
    test_read.height = reference.Info().height;
    test_read.crop = {};
    test_read.fps = reference.Info().fps; // frames are paired by index, not by time
    VideoReader test(args.test, test_read);
    Frame a;
    Frame b;
    double sums[5] = {0};
    std::int64_t n = 0;
    if (args.per_frame)
    {
        console.out << "frame  PSNR-Y  PSNR-YUV  PSNR-RGB  SSIM-Y   MS-SSIM-Y\n";
    }
    while (reference.Read(a) && test.Read(b))
    {
        double values[5] = {PsnrY_db(a, b), PsnrYuv_db(a, b), PsnrRgb_db(a, b), 0, 0};
        values[4] = MsSsimY(a, b, &values[3]);
        for (int i = 0; i < 5; ++i)
        {
            sums[i] += values[i];
        }
        if (args.per_frame)
        {
            console.out << std::setw(5) << n << std::fixed << std::setprecision(3) << "  "
                        << values[0] << "  " << values[1] << "  " << values[2] << "  "
                        << std::setprecision(5) << values[3] << "  " << values[4] << "\n";
        }
        ++n;
    }
    console.out << std::fixed << std::setprecision(3) << "frames " << n << "\n"
                << "mean PSNR-Y   " << sums[0] / n << " dB\n"
                << "mean PSNR-YUV " << sums[1] / n << " dB\n"
                << "mean PSNR-RGB " << sums[2] / n << " dB\n"
                << std::setprecision(5) << "mean SSIM-Y   " << sums[3] / n << "\n"
                << "mean MS-SSIM-Y " << sums[4] / n << "\n";
    console.out.unsetf(std::ios::floatfield);
}

void
RunMotion(const Console& console, const VideoOptions& video)
{
    constexpr std::size_t kKeptFrames = 32;
    ReadOptions read = ToReadOptions(video);
    read.motion_vectors = true;
    VideoReader reader(video.path, read);
    std::deque<Frame> history; // history.back() is frame t-1
    Frame current;
    MotionField field;
    double mse_plain = 0;
    double mse_warped = 0;
    int measured = 0;
    console.out << "frame  ref  vector-blocks  PSNR-Y(ref,cur)  PSNR-Y(warped ref,cur)\n";
    for (int t = 0; reader.Read(current, &field); ++t)
    {
        auto offset = static_cast<std::size_t>(field.reference_offset);
        if (field.ValidBlockCount() > 0 && offset > 0 && offset <= history.size())
        {
            const Frame& reference = history[history.size() - offset];
            Frame warped = WarpFrame(reference, field);
            std::size_t luma = current.PlaneSize(Frame::kPlaneY);
            double plain = MeanSquaredError(reference.Plane(0), current.Plane(0), luma);
            double after = MeanSquaredError(warped.Plane(0), current.Plane(0), luma);
            mse_plain += plain;
            mse_warped += after;
            ++measured;
            console.out << std::setw(5) << t << "  t-" << offset << "  " << std::setw(6)
                        << std::fixed << std::setprecision(1)
                        << 100.0 * field.ValidBlockCount() / field.valid.size() << " %  "
                        << std::setprecision(2) << std::setw(8) << PsnrFromMse_db(plain) << "  "
                        << std::setw(8) << PsnrFromMse_db(after) << "\n";
        }
        history.push_back(std::move(current));
        if (history.size() > kKeptFrames)
        {
            history.pop_front();
        }
    }
    if (measured > 0)
    {
        console.out << "frames with vectors and a known reference: " << measured
                    << "; luma MSE summed over them: " << mse_plain << " unwarped, " << mse_warped
                    << " warped\n";
    }
    else
    {
        console.out << "no frame carries motion vectors (intra-only or not H.264)\n";
    }
    console.out.unsetf(std::ios::floatfield);
}

struct SceneCutArgs
{
    VideoOptions video;
    SceneCutOptions cuts;
    bool all = false;
};

void
RunSceneCuts(const Console& console, const SceneCutArgs& args)
{
    VideoReader reader(args.video.path, ToReadOptions(args.video));
    Frame previous;
    Frame current;
    int cuts = 0;
    console.out << "frame  histogram-distance" << (args.all ? "  cut" : "") << "\n";
    console.out << std::fixed << std::setprecision(3);
    for (int t = 0; reader.Read(current); ++t)
    {
        if (t > 0)
        {
            const double d = LumaHistogramDistance(previous, current);
            const bool cut = d > args.cuts.histogram_distance;
            cuts += cut ? 1 : 0;
            if (cut || args.all)
            {
                console.out << std::setw(5) << t << "  " << std::setw(8) << d
                            << (args.all && cut ? "  cut" : "") << "\n";
            }
        }
        std::swap(previous, current);
    }
    console.out.unsetf(std::ios::floatfield);
    console.out << cuts << " scene cuts (histogram distance > " << args.cuts.histogram_distance
                << ")\n";
}

struct ConvertArgs
{
    VideoOptions video;
    std::string output;
    std::string quality = "lossless";
};

void
RunConvert(const Console& console, const ConvertArgs& args)
{
    if (args.quality != "lossless" && args.quality != "high")
    {
        throw InputError("--quality: lossless or high, not '" + args.quality + "'");
    }
    VideoReader reader(args.video.path, ToReadOptions(args.video));
    WriteOptions options;
    options.fps = reader.Info().fps;
    options.quality = args.quality == "high" ? WriteQuality::kHigh : WriteQuality::kLossless;
    VideoWriter writer(args.output, reader.Info().width, reader.Info().height, options);
    Frame frame;
    while (reader.Read(frame))
    {
        writer.Write(frame);
    }
    writer.Close();
    console.out << "wrote " << args.output << ": " << writer.FramesWritten() << " frames, "
                << writer.Encoder() << "\n";
}

} // namespace

void
AddInspectCommands(CLI::App& app, Console& console)
{
    auto info_args = std::make_shared<VideoOptions>();
    CLI::App* info = app.add_subcommand("info", "what a video holds, as lvc reads it");
    AddVideoOptions(*info, *info_args);
    info->callback([&console, info_args] { RunInfo(console, *info_args); });

    auto metrics_args = std::make_shared<MetricsArgs>();
    CLI::App* metrics =
        app.add_subcommand("metrics", "PSNR (Y, YUV, RGB), SSIM and MS-SSIM of two videos");
    AddVideoOptions(*metrics, metrics_args->reference);
    metrics->add_option("test", metrics_args->test, "the video compared with the first")
        ->required();
    metrics->add_flag("--per-frame", metrics_args->per_frame, "one line per frame");
    metrics->callback([&console, metrics_args] { RunMetrics(console, *metrics_args); });

    auto motion_args = std::make_shared<VideoOptions>();
    CLI::App* motion = app.add_subcommand(
        "motion",
        "H.264 motion vectors: how much warping frame t-1 brings it closer to frame t");
    AddVideoOptions(*motion, *motion_args);
    motion->callback([&console, motion_args] { RunMotion(console, *motion_args); });

    auto cut_args = std::make_shared<SceneCutArgs>();
    CLI::App* scene_cuts = app.add_subcommand(
        "scene-cuts",
        "frames that start a new shot (where the neural codec places an anchor)");
    AddVideoOptions(*scene_cuts, cut_args->video);
    scene_cuts
        ->add_option("--threshold",
                     cut_args->cuts.histogram_distance,
                     "luma histogram distance (0..2) above which a frame starts a shot")
        ->capture_default_str();
    scene_cuts->add_flag("--all", cut_args->all, "one line per frame, not only the cuts");
    scene_cuts->callback([&console, cut_args] { RunSceneCuts(console, *cut_args); });

    auto convert_args = std::make_shared<ConvertArgs>();
    CLI::App* convert =
        app.add_subcommand("convert", "write a video as lvc reads it (.mkv, .mp4, .nut)");
    AddVideoOptions(*convert, convert_args->video);
    convert->add_option("-o,--output", convert_args->output, "the video to write")->required();
    convert->add_option("--quality", convert_args->quality, "lossless or high")
        ->capture_default_str();
    convert->callback([&console, convert_args] { RunConvert(console, *convert_args); });
}

} // namespace lvc
