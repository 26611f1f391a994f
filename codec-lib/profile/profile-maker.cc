#include "profile/profile-maker.h"

#include "common/stopwatch.h"
#include "io/av-holders.h"
#include "io/chunk-reader.h"

#include <filesystem>
#include <sstream>

namespace lvc
{

namespace
{

nlohmann::ordered_json
ReadingJson(const StreamInfo& info,
            const ReadOptions& read,
            double requested_chunk_s,
            int frames_per_chunk)
{
    nlohmann::ordered_json json;
    json["source_width"] = info.source_width;
    json["source_height"] = info.source_height;
    json["source_pixel_format"] = info.source_pixel_format;
    json["source_full_range"] = info.source_full_range;
    json["reduced_resolution"] =
        info.width != info.source_width || info.height != info.source_height;
    if (read.crop.IsSet())
    {
        json["crop"] = {read.crop.width, read.crop.height, read.crop.x, read.crop.y};
    }
    json["frames_read_as"] = "limited-range yuv420p, Lanczos scaling (libswscale, bit-exact)";
    json["fps_origin"] = info.fps_origin;
    if (read.start_frame > 0)
    {
        json["start_frame"] = read.start_frame;
    }
    json["requested_chunk_duration_s"] = requested_chunk_s;
    json["frames_per_chunk"] = frames_per_chunk;
    return json;
}

} // namespace

nlohmann::ordered_json
QualitySettingsJson(const QualityOptions& quality)
{
    nlohmann::ordered_json json;
    json["psnr"] = PsnrSpaceName(quality.psnr) +
                   ", mean over the chunk's frames of per-frame PSNR (peak 255, at most 100 dB)";
    json["ssim"] = "Y, Wang et al. 2004: 11x11 Gaussian window (sigma 1.5), K1 0.01, K2 0.03, "
                   "valid positions, mean over frames";
    if (quality.ms_ssim)
    {
        json["ms_ssim"] =
            "Y, 5 scales, weights 0.0448 0.2856 0.3001 0.2363 0.1333, mean over frames";
    }
    json["against"] = "the source frames as read (after any scaling)";
    return json;
}

ns3::VideoProfile
MakeProfile(const ProfileRequest& request, ChunkCodec& codec, const QualityOptions& quality)
{
    const Stopwatch since_start;
    VideoReader reader(request.video_path, request.read);
    ChunkReader chunks(reader, request.chunk_duration_s);
    const StreamInfo& info = reader.Info();
    codec.Prepare(info, chunks.ChunkDuration_s());

    std::string name = request.name.empty()
                           ? std::filesystem::path(request.video_path).stem().string()
                           : request.name;
    std::vector<ns3::ChunkInfo> table;
    std::vector<Frame> frames;
    std::uint64_t frame_count = 0;
    while (chunks.Next(frames))
    {
        const Stopwatch since_chunk_start;
        ChunkContext context{table.size(), info.fps, chunks.FramesPerChunk()};
        ReconstructionSink sink;
        if (request.sink)
        {
            sink = [&request, &context](std::size_t level, const std::vector<Frame>& decoded) {
                request.sink(context, level, decoded);
            };
        }
        ns3::ChunkInfo chunk;
        chunk.duration_s = frames.size() / info.fps;
        chunk.layers = codec.CodeChunk(frames, context, sink);
        table.push_back(chunk);
        if (request.progress)
        {
            std::ostringstream line;
            line << name << " " << codec.Name() << ": chunk " << context.index << " (frames "
                 << frame_count << "-" << frame_count + frames.size() - 1 << ", "
                 << chunk.layers.size() << " levels) in " << since_chunk_start.Seconds() << " s, "
                 << since_start.Seconds() << " s so far";
            request.progress(line.str());
        }
        frame_count += frames.size();
    }

    ns3::VideoInfo video;
    video.name = name;
    video.source = request.source.empty() ? request.video_path : request.source;
    video.width = static_cast<std::uint32_t>(info.width);
    video.height = static_cast<std::uint32_t>(info.height);
    video.fps = info.fps;
    video.frames = frame_count;
    ns3::CodecInfo codec_info;
    codec_info.name = codec.Name();
    codec_info.version = "libavcodec " + LibavcodecVersion();
    nlohmann::ordered_json settings = codec.Settings();
    settings["video"] =
        ReadingJson(info, request.read, request.chunk_duration_s, chunks.FramesPerChunk());
    settings["quality"] = QualitySettingsJson(quality);
    codec_info.settings_json = settings.dump();
    codec.DescribeCodec(codec_info);
    return ns3::VideoProfile::FromChunks(video,
                                         codec_info,
                                         chunks.ChunkDuration_s(),
                                         codec.IsLayered(),
                                         std::move(table),
                                         name);
}

} // namespace lvc
