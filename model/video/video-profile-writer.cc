// Writes a VideoProfile as JSON v1 (profile.schema.json), keys in the schema's order.
#include "video-profile.h"

#include "ns3/input-error.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ns3
{

std::string
VideoProfileToJson(const VideoProfile& p)
{
    using Json = nlohmann::ordered_json;
    const std::string& name = p.GetVideo().name;
    if (!p.HasQuality())
    {
        throw InputError::InFile(name, "quality is unknown; a v1 profile needs psnr_db and ssim");
    }
    Json doc;
    doc["format"] = "layered-video-profile";
    doc["version"] = VideoProfile::kFormatVersion;
    const VideoInfo& v = p.GetVideo();
    Json video;
    video["name"] = v.name;
    if (!v.source.empty())
    {
        video["source"] = v.source;
    }
    video["width"] = v.width;
    video["height"] = v.height;
    video["fps"] = v.fps;
    video["frames"] = v.frames;
    doc["video"] = video;
    const CodecInfo& c = p.GetCodec();
    Json codec;
    codec["name"] = c.name;
    auto optional = [&codec](const char* key, const std::string& value) {
        if (!value.empty())
        {
            codec[key] = value;
        }
    };
    optional("version", c.version);
    optional("weights", c.weights);
    optional("weights_sha256", c.weights_sha256);
    codec["settings"] = Json::parse(c.settings_json);
    optional("decode_device", c.decode_device);
    doc["codec"] = codec;
    doc["chunk_duration_s"] = p.GetChunkDuration_s();
    doc["layered"] = p.IsLayered();
    if (p.GetExitCount() > 0)
    {
        doc["exit_count"] = p.GetExitCount();
    }
    Json chunks = Json::array();
    for (std::uint32_t i = 0; i < p.GetChunkCount(); ++i)
    {
        const ChunkInfo& chunk = p.GetChunk(i);
        Json cj;
        cj["index"] = i;
        if (chunk.duration_s != p.GetChunkDuration_s())
        {
            cj["duration_s"] = chunk.duration_s;
        }
        Json layers = Json::array();
        for (const LayerInfo& layer : chunk.layers)
        {
            Json lj;
            lj["bytes"] = layer.bytes;
            if (layer.bitrate_bps > 0)
            {
                lj["bitrate_bps"] = layer.bitrate_bps;
            }
            lj["psnr_db"] = layer.psnr_db;
            lj["ssim"] = layer.ssim;
            if (layer.ms_ssim > 0)
            {
                lj["ms_ssim"] = layer.ms_ssim;
            }
            if (!layer.exits.empty())
            {
                Json exits = Json::array();
                for (const ExitInfo& e : layer.exits)
                {
                    exits.push_back(
                        {{"psnr_db", e.psnr_db}, {"ssim", e.ssim}, {"decode_ms", e.decode_ms}});
                }
                lj["exits"] = exits;
            }
            layers.push_back(lj);
        }
        cj["layers"] = layers;
        chunks.push_back(cj);
    }
    doc["chunks"] = chunks;
    return doc.dump(1) + "\n";
}

} // namespace ns3
