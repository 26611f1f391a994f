// Readers of video profiles: JSON v1, Sabre manifests, Pensieve video_size_<level> folders.
#include "video-profile.h"

#include "ns3/input-error.h"
#include "ns3/json-field-reader.h"
#include "ns3/text-input.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>

namespace ns3
{

namespace
{
using Json = nlohmann::json;
using FieldReader = JsonFieldReader;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kBitsPerByte = 8;
constexpr double kMsPerS = 1000;
constexpr double kBpsPerKbps = 1000;

ExitInfo
ReadExit(const FieldReader& r, const Json& e, const std::string& path)
{
    if (!e.is_object())
    {
        r.Fail(path, "not an object");
    }
    ExitInfo exit;
    exit.psnr_db = r.Number(e, path, "psnr_db");
    exit.ssim = r.Number(e, path, "ssim");
    exit.decode_ms = r.Number(e, path, "decode_ms");
    return exit;
}

LayerInfo
ReadLayer(const FieldReader& r, const Json& l, const std::string& path)
{
    if (!l.is_object())
    {
        r.Fail(path, "not an object");
    }
    LayerInfo layer;
    layer.bytes = r.Integer(l, path, "bytes");
    layer.psnr_db = r.Number(l, path, "psnr_db");
    layer.ssim = r.Number(l, path, "ssim");
    layer.bitrate_bps = r.NumberOr(l, path, "bitrate_bps", 0);
    layer.ms_ssim = r.NumberOr(l, path, "ms_ssim", 0);
    if (layer.bitrate_bps < 0 || layer.ms_ssim < 0 || layer.ms_ssim > 1)
    {
        r.Fail(path, "bitrate_bps must be > 0 and ms_ssim in (0, 1]");
    }
    if (r.Has(l, "exits"))
    {
        const Json& exits = r.Array(l, path, "exits");
        if (exits.empty())
        {
            r.Fail(path + ".exits", "empty (omit it, or give at least one exit)");
        }
        for (std::size_t e = 0; e < exits.size(); ++e)
        {
            layer.exits.push_back(
                ReadExit(r, exits[e], path + ".exits[" + std::to_string(e) + "]"));
        }
    }
    return layer;
}

VideoProfile
ReadV1(const Json& doc, const std::string& name)
{
    FieldReader r(name);
    static const char* kTopKeys[] = {"format",
                                     "version",
                                     "video",
                                     "codec",
                                     "chunk_duration_s",
                                     "layered",
                                     "exit_count",
                                     "chunks"};
    for (const auto& item : doc.items())
    {
        bool known = false;
        for (const char* k : kTopKeys)
        {
            known = known || item.key() == k;
        }
        if (!known)
        {
            r.Fail(item.key(), "unknown field (the v1 schema allows no others)");
        }
    }
    if (r.String(doc, "", "format") != "layered-video-profile")
    {
        r.Fail("format", "must be \"layered-video-profile\"");
    }
    const Json& version = r.Get(doc, "", "version");
    if (!version.is_number_integer() || version.get<std::int64_t>() != VideoProfile::kFormatVersion)
    {
        r.Fail("version", "unknown version " + version.dump() + " (this reader knows 1)");
    }
    const Json& v = r.Object(doc, "", "video");
    VideoInfo video;
    video.name = r.String(v, "video", "name");
    video.source = r.StringOr(v, "video", "source");
    video.width = static_cast<std::uint32_t>(r.Integer(v, "video", "width"));
    video.height = static_cast<std::uint32_t>(r.Integer(v, "video", "height"));
    video.fps = r.Number(v, "video", "fps");
    video.frames = r.Integer(v, "video", "frames");
    if (video.name.empty() || video.width < 1 || video.height < 1 || !(video.fps > 0) ||
        video.frames < 1)
    {
        r.Fail("video", "needs a name, width, height and frames >= 1 and fps > 0");
    }
    const Json& c = r.Object(doc, "", "codec");
    CodecInfo codec;
    codec.name = r.String(c, "codec", "name");
    codec.version = r.StringOr(c, "codec", "version");
    codec.weights = r.StringOr(c, "codec", "weights");
    codec.weights_sha256 = r.StringOr(c, "codec", "weights_sha256");
    codec.decode_device = r.StringOr(c, "codec", "decode_device");
    if (r.Has(c, "settings"))
    {
        codec.settings_json = r.Object(c, "codec", "settings").dump();
    }
    double chunk_duration_s = r.Number(doc, "", "chunk_duration_s");
    const Json& layered = r.Get(doc, "", "layered");
    if (!layered.is_boolean())
    {
        r.Fail("layered", "not true or false");
    }
    const Json& chunks_json = r.Array(doc, "", "chunks");
    std::vector<ChunkInfo> chunks;
    for (std::size_t i = 0; i < chunks_json.size(); ++i)
    {
        std::string path = "chunks[" + std::to_string(i) + "]";
        const Json& cj = chunks_json[i];
        if (!cj.is_object())
        {
            r.Fail(path, "not an object");
        }
        if (r.Integer(cj, path, "index") != i)
        {
            r.Fail(path + ".index", "must be " + std::to_string(i) + " (0, 1, 2, ... in order)");
        }
        ChunkInfo chunk;
        chunk.duration_s = r.NumberOr(cj, path, "duration_s", chunk_duration_s);
        const Json& layers = r.Array(cj, path, "layers");
        for (std::size_t l = 0; l < layers.size(); ++l)
        {
            chunk.layers.push_back(
                ReadLayer(r, layers[l], path + ".layers[" + std::to_string(l) + "]"));
        }
        if (chunk.layers.empty())
        {
            r.Fail(path + ".layers", "empty");
        }
        chunks.push_back(std::move(chunk));
    }
    VideoProfile p = VideoProfile::FromChunks(video,
                                              codec,
                                              chunk_duration_s,
                                              layered.get<bool>(),
                                              std::move(chunks),
                                              name);
    if (r.Has(doc, "exit_count") && r.Integer(doc, "", "exit_count") != p.GetExitCount())
    {
        r.Fail("exit_count", "differs from the number of exits the layers list");
    }
    return p;
}

// Sabre's manifest: {"segment_duration_ms", "bitrates_kbps": [...], "segment_sizes_bits": [[...]]}
VideoProfile
ReadSabre(const Json& doc, const std::string& name)
{
    FieldReader r(name);
    double segment_ms = r.Number(doc, "", "segment_duration_ms");
    if (!(segment_ms > 0))
    {
        r.Fail("segment_duration_ms", "must be > 0");
    }
    const Json& bitrates = r.Array(doc, "", "bitrates_kbps");
    const Json& sizes = r.Array(doc, "", "segment_sizes_bits");
    VideoInfo video;
    video.name = std::filesystem::path(name).stem().string();
    video.source = name;
    video.width = 1;
    video.height = 1;
    video.fps = 1;
    CodecInfo codec;
    codec.name = "sabre-manifest";
    std::vector<ChunkInfo> chunks;
    for (std::size_t i = 0; i < sizes.size(); ++i)
    {
        std::string path = "segment_sizes_bits[" + std::to_string(i) + "]";
        if (!sizes[i].is_array() || sizes[i].size() != bitrates.size())
        {
            r.Fail(path,
                   "must list one size per bitrate (" + std::to_string(bitrates.size()) + ")");
        }
        ChunkInfo chunk;
        for (std::size_t q = 0; q < bitrates.size(); ++q)
        {
            std::string field = path + "[" + std::to_string(q) + "]";
            const Json& bits = sizes[i][q];
            const Json& kbps = bitrates[q];
            if (!bits.is_number() || !(bits.get<double>() > 0) ||
                !std::isfinite(bits.get<double>()))
            {
                r.Fail(field, "must be a number of bits > 0");
            }
            if (!kbps.is_number() || !(kbps.get<double>() > 0) ||
                !std::isfinite(kbps.get<double>()))
            {
                r.Fail("bitrates_kbps[" + std::to_string(q) + "]", "must be a number > 0");
            }
            LayerInfo layer;
            if (bits.get<double>() > 8e12)
            {
                r.Fail(field, "implausibly large");
            }
            layer.bytes = static_cast<std::uint64_t>(std::ceil(bits.get<double>() / kBitsPerByte));
            layer.bitrate_bps = kbps.get<double>() * kBpsPerKbps;
            layer.psnr_db = kNaN;
            layer.ssim = kNaN;
            chunk.layers.push_back(layer);
        }
        chunks.push_back(std::move(chunk));
    }
    video.frames = chunks.size();
    return VideoProfile::FromChunks(video,
                                    codec,
                                    segment_ms / kMsPerS,
                                    false,
                                    std::move(chunks),
                                    name);
}
} // namespace

VideoProfile
VideoProfile::ParseJson(std::string_view text, const std::string& name)
{
    Json doc = ParseJsonDocument(text, name);
    if (!doc.is_object())
    {
        throw InputError::InFile(name, "expected a JSON object");
    }
    try
    {
        if (doc.contains("segment_sizes_bits"))
        {
            return ReadSabre(doc, name);
        }
        return ReadV1(doc, name);
    }
    catch (const Json::exception& e)
    {
        // Any type mismatch that slipped past the checks above still names the file.
        throw InputError::InFile(name, std::string("malformed profile: ") + e.what());
    }
}

VideoProfile
VideoProfile::LoadPensieveFolder(const std::string& folder, double chunk_duration_s)
{
    namespace fs = std::filesystem;
    std::vector<ChunkInfo> chunks;
    std::size_t level = 0;
    for (;; ++level)
    {
        fs::path file = fs::path(folder) / ("video_size_" + std::to_string(level));
        if (!fs::exists(file))
        {
            break;
        }
        std::string name = file.string();
        std::string text = ReadTextFile(name);
        std::vector<NumberedLine> lines = SplitLines(text);
        if (lines.empty())
        {
            throw InputError::InFile(name, "the file is empty");
        }
        if (level > 0 && lines.size() != chunks.size())
        {
            throw InputError::InFile(name,
                                     "has " + std::to_string(lines.size()) +
                                         " chunks, video_size_0 has " +
                                         std::to_string(chunks.size()));
        }
        chunks.resize(lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i)
        {
            double bytes = ParseNumber(lines[i].text, name, lines[i].number, "chunk size in bytes");
            if (bytes < 1 || bytes != std::floor(bytes) || bytes > 1e12)
            {
                throw InputError::AtLine(name,
                                         lines[i].number,
                                         "chunk size must be a whole number >= 1");
            }
            LayerInfo layer;
            layer.bytes = static_cast<std::uint64_t>(bytes);
            layer.psnr_db = kNaN;
            layer.ssim = kNaN;
            chunks[i].layers.push_back(layer);
        }
    }
    if (level == 0)
    {
        throw InputError::InFile(folder, "no video_size_0 file (a Pensieve profile folder)");
    }
    VideoInfo video;
    video.name = fs::path(folder).filename().string();
    video.source = folder;
    video.width = 1;
    video.height = 1;
    video.fps = 1;
    video.frames = chunks.size();
    CodecInfo codec;
    codec.name = "pensieve-video-size";
    return FromChunks(video, codec, chunk_duration_s, false, std::move(chunks), folder);
}

VideoProfile
VideoProfile::Load(const std::string& path)
{
    if (std::filesystem::is_directory(path))
    {
        return LoadPensieveFolder(path);
    }
    return ParseJson(ReadTextFile(path), path);
}

} // namespace ns3
